"""Machine mail widened for the blind batch 11 (#15, b11a_ files), each class with the look-alikes
that must not change:

- Lotus Notes / Domino's out-of-office agent titles its reply with the person's name and the
  absence as the whole subject ("Karl Vogt ist außer Haus.", "Marco Rossi è fuori ufficio.").
- GroupWise's Internet Agent stamps all GroupWise mail it passes on: it is no person's mail
  program, so "Abwesend: …" counts as the subject of an automatic reply.
- A help desk's subject may lead with its case reference ("Case #00012345: We have received your
  email") or say "Support Ticket Opened [#486213]"; Zendesk's French "Votre demande (78901) a bien
  été reçue" is automatic.
- An absence notice with no header and no "automatic" word: its words are only that the writer is
  away until a date, thanks, when they will answer and whom to write to meanwhile ("Estaré fuera
  de la oficina hasta el 20 de marzo. Responderé a su mensaje a mi regreso."); a member writing of
  her absence also answers something or goes on ("… until the 15th and will vote when I'm back").
- A departed person's mailbox telling of it in the third person ("Claire Hughes has left the
  organisation and this mailbox is no longer monitored", "Javier Moreno ya no trabaja en la
  Fundación. Este buzón no se revisa"); a member telling of a colleague in the first person is not.
"""
from __future__ import annotations

import pytest

from mailer.absence_notices import only_an_absence_notice
from mailer.autoreply_words import says_it_is_automatic
from tests.test_machine_mail_reading import raw, read

ANSWER = "In-Reply-To: <abcdefghijklmnopqrstuvwxyz.1@example.org>\nTo: network+abcdefghijklmnopqrstuvwxyz@example.org"
VOTE = "[Vote 31] Spring assembly: which Saturday?"


def mail(subject: str, body: str = "Back on 23 March.", sender: str = "Staff <staff@corp.example>",
         extra: str = "") -> bytes:
    return raw(f"From: {sender}\n{ANSWER}\nSubject: {subject}\n{extra}", body)


@pytest.mark.parametrize("subject", [
    "Karl Vogt ist außer Haus.", "Marco Rossi è fuori ufficio.", "Harold Finch is out of the office.",
    "Sylvie Roux est absent(e).",
])
def test_a_notes_out_of_office_subject_naming_the_person(subject):
    assert read(mail(subject)).auto_reply


@pytest.mark.parametrize("subject", [
    "Re: Karl is out of the office next week, can someone cover?", "Anna is out of the office on Friday so we meet Monday",
    "Fwd: Marco Rossi è fuori ufficio.",
])
def test_a_person_writing_that_someone_is_away_stays_a_person(subject):
    person = read(mail(subject, "Yes from me.", "Ewa Nowak <ewa@example.net>"))
    assert not person.auto_reply and not person.auto_reply_guessed


def test_groupwise_internet_agent_is_no_persons_mail_program():
    notice = read(mail(f"Abwesend: {VOTE}", "Ich bin bis 20.03.2026 abwesend.",
                       extra="X-Mailer: GroupWise Internet Agent 18.4.1"))
    assert notice.auto_reply
    person = read(mail(f"Re: {VOTE}", "Saturday the 14th suits me.", "Birgit <blang@gw.example>",
                       extra="X-Mailer: GroupWise Internet Agent 18.4.1"))
    assert not person.auto_reply and not person.auto_reply_guessed


@pytest.mark.parametrize("subject", ["Case #00012345: We have received your email", "Support Ticket Opened [#486213]"])
def test_a_help_desk_receipt_subject(subject):
    assert read(mail(subject, "A member of our team will be in touch.", "Desk <desk@crm.example>")).auto_reply


@pytest.mark.parametrize("text, automatic", [
    ("Votre demande (78901) a bien été reçue et sera examinée par notre équipe.", True),
    ("Claire Hughes has left the organisation and this mailbox is no longer monitored.", True),
    ("Javier Moreno ya no trabaja en la Fundación. Este buzón no se revisa.", True),
    ("Herr Berger ist nicht mehr für unser Unternehmen tätig.", True),
    ("Dobrý den, jsem na dovolené.\n--\nАвтоматический ответ", True),
    # a member telling of a colleague, or of her own request
    ("Claire Hughes has left the organisation, so I will take over her shifts.", False),
    ("Javier ya no trabaja en la Fundación, yo me encargo de su turno.", False),
    ("My request has been received, I think. Yes to Saturday.", False),
    ("I sent an automatic reply by mistake last week, sorry. Saturday works.", False),
])
def test_automatic_words_in_the_text(text, automatic):
    assert says_it_is_automatic(text) is automatic


def test_a_departed_persons_notice_is_an_automatic_reply():
    notice = read(mail(f"Re: {VOTE}", "Claire Hughes has left the organisation and this mailbox is no longer "
                       "monitored. Please direct your enquiries to enquiries@trust.example.", "Claire Hughes <c@trust.example>"))
    assert notice.auto_reply or notice.auto_reply_guessed


