"""The kinds of mail blind batch 4 of the corpus showed were misread, each as a rule of its own:
a member's dated line above a quote, a signature block under a closing formula, a device's
sign-off in any language, Korean Samsung headers, mojibake from a wrong single-byte charset;
votes corrected in the same reply, condition words in their ordinary meaning, options named by
some of their words, rankings written "First: …"."""
from __future__ import annotations

import pytest

from mailer.reply import extract_new_text
from mailer.text_decoding import decode_text
from workflows.reading.choices import read_vote
from workflows.reading.rankings import read_ranking

QUOTE = "> Section 2. Who may refer: any member organisation's duty worker.\n"
YN = ["Yes", "No", "Abstain"]
FEES = ["Keep the current fee", "Raise the fee to $40", "Sliding scale"]
CITIES = ["Toronto", "Montréal", "Ottawa", "Hybrid"]
CANDIDATES = ["Kwame Asante", "Maria Okafor", "Léa Roy", "Samir Haddad"]


@pytest.mark.parametrize("own", ["My notes from the call on 3 February 2025:", "As we agreed at the meeting of 12/01/2025:",
                                 "Notre position, arrêtée le 3 février 2025 :", "Update, Monday 3 Feb 2025 at 14:00:"])
def test_the_members_own_dated_line_above_a_quote_is_kept(own):
    text = f"Léa,\n\n{own}\n{QUOTE}We would add 'trained'.\n"
    assert extract_new_text(text) == f"Léa,\n\n{own}\nWe would add 'trained'."


def test_a_dated_line_is_still_an_attribution_when_the_quote_runs_to_the_end_or_opens_the_reply():
    top = "Fine by us.\n\nEl 3/2/25 a les 10:00, Jan ha escrit:\n" + QUOTE + "> Section 3.\n"
    assert extract_new_text(top) == "Fine by us."
    inline = "Op Ma. 3 Feb. 2025 om 10:00 het Jan geskryf:\n" + QUOTE + "Too broad.\n"
    assert extract_new_text(inline) == "Too broad."
    addressed = "Léa,\n\n3 Feb 2025, 10:00 by jan@example.org:\n" + QUOTE + "Too broad.\n"
    assert extract_new_text(addressed) == "Léa,\n\nToo broad."


@pytest.mark.parametrize("closing, name, block", [
    ("Viele Grüße", "Jürgen", "\n\nJürgen Weiß\nGeschäftsführung\nBeratungsstelle Nord e.V.\nTel. +49 40 555 1234"),
    ("Cordialement,", "", "\n\nLéa Roy\nCoordonnatrice\nRefuge Montréal\n514 555-0199 poste 3"),
    ("Regards", "Samir Haddad", "\nProgramme Manager\nT: +44 20 7946 0958 | M: +44 7700 900123"),
    ("Best,", "Maria", "\n\nMaria Okafor | Okafor Legal Aid\nwww.okafor-legal.org"),
])
def test_a_signature_block_under_a_closing_formula_is_left_out(closing, name, block):
    text = f"Section 2 is too broad.\n\n{closing}\n{name}{block}\n\n-----Original Message-----\nFrom: Refuge Network\nSent: Monday\nTo: Jan\n"
    kept = f"Section 2 is too broad.\n\n{closing}" + (f"\n{name}" if name else "")
    assert extract_new_text(text) == kept


def test_a_signature_block_without_delimiter_or_closing_under_the_text_is_left_out():
    outlook = ("Fine.\n\nMaria Okafor\nLegal Coordinator\nOkafor Legal Aid\nT +1 416 555 0142\nwww.okafor-legal.org\n\n"
               "From: Refuge Network <network@example.org>\nSent: Monday\nTo: Maria\nSubject: [Vote 7]\n\nHello\n")
    assert extract_new_text(outlook) == "Fine."
    sentence = "Fine.\n\nMaria Okafor will call you back.\n+1 416 555 0142\n"
    assert extract_new_text(sentence) == sentence.strip()
    no_contact = "Fine.\n\nNew York Office\nopens on Monday.\n"
    assert extract_new_text(no_contact) == no_contact.strip()


def test_what_follows_a_closing_formula_stays_when_it_is_no_signature_block():
    prose = "Section 2 is too broad.\n\nThanks,\nMaria\n\nPS: the hours in section 1 are wrong too, see the old text.\n"
    assert "PS: the hours" in extract_new_text(prose)
    no_contact = "Fine.\n\nBest regards\nMaria\nOkafor Legal Aid\n"
    assert extract_new_text(no_contact) == "Fine.\n\nBest regards\nMaria\nOkafor Legal Aid"
    postscript = "Fine.\n\nThanks\n\nPS: call me at +1 416 555 0142 if needed\n\nOn Mon, 3 Feb 2025, Jan wrote:\n> x\n"
    assert extract_new_text(postscript) == "Fine.\n\nThanks\n\nPS: call me at +1 416 555 0142 if needed"


@pytest.mark.parametrize("sign_off", ["Αποστολή από το iPhone μου", "Elküldve az iPhone-omról",
                                      "Von Yahoo Mail auf Android gesendet", "내 Galaxy에서 보냄",
                                      "Outlook voor Android downloaden<https://aka.ms/AAb9ysg>",
                                      "Sent from Mail<https://go.microsoft.com/fwlink/?LinkId=550986> for Windows"])
