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
- Challenge notices in German, Italian, Portuguese and Japanese (a CAPTCHA, "kein Roboter",
  "送信者確認") are no bounces.
- Reply text: a header block that opens the message above a `>` quote (Outlook Express, Windows
  Live Mail) leaves the member's lines under or between the quoted ones as the text; Windows-1252
  declared as UTF-8 reads as Windows-1252 (not "trčs" nor "Tr鑣"); an organisation's register line
  ("… is a registered charity (no. 1234567)") opens its legal notice, a sentence naming one in
  the member's voice does not; above a legal notice, a name stays and its role goes.
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


# ---- reply text (mailer/reply.py, reply_signatures.py, sign_offs.py, text_decoding.py)

from mailer.reply import extract_new_text  # noqa: E402
from mailer.text_decoding import decode_text  # noqa: E402

ORIGINAL = ("Hello Member,\n\nAmira Said is circulating a draft for your feedback.\n\n"
            "Feedback is due by Friday 20 March 2026 at 17:00.\n\n-- \nRefuge Network")
OE_BLOCK = ('----- Original Message -----\nFrom: "Refuge Network" <network+abc@example.org>\nTo: <m@example.net>\n'
            "Sent: Wednesday, March 11, 2026 9:02 AM\nSubject: [Draft 12] Volunteer travel expenses\n")


def quoted(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.split("\n"))


def test_text_under_a_header_block_that_opens_the_message_above_a_quote():
    """Outlook Express puts '----- Original Message -----' and the header fields on top; a member
    who writes under the quote, or between its lines, wrote that text."""
    assert extract_new_text(OE_BLOCK + "\n" + quoted(ORIGINAL) + "\n\nYes, but add the night bus.\n") \
        == "Yes, but add the night bus."
    lines = ORIGINAL.split("\n")
    inline = (OE_BLOCK.replace("----- Original Message -----", "-----Original Message-----") + "\n"
              + quoted("\n".join(lines[:5])) + "\n\nCAN WE HAVE UNTIL MONDAY? - KB\n\n" + quoted("\n".join(lines[5:])) + "\n")
    assert extract_new_text(inline) == "CAN WE HAVE UNTIL MONDAY? - KB"


def test_a_header_block_under_the_members_text_still_ends_it():
    assert extract_new_text("Fine by me.\n\n" + OE_BLOCK + "\n" + quoted(ORIGINAL) + "\n\nA footer line\n") == "Fine by me."
    # a forward that opens the message with its original unprefixed: everything under it is quote
    assert extract_new_text(OE_BLOCK + "\n" + ORIGINAL + "\n") == ""


@pytest.mark.parametrize("said", ["C'est très bien, mais précisez le plafond de l'hôtel.", "Très bien.",
                                  "Je suis d'accord, très bien."])
def test_windows_1252_declared_as_utf8_is_read_as_windows_1252(said):
    """The detector alone reads a short French text as ISO-8859-10 ("trčs") or GB18030 ("Tr鑣")."""
    text, defect = decode_text(said.encode("cp1252"), "utf-8")
    assert text == said and defect


def test_mislabelled_text_in_other_scripts_keeps_its_reading():
    for said, charset in [("Согласна, спасибо.", "cp1251"), ("我同意，谢谢。", "gbk"), ("草案に賛成します。", "shift_jis")]:
        assert decode_text(said.encode(charset), "utf-8")[0] == said
    # the declaration that holds is kept, and Polish in ISO-8859-2 still reads as Polish
    assert decode_text("Zgadzam się.".encode("utf-8"), "utf-8") == ("Zgadzam się.", None)
    assert decode_text("Zgadzam się z projektem, dziękuję.".encode("iso8859_2"), "iso-8859-2")[0] \
        == "Zgadzam się z projektem, dziękuję."


QUOTE_BELOW = "\n\nOn Wed, 11 Mar 2026 at 09:02, Refuge Network <network+abc@example.org> wrote:\n" + quoted(ORIGINAL) + "\n"


def test_an_organisations_register_line_opens_its_legal_notice():
    text = extract_new_text("Agreed.\n\nKind regards\nOwen\n\nRiverside Refugee Support is a registered charity "
                            "(no. 1234567).\nThis email and any attachments are confidential.\n" + QUOTE_BELOW)
    assert text == "Agreed.\n\nKind regards\nOwen"
    assert extract_new_text("Agreed.\n\n--\nKatrin\nFlüchtlingshilfe e.V. | Amtsgericht Musterstadt VR 12345\n") == "Agreed."


def test_a_sentence_about_a_charity_register_is_the_members():
    said = "Thanks Amira.\n\nWe are a registered charity since 2004, so the grant rules apply to us.\n\nIs that right?"
    assert extract_new_text(said + QUOTE_BELOW) == said
    said = "Fine.\n\nOur charity number is 1234567 if the council asks for it; the form wants it on page 2."
    assert extract_new_text(said + QUOTE_BELOW) == said


def test_a_name_stays_and_its_role_goes_above_a_legal_notice():
    text = extract_new_text("Bon pour moi.\n\nAude Lefèvre\nChargée de mission\n\nCe message et toutes les pièces "
                            "jointes sont confidentiels et établis à l'intention exclusive de ses destinataires.\n" + QUOTE_BELOW)
    assert text == "Bon pour moi.\n\nAude Lefèvre"
    # without a legal notice under them, a name and a line of the member's own stay
    text = extract_new_text("Bon pour moi.\n\nAude Lefèvre\nOn se voit mardi\n" + QUOTE_BELOW)
    assert text == "Bon pour moi.\n\nAude Lefèvre\nOn se voit mardi"
