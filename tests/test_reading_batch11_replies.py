"""Reply texts that blind batch 11 of the corpus (#15, b11r_ files) showed were misread, each as a
rule of its own with the look-alikes that must not change. A member answers a draft; what the
network keeps as her words is read from the whole message as it arrives:

- a legal notice that opens with a few words before "this message … confidential" ("AVISO: Esta
  mensagem é confidencial", "Le informazioni contenute in questo messaggio sono riservate",
  "Treść tej wiadomości jest poufna"), the Dutch "Aan dit bericht kunnen geen rechten worden
  ontleend", and a data-protection notice (the reader's personal data and its processing, or
  Regulation 2016/679) end the text; the member saying "this message is confidential" in her own
  voice, or writing about personal data in the policy, does not;
- under a closing formula, a short block ending at such a notice is a signature even with no
  phone number in it; more closings are known ("Med vänliga hälsningar", "مع التحية");
- a name followed by pronouns ("Alex Morgan (they/them)") is a name; a rule of box-drawing
  characters ("━━━━") is a rule as "----" is;
- phones' and apps' sign-offs: "Von Mail für Windows gesendet", "Typed with thumbs - please excuse
  typos", "Naver 메일 앱에서 보냄", Outlook mobile's footer with words after its link ("iOS 版
  Outlook<https://aka.ms/…> を入手");
- Apple Mail's "Início da mensagem encaminhada:" (pt-BR) opens a forwarded message;
- Proton Mail's HTML signature block is no part of the answer;
- one "[Ruth] …" comment inside the unprefixed original counts when the member says above that her
  answers are below;
- charset labels read as browsers read them: "iso-8859-8-i" is Hebrew ISO-8859-8, "Shift_JIS" is
  Windows-31J ("～", "①"), and a detector's sibling reading that changes only a symbol or two does
  not replace the declared one; bytes declared as UTF-8 that are not are Windows-1252 unless
  Windows-1250 reads the accented lines clearly better (a Czech or Polish client).
"""
from __future__ import annotations

import base64

import pytest

from tests.test_machine_mail_reading import raw, read

HEAD = ("From: Member <member@example.net>\nTo: network+abcdefghijklmnopqrstuvwxyz@example.org\n"
        "In-Reply-To: <abcdefghijklmnopqrstuvwxyz.1@example.org>\nSubject: Re: [Draft 12] Volunteer travel expenses")
ORIGINAL = ("Hello Member,\n\nAmira Said is circulating a draft for your feedback.\n\n"
            "Feedback is due by Friday 20 March 2026 at 17:00.\n\n-- \nRefuge Network\n")
QUOTE = "On Wed, 11 Mar 2026 at 09:02, Refuge Network <network+abc@example.org> wrote:\n\n" + "".join(
    f"> {line}\n" if line else ">\n" for line in ORIGINAL.splitlines())


def answer(body: str, headers: str = "") -> str:
    """The new text the network reads from a member's reply with this body."""
    return read(raw(HEAD + ("\n" + headers if headers else ""), body)).new_text


@pytest.mark.parametrize("closing, block, notice", [
    ("Cumprimentos,", "Ana Costa\nTécnica de apoio\nTel: 21 555 0123",
     "AVISO: Esta mensagem é confidencial e destina-se exclusivamente ao destinatário."),
    ("Cordiali saluti", "Giulia Rossi\nCoordinatrice volontari",
     "Le informazioni contenute in questo messaggio sono riservate e confidenziali. Se avete ricevuto questo "
     "messaggio per errore, vi preghiamo di eliminarlo."),
    ("Saludos cordiales,", "Marta Gil\nFundación Acoge",
     "De conformidad con el Reglamento (UE) 2016/679 (RGPD), le informamos de que sus datos personales serán "
     "tratados por Fundación Acoge con la finalidad de gestionar la relación con usted."),
    ("Pozdrawiam", "Marek Nowak",
     "Administratorem Pani/Pana danych osobowych jest Fundacja Pomocy. Szczegóły: https://fundacja.example/rodo"),
    ("Med vänliga hälsningar", "Erik Lind\nVolontärsamordnare\nTel 08-555 012 34", ""),
    ("مع التحية،", "ليلى حسن\nمنسقة المتطوعين\nهاتف: ‎+961 1 555 012", ""),
])
def test_a_signature_under_a_closing_ends_at_its_notice_in_many_languages(closing, block, notice):
    name = block.split("\n")[0]
    text = answer(f"I agree with the draft.\n\n{closing}\n{block}\n\n{notice}\n\n{QUOTE}")
    assert text.startswith(f"I agree with the draft.\n\n{closing}\n{name}")
    rest = block.split("\n")[1:]
    assert not any(line in text for line in rest)
    assert (not notice or notice[:20] not in text) and "circulating" not in text


