"""Reply texts that blind batch 13 of the corpus (#15, b13r_ files: replies to a network's draft from
some sixty clients in forty-odd languages) and two earlier known misses showed were misread, each
as a rule of its own with the look-alikes that must not change. A member answers a draft; what the
network keeps as her words is read from the whole message as it arrives:

- attribution verbs of more of Gmail's locales (Welsh "ysgrifennodd", Swahili "aliandika",
  Afrikaans "geskryf", Galician "escribiu", Basque "idatzi zuen") and Apple Mail's Polish
  "Wiadomość napisana przez … w dniu …:" open the quote even when it is not `>`-prefixed;
- a signature block (a name, a rule, phone numbers) ends where the quote's attribution starts in
  any language: a dated line ending with a colon right above a `>` quote closes the block as a
  known attribution does;
- NetEase Mail Master's "---- 回复的原邮件 ----" is a separator, as its English "Replied Message" is;
- a rule right above the greeting Convenor's messages open with ("----------" / "Hello Member,"),
  not announced by the member's line above ("Here is my rewrite:"): the message answered, pasted
  under the member's text without headers; her text ends at the rule (another greeting, "Dear
  Councillor Smith,", opens her own proposed wording, which stays);
- a header block opening the message over the unprefixed original, and the member's words under
  the original's signature (Windows Live Mail, Outlook Express): those words are her reply;
- Outlook's header labels in more locales: Icelandic "Frá: / Sent: / Til: / Efni:", Latvian "No: /
  Nosūtīts: / Kam: / Tēma:" (its "No:" counted only among three fields: a voter's "No: …" stays).
"""
from __future__ import annotations

import pytest

from mailer.quote_markers import attribution_span
from mailer.reply_lines import Lines
from tests.test_drafts_circulation import circulate, digest_at_deadline, net  # noqa: F401 - `net` is the fixture
from tests.test_machine_mail_reading import raw, read
from tests.test_reading_batch11_replies import HEAD, ORIGINAL, QUOTE  # one draft and quote for every batch


def answer(body: str, headers: str = "") -> str:
    """The new text the network reads from a member's reply with this body."""
    mail = read(raw(HEAD + ("\n" + headers if headers else ""), body))
    assert not mail.auto_reply and mail.bounce is None  # a member's answer is never machine mail
    return mail.new_text


ATTRIBUTIONS = [
    "Ar Mer, 11 Maw 2026 am 09:02, Refuge Network <network@example.org> ysgrifennodd:",
    "Mnamo Jumatano, 11 Mac 2026 saa 09:02, Refuge Network <network@example.org> aliandika:",
    "Op Wo. 11 Mrt. 2026 om 09:02 het Refuge Network <network@example.org> geskryf:",
    "O mér., 11 de mar. de 2026 ás 09:02, Refuge Network (<network@example.org>) escribiu:",
    "Refuge Network (<network@example.org>) erabiltzaileak hau idatzi zuen (2026 mar. 11, az. (09:02)):",
    "Wiadomość napisana przez Refuge Network <network@example.org> w dniu 11.03.2026, o godz. 09:02:",
]


@pytest.mark.parametrize("attribution", ATTRIBUTIONS)
def test_more_locales_attributions_open_an_unprefixed_quote(attribution):
    assert attribution_span(Lines([attribution, "", ORIGINAL]), 0) == 1
    assert answer(f"I agree with the draft.\n\n{attribution}\n\n{ORIGINAL}") == "I agree with the draft."


@pytest.mark.parametrize("line", [
    "Dyma beth ysgrifennodd Anna:",  # "here is what Anna wrote:": no date, no address
    "Wiadomość napisana przez Annę:",
])
def test_the_same_verbs_in_the_members_own_words_stay(line):
    body = f"Agreed.\n\n{line}\nThe receipts rule needs a deadline.\n\n{QUOTE}"
    assert answer(body) == f"Agreed.\n\n{line}\nThe receipts rule needs a deadline."


SIGNATURE = ("Siân Evans\n----------------------------------\nTel.:   +44 29 2000 0000\nMobile: +44 7700 900123\n"
             "Web:    https://caerdydd.example\n----------------------------------")
