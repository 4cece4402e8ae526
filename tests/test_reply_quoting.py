"""`ReplyText.quoting`: the reply reader says whether a quote of another message stands below where it
stopped (">" lines, an attribution, a header block in any language `quote_headers` knows), which tells a
member's absence reply (her mail program quotes what she answers) from an absence notice (it never does).
Until the review of 2026-12-03 parse.py asked a pattern of its own that knew the header block in eight
languages, and only two lines of it."""
from __future__ import annotations

from mailer.reply import read_reply
from tests.test_machine_mail_reading import raw, read

ANSWER = "In-Reply-To: <abcdefghijklmnopqrstuvwxyz.1@example.org>\nTo: network@example.org"
ABSENT = "Sono in ferie fino al 14 dicembre. Risponderò al mio rientro."
ITALIAN_OUTLOOK = ("\n\nDa: Refuge Network <network@example.org>\nInviato: giovedì 3 dicembre 2026 08:58\n"
                   "A: Giulia <giulia@it.example>\nOggetto: [Vote 7] Budget\n\nVote 7: Approve the 2027 budget\n")


def test_a_header_block_under_her_words_is_a_quote():
    assert read_reply(ABSENT + ITALIAN_OUTLOOK).quoting is True


def test_a_quote_under_her_signature_is_a_quote():
    signed = ABSENT + "\n\n-- \nGiulia Rossi\nTesoriera" + ITALIAN_OUTLOOK
    assert read_reply(signed).quoting is True


def test_a_signature_alone_is_no_quote():
    assert read_reply(ABSENT + "\n\n-- \nGiulia Rossi\nTesoriera\n").quoting is False


def test_her_absence_over_the_quoted_ballot_is_a_persons_reply():
    got = read(raw(f"From: Giulia <giulia@it.example>\n{ANSWER}\nSubject: R: [Vote 7] Budget\n", ABSENT + ITALIAN_OUTLOOK))
    assert not got.auto_reply and got.bounce is None


def test_the_same_words_with_nothing_quoted_are_an_absence_notice():
    got = read(raw(f"From: Giulia <giulia@it.example>\n{ANSWER}\nSubject: [Vote 7] Budget\n", ABSENT))
    assert got.auto_reply
