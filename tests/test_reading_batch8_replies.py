"""Reply texts that blind batch 8 of the corpus (#15, b8r_ files) showed were misread, each as a
rule of its own with the look-alikes that must not change:

- a company's signature block under a closing formula ends at its legal notice ("Kind regards" /
  name, role, address, phone / "This e-mail and any attachments are confidential …"): the block
  goes, the closing stays;
- a member's first line that looks like a header field ("To: all coordinators") followed by a
  sentence opens no header block (a real block's next line is a field, or a field's wrapped rest);
- ">50 people came" alone on its line, touching no quote and under no colon, is "more than";
- the sender's own address alone under the text (Foxmail's and QQ Mail's signature) is no part
  of the member's words; another address, or one introduced by a colon, is.
"""
from __future__ import annotations

import pytest

from mailer.reply import extract_new_text
from tests.test_machine_mail_reading import raw, read

QUOTE = "> Hello,\n>\n> Sam Carter is circulating a draft for your feedback.\n> Feedback is due on Friday.\n"
OUTLOOK = ("________________________________\nFrom: Refuge Network <network+d9@example.org>\n"
           "Sent: 11 March 2026 09:02\nTo: Amina <amina@example.net>\nSubject: [Draft 9] Welcome pack\n\n"
           "Hello,\n\nSam Carter is circulating a draft for your feedback.\n")


@pytest.mark.parametrize("closing, block, notice", [
    ("Kind regards", "Sanne de Vries\nProject Manager | Integration Services\nCity of Example – Social Affairs\n"
     "Townhall Square 1, 12345 Example\nPhone: +49 30 9876-5432\nwww.example-city.example",
     "This e-mail and any attachments are confidential and intended solely for the\naddressee."),
    ("Mit freundlichen Grüßen", "Piotr Nowak\nReferentin Ehrenamt\n\nCaritasverband Beispielstadt e.V.\n"
     "Hauptstraße 5 · 12345 Beispielstadt\nTelefon: 0301 23456-78",
     "Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen."),
])
def test_a_signature_block_ends_at_the_companys_legal_notice(closing, block, notice):
    text = extract_new_text(f"Please count me as a yes.\n\n{closing}\n\n{block}\n\n{notice}\n\n{OUTLOOK}")
    assert text == f"Please count me as a yes.\n\n{closing}"


def test_prose_under_a_closing_is_still_the_members():
    body = ("Please count me as a yes.\n\nKind regards\n\nI forgot: the helpline number changed last week,\n"
            "please use the new one on page 2 of the draft.\n\n" + OUTLOOK)
    assert "the helpline number changed" in extract_new_text(body)


@pytest.mark.parametrize("first", ["To: all coordinators", "Subject: the evening sessions need a second volunteer.",
                                   "Re: the map on page 3"])
def test_a_first_line_like_a_field_above_a_sentence_is_the_members(first):
    text = extract_new_text(f"{first}\nPlease add the legal advice clinic to page 2.\n\n{OUTLOOK}")
    assert text == f"{first}\nPlease add the legal advice clinic to page 2."


@pytest.mark.parametrize("block", [
    "From: Refuge Network <network+d9@example.org>\nSent: 11 March 2026 09:02\nTo: Amina\nSubject: [Draft 9]",
    "From: Darren New <dnew@example.net>\nOrganization: Bookshelves and file cabinets?\nSubject: Re: Origins\nTo: list@example.net",
    "To: Amina <amina@example.net>,\nSam <sam@example.net>\nSubject: [Draft 9] Welcome pack",
])
def test_a_real_header_block_still_ends_the_text(block):
    assert extract_new_text(f"Agreed.\n\n{block}\n\nHello,\nSam Carter is circulating a draft.\n") == "Agreed."


def test_more_than_a_number_is_no_quote():
    body = (">50 people came last time, so we need the big room.\n\n"
            "On Wed, Mar 11, 2026 at 9:02 AM Refuge Network <network+m7@example.org> wrote:\n\n" + QUOTE)
    assert extract_new_text(body) == ">50 people came last time, so we need the big room."


@pytest.mark.parametrize("body", [
    "On Wed, 11 Mar 2026, Sam wrote:\n>2. Thursday 16 April, 18:00\n\nOnly the second date.",  # a quote under its colon
    ">Feedback is due on Friday.\n>2 weeks is short.\n\nI'll send mine on Thursday.",  # two quoted lines
])
def test_a_quote_that_opens_with_a_figure_stays_a_quote(body):
    text = extract_new_text(body)
    assert text.endswith(("Only the second date.", "I'll send mine on Thursday.")) and ">" not in text


SIGNED = ("From: Claire Dubois <claire.d@posteo.example>\nTo: network+d9@example.org\nSubject: Re: [Draft 9]\n"
          "X-Mailer: Foxmail 7.2.25.254[cn]")
BLOCK = "\n \n发件人： Refuge Network\n发送时间： 2026-03-11 09:02\n收件人： Claire\n主题： [Draft 9]\n\nHello,\n"


def test_the_senders_own_address_under_the_text_is_her_signature():
    assert read(raw(SIGNED, "可以。\n\nclaire.d@posteo.example" + BLOCK)).new_text == "可以。"


@pytest.mark.parametrize("words", [
    "Please write to my colleague from now on.\n\nola@example.com",  # someone else's address
    "My new address, from next week:\n\nclaire.d@posteo.example",  # introduced by a colon
    "claire.d@posteo.example",  # the address alone is all she wrote
])
def test_an_address_the_member_gives_is_kept(words):
    assert read(raw(SIGNED, words + BLOCK)).new_text == words
