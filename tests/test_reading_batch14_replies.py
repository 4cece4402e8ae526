"""Reply texts that blind batch 14 of the corpus (#15, b14r_ files: replies to a network's draft from
some thirty clients set in nineteen languages, Korean to Hindi) showed were misread, each as a rule
of its own with the look-alikes that must not change. A member answers a draft; what the network
keeps as her words is read from the whole message as it arrives:

- a company's legal notice in Turkish, Greek, Hebrew, Arabic, Korean, Japanese, Romanian,
  Bulgarian, Croatian, Serbian, Slovak and Brazilian Portuguese ends her text and takes the
  signature block above it (new Outlook, Outlook mobile and Zimbra add it with no "-- ");
- a block that opens with the name her From header gives, above a role or a phone number, is
  her signature even where the name cannot be told from prose (a one-word Korean name, Hebrew
  without capitals, Superhuman's name and role with no phone);
- Yahoo Mail Android's sign-off in Greek and Turkish ends her text;
- SquirrelMail's "Quote Who XML" citation ('<quote who="Name">' … '</quote>') is a quote;
- ISO-8859-2 bytes declared as UTF-8 are read as Central European, not Windows-1252.
"""
from __future__ import annotations

import pytest

from mailer.text_decoding import decode_text
from tests.test_machine_mail_reading import raw, read
from tests.test_reading_batch11_replies import ORIGINAL, QUOTE  # one draft and quote for every batch

HEAD = ("To: network+abcdefghijklmnopqrstuvwxyz@example.org\n"
        "In-Reply-To: <abcdefghijklmnopqrstuvwxyz.1@example.org>\nSubject: Re: [Draft 12] Volunteer travel expenses")
OUTLOOK_BLOCK = ("________________________________\nFrom: Refuge Network <network+abc@example.org>\n"
                 "Sent: Wednesday, March 11, 2026 9:02 AM\nTo: Member <member@example.net>\n"
                 "Subject: [Draft 12] Volunteer travel expenses\n\n" + ORIGINAL)


def answer(body: str, sender: str = "Member <member@example.net>") -> str:
    """The new text the network reads from a member's reply with this body, from this sender."""
    mail = read(raw(f"From: {sender}\n" + HEAD, body))
    assert not mail.auto_reply and mail.bounce is None  # a member's answer is never machine mail
    return mail.new_text


NOTICES = [
    ("Ayşe Yılmaz", "Gönüllü Koordinatör | Ankara Şubesi", "+90 532 123 45 67",
     "Bu e-posta ve ekleri yalnızca alıcısına yöneliktir ve gizli bilgi içerebilir. Yanlışlıkla size ulaştıysa lütfen siliniz."),
    ("Νίκος Παπαδόπουλος", "Συντονιστής εθελοντών", "+30 694 123 4567",
     "Το παρόν μήνυμα και τα συνημμένα του απευθύνονται αποκλειστικά στον παραλήπτη και ενδέχεται να περιέχουν εμπιστευτικές πληροφορίες."),
    ("Andrei Popescu", "coordonator voluntari, filiala Cluj", "+40 722 123 456",
     "Acest mesaj poate conține informații confidențiale și este destinat exclusiv destinatarului."),
    ("Мария Иванова", "координатор на доброволците", "+359 88 123 4567",
     "Това съобщение може да съдържа поверителна информация и е предназначено само за получателя."),
    ("Ivana Horvat", "koordinatorica volontera, podružnica Split", "+385 91 123 4567",
     "Ova poruka može sadržavati povjerljive informacije i namijenjena je isključivo primatelju."),
    ("Martin Horváth", "koordinátor dobrovoľníkov", "+421 905 123 456",
     "Táto správa je určená výlučne adresátovi a môže obsahovať dôverné informácie."),
    ("Lucas Oliveira", "Coordenador de voluntários", "+55 19 98765-4321",
     "AVISO DE CONFIDENCIALIDADE: Esta mensagem pode conter informação confidencial e é destinada exclusivamente ao destinatário."),
    ("ليلى حداد", "منسقة المتطوعين، فرع بيروت", "+961 3 123 456",
     "هذه الرسالة موجهة إلى المرسل إليه فقط وقد تحتوي على معلومات سرية. إذا وصلتك عن طريق الخطأ فيرجى حذفها."),
    ("נועה לוי", "רכזת מתנדבים, סניף חיפה", "+972 52-123-4567",
     "הודעה זו מיועדת לנמען בלבד ועשויה להכיל מידע חסוי. אם קיבלת אותה בטעות, אנא מחק אותה."),
    ("김민지", "서울 지부 자원봉사 코디네이터", "+82 10-1234-5678",
     "본 메일은 지정된 수신인만을 위한 것이며 기밀 정보를 포함할 수 있습니다."),
]


@pytest.mark.parametrize("name, role, phone, notice", NOTICES)
def test_a_signature_over_a_legal_notice_in_more_languages_is_left_out(name, role, phone, notice):
    """New Outlook and Zimbra put the signature and the company's notice under her text, then the
    header block of the message answered: only her sentence is hers."""
    body = f"I can bring the projector.\n\n{name}\n{role}\n{phone}\n\n{notice}\n\n{OUTLOOK_BLOCK}"
    assert answer(body, f'"{name}" <member@example.net>') == "I can bring the projector."


