"""extract_new_text and html_to_text on hand-made replies from the clients members use."""
from __future__ import annotations

import time

import pytest

from mailer.html_text import html_to_text
from mailer.reply import extract_new_text

BALLOT_EN = """Reply with YES, NO or ABSTAIN
Motion: adopt the 2025 budget.
Voting closes on 10 February."""

BALLOT_FR = """Reply with YES, NO or ABSTAIN
Répondez OUI, NON ou ABSTENTION
Motion : adopter le budget 2025."""


def quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))


def assert_no_ballot(result: str) -> None:
    assert "Reply with" not in result and "Motion" not in result and "Répondez" not in result


CASES = {
    "gmail_top_post": (
        "YES\n\nThanks,\nAlice\n\n"
        "On Mon, Feb 3, 2025 at 10:00 AM Network <network+abcdefghijklmnop@example.org> wrote:\n\n"
        + quoted(BALLOT_EN),
        "YES\n\nThanks,\nAlice"),
    "gmail_wrapped_attribution": (
        "No.\n\nOn Mon, Feb 3, 2025 at 10:00 AM Network Secretary\n<network+abc@example.org>\nwrote:\n\n"
        + quoted(BALLOT_EN),
        "No."),
    "gmail_unprefixed_quote": (
        "Abstain\n\n\nOn Mon, Feb 3, 2025 at 10:00 AM Network <network@example.org>\nwrote:\n\n\n"
        + BALLOT_EN,
        "Abstain"),
    "outlook_original_message": (
        "I vote yes.\n\nBob\n\n-----Original Message-----\nFrom: Network [mailto:network@example.org]\n"
        "Sent: Monday, February 3, 2025 10:00 AM\nTo: Bob\nSubject: [Vote 7] Budget\n\n" + BALLOT_EN,
        "I vote yes.\n\nBob"),
    "outlook_from_sent_block": (
        "NO\n________________________________\nFrom: Network <network@example.org>\n"
        "Sent: Monday, February 3, 2025 10:00\nTo: Carol <carol@example.net>\n"
        "Subject: [Vote 7] Budget\n\n" + BALLOT_EN,
        "NO"),
    "outlook_bold_block_no_separator": (
        "Yes please\n\n*From:* Network <network@example.org>\n*Sent:* Monday, February 3, 2025\n"
        "*To:* Dan\n*Subject:* [Vote 7] Budget\n\n" + BALLOT_EN,
        "Yes please"),
    "outlook_french": (
        "Oui\n\nCordialement,\nÉmilie\n\n________________________________\n"
        "De : Réseau <network@example.org>\nEnvoyé : lundi 3 février 2025 10:00\n"
        "À : Émilie <emilie@example.fr>\nObjet : [Vote 7] Budget\n\n" + BALLOT_FR,
        "Oui\n\nCordialement,\nÉmilie"),
    "outlook_french_no_rule": (
        "NON\r\n\r\nDe : Réseau <network@example.org>\r\nEnvoyé : lundi 3 février 2025 10:00\r\n"
        "À : Émilie\r\nObjet : [Vote 7] Budget\r\n\r\n" + BALLOT_FR.replace("\n", "\r\n"),
        "NON"),
    "apple_mail": (
        "Abstain\n\nSent from my iPhone\n\n"
        "> On 3 Feb 2025, at 10:00, Network <network@example.org> wrote:\n>\n" + quoted(BALLOT_EN),
        "Abstain"),
    "french_gmail_wrapped": (
        "Je vote OUI.\n\nLe lun. 3 févr. 2025 à 10:00, Réseau <network+abc@example.org> a\nécrit :\n\n"
        + quoted(BALLOT_FR),
        "Je vote OUI."),
    "french_gmail_one_line": (
        "Abstention\n\nLe lun. 3 févr. 2025 à 10:00, Réseau <network@example.org> a écrit :\n"
        + quoted(BALLOT_FR),
        "Abstention"),
    "german_gmail": (
        "Ja, einverstanden.\n\nAm Mo., 3. Feb. 2025 um 10:00 Uhr schrieb Netzwerk <\n"
        "network@example.org>:\n\n" + quoted(BALLOT_EN),
        "Ja, einverstanden."),
    "bottom_posted": (
        "On Mon, Feb 3, 2025 at 10:00 AM Network <network@example.org> wrote:\n"
        + quoted(BALLOT_EN) + "\n\nYES from me.\n",
        "YES from me."),
    "bottom_posted_after_greeting": (
        "Hi,\nOn Mon, Feb 3, 2025 at 10:00 AM Network <network@example.org> wrote:\n"
        + quoted(BALLOT_EN) + "\n\nNo, too expensive.\n",
        "Hi,\n\nNo, too expensive."),
    "interleaved": (
        "On Mon, Feb 3, 2025 at 10:00 AM Network <network@example.org> wrote:\n"
        "> Question 1: do you agree with the draft?\n\nMostly, yes.\n\n"
        "> Question 2: any comment on section 3?\n\nSection 3 needs a date.\n\n-- \nFrank\n",
        "Mostly, yes.\n\n\nSection 3 needs a date."),
    "dash_dash_signature": (
        "Option 2\n\n-- \nGrace Hopper\nCoordinator, North\n", "Option 2"),
    "blackberry_and_outlook_mobile": (
        "B\n\nSent from my BlackBerry 10 smartphone.\nGet Outlook for iOS<https://aka.ms/o0ukef>",
        "B"),
    "envoye_de_mon_iphone": ("Oui\n\nEnvoyé de mon iPhone", "Oui"),
    "no_quote_at_all": ("\ufeff  Just a comment on section 2.\r\n\r\nThanks!  \r\n",
                        "Just a comment on section 2.\n\nThanks!"),
    "sent_from_my_desk_is_prose": (
        "Here is my feedback.\n\nSent from my desk, is much easier than my phone.",
        "Here is my feedback.\n\nSent from my desk, is much easier than my phone."),
    "one_is_not_on": (
        "One outstanding question: who chairs?\n\nOn Mon, Feb 3, 2025, Network wrote:\n> agenda",
        "One outstanding question: who chairs?"),
    "on_your_remote_host": (
        "On your remote host the draft is fine.\n\nOn 3 Feb 2025, at 10:00, Network wrote:\n> draft",
        "On your remote host the draft is fine."),
    "gateway_banner": (
        "CAUTION: This email originated from outside of the organization.\n\nYES\n\n"
        "From: Network\nSent: Monday\nSubject: vote\n\n" + BALLOT_EN,
        "YES"),
    "dutch_outlook": (
        "Ja\n\n*Van:* Netwerk <network@example.org>\n*Verzonden:* maandag 3 februari 2025\n"
        "*Aan:* Jan\n*Onderwerp:* Stemming\n\n" + BALLOT_EN, "Ja"),
    "prose_ending_in_wrote_colon": (
        "Do we agree on the 3 points I wrote:\n\nfirst point\nsecond point",
        "Do we agree on the 3 points I wrote:\n\nfirst point\nsecond point"),
    "spanish_gmail": (
        "YES\n\nEl lun, 3 feb 2025 a las 10:00, Red (<network@example.org>) escribió:\n\n" + BALLOT_EN,
        "YES"),
    "thunderbird_french": ("Oui\n\nLe 03/02/2025 à 10:00, Réseau a écrit :\n" + quoted(BALLOT_FR),
                           "Oui"),
    "japanese_attribution": (
        "賛成です。\n\n2025年2月3日(月) 10:00 Network <network@example.org>:\n" + quoted(BALLOT_EN),
        "賛成です。"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hand_made_replies(name):
    body, expected = CASES[name]
    result = extract_new_text(body)
    assert result == expected
    assert_no_ballot(result)


def test_french_outlook_ballot_starting_with_reply_with_is_dropped():
    body = ("Je m'abstiens.\n\nDe : Réseau <network@example.org>\nEnvoyé : lundi 3 février 2025\n"
            "À : Léa\nObjet : [Vote 7]\n\nReply with YES, NO or ABSTAIN\nRépondez OUI, NON ou ABSTENTION")
    assert extract_new_text(body) == "Je m'abstiens."


def test_empty_reply_to_a_quoted_ballot_gives_nothing():
    assert extract_new_text("\n\nOn Mon, Feb 3, 2025 at 10:00 AM X <x@example.org> wrote:\n\n"
                            + quoted(BALLOT_EN)) == ""
    assert extract_new_text("\nFrom: X <x@example.org>\nSent: Monday\nTo: Y\nSubject: vote\n\n"
                            + BALLOT_EN) == ""
    assert extract_new_text("") == ""
    assert extract_new_text(quoted(BALLOT_EN)) == ""


def test_pathological_inputs_are_fast():
    bodies = ["x" * 2_000_000, ">" * 800_000 + "\nYES", ("On " + "a " * 5000 + "\n") * 50,
              ("From: a\n" * 20000), "On 1 wrote\n" * 100_000, "\n".join(["-" * 3000] * 300)]
    for body in bodies:
        start = time.process_time()
        extract_new_text(body)
        assert time.process_time() - start < 10.0  # a hang detector (ReDoS), not a speed target


GMAIL_HTML = """<div dir="ltr">YES<div><br></div><div>Alice</div></div><br>
<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">On Mon, Feb 3,
2025 at 10:00 AM Network &lt;<a href="mailto:network@example.org">network@example.org</a>&gt;
wrote:<br></div><blockquote class="gmail_quote" style="margin:0 0 0 .8ex"><div dir="ltr">
Reply with YES, NO or ABSTAIN<br>Motion: adopt the budget.</div></blockquote></div>"""

OUTLOOK_HTML = """<html><head><style>p {margin:0}</style></head><body>
<div style="font-family:Calibri">Non, trop cher.</div>
<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">
<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri"><b>De :</b> Réseau
&lt;network@example.org&gt;<br><b>Envoyé :</b> lundi 3 février 2025 10:00<br><b>À :</b>
Léa<br><b>Objet :</b> [Vote 7] Budget</font><div>&nbsp;</div></div>
<div><p>Reply with YES, NO or ABSTAIN</p><p>Motion: adopt the budget.</p></div></body></html>"""

APPLE_HTML = """<html><body dir="auto">Abstain<br><br><div dir="ltr">Sent from my iPhone</div>
<div dir="ltr"><br><blockquote type="cite">On 3 Feb 2025, at 10:00, Network
&lt;network@example.org&gt; wrote:<br><br></blockquote></div><blockquote type="cite">
<div dir="ltr">Reply with YES, NO or ABSTAIN<br>Motion: adopt the budget.</div></blockquote>
</body></html>"""


@pytest.mark.parametrize("html, expected", [
    (GMAIL_HTML, "YES\n\nAlice"),
    (OUTLOOK_HTML, "Non, trop cher."),
    (APPLE_HTML, "Abstain"),
])
def test_html_only_replies(html, expected):
    text = html_to_text(html)
    assert extract_new_text(text) == expected
    assert_no_ballot(extract_new_text(text))


def test_html_quotes_become_prefixed_lines():
    text = html_to_text(GMAIL_HTML)
    assert any(line.startswith(">") and "Reply with" in line for line in text.split("\n"))
    text = html_to_text(OUTLOOK_HTML)
    assert [line for line in text.split("\n") if "Reply with" in line][0].startswith(">")


def test_html_without_marker_keeps_text_and_links():
    assert html_to_text('<p>See <a href="https://x.example">the draft</a>.</p><p>Yes</p>') == \
        "See the draft.\n\nYes"


def test_pathological_html_is_fast_and_keeps_text():
    bodies = ["<div " * 40_000, "<ul><li>" * 20_000, "<" * 150_000, "<!--" * 50_000,
              "<blockquote>" * 15_000 + "deep", "<a href='" * 20_000]
    for body in bodies:
        start = time.process_time()
        html_to_text(body)
        assert time.process_time() - start < 10.0, body[:20]  # a hang detector, not a speed target
    assert html_to_text("a < b and <b>c</b>") == "a < b and c"
    assert html_to_text("<blockquote>" * 50 + "deep" + "</blockquote>" * 50).startswith(">")


def test_interleaved_reply_keeps_the_quoted_lines_it_answers_marked():
    from mailer.reply import read_reply
    body = ("On 03/02/2025 10:00, Network wrote:\n> Section 1. Respect.\n\nAgreed.\n\n"
            + "\n".join(f"> filler {n}" for n in range(10)) + "\n> Section 2. Raise it first.\n\n"
            "Even with the coordinator?\n\n> Section 3. Data.\n> end\n\n-- \nRuth\n")
    reply = read_reply(body)
    assert reply.new_text == "Agreed.\n\n\nEven with the coordinator?"
    assert reply.interleaved == ("> Section 1. Respect.\n\nAgreed.\n\n> […]\n> filler 5\n> filler 6\n"
                                 "> filler 7\n> filler 8\n> filler 9\n> Section 2. Raise it first.\n\n"
                                 "Even with the coordinator?")


@pytest.mark.parametrize("body", [
    "YES\n\nOn Mon, Feb 3, 2025 at 10:00 AM X <x@example.org> wrote:\n> ballot\n",  # top post
    "Hi,\nOn Mon, Feb 3, 2025 at 10:00 AM X <x@example.org> wrote:\n> ballot\n\nNO\n",  # bottom post
    "Just text, no quote.\n",
])
def test_top_and_bottom_posts_are_not_interleaved(body):
    from mailer.reply import read_reply
    assert read_reply(body).interleaved == ""


def test_a_declared_charset_that_lies_is_detected():
    from mailer.text_decoding import decode_text
    assert decode_text("我同意。".encode(), "big5") == ("我同意。", "UTF-8 declared as 'big5'")
    text, defect = decode_text("Très bien, numéro deux, à bientôt.".encode("cp1252"), "utf-8")
    assert text == "Très bien, numéro deux, à bientôt." and "wrong" in defect
    assert decode_text("Grüße".encode("latin-1"), "iso-8859-1") == ("Grüße", None)
    assert decode_text(b"plain", "x-no-such-charset") == ("plain", "unknown charset 'x-no-such-charset'")


def test_gmail_html_comments_typed_inside_the_quote_are_the_reply():
    html = ('<div dir="ltr"><br></div><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
            'On Mon, Feb 3, 2025 at 10:00 AM Network &lt;network@example.org&gt; wrote:<br></div>'
            '<blockquote class="gmail_quote">Section 1.</blockquote><div>Agreed.</div>'
            '<blockquote class="gmail_quote">Section 2.</blockquote><div>Who decides?</div></div>')
    assert extract_new_text(html_to_text(html)) == "Agreed.\n\n\nWho decides?"


def test_an_outlook_html_quote_with_older_quotes_inside_stays_quote():
    html = ('<div>Non</div><div id="divRplyFwdMsg"><b>From:</b> Network<br><b>Sent:</b> Monday<br>'
            '<b>To:</b> Léa</div><div>Reply with YES</div><blockquote>older</blockquote>'
            '<div>Motion: adopt the budget.</div>')
    assert extract_new_text(html_to_text(html)) == "Non"


@pytest.mark.parametrize("body, expected", [
    # the member's own sentences that start like a sign-off stay, and so does what follows them
    ("We met the mayor.\nSent via courier to the ministry on Monday.\nThe answer is due in March.",
     "We met the mayor.\nSent via courier to the ministry on Monday.\nThe answer is due in March."),
    ("谢谢大家。\n发自内心的感谢大家的努力。\n我们会继续。", "谢谢大家。\n发自内心的感谢大家的努力。\n我们会继续。"),
    # a short answer under a quoted line that ends its sentence is the member's, not a wrapped quote
    ("> Section 1. Members treat each other with respect.\nYes.\n> Section 2. Disagreements go to a coordinator.\n"
     "Or to the chair.", "Yes.\nOr to the chair."),
    # a list written with '-- ' bullets is not a signature
    ("Two points:\n-- section 2 is vague\n-- section 3 is fine", "Two points:\n-- section 2 is vague\n-- section 3 is fine"),
    # a title framed by dashes in the member's text, with no header block under it, is text
    ("----- Summary -----\nWe agree on 1 and 3.\n\nFrom the board's side nothing to add.",
     "----- Summary -----\nWe agree on 1 and 3.\n\nFrom the board's side nothing to add."),
])
def test_text_that_looks_like_a_marker_is_kept(body, expected):
    assert extract_new_text(body) == expected


@pytest.mark.parametrize("footer", ["ส่งจาก iPhone ของฉัน", "发自网易邮箱大师", "来自我的华为手机", "Sent from myMail for iOS",
                                    "Get the new AOL app: mail.mobile.aol.com", "Obtener Outlook para Android",
                                    "Az iPhone-omról küldve", "Απεστάλη από το iPhone μου", "נשלח מה-iPhone שלי"])
def test_sign_offs_in_more_languages_end_the_text(footer):
    assert extract_new_text(f"Fine by me.\n\n{footer}\n\nOn Mon, 3 Feb 2025 at 10:00, Anna <a@x.example> wrote:\n"
                            f"Section 1.") == "Fine by me."


@pytest.mark.parametrize("separator", ["----- Mail original -----", "-------- Originalmeddelelse --------",
                                       "------------------ Original ------------------", "\\-------- Original message --------",
                                       "-------- הודעה מקורית --------", "------------------&nbsp;原始邮件&nbsp;------------------"])
def test_framed_separators_above_a_header_block_start_the_quote(separator):
    body = f"Fine.\n\n{separator}\nFrom: Anna <a@x.example>\nDate: 3/2/2025 10:00\nTo: Li\nSubject: y\n\nSection 1."
    assert extract_new_text(body) == "Fine."


@pytest.mark.parametrize("body, expected", [
    ("Fine with section 2.\n\n----\nJane Doe\nShelter Network Lyon\n+33 4 00 00 00 00\n\n"
     "On Mon, Feb 3, 2025 at 10:00 AM Anna <a@x.example> wrote:\n> Section 1.", "Fine with section 2."),
    ("Fine with section 2.\n\n______\nJane Doe | Shelter Network Lyon", "Fine with section 2."),
    # a section break followed by more of the member's prose is no signature
    ("Point one: fine.\n\n---\n\nPoint two: I think section 3 should also cover phone calls, because many "
     "members call the hotline directly.", "Point one: fine.\n\n---\n\nPoint two: I think section 3 should also "
     "cover phone calls, because many members call the hotline directly."),
])
def test_a_short_block_under_a_rule_is_a_signature(body, expected):
    assert extract_new_text(body) == expected


@pytest.mark.parametrize("attribution", [
    "Op Ma. 3 Feb. 2025 om 10:00 het Jan <jan@example.org> geskryf:",
    "Ar Llun, 3 Chwef 2025 am 10:00, Jan <jan@example.org> ysgrifennodd:",
    "El 3/2/25 a les 10:00, Jan ha escrit:",
    "25. 2. 3. 오전 10:00에 Jan 이(가) 쓴 글:",
    "3 Feb 2025, 10:00 by jan@example.org:",
    "\u200fپیر، 3 فروری، 2025 کو 10:00 بجے \u200fJan <jan@example.org>\u200f نے لکھا:\u200f",
])
def test_a_dated_line_ending_with_a_colon_above_a_quote_is_an_attribution_in_any_language(attribution):
    assert extract_new_text(f"Fine with me.\n\n{attribution}\n\n" + quoted(BALLOT_EN)) == "Fine with me."


def test_a_sentence_above_an_attribution_is_not_joined_to_it():
    text = ("I will fix it as soon as I\nget back to a computer.\nOn Dec 8, 2013 2:10 PM, \"Jo\" "
            "<jo@example.org> wrote:\n\n" + quoted(BALLOT_EN))
    assert extract_new_text(text).endswith("get back to a computer.")


def test_a_dated_line_with_no_quote_below_stays_the_members():
    text = "We meet on 3 Feb 2025 at 10:00:\nin the hall."
    assert extract_new_text(text) == text


def test_groupwise_zoho_notes_and_the_bat_headers_end_the_new_text():
    assert extract_new_text("We agree.\n\n>>> Jan <jan@example.org> 2/3/2025 10:00 AM >>>\n" + BALLOT_EN) == "We agree."
    assert extract_new_text("Nichts.\n\n---- Am Mo, 03 Feb 2025 10:00:00 +0100 schrieb Jan <jan@example.org> ---\n\n"
                            + BALLOT_EN) == "Nichts."
    notes = "Add phones.\n\n\nJan <jan@example.org>\n03/02/2025 10:00\n\nTo\nme@example.org\ncc\n\nSubject\nDraft\n\n"
    assert extract_new_text(notes + BALLOT_EN) == "Add phones."
    bat = "Agreed.\n\nHello Jan,\n\nYou wrote 3 февраля 2025 г., 10:00:00:\n\n" + quoted(BALLOT_EN)
    assert extract_new_text(bat) == "Agreed."


@pytest.mark.parametrize("notice", [
    "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential.",
    "Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen.",
    "Ce message et toutes les pièces jointes sont confidentiels.",
    "AVISO DE CONFIDENCIALIDAD: Este mensaje es confidencial.",
    "Dit bericht is uitsluitend bestemd voor de geadresseerde.",
    "Please consider the environment before printing this e-mail.",
])
def test_legal_notices_in_many_languages_end_the_new_text(notice):
    assert extract_new_text(f"Section 3 stays.\n\nRegards,\nSam\n\n{notice}\n") == "Section 3 stays.\n\nRegards,\nSam"


def test_a_sentence_about_confidentiality_or_a_notice_word_is_kept():
    text = "Notice that section 3 says this message is not the place for names.\nThanks"
    assert extract_new_text(text) == text


def test_outlook_comments_marked_with_a_name_inside_the_original_are_kept():
    from mailer.reply import read_reply

    body = ("See below.\n\nFrom: Jan <jan@example.org>\nSent: Monday, February 3, 2025 10:00 AM\n"
            "Subject: Draft\n\nSection 1. Respect.\n[Ann Lee] Agreed.\nSection 2. Coordinator.\n"
            "[Ann Lee] Which one?\nSection 3. Data.\n")
    reply = read_reply(body)
    assert reply.new_text == "See below.\n\n[Ann Lee] Agreed.\n[Ann Lee] Which one?"
    assert "> Section 2. Coordinator.\n[Ann Lee] Which one?" in reply.interleaved
    assert "Section 3" not in reply.interleaved