# Albanian Gmail: a verb no table here knows, a date and an address, a `>` quote under it
UNKNOWN_LOCALE = "Më të mërkurën, 11 mars 2026 në 9:02 e paradites, Refuge Network <network@example.org> shkroi:"


def test_a_signature_block_ends_at_an_attribution_of_any_language():
    quote = "".join(f"> {line}\n" if line else ">\n" for line in ORIGINAL.splitlines())
    text = answer(f"Rwy'n cytuno.\n\n{SIGNATURE}\n\n{UNKNOWN_LOCALE}\n\n{quote}")
    assert text == "Rwy'n cytuno."


def test_prose_under_a_rule_above_such_an_attribution_stays():
    quote = "".join(f"> {line}\n" if line else ">\n" for line in ORIGINAL.splitlines())
    prose = ("Rwy'n cytuno.\n\n----------\nOne more thing, about section 2: the receipts rule needs a deadline that the "
             "drivers can actually meet, so sixty days rather than thirty, as we said at the last meeting in March.")
    assert "sixty days rather than thirty" in answer(f"{prose}\n\n{UNKNOWN_LOCALE}\n\n{quote}")


def test_netease_mail_masters_replied_message_separator_ends_the_text():
    table = ("---- 回复的原邮件 ----\n| 发件人 | Refuge Network<network@example.org> |\n| 日期 | 2026年03月11日 09:02 |\n"
             "| 收件人 | member<member@example.net> |\n| 主题 | [Draft 12] Volunteer travel expenses |\n\n")
    assert answer("同意这个草案。\n\n" + table + ORIGINAL) == "同意这个草案。"


def test_a_framed_title_in_the_members_own_text_stays():
    body = "同意这个草案。\n\n---- 我们小组的意见 ----\n第二条需要一个期限。\n\n" + QUOTE
    assert "第二条需要一个期限" in answer(body)


def test_a_letter_pasted_under_a_rule_is_the_quote():
    assert answer(f"Approve.\n\n----------\n{ORIGINAL}") == "Approve."
    assert answer(f"Approve.\n\n-----\n\nBonjour Member,\n\n{ORIGINAL.split(chr(10), 2)[2]}") == "Approve."
    # a greeting Convenor never writes ("Dear Member,") may open the member's own wording: kept whole
    kept = answer(f"Approve.\n\n-----\n\nDear Member,\n\n{ORIGINAL.split(chr(10), 2)[2]}")
    assert kept.startswith("Approve.\n\n-----\n\nDear Member,") and "Feedback is due" in kept


REWRITE = ("Dear Councillor Smith,\n\nWe write on behalf of the Refuge Network to ask for the travel fund to stay."
           "\n\nYours sincerely,\nRefuge Network")


@pytest.mark.parametrize("above, rule, letter", [
    ("I think the letter should be shorter. Here is my rewrite:", "----------", REWRITE),
    ("My version of the opening:", "----", "Dear all,\n\nThe network meets on Friday to plan the clean-up.\n\nBest,\nGrace"),
    ("I would send this one instead, below", "-----",
     "Hello Member,\n\nAmira asks for your feedback on a short letter.\n\nThanks"),
    ("Shorter is better.", "----------", REWRITE),
])
def test_the_members_own_letter_under_a_rule_reaches_the_author(above, rule, letter):
    """A rule over a letter the member wrote (another greeting than Convenor's, or one she
    announces: "Here is my rewrite:") is her proposed wording: it stays in her text, whole."""
    assert answer(f"{above}\n\n{rule}\n\n{letter}\n\n{QUOTE}") == f"{above}\n\n{rule}\n\n{letter}"


@pytest.mark.parametrize("below", [
    "Notes from our group meeting:\nwe agree with section 2.",
    "Hello from the south group too: we agree with section 2.",
    "PS: the receipts rule needs a deadline.",
])
def test_the_members_own_lines_under_a_rule_stay(below):
    assert answer(f"Approve.\n\n----------\n{below}\n\n{QUOTE}") == f"Approve.\n\n----------\n{below}"


WLM_BLOCK = ("----- Original Message -----\nFrom: \"Refuge Network\" <network@example.org>\nTo: <member@example.net>\n"
             "Sent: Wednesday, March 11, 2026 9:02 AM\nSubject: [Draft 12] Volunteer travel expenses\n\n")


