"""Reply texts that blind batch 12 of the corpus (#15, b12r_ files: everyday English mail of many
clients) showed were misread, each as a rule of its own with the look-alikes that must not change.
A member answers a draft; what the network keeps as her words is read from the whole message as
it arrives:

- a rule of two underscores ("__") above a name and a role is a signature delimiter as "--" is;
  "__" above more of the member's prose is not;
- a "-- " line indented (html2text renders Thunderbird's `<pre class="moz-signature">` with four
  spaces) still opens the signature;
- "Anna wrote:" above lines behind a "|" bar (some webmails quote that way) ends the text; a
  table the member draws with "|" under her own "… wrote:" line does not;
- lines that open with header-field words but read as sentences, with no date nor address
  ("From: the treasurer's point of view, …" / "Sent: to the committee, …"), are the member's
  prose, not an Outlook header block; a real block with a date or an address still is.
"""
from __future__ import annotations

import pytest

from tests.test_machine_mail_reading import raw, read
from tests.test_reading_batch11_replies import HEAD, ORIGINAL, QUOTE  # one draft and quote for both batches

def answer(body: str, headers: str = "") -> str:
    """The new text the network reads from a member's reply with this body."""
    mail = read(raw(HEAD + ("\n" + headers if headers else ""), body))
    assert not mail.auto_reply and mail.bounce is None  # a member's answer is never machine mail
    return mail.new_text


@pytest.mark.parametrize("signature", ["Helen Park\nVolunteer lead, North", "Helen\n+44 7700 900123"])
def test_two_underscores_above_a_name_and_a_role_open_the_signature(signature):
    assert answer(f"Supportive of the draft.\n\n__\n{signature}\n\n{QUOTE}") == "Supportive of the draft."
    assert answer(f"Supportive of the draft.\n\n__\n{signature}\n") == "Supportive of the draft."


def test_two_underscores_above_more_prose_are_the_members():
    body = ("Supportive of the draft.\n\n__\nOne more thing I should have said earlier: the receipts rule "
            "needs a deadline that the drivers can actually meet, so sixty days rather than thirty.\n\n" + QUOTE)
    assert "sixty days rather than thirty" in answer(body)


def test_thunderbirds_html_signature_rendered_indented_is_no_part_of_the_answer():
    html = ('<html><body><p>Yes, I support this draft.</p><div class="moz-cite-prefix">On 11/03/2026 09:02, '
            'Refuge Network wrote:<br></div><blockquote type="cite"><pre class="moz-quote-pre">'
            + ORIGINAL + '</pre></blockquote><br><pre class="moz-signature" cols="72">-- \nTom Reed\n'
            'Driver coordinator</pre></body></html>\n')
    text = answer(html, "Content-Type: text/html; charset=utf-8")
    assert text == "Yes, I support this draft."


def test_an_indented_code_block_of_the_member_stays():
    body = "Run this:\n\n    make totals\n    --year 2026\n\nThen it works.\n\n" + QUOTE
    assert answer(body) == "Run this:\n\n    make totals\n    --year 2026\n\nThen it works."


def test_a_quote_behind_a_bar_under_name_wrote_is_quote():
    body = "Fine by me.\n\nRefuge Network wrote:\n" + "".join(
        f"| {line}\n" if line else "|\n" for line in ORIGINAL.splitlines())
    assert answer(body) == "Fine by me."


def test_a_table_under_the_members_own_wrote_line_stays():
    body = ("Here is what Jim wrote:\n| trips | km |\n| 41 | 1200 |\n\nSo the cap works.\n\n" + QUOTE)
    assert answer(body) == "Here is what Jim wrote:\n| trips | km |\n| 41 | 1200 |\n\nSo the cap works."


def test_prose_that_opens_with_from_and_sent_is_the_members():
    body = ("From: the treasurer's point of view, the draft is workable.\n"
            "Sent: to the committee already by Amira, I think.\n\n" + QUOTE)
    assert answer(body) == ("From: the treasurer's point of view, the draft is workable.\n"
                            "Sent: to the committee already by Amira, I think.")


@pytest.mark.parametrize("block", [
    "From: Refuge Network\nSent: Wednesday, March 11, 2026 9:02 AM\nTo: Member\nSubject: Draft 12.",
    "From: Refuge Network <network@example.org>\nSent: yesterday.\nTo: Member.\nSubject: the draft.",
])
def test_a_header_block_with_a_date_or_an_address_still_ends_the_text(block):
    assert answer(f"Approved.\n\n{block}\n\n{ORIGINAL}") == "Approved."