@pytest.mark.parametrize("text", [
    "Thank you for your email. I am currently out of the office with limited access to email, returning 23/03. "
    "I will reply on my return.",
    "Estaré fuera de la oficina hasta el 20 de marzo. Responderé a su mensaje a mi regreso.",
    "Bonjour,\n\nJe suis en congés jusqu'au 23 mars. Je prendrai connaissance de votre message à mon retour.\n\nMarc",
    "Jag är tjänstledig till den 20 mars och läser inte e-post.",
    "大変申し訳ございませんが、3月20日まで不在にしております。戻り次第ご返信いたします。",
    "您好！我正在休假，3月20日返回，返回后回复您。",
    "안녕하세요. 3월 20일까지 휴가로 부재중입니다. 복귀 후 연락드리겠습니다.",
    "Я в отпуске до 20 марта. Отвечу по возвращении.",
    "Добрый день!\nВ данный момент я нахожусь в отпуске и не могу ответить на Ваше письмо. Вернусь 23 марта.",
])
def test_a_bare_absence_notice(text):
    assert only_an_absence_notice(text)
    notice = read(mail(f"Re: {VOTE}", text, "Staff <staff@corp.example>"))
    assert notice.auto_reply and notice.auto_reply_guessed  # a guess: never answered, never dropped


def test_a_bare_absence_notice_written_in_a_persons_mail_program_is_a_persons():
    """Like an automatic-looking subject, bare absence words are a weak sign: a message that names a
    person's mail program (Outlook, Evolution) is a person's."""
    for program in ("X-Mailer: Microsoft Outlook 16.0", "X-Mailer: Evolution 3.46"):
        person = read(mail(f"Re: {VOTE}", "I am away until 20 February.", extra=program))
        assert not person.auto_reply
    assert read(mail(f"Re: {VOTE}", "I am away until 20 February.")).auto_reply


@pytest.mark.parametrize("text", [
    "I'm travelling until the 15th and will vote when I'm back.",
    "Estoy de vacaciones hasta el lunes, pero os contesto ya: me parece bien el borrador.",
    "来週まで休暇中ですが、草案に賛成です。",
    "다음 주까지 부재중이지만 초안에 동의합니다.",
    "我下周前在休假，不过我同意这个草案。",
    "I'm away until Monday, though I agree with the draft as it stands.",
    "I'm on holiday until the 27th so I'll keep this short: the mileage rate in section 3 should be 45p.",
    "Please note I'm on leave from 16 March; Fatou will reply for our group on this one. Thanks!",
    "Estou de férias até dia 20, sem acesso regular ao e-mail, mas voto a favor.\n\nAbraço,\nRui",
    "I'm away until Friday.\nYes",
    "I am out of the office until 20 March.\n\nSaturday 14th suits me best, see you there.",
])
def test_a_member_writing_of_her_absence_stays_a_person(text):
    assert not only_an_absence_notice(text)
    person = read(mail(f"Re: {VOTE}", text, "Ewa Nowak <ewa@example.net>"))
    assert not person.auto_reply


# --- bounces --------------------------------------------------------------------------------

BOUNCE_TO = "network+b-abcdefghijklmnopqrstuvwx@example.org"
OUR_COPY = ("Return-Path: <network+b-abcdefghijklmnopqrstuvwx@example.org>\n"
            "Received: from convenor.example.org (convenor.example.org [192.0.2.10])\n"
            "\tby mx.example.org (Postfix) with ESMTPS id 4ZqABCDEFG\n\tfor <{to}>; Mon, 09 Mar 2026 10:00:00 +0100\n"
            "From: Refuge Network <network+b-abcdefghijklmnopqrstuvwx@example.org>\nTo: {to}\n"
            f"Subject: {VOTE}\nMessage-ID: <abcdefghijklmnopqrstuvwxyz.b11@example.org>\n")


def report(sender: str, subject: str, body: str, extra: str = "Return-Path: <>") -> bytes:
    return raw(f"{extra}\nFrom: {sender}\nTo: {BOUNCE_TO}\nSubject: {subject}", body)


def test_an_alias_expanded_to_two_dead_mailboxes_names_both():
    """Postfix reports both targets of one alias; each is the failed address, the member's alias
    is what led to them."""
    text = ("This is the mail system at host mx.alumni.example.\n\n"
            "<li.wei@old-isp.example> (expanded from <liwei@alumni.example>): host mx.old-isp.example said:\n"
            "    550 5.1.1 User unknown (in reply to RCPT TO command)\n\n"
            "<wei.li@other-isp.example> (expanded from <liwei@alumni.example>): host mx.other-isp.example said:\n"
            "    550 5.1.1 No such user (in reply to RCPT TO command)\n")
    fields = "".join(f"Original-Recipient: rfc822;liwei@alumni.example\nFinal-Recipient: rfc822; {a}\n"
                     f"Action: failed\nStatus: 5.1.1\n\n" for a in ("li.wei@old-isp.example", "wei.li@other-isp.example"))
    body = (f"--R\nContent-Type: text/plain\n\n{text}\n--R\nContent-Type: message/delivery-status\n\n"
            f"Reporting-MTA: dns; mx.alumni.example\n\n{fields}--R--\n")
    bounce = read(report("Mail Delivery System <MAILER-DAEMON@mx.alumni.example>", "Undelivered Mail Returned to Sender",
                         body, "Return-Path: <>\nContent-Type: multipart/report; report-type=delivery-status; "
                         "boundary=\"R\"")).bounce
    assert bounce is not None and bounce.permanent
    assert set(bounce.addresses) == {"li.wei@old-isp.example", "wei.li@other-isp.example"}
    assert dict(bounce.forwarded_from) == {"li.wei@old-isp.example": "liwei@alumni.example",
                                           "wei.li@other-isp.example": "liwei@alumni.example"}


