"""Review of votes17 (/work/notes/review_votes17.md, section 1): replies votes17 counted wrong that main did not.

"Edit:" counted as a correction whatever it fixed ("Yes / Edit: no, not Thursday — Friday" counted No),
a later "Actually, …" that names no option gave way to the correction before it ("No. Actually yes.
Actually, what would it cost?" counted Yes), "oops, meant to add: yes" and Polish "tak, jak" ("as") read
as a corrected yes; and a proxy note after the answer ("Yes" / "This is Tom's wife replying") was not read.
Each reply is counted as the member meant it or asked back, never counted as another option.
"""
from __future__ import annotations

import pytest

from tests.review_ballots import answer_on

CASES = [
    # wrong on main too: a consequence of the motion after a BTW
    ("Yes\n\nBTW it'll kill us", 'ASK', 'M'),
    ("Yes\n\nAnna here (using Tom's account)", 'ASK', 'M'),
    ("Yes\n\nThis is Tom's wife replying", 'ASK', 'M'),
    ('Yes\n\nEdit: no\n\nEdit 2: yes', 'Yes|ASK', 'M'),
    ('No. Actually yes. Actually, what would it cost?', 'ASK', 'M'),
    ('Yes\nEdit: no\nEdit: hmm, not sure anymore', 'ASK', 'M'),
    ("Yes. Actually no.\n\nEdit: actually, I don't know", 'ASK', 'M'),
    ('Yes\n\nEdit: no\nUpdate: yes', 'Yes|ASK', 'M'),
    ('No\nEdit: actually yes\nEdit2: no', 'No|ASK', 'M'),
    ('Yes\nEdit (10pm): no', 'No|ASK', 'M'),
    ('Ja. Eigentlich nein. Eigentlich weiß ich es nicht.', 'ASK', 'M'),
    ('No. Actually yes. Actually, I need to read it again.', 'ASK', 'M'),
    ('Yes\n\nActually no\n\nActually, ask me again tomorrow', 'ASK', 'M'),
    ('Yes\nEdit: Nope, typo only', 'Yes|ASK', 'M'),
    ('Yes\n\nEdit: no, I just fixed a typo', 'Yes|ASK', 'M'),
    ("No\n\nEdit: yes, I know it's late", 'No|ASK', 'M'),
    ('Nie. Właściwie tak, jak mówiłem na zebraniu.', 'No', 'M'),
    ('Yes\n\nEdit: no, not Thursday — Friday', 'Yes', 'M'),
    ('No\n\nEdit: yes, the meeting is Friday', 'No', 'M'),
    ("Yes\n\nEdit: nope, I got the date wrong, it's the 14th", 'Yes|ASK', 'M'),
    ("Yes\n\nEdit: no, it's Tom's email, not Tim's", 'Yes|ASK', 'M'),
    ('No\n\nEdit: yes, I did get the documents', 'No', 'M'),
    ('Yes\n\nEdit: nope, never mind the question about parking', 'Yes|ASK', 'M'),
    ('No\n\nEdit: Yes, that was me at the back of the room', 'No', 'M'),
    ("Yes\n\nEdit: no, I won't need a lift", 'Yes', 'M'),
    ("No\n\nEdit: yes please, I'd like the minutes", 'No', 'M'),
    ('Oui\n\nEdit : non, pas jeudi, vendredi', 'Yes', 'M'),
    ('Ja\n\nEdit: nein, nicht Donnerstag, Freitag', 'Yes', 'M'),
    ('Sí\n\nEdit: no, el jueves no, el viernes', 'Yes', 'M'),
    ('Tak\n\nEdit: nie, nie w czwartek, w piątek', 'Yes', 'M'),
    ("No. Oops, meant to add: yes, I'll still come to the AGM", 'No', 'M'),
    ('No\nOops meant to add: yes, I read everything', 'No', 'M'),
    ('Yes. Actually, no. Actually, hmm.', 'ASK', 'M'),
    ('No. Actually yes. Actually, give me a day.', 'ASK', 'M'),
    ("No. Actually yes. Actually, I've got a question first: who pays?", 'ASK', 'M'),
    ("Yes. Actually no. Actually, I'm torn.", 'ASK', 'M'),
    ("No\n\nActually, yes\n\nActually, I'll call you", 'ASK', 'M'),
    ('Yes\n\nEdit: no\n\nEdit: let me check with Tom first', 'ASK', 'M'),
    ('No\nEdit: yes\nEdit: wait for my next email', 'ASK', 'M'),
    ('Yes\nEdit: no\nEdit: ignore the edit above', 'Yes|ASK', 'M'),
    ('Ja. Eigentlich nein. Eigentlich muss ich noch überlegen.', 'ASK', 'M'),
    ('Sí. En realidad no. En realidad, tengo dudas.', 'ASK', 'M'),
    ('Tak. A właściwie nie. Właściwie muszę się zastanowić.', 'ASK', 'M'),
    ('Ja. Eigenlijk nee. Eigenlijk twijfel ik.', 'ASK', 'M'),
    ("Yes. Actually no. Actually — I'd rather talk to Paul first.", 'ASK', 'M'),
    ('No. Actually yes. Actually, ask Anna, she knows better.', 'ASK', 'M'),
    ('Nie. To znaczy tak, jak mówiłam: za drogo.', 'No', 'M'),
]


@pytest.mark.parametrize("reply, expected, ballot", CASES)
def test_created_wrong_counts_are_not_counted(reply, expected, ballot):
    got, reason = answer_on(reply, ballot)
    assert got in expected.split("|") + ["ASK"], f"{reply!r}: counted {got}, expected {expected} ({reason})"