@pytest.mark.parametrize("sentence", [
    "Bu mesajı yarın tekrar okuyalım, gizli bir şey yok ama yine de önemli bence.",  # "this message" declined
    "Acest mesaj l-am scris în grabă, dar ideea e clară: alegerile primele.",  # no word for confidential
    "Ova poruka je samo da potvrdim da dolazim u subotu na sastanak.",
])
def test_the_members_sentence_about_her_message_stays(sentence):
    assert answer(f"Agreed.\n\n{sentence}\n\n{QUOTE}") == f"Agreed.\n\n{sentence}"


SUPERHUMAN = ("On Wed, Mar 11, 2026 at 9:02 AM, Refuge Network <network+abc@example.org> wrote:\n\n"
              + "".join(f"> {line}\n" if line else ">\n" for line in ORIGINAL.splitlines()))


@pytest.mark.parametrize("sender, block", [
    ("Νίκος Παπαδόπουλος <nikos@example.gr>", "Νίκος Παπαδόπουλος\nΣυντονιστής εθελοντών, Παράρτημα Θεσσαλονίκης"),
    ("Erik Lindqvist <erik@example.se>", "Erik Lindqvist\nVolontärsamordnare, Göteborgsgruppen"),
    ('"Popescu, Andrei" <andrei@example.ro>', "Andrei Popescu\ncoordonator voluntari, filiala Cluj"),
    ("김민지 <minji@example.kr>", "김민지\n서울 지부 자원봉사 코디네이터\n+82 10-1234-5678"),
    ("נועה לוי <noa@example.co.il>", "נועה לוי\nרכזת מתנדבים, סניף חיפה"),
])
def test_a_block_opening_with_the_senders_own_name_is_her_signature(sender, block):
    assert answer(f"I can bring the projector.\n\n{block}\n\n{SUPERHUMAN}", sender) == "I can bring the projector."


@pytest.mark.parametrize("sender, tail", [
    ("Erik Lindqvist <erik@example.se>", "Erik Lindqvist"),  # the name alone signs her words
    ("Erik Lindqvist <erik@example.se>", "Hälsningar\nErik"),  # a first name under a closing
    ("Erik Lindqvist <erik@example.se>", "Erik Lindqvist\nWhat do you think of section 2?"),  # a question is prose
    ("Erik Lindqvist <erik@example.se>", "Erik Lindqvist\nPS: I will be late."),
    ("Anna Berg <anna@example.se>", "Erik Lindqvist\nVolontärsamordnare, Göteborgsgruppen"),  # someone else's name
])
def test_the_members_own_lines_under_her_name_stay(sender, tail):
    assert answer(f"I can bring the projector.\n\n{tail}\n\n{SUPERHUMAN}", sender) == f"I can bring the projector.\n\n{tail}"


def test_a_reply_that_is_only_the_senders_block_stays():
    assert answer(f"Erik Lindqvist\nVolontärsamordnare\n\n{SUPERHUMAN}", "Erik Lindqvist <erik@example.se>") \
        == "Erik Lindqvist\nVolontärsamordnare"


YAHOO_ANDROID = ("On Wed, 11 Mar 2026 at 9:02, Refuge Network<network+abc@example.org> wrote:   Hello Member,  "
                 "Amira Said is circulating a draft for your feedback.   ")


@pytest.mark.parametrize("sign_off", ["Αποστολή από το Yahoo Mail σε Android", "Android'de Yahoo Posta'dan gönderildi",
                                      "Samsung Galaxy akıllı telefonumdan gönderildi."])
def test_yahoo_androids_greek_and_turkish_sign_offs_end_the_text(sign_off):
    assert answer(f"I can bring the projector.\n\n{sign_off}\n \n \n  {YAHOO_ANDROID}\n") == "I can bring the projector."


def test_a_turkish_sentence_ending_with_the_same_verb_stays():
    text = "Broşürler dün Ankara'dan gönderildi."
    assert answer(f"{text}\n\n{QUOTE}") == text


QUOTE_WHO = "<quote who=\"Refuge Network\">\n" + "".join(
    f"> {line}\n" if line else ">\n" for line in ORIGINAL.splitlines()) + "</quote>\n"


def test_squirrelmails_quote_who_citation_is_a_quote():
    assert answer(QUOTE_WHO + "\nI can bring the projector.\n\nLucas\n") == "I can bring the projector.\n\nLucas"
    assert answer("I can bring the projector.\n\n" + QUOTE_WHO) == "I can bring the projector."


def test_the_members_own_quote_tag_stays():
    text = 'Our web page should use <quote who="the mayor"> around her words.'
    assert answer(f"{text}\n\n{QUOTE}") == text


@pytest.mark.parametrize("text, charset, read_as", [
    ("Projektor přinesu, ale dorazím až v půl osmé. Přijdu, ať to stihneme.", "iso8859_2", "iso8859_2"),
    ("Zgadzam się, może być tak. Też tak myślę.", "cp1250", "cp1250"),  # "mo¿e" in Windows-1252
    ("Très bien, à bientôt. Grüße aus Köln, ½ Stunde später.", "cp1252", "cp1252"),
])
def test_central_european_bytes_declared_as_utf8_are_read_in_their_charset(text, charset, read_as):
    got, defect = decode_text(text.encode(charset), "utf-8")
    assert got == text and defect.endswith(f"read as {read_as}")


@pytest.mark.parametrize("text", ["Das Becken fasst 10 m³, siehe Anmerkung¹. Grüße", "C'est très bien. Hélène"])
def test_western_text_with_superscripts_declared_as_utf8_stays_western(text):
    got, _ = decode_text(text.encode("cp1252"), "utf-8")
    assert got == text
