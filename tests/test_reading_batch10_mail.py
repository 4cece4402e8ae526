"""Reading mail widened for the blind batch 10 (#15, b10m_ files), each class with the look-alikes
that must not change:

- Exchange's automatic-reply subject in Amharic, Armenian, Khmer, Nepali, Sinhala and Zulu, and
  absence subjects of councils' and universities' systems ("Absent(e) du bureau :", "Assente
  dall'ufficio:", "Nieobecność w biurze:", "Ofis dışında:", Yahoo! Japan's "【不在通知】").
- An automatic reply saying so in its body in more wordings ("Ceci est un message automatique",
  "Questo è un messaggio generato automaticamente", "※本メールは自動送信されています", "Dit bericht
  is automatisch verzonden").
- A help desk's receipt: its mailer (Freshdesk, Znuny, Zendesk …) is no person's mail program, so
  "Ticket recibido - …" counts as its subject; "Ihre Anfrage ist eingegangen … Ticketnummer 123"
  is automatic. An agent answering under "Re:" through the same mailer stays a person.
"""
from __future__ import annotations

import pytest

from mailer.autoreply_words import says_it_is_automatic
from tests.test_machine_mail_reading import raw, read

ANSWER = "In-Reply-To: <abcdefghijklmnopqrstuvwxyz.1@example.org>\nTo: network+abcdefghijklmnopqrstuvwxyz@example.org"
DRAFT = "[Draft 12] Volunteer travel expenses"


def mail(subject: str, body: str = "Back on 27 March.", sender: str = "Staff <staff@corp.example>",
         extra: str = "") -> bytes:
    return raw(f"From: {sender}\n{ANSWER}\nSubject: {subject}\n{extra}", body)


@pytest.mark.parametrize("subject", [
    f"ራስ-ሰር ምላሽ: {DRAFT}", f"Ինքնաշխատ պատասխան: {DRAFT}", f"ការឆ្លើយតបស្វ័យប្រវត្តិ: {DRAFT}",
    f"स्वचालित जवाफ: {DRAFT}", f"ස්වයංක්‍රීය පිළිතුර: {DRAFT}", f"Impendulo ezenzakalelayo: {DRAFT}",
    f"Absent(e) du bureau : {DRAFT}", f"Assente dall'ufficio: {DRAFT}", f"Nieobecność w biurze: {DRAFT}",
    f"Ofis dışında: {DRAFT}", f"【不在通知】{DRAFT}",
])
def test_automatic_reply_subjects_in_more_languages_and_systems(subject):
    assert read(mail(subject)).auto_reply


@pytest.mark.parametrize("subject", [
    "Ofis dışında toplantı yapalım mı?", f"Re: Nieobecność w biurze: {DRAFT}", "Fwd: 【不在通知】 Hall",
    "Re: Assente dall'ufficio: chi copre lunedì?",
])
def test_a_person_writing_of_those_words_stays_a_person(subject):
    person = read(mail(subject, "Yes from me.", "Ewa Nowak <ewa@example.net>"))
    assert not person.auto_reply and not person.auto_reply_guessed


@pytest.mark.parametrize("text, automatic", [
    ("Merci pour votre message. Ceci est un message automatique, merci de ne pas y répondre.", True),
    ("Grazie. Questo è un messaggio generato automaticamente.", True),
    ("メールありがとうございます。\n\n※本メールは自動送信されています。", True),
    ("Dies ist eine automatisch erzeugte Nachricht.", True),
    ("Dit bericht is automatisch verzonden; u kunt hier niet op antwoorden.", True),
    ("Ihre Anfrage ist bei uns eingegangen und wurde unter der Ticketnummer 2026031210000072 erfasst.", True),
    ("Ceci est un message automatique que j'ai reçu de la mairie ?", False),
    ("Questo è un messaggio automatico? No, sono io.", False),
    ("Ihre Anfrage ist eingegangen, sagt die Stadt, aber ohne Nummer.", False),
    ("Ich habe beim Bürgeramt ein Ticket aufgemacht (Nr. 2026031210000072). Antwort steht aus.", False),
])
def test_an_automatic_reply_saying_so_in_more_words(text, automatic):
    assert says_it_is_automatic(text) is automatic


def test_a_help_desks_receipt_is_automatic_and_its_agents_reply_a_persons():
    receipt = read(mail(f"Ticket recibido - {DRAFT}", "Hemos recibido su solicitud; le responderemos pronto.",
                        "Soporte <soporte@ayto.example>", "X-Mailer: Freshdesk"))
    assert receipt.auto_reply
    agent = read(mail(f"Re: {DRAFT}", "Hi Amira, our director agrees with the draft. Olu",
                      "Olu Bello <help@partner.example>", "X-Mailer: Freshdesk"))
    assert not agent.auto_reply and not agent.auto_reply_guessed
    # a person's own mail program still makes such a subject a person's
    own = read(mail(f"Ticket received - {DRAFT}", "Thanks, I got the council's ticket number.",
                    "Ana Lima <ana@example.net>", "User-Agent: Mozilla Thunderbird"))
    assert not own.auto_reply and not own.auto_reply_guessed


CHALLENGE_HEAD = ("From: MAILER-DAEMON <mailer-daemon@filter.example>\nTo: network+b-abcdefghijklmnopqrst@example.org\n"
                  "Return-Path: <>\nSubject: {subject}")


@pytest.mark.parametrize("subject, body", [
    ("Zustellung ausstehend: Bitte bestätigen", "Ihre Nachricht an k.weiss@filter.example wurde noch nicht zugestellt.\n"
     "Bitte lösen Sie das Captcha unter folgendem Link, dann wird Ihre Nachricht zugestellt:\nhttps://filter.example/c/7f"),
    ("Verifica mittente", "Il suo messaggio per giulia@filter.example è in attesa. Confermi di non essere un robot."),
    ("Confirmação de remetente", "Sua mensagem para ana@filter.example está retida. Confirme que você é humano."),
    ("送信者確認のお願い", "あなたのメールは保留されています。送信者確認を行ってください。"),
])
def test_a_challenge_in_other_languages_is_no_bounce(subject, body):
    assert read(raw(CHALLENGE_HEAD.format(subject=subject), body)).bounce is None


def test_a_failure_that_names_its_recipient_is_still_a_bounce():
    failed = read(raw(CHALLENGE_HEAD.format(subject="Unzustellbar"),
                      "Ihre Nachricht an k.weiss@filter.example konnte nicht zugestellt werden.\n"
                      "550 5.1.1 Benutzer unbekannt"))
    assert failed.bounce is not None and failed.bounce.addresses == ("k.weiss@filter.example",)