def test_the_members_words_under_an_unprefixed_original_are_her_reply():
    body = WLM_BLOCK + ORIGINAL + "\nComment: section 2 should say \"public transport first\".\n\nJo\n"
    assert answer(body) == "Comment: section 2 should say \"public transport first\".\n\nJo"


@pytest.mark.parametrize("body", [
    WLM_BLOCK + ORIGINAL,  # nothing written: nothing read
    WLM_BLOCK + ORIGINAL.replace("-- \nRefuge Network\n", "Refuge Network\n"),  # no signature: no end known
    # a forwarded message's block: what follows is the forwarded message, all of it
    "---------- Forwarded message ---------\nFrom: Refuge Network <network@example.org>\n"
    "Date: Wed, 11 Mar 2026 at 09:02\nSubject: [Draft 12] Volunteer travel expenses\nTo: <member@example.net>\n\n"
    + ORIGINAL + "\nYou are receiving this because you are a member.\n",
    # the original's list footer under its signature, behind a rule of underscores
    WLM_BLOCK + ORIGINAL + "\n_______________________________________________\nRefuge mailing list\nrefuge@example.org\n",
])
def test_an_original_with_nothing_the_member_wrote_under_it_gives_no_text(body):
    assert answer(body) == ""


def test_a_reply_under_the_unprefixed_draft_and_one_above_a_netease_separator_reach_the_author(net):
    out = circulate(net)
    li = net.only_message_to("li@example.org", out)
    block = (f"----- Original Message -----\nFrom: \"Test Network\" <{net.list_address}>\nTo: <li@example.org>\n"
             f"Sent: Monday, January 04, 2027 9:00 AM\nSubject: {li.subject}\n\n")
    original = li.text.replace("\r\n", "\n")
    assert "\n-- \n" in original  # the network signs its mail: the end of the original she wrote under
    net.reply(li, block + original.rstrip("\n") + "\n\nThe hotline number on page 2 is out of date.\n", quote=False)
    sofia = net.only_message_to("sofia@example.org", out)
    table = (f"---- 回复的原邮件 ----\n| 发件人 | Test Network<{net.list_address}> |\n| 日期 | 2027年01月04日 09:00 |\n"
             f"| 主题 | {sofia.subject} |\n\n")
    net.reply(sofia, "封面很好。\n\n" + table + sofia.text.replace("\r\n", "\n"), quote=False)
    net.step()
    acks = net.new_messages()
    assert {m.to for m in acks} >= {"li@example.org", "sofia@example.org"}
    digest = digest_at_deadline(net)
    assert "The hotline number on page 2 is out of date." in digest.text
    assert "封面很好。" in digest.text
    assert "回复的原邮件" not in digest.text and "Original Message" not in digest.text
    assert digest.text.count("Please check the hotline numbers.") <= 1  # the draft is not quoted back as feedback


@pytest.mark.parametrize("block", [
    "Frá: Refuge Network <network@example.org>\nSent: miðvikudagur, 11. mars 2026 09:02\nTil: Member\nEfni: [Draft 12] Volunteer travel expenses",
    "Frá: Refuge Network\nSent: miðvikudagur, 11. mars 2026 09:02\nTil: Member\nEfni: [Draft 12] Volunteer travel expenses",
    "No: Refuge Network <network@example.org>\nNosūtīts: trešdiena, 2026. gada 11. marts 09:02\nKam: Member\nTēma: [Draft 12] Volunteer travel expenses",
    "Nuo: Refuge Network <network@example.org>\nIšsiųsta: 2026 m. kovo 11 d. 09:02\nKam: Member\nTema: [Draft 12] Volunteer travel expenses",
])
def test_outlook_header_blocks_in_more_locales_end_the_text(block):
    assert answer(f"Sammála.\n\n{block}\n\n{ORIGINAL}") == "Sammála."


@pytest.mark.parametrize("vote", ["No: too expensive.\nDate: not before March.", "No: 3 March\nDate: 10 March works for me"])
def test_a_voters_no_line_over_one_field_like_line_stays(vote):
    assert answer(f"{vote}\n\n{QUOTE}") == vote