def test_exims_failed_list_is_read_past_a_detector_that_found_only_our_copy():
    """Four members of a committee alias in Exim's list; the returned copy pasted right below (a
    relay dropped Exim's "This is a copy of the message" line) names our envelope and our message
    id, which are never a failed recipient."""
    lines = "".join(f"  {n}@dest.example\n    (generated from committee@club.example)\n    550 5.1.1 unknown user\n"
                    for n in ("wanda", "xavier", "yasmin", "zack"))
    text = ("This message was created automatically by mail delivery software.\n\n"
            "A message that you sent could not be delivered to one or more of its\nrecipients. This is a "
            "permanent error. The following address(es) failed:\n\n" + lines +
            "\n" + OUR_COPY.format(to="committee@club.example") + "\nDear members,\n")
    bounce = read(report("Mail Delivery System <Mailer-Daemon@lists.club.example>",
                         "Mail delivery failed: returning message to sender", text)).bounce
    assert bounce is not None and bounce.permanent
    assert set(bounce.addresses) == {f"{n}@dest.example" for n in ("wanda", "xavier", "yasmin", "zack")}


def test_a_list_refusal_names_the_list_not_its_request_address():
    """LISTSERV names only the owners' "-request" address; the refused address is the list our
    copy went to."""
    text = ("You are not authorized to send mail to the SAFETY-L list from your\nnetwork@example.org account. "
            "If you need assistance, please contact the list owners:\nSAFETY-L-request@LISTS.UNI.EXAMPLE.\n\n"
            "--- Below this line is a copy of the message.\n\n" + OUR_COPY.format(to="safety-l@lists.uni.example")
            + "\nDear members,\n")
    bounce = read(report("L-Soft list server <LISTSERV@lists.uni.example>", f"Message not delivered to SAFETY-L: {VOTE}",
                         text)).bounce
    assert bounce is not None and bounce.addresses == ("safety-l@lists.uni.example",)


def test_a_french_sympa_refusal_is_a_bounce_of_the_list():
    text = ("Votre message pour la liste benevoles@listes.asso.example a été rejeté.\n\n"
            "Vous n'êtes pas autorisé à envoyer des messages à la liste benevoles@listes.asso.example.\n"
            "Pour toute question, contactez le propriétaire de la liste : benevoles-request@listes.asso.example\n")
    bounce = read(report("SYMPA <sympa@listes.asso.example>", "Résultat de votre commande", text)).bounce
    assert bounce is not None and bounce.addresses == ("benevoles@listes.asso.example",) and bounce.permanent


@pytest.mark.parametrize("sender, subject, body, permanent", [
    ("Postmark <bounces@postmark.example>", f"Soft bounce: {VOTE}",
     "Recipient: yara@dest.example\nBounce type: SoftBounce\nDetails: 452 4.2.2 mailbox full\n", False),
    ("postmaster@virgilio.example", "Impossibile consegnare il messaggio",
     "Impossibile consegnare il messaggio.\n\nDestinatario: sergio@dest.example\nMotivo: l'indirizzo non esiste.\n", True),
    ("Routeur <Postmaster@notes.example>", f"RETARD DE REMISE : {VOTE}",
     "Votre message\n\n  Objet : x\n\nn'a pas encore été remis à :\n\n  m.blanc@dest.example\n\n"
     "parce que :\n\n  Impossible de joindre le serveur. De nouvelles tentatives seront effectuées.\n", False),
])
def test_reports_in_more_words(sender, subject, body, permanent):
    bounce = read(report(sender, subject, body)).bounce
    assert bounce is not None and len(bounce.addresses) == 1 and bounce.permanent is permanent


@pytest.mark.parametrize("subject, body", [
    ("Re: Soft bounce: my new shoes", "Ha, my sister calls her trampoline the soft bounce. Yes to Saturday."),
    ("Impossibile consegnare il pacco sabato?", "Il corriere dice che è impossibile consegnare sabato. Io voto sì."),
])
def test_a_person_using_those_words_is_no_bounce(subject, body):
    mail_ = read(raw(f"From: Ewa Nowak <ewa@example.net>\n{ANSWER}\nSubject: {subject}", body))
    assert mail_.bounce is None and not mail_.auto_reply