def test_a_device_or_app_sign_off_in_any_language_ends_the_text(sign_off):
    text = f"Section 2 is too broad.\n\n{sign_off}\n\nOn Mon, 3 Feb 2025, Refuge Network wrote:\n{QUOTE}"
    assert extract_new_text(text) == "Section 2 is too broad."


def test_a_sentence_naming_a_phone_in_the_middle_of_the_text_stays():
    text = "I read it on my iPhone\n\nSection 2 is too broad, and section 3 too.\n"
    assert extract_new_text(text) == text.strip()
    last = "Section 2 is too broad.\n\nCall me on my iPhone\n\nOn Mon, 3 Feb 2025, Jan wrote:\n> x\n"
    assert extract_new_text(last) == "Section 2 is too broad.\n\nCall me on my iPhone"


def test_samsung_korean_header_block_opens_the_quote():
    text = ("2항에 교육 확인 담당자를 적어 주세요.\n\n\\-------- 원본 이메일 --------\n\n발신: Refuge Network <network@example.org>\n"
            "날짜: 25. 2. 3. 오전 10:00 (GMT+09:00)\n수신: Ji-woo <jiwoo@example.org>\n제목: [Draft 4] Protocol\n\nHello\n")
    assert extract_new_text(text) == "2항에 교육 확인 담당자를 적어 주세요."


def test_windows_1251_declared_koi8_r_is_read_as_cyrillic_and_real_koi8_r_stays():
    words = "Согласны, но не хватает контактов переводчиков."
    text, defect = decode_text(words.encode("cp1251"), "koi8-r")
    assert text == words and "mojibake" in defect
    assert decode_text(words.encode("koi8-r"), "koi8-r") == (words, None)
    assert decode_text("Très bien, à revoir.".encode("latin-1"), "iso-8859-1") == ("Très bien, à revoir.", None)


@pytest.mark.parametrize("text, options, choice", [
    ("Yes\n\nSorry, I meant No.", YN, "No"),
    ("A\nactually B", FEES, "Raise the fee to $40"),
    ("Option 2 - correction: option 3.", FEES, "Sliding scale"),
    ("Yes. Wait, no: I have to abstain, I sit on the working group.", YN, "Abstain"),
    ("Yes, actually.", YN, "Yes"),
    ("Sí, se puede.", YN, "Yes"), ("Ja, wenn auch ungern.", YN, "Yes"), ("Yes, if I may say so, long overdue.", YN, "Yes"),
    ("Zdržuji se", YN, "Abstain"), ("Sorry for the delay - yes from us.", YN, "Yes"), ("Yes from Safe Passage.", YN, "Yes"),
    ("Y", YN, "Yes"), ("Please change my vote to No.", YN, "No"), ("+1 for option 2", FEES, "Raise the fee to $40"),
    ("$40", FEES, "Raise the fee to $40"), ("Raise to $40", FEES, "Raise the fee to $40"),
    ("We vote for the sliding scale.", FEES, "Sliding scale"), ("Montreal", CITIES, "Montréal"),
    ("Hybrid works best for us.", CITIES, "Hybrid"), ("Opción 3", FEES, "Sliding scale"), ("Option B bitte", FEES, "Raise the fee to $40"),
    ("I am against this proposal, sorry.", YN, "No"), ("I approve the motion.", YN, "Yes"), ("Ich stimme zu.", YN, "Yes"),
    ("Voto sí.", YN, "Yes"), ("Ano", YN, "Yes"), ("Ndiyo", YN, "Yes"), ("Đồng ý", YN, "Yes"), ("ممتنع", YN, "Abstain"),
    ("Definitely not", YN, "No"), ("Of course not", YN, "No"), ("Absolutely", YN, "Yes"), ("Not in favour", YN, "No"),
    ("Voting yes", YN, "Yes"), ("I'd prefer Ottawa", CITIES, "Ottawa"), ("online-only", ["Hall", "Online only"], "Online only"),
    ("Jsem proti", YN, "No"), ("Approvo", YN, "Yes"), ("我投赞成票", YN, "Yes"), ("نعم أوافق", YN, "Yes"),
    ("Zdržuji se hlasování", YN, "Abstain"), ("أمتنع عن التصويت", YN, "Abstain"),
])
def test_votes_batch_4_showed(text, options, choice):
    reading = read_vote(text, options)
    assert reading.choice is not None and options[reading.choice] == choice, reading.reason


@pytest.mark.parametrize("text, options", [
    ("B. Though C would also be fine.", FEES), ("Yes. Correction: let me ask my board first.", YN),
    ("Yes, provided the budget line is removed.", YN), ("Sí, siempre y cuando se revise el presupuesto.", YN),
    ("Ja, falls der Vorstand zustimmt.", YN), ("No problem, yes", YN), ("Hall", ["Community hall, Rue Haute", "Online only"]),
    ("Toronto or Ottawa, not Montreal.", CITIES), ("If the budget passes, yes.", YN), ("Not sure", YN), ("OK", YN),
    ("Not against", YN),
])
def test_unclear_votes_batch_4_showed_are_asked_back(text, options):
    reading = read_vote(text, options)
    assert reading.choice is None and reading.ambiguous, reading.reason


def test_a_ranking_written_first_second_and_without_accents():
    assert read_ranking("First: Léa Roy\nSecond: Samir Haddad", CANDIDATES).ranking == [2, 3]
    assert read_ranking("Lea Roy > Samir Haddad", CANDIDATES).ranking == [2, 3]