def test_a_notice_without_a_closing_still_ends_the_text_and_the_dutch_disclaimer_is_one():
    notice = "Aan dit bericht kunnen geen rechten worden ontleend. Dit bericht is uitsluitend bestemd voor de geadresseerde."
    text = answer(f"Prima, ik ga akkoord.\n\n{notice}\n\n{QUOTE}")
    assert text == "Prima, ik ga akkoord."
    text = answer("Akkoord.\n\nTreść tej wiadomości jest poufna i przeznaczona wyłącznie dla adresata.\n\n" + QUOTE)
    assert text == "Akkoord."


@pytest.mark.parametrize("line", [
    "Please keep this message confidential until the trustees have seen it, thanks.",
    "I think this message is confidential and should not go to the whole list.",
    "The policy should say how personal data on receipts is processed under the GDPR and for how long.",
    "Receipts: this message from the council was confidential, so please do not forward it.",
    "We process personal data under the GDPR so the policy must say how long receipts are kept.",
])
def test_the_member_writing_of_confidentiality_or_personal_data_keeps_her_words(line):
    text = answer(f"Agreed.\n\n{line}\n\nThanks,\nJo\n\n{QUOTE}")
    assert line in text and "Thanks,\nJo" in text


def test_a_name_with_pronouns_signs_and_its_role_goes_above_a_register_line():
    text = answer("Yes - and thank you for pulling this together.\n\nAlex Morgan (they/them)\nVolunteer Lead\n"
                  "Working hours: Mon-Thu 9-3\nRegistered charity no. 1234567\n\n" + QUOTE)
    assert text == "Yes - and thank you for pulling this together.\n\nAlex Morgan (they/them)"


def test_a_rule_of_box_drawing_characters_opens_a_japanese_signature():
    sig = "━━━━━━━━━━━━━━━━━━\n佐藤 花子（さとう はなこ）\n難民支援ネットワーク 東京支部\nTEL: 03-5555-0123\n━━━━━━━━━━━━━━━━━━"
    assert answer(f"草案に賛成です。\n\n{sig}\n\n{QUOTE}") == "草案に賛成です。"
    # a rule between two paragraphs of the member's, with prose under it, is no signature
    prose = "草案に賛成です。\n\n━━━━━━━━━━\n\nただし、第三条について一点だけ質問があります。交通費の上限はどうなりますか？\n\n"
    assert "第三条" in answer(prose + QUOTE)


@pytest.mark.parametrize("sign_off", [
    "Von Mail für Windows gesendet", "Typed with thumbs - please excuse typos", "Naver 메일 앱에서 보냄",
    "iOS 版 Outlook<https://aka.ms/o0ukef> を入手", "Outlook voor iOS<https://aka.ms/o0ukef> downloaden",
    "Written on my phone, sorry for any typos",
])
def test_phone_and_app_sign_offs_in_more_forms_are_left_out(sign_off):
    assert answer(f"Fine by me.\n\n{sign_off}\n\n{QUOTE}") == "Fine by me."


@pytest.mark.parametrize("line", [
    "Von Anna bekommen, gesendet an alle Gruppen.", "Typed up the minutes from the meeting with the council.",
    "I typed with thumbs all the way home on the bus, the draft is long!",
])
def test_sentences_that_look_like_sign_offs_stay(line):
    assert line in answer(f"Fine by me.\n\n{line}\n\n{QUOTE}")


