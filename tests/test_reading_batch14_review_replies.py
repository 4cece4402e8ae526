"""A member's own words that the rules widened for blind batch 14 of reply texts took for something
else (a review of branch b14r): a list of names opening with her own, a sentence about her message
read as a company's legal notice, a line opening with an ordinary word read as a notice's label, a
Turkish sentence about something sent by post read as a phone's sign-off, and Western text with
« » declared UTF-8 read as Czech. Losing a member's words is worse than keeping a line of signature:
each stays whole, and where it holds a vote the vote is read.
"""
from __future__ import annotations

import pytest

from mailer.text_decoding import decode_text
from tests.test_machine_mail_reading import raw, read
from tests.test_reading_batch11_replies import QUOTE
from workflows.reading.choices import read_vote

HEAD = ("To: network+abcdefghijklmnopqrstuvwxyz@example.org\n"
        "In-Reply-To: <abcdefghijklmnopqrstuvwxyz.1@example.org>\nSubject: Re: [Draft 12] Volunteer travel expenses")
MARIA = "Maria Garcia <maria@example.es>"


def answer(body: str, sender: str = "Member <member@example.net>") -> str:
    """The new text the network reads from a member's reply with this body, from this sender."""
    mail = read(raw(f"From: {sender}\n" + HEAD, body))
    assert not mail.auto_reply and mail.bounce is None
    return mail.new_text


@pytest.mark.parametrize("text", [
    "We'll be there, thanks for organising!\n\nMaria Garcia\nPedro Garcia\nLucía Garcia (age 7)",
    "We'll be there, thanks for organising!\n\nMaria Garcia\nPedro Sánchez\nAna López",
    "Yes, sign me up for both shifts:\n\nMaria Garcia\nSaturday 10-12\nSunday 14-16",
    "Count me in for both shifts.\n\nMaria Garcia\nSaturday 10-12\nSunday 14-16",
    "Thanks, the names on the lease are:\n\nGarcia, Maria\nGarcia, Pedro",
    "Here is who comes from our branch:\n\nMaria Garcia\ncoordinator, Valencia branch",
])
def test_a_list_opening_with_the_members_own_name_stays(text):
    assert answer(f"{text}\n\n{QUOTE}", MARIA) == text


@pytest.mark.parametrize("sentence", [
    "Email ini agak sulit dipahami — bisa dijelaskan lagi bagian tentang tiket kereta?",
    "Ova poruka je namijenjena cijelom odboru: predlažem da se putni troškovi isplaćuju mjesečno.",
    "Táto správa je určená aj pre koordinátorov: navrhujem preplácať aj vlak.",
    "הודעה זו מיועדת גם לרכזים: אני מציעה להחזיר גם נסיעות ברכבת.",
    "Αυτό το μήνυμα είναι μόνο για να πω ότι συμφωνώ με το σχέδιο, εκτός από το όριο των 50 ευρώ.",
    "Acest mesaj este destinat și celor din Cluj: aș adăuga decontarea biletelor de tren.",
    "Bu mesaj gizli değil, herkesle paylaşabilirsiniz: bence tren biletleri de ödenmeli.",
    "هذه الرسالة ليست سرية، يمكنكم مشاركتها: أقترح تعويض تذاكر القطار أيضاً.",
    "이 메일은 비밀이 아니니 다른 회원들과 공유해 주세요. 교통비 한도를 올려야 합니다.",
    "このメールの内容は秘密ではありませんので、皆さんに共有してください。交通費の上限は上げるべきです。",
    "此邮件的收件人有误，请转给张老师。另外，我同意草案。",
    "Email ini bukan rahasia, silakan diteruskan ke semua anggota: saya setuju dengan drafnya.",
    "Това съобщение е предназначено и за координаторите: предлагам да се плаща и влакът.",
])
def test_a_members_sentence_about_her_message_is_no_legal_notice(sentence):
    text = f"Thanks for the draft.\n\n{sentence}\n\nBest,\nMember"
    assert answer(f"{text}\n\n{QUOTE}") == text


@pytest.mark.parametrize("line", [
    "Upozorenje: rok za prijave je petak, a nacrt ne spominje vlakove.",
    "Aviso de confidencialidade: não vi nenhum no rascunho, devíamos acrescentar um.",
    "Yasal uyarı: taslakta böyle bir bölüm yok, eklemeliyiz bence.",
    "Upozorenje:\nrok za prijave je petak, a nacrt ne spominje vlakove.",
])
def test_a_line_opening_with_an_ordinary_word_is_no_notice_label(line):
    text = f"Thanks for the draft.\n\n{line}\n\nMember"
    assert answer(f"{text}\n\n{QUOTE}") == text


@pytest.mark.parametrize("text", [
    "Taslak için teşekkürler.\nFormlar posta ile İstanbul'dan gönderildi.\nBence tren biletleri de ödenmeli.",
    "Taslak için teşekkürler.\n\nİmzalı formlar dün posta ile Ankara'dan gönderildi.",
    "Taslak için teşekkürler.\n\nDavetiyeler e-mail ile merkezden gönderildi.",
    "Taslak için teşekkürler.\n\nFotoğraflar telefonla şubeden gönderildi.",
])
def test_a_turkish_sentence_about_something_sent_stays(text):
    assert answer(f"{text}\n\n{QUOTE}") == text


LATIN_VOTES = [
    ("Voto «sim». Obrigado, João", 0),
    ("Mi voto es «no». ¿Cuándo es la próxima reunión?", None),  # (the question leaves the vote unread)
    ("Je vote «oui», c'est très bien, à bientôt. Hélène", 0),
    ("Voto «si». Però è già tardi per la riunione.", 0),
]


@pytest.mark.parametrize("text, choice", LATIN_VOTES)
@pytest.mark.parametrize("charset", ["latin_1", "cp1252", "iso8859_15"])
def test_western_text_with_guillemets_declared_utf8_stays_western(text, choice, charset):
    got, _ = decode_text(text.encode(charset), "utf-8")
    assert got == text


@pytest.mark.parametrize("text, choice", LATIN_VOTES)
def test_a_western_vote_in_guillemets_declared_utf8_is_read(text, choice):
    head = f"From: {MARIA}\n" + HEAD + "\nContent-Type: text/plain; charset=utf-8"
    mail = read(raw(head, "") + text.encode("latin_1") + b"\n")  # Latin-1 bytes under a UTF-8 label
    assert mail.new_text == text
    if choice is not None:
        assert read_vote(mail.new_text, ["Yes", "No", "Abstain"]).choice == choice