def test_apple_mails_portuguese_forward_header_opens_the_forwarded_message():
    body = ("Segue a resposta da prefeitura. Quanto ao rascunho, tudo certo.\n\nInício da mensagem encaminhada:\n\n"
            "> De: Prefeitura <contato@prefeitura.example>\n> Assunto: Pedido de sala\n>\n"
            "> Prezada, a sala está disponível em abril.\n\n" + QUOTE)
    assert answer(body) == "Segue a resposta da prefeitura. Quanto ao rascunho, tudo certo."


def test_proton_mails_html_signature_block_is_not_the_answer():
    html = ('<div>Agreed, nice work.</div><div><br></div><div class="protonmail_signature_block">'
            '<div class="protonmail_signature_block-user">Mira<br>Refugee Action Leeds</div>'
            '<div class="protonmail_signature_block-proton">Sent with Proton Mail secure email.</div></div>'
            '<div class="protonmail_quote">On Wednesday, March 11th, 2026 at 09:02, Refuge Network wrote:<br>'
            '<blockquote class="protonmail_quote" type="cite">Hello Member,<br>Feedback is due.</blockquote></div>')
    text = answer(html, "Content-Type: text/html; charset=utf-8")
    assert text == "Agreed, nice work."


ORIGINAL_BLOCK = ("-----Original Message-----\nFrom: Refuge Network <network+abc@example.org>\n"
                  "Sent: Wednesday, March 11, 2026 9:02 AM\nTo: Member\nSubject: [Draft 12] Volunteer travel expenses\n\n"
                  "Hello Member,\n\nFeedback is due by Friday 20 March 2026 at 17:00.\n{comment}\n"
                  "To answer, reply to this email.\n\n-- \nRefuge Network\n")


def test_one_marked_comment_in_the_original_counts_when_the_member_says_her_answers_are_below():
    body = "See my answers below.\n\n" + ORIGINAL_BLOCK.format(comment="[Ruth] I'll send them by Thursday.\n")
    assert answer(body) == "See my answers below.\n\n[Ruth] I'll send them by Thursday."
    # without the announcement, one bracketed line inside an unprefixed original may be the original's own
    body = "Agreed.\n\n" + ORIGINAL_BLOCK.format(comment="[Note] Late feedback is read too.\n")
    assert answer(body) == "Agreed."


def test_charset_labels_are_read_as_browsers_read_them():
    hebrew = "אני מסכים עם הטיוטה."
    body = base64.b64encode((hebrew + "\n\n" + QUOTE).encode("iso-8859-8")).decode()
    headers = 'Content-Type: text/plain; charset="iso-8859-8-i"\nContent-Transfer-Encoding: base64'
    assert answer(body, headers) == hebrew
    japanese = "賛成です～①の件だけ確認させてください。"
    body = base64.b64encode((japanese + "\n\n" + QUOTE).encode("cp932")).decode()
    headers = 'Content-Type: text/plain; charset="Shift_JIS"\nContent-Transfer-Encoding: base64'
    assert answer(body, headers) == japanese


@pytest.mark.parametrize("words, charset", [
    ("Souhlasím, ale přidejte řádek o příspěvku na dopravu.", "cp1250"),
    ("Zgadzam się, ale dopiszcie zwrot za bilety miesięczne.", "cp1250"),
    ("C'est très bien, mais précisez le plafond de l'hôtel.", "cp1252"),
    ("Concordo, mas acrescentem o subsídio de refeição.", "cp1252"),
])
def test_an_old_clients_bytes_declared_as_utf8_are_read_in_their_own_code_page(words, charset):
    # a Czech or Polish client's Windows-1250 reads as such, a French or Portuguese one's stays Windows-1252
    body = (words + "\n\n" + QUOTE).encode(charset)
    data = (HEAD + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n").encode() + body
    assert read(data).new_text == words
