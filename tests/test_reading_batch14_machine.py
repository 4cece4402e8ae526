"""Machine mail widened for the blind batch 14 (#15, b14a_/b14b_ files), each class with the
look-alikes that must not change:

- Automatic replies that carry no automatic header and say what they are only in their subject or
  words, in more systems and languages: Free.fr's "Répondeur :", "Eingangsbestätigung:", Greek,
  Finnish, Hebrew, Hungarian, Indonesian, Norwegian, Thai, Turkish, Ukrainian, Vietnamese and Arabic
  absence subjects; "this is an automatic reply" in Greek, Hungarian, Finnish, Romanian, Hebrew,
  Indonesian, Vietnamese, Thai, Arabic and Korean; help desks' receipts naming a ticket key ("We've
  received your request SUP-4821"), assigning one ("assigned it the ticket ID #12345"), opening an
  incident "on your behalf", in Spanish ("Su solicitud (48214) ha sido recibida").
- Challenge-response notices sent from the member's own address or a service's (Spam Arrest,
  EarthLink spamBlocker, Boxbe, TMDA, German and Brazilian filters): a guess from their own words
  with a link or an ask to reply, never a bounce; a person citing such an ask, or answering first,
  is a person.
- A read receipt (multipart/report; report-type=disposition-notification) and Mailman's
  administrative notices (X-List-Administrivia) are automatic.
- Bounces: a list manager's refusal naming the list only by its owner's address and with no copy
  (the list is that address without "-owner"/"-request"), or only by its name from the list server
  ("… to the news mailing list", from lyris@lists.x); a qmail .qmail forward whose returned copy
  keeps "Delivered-To: <the member's address>" names the member as the address that forwarded.
The scenarios: such mail arriving to a ballot (Dovecot, SMTP) is never answered, never counted;
the look-alikes are read as the person's and counted; a forwarded address that bounces reaches the
coordinators with the mailbox it forwards to.
"""
from __future__ import annotations

import pytest

from mailer.autoreply_subjects import automatic_subject
from mailer.autoreply_words import says_it_is_automatic
from store import members
from tests.fixtures_convenor import network_fixture
from tests.test_machine_mail_reading import raw, read

ANSWER = "In-Reply-To: <abcdefghijklmnopqrstuvwxyz.1@example.org>\nTo: network+abcdefghijklmnopqrstuvwxyz@example.org"
VOTE = "[Vote 7] Approve the 2027 budget"
BOUNCE_TO = "network+b-abcdefghijklmnopqrstuvwx@example.org"


def mail(subject: str, body: str, sender: str = "Staff <staff@corp.example>", extra: str = "") -> bytes:
    return raw(f"From: {sender}\n{ANSWER}\nSubject: {subject}\n{extra}", body)


@pytest.mark.parametrize("subject", [
    f"Répondeur : {VOTE}", f"Eingangsbestätigung: {VOTE}", f"Εκτός γραφείου: {VOTE}", f"Lomavastaaja: {VOTE}",
    "Poissa toimistosta", f"מחוץ למשרד: {VOTE}", f"Házon kívül: {VOTE}", f"Di luar kantor: {VOTE}",
    f"Fraværsmelding: {VOTE}", "Ausência temporária", "Otomatik Cevap", f"Автовідповідь: {VOTE}",
    f"Vắng mặt: {VOTE}", f"خارج المكتب: {VOTE}", f"ไม่อยู่ที่สำนักงาน: {VOTE}",
    "Please confirm your message", "Spamschutz: Bitte bestätigen Sie Ihre E-Mail",
    "AntiSpam UOL: confirme o envio da sua mensagem", "Sua mensagem aguarda confirmação",
])
def test_more_subjects_lead_an_automatic_reply(subject):
    assert automatic_subject(subject)
    notice = read(mail(subject, "Back on 14 December."))
    assert notice.auto_reply and notice.auto_reply_guessed  # a guess: never answered, never dropped


@pytest.mark.parametrize("subject", [
    "Re: Please confirm your message to nora@cr-member.example",  # a member answering her own filter
    "Répondeur téléphonique de l'association",  # the words run on into a topic
    "Re: Házon kívül tartott ülés jegyzőkönyve",
    "Vắng mặt trong cuộc họp tuần trước",
    f"Re: {VOTE}",
])
def test_their_look_alikes_are_a_persons_subject(subject):
    assert not automatic_subject(subject)


@pytest.mark.parametrize("text", [
    "Αυτό είναι ένα αυτόματο μήνυμα.\nΕίμαι σε άδεια έως τις 11/12.",
    "Ez egy automatikus válasz. Szabadságon vagyok december 11-ig.",
    "Tämä on automaattinen vastaus.\n\nOlen poissa toimistosta 11.12. saakka.",
    "Acesta este un mesaj automat. Sunt în concediu până pe 14 decembrie.",
    "זוהי הודעה אוטומטית.\nאני בחופשה עד 11.12.",
    "Ini adalah balasan otomatis. Saya sedang cuti sampai 11 Desember.",
    "Đây là thư trả lời tự động. Tôi nghỉ phép đến ngày 11/12.",
    "นี่คือข้อความตอบกลับอัตโนมัติ ดิฉันลาพักร้อนถึงวันที่ 11 ธันวาคม",
    "هذه رسالة آلية. أنا في إجازة حتى 11 ديسمبر.",
    "본 메일은 자동 응답 메일입니다.\n12월 14일까지 휴가입니다.",
    "Bu otomatik bir mesajdır.\n\nYıllık izindeyim.",
    "Vielen Dank für Ihre Nachricht. Dies ist eine automatische Eingangsbestätigung.",
    "Message du répondeur de nadia@free.example :\n\nJe suis en congés jusqu'au 11 décembre.",
    "Hi Network,\n\nWe've received your request SUP-4821 and our team will get back to you shortly.",
    "Thank you for writing in. We have received your request and assigned it the ticket ID #12345.",
    "Your incident has been opened on your behalf.\n\nIncident: INC0012345",
    "Su solicitud (48214) ha sido recibida y está siendo revisada por nuestro personal de asistencia.",
    "Bitte antworten Sie nicht auf diese automatisch erzeugte E-Mail.",
])
def test_more_automatic_statements(text):
    assert says_it_is_automatic(text)
    assert read(mail(f"Re: {VOTE}", text)).auto_reply


@pytest.mark.parametrize("text", [
    "Yes. This is not an automatic message, I'm just away.",
    "Ez nem automatikus válasz: igen, támogatom.",
    "I got 'Αυτό είναι ένα αυτόματο μήνυμα' from Nikos, is he away?",
    "We've received your request for the hall and booked it for Friday.",
    "Igen, szabadságon vagyok, de támogatom.",
])
def test_a_persons_words_about_automatic_replies_stay_a_persons(text):
    assert not read(mail(f"Re: {VOTE}", text, "Ewa Nowak <ewa@example.net>")).auto_reply


CHALLENGES = [
    ("Re: " + VOTE, "Hello,\n\nI'm protecting myself from receiving junk mail. Please click the link below to complete "
                    "the verification process. You have to do this only once.\n\nhttp://verify.example/a2?x=1\n"),
    ("Re: " + VOTE, "I apologize for this automatic reply to your email.\n\nTo control spam, I now allow incoming "
                    "messages only from senders I have approved beforehand.\n\nhttps://addme.example/wam?a=1\n"),
    (VOTE + " (Action Required)", "Pat uses Boxbe to protect their inbox. Please verify your email address to have "
                                  "your message delivered: https://boxbe.example/crs?tc=1\n"),
    ("Bevestig uw bericht", "Uw bericht is tegengehouden. Please verify that you are human: https://filter.example/c/1\n"),
]


@pytest.mark.parametrize("subject, text", CHALLENGES)
def test_a_challenge_from_the_members_own_address_is_a_guess_and_no_bounce(subject, text):
    notice = read(mail(subject, text, "Lou Garner <lou@garner.example>"))
    assert notice.auto_reply and notice.auto_reply_guessed
    assert notice.bounce is None


@pytest.mark.parametrize("text", [
    "Yes. Pat's filter made me verify that I'm human again, https://boxbe.example/x",
    "Pat's filter keeps asking me: 'please verify that you are human' at https://filter.example/c/1 - is it safe?",
    "No, sorry. (And please verify that you are human, says my spam filter: https://x.example)",
    "Thanks for the reminder! I'm not a robot, I just reply late :) https://example.net/my-blog",
])
def test_a_person_telling_of_a_challenge_is_a_person(text):
    assert not read(mail(f"Re: {VOTE}", text, "Dave Hunt <dave@example.net>")).auto_reply


def receipt(disposition: str = "displayed") -> bytes:
    return raw(f"From: Helen Shaw <helen@partner.example>\n{ANSWER}\nSubject: Read: {VOTE}\n"
               "Content-Type: multipart/report; report-type=disposition-notification; boundary=\"M\"",
               "--M\nContent-Type: text/plain\n\nYour message was read on 2 December 2026.\n"
               "--M\nContent-Type: message/disposition-notification\n\nReporting-UA: Microsoft Outlook 16.0\n"
               f"Final-Recipient: rfc822;helen@partner.example\nDisposition: manual-action/MDN-sent-manually; {disposition}\n"
               "--M--\n")


def test_a_read_receipt_is_automatic_and_no_bounce():
    notice = read(receipt())
    assert notice.auto_reply and not notice.auto_reply_guessed and notice.bounce is None


def test_mailmans_held_for_approval_notice_is_automatic_and_no_bounce():
    held = read(raw(f"From: team-bounces@lists.partner.example\n{ANSWER}\nSubject: Your message to Team awaits "
                    "moderator approval\nX-List-Administrivia: yes\nX-Mailman-Version: 2.1.39",
                    f"Your mail to 'Team' with the subject\n\n    {VOTE}\n\nIs being held until the list "
                    "moderator can review it for approval.\n"))
    assert held.auto_reply and held.bounce is None


def report(sender: str, subject: str, body: str, to: str = BOUNCE_TO) -> bytes:
    return raw(f"Return-Path: <>\nFrom: {sender}\nTo: {to}\nSubject: {subject}", body)


@pytest.mark.parametrize("sender, subject, body, address", [
    ("team-owner@lists.partner.example", "Request to mailing list Team rejected",
     f"Your request to the Team mailing list\n\n    Posting of your message titled \"{VOTE}\"\n\nhas been rejected "
     "by the list moderator.\n\nAny questions or comments should be directed to the list administrator\nat:\n\n"
     "    team-owner@lists.partner.example\n", "team@lists.partner.example"),
    ("L-Soft list server at LISTSERV.UNI.EXAMPLE <LISTSERV@LISTSERV.UNI.EXAMPLE>",
     "Rejected posting to SAFETY-L@LISTSERV.UNI.EXAMPLE",
     "You are not authorized to send mail to the SAFETY-L list from your\nnetwork@example.org account. Please "
     "contact the list owners: SAFETY-L-request@LISTSERV.UNI.EXAMPLE.\n", "safety-l@listserv.uni.example"),
    ("lyris@lists.partner.example", "Your message to news was rejected",
     "Your message was not distributed to the news mailing list because\nthe address network@example.org is not "
     "a member of the list.\n\nReport generated by Lyris ListManager.\n", "news@lists.partner.example"),
])
def test_a_list_refusal_without_a_copy_names_the_list(sender, subject, body, address):
    bounce = read(report(sender, subject, body)).bounce
    assert bounce is not None and bounce.permanent and bounce.addresses == (address,)


QMAIL = ("Hi. This is the qmail-send program at mail.{alias_domain}.\nI'm afraid I wasn't able to deliver your "
         "message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out."
         "\n\n<{target}>:\n198.51.100.7 does not like recipient.\nRemote host said: 550 5.1.1 <{target}>: Recipient "
         "address rejected: User unknown\nGiving up on 198.51.100.7.\n\n--- Below this line is a copy of the message."
         "\n\nReturn-Path: <{envelope}>\nDelivered-To: {delivered}\n")


def qmail_forward_bounce(target: str, delivered: str, copy: str, envelope: str = BOUNCE_TO) -> str:
    return QMAIL.format(alias_domain=delivered.split("@")[1], target=target, envelope=envelope,
                        delivered=delivered) + copy


def test_a_qmail_forward_names_the_member_who_forwards():
    copy = f"From: Refuge Network <{BOUNCE_TO}>\nTo: pat@alias.example\nSubject: {VOTE}\n\nVote 7\n"
    bounce = read(report("MAILER-DAEMON@mail.alias.example", "failure notice",
                         qmail_forward_bounce("pat.new@dest.example", "pat@alias.example", copy))).bounce
    assert bounce.addresses == ("pat.new@dest.example",) and bounce.permanent
    assert dict(bounce.forwarded_from) == {"pat.new@dest.example": "pat@alias.example"}


def test_a_delivered_to_that_is_not_the_copys_recipient_says_nothing_of_forwarding():
    """The Delivered-To is the failed mailbox's own (no forward), or the copy went to someone else."""
    copy = f"From: Refuge Network <{BOUNCE_TO}>\nTo: pat@dest.example\nSubject: {VOTE}\n\nVote 7\n"
    own = read(report("MAILER-DAEMON@mail.dest.example", "failure notice",
                      qmail_forward_bounce("pat@dest.example", "pat@dest.example", copy))).bounce
    assert own.addresses == ("pat@dest.example",) and own.forwarded_from == ()
    elsewhere = read(report("MAILER-DAEMON@mail.alias.example", "failure notice",
                            qmail_forward_bounce("pat.new@dest.example", "other@alias.example",
                                                 copy.replace("pat@dest.example", "pat@alias.example")))).bounce
    assert elsewhere.forwarded_from == ()


# --- scenarios: a ballot answered by machines and by a person; a forward that bounces -----------------

COORDINATOR = "amina@example.org"
net = network_fixture()


def test_responders_challenges_and_receipts_to_a_ballot_are_not_counted_and_a_person_is(net):
    ballots = net.open_vote("[Vote] Winter shelter budget", "Closes: in 7 days\n\nApprove the budget?")
    net.advance(hours=1)
    # Li's Free.fr responder: its own subject word, no automatic header
    net.reply(ballots["li@example.org"], subject="Répondeur : [Vote 1] Winter shelter budget", quote=False,
              body="Bonjour,\n\nJe suis absent jusqu'au 14 décembre.\nVotre message sera lu à mon retour.")
    # Jean's spam filter asks the network to prove it is human, from Jean's own address
    net.reply(ballots["jean@example.org"], subject="Re: [Vote 1] Winter shelter budget", quote=False,
              body="Hello,\n\nI'm protecting myself from receiving junk mail. Please click the link below to complete the "
                   "verification process. You have to do this only once.\n\nhttp://verify.example/a2?x=1\n")
    # Sofia's Outlook sends a read receipt, then Sofia herself writes of her absence, and votes
    ballot = ballots["sofia@example.org"]
    net.deliver(raw(f"From: Sofia <sofia@example.org>\nTo: {ballot.reply_to}\nIn-Reply-To: {ballot.message_id}\n"
                    "Subject: Read: [Vote 1] Winter shelter budget\nContent-Type: multipart/report; "
                    "report-type=disposition-notification; boundary=\"M\"",
                    "--M\nContent-Type: text/plain\n\nYour message was read.\n--M\nContent-Type: "
                    "message/disposition-notification\n\nDisposition: manual-action/MDN-sent-manually; displayed\n"
                    "--M--\n"), authenticated="pass")
    net.reply(ballot, subject="Re: [Vote 1] Winter shelter budget", quote=False,
              body="Yes\n\nI'm out of office next week, but yes, happy with the budget.")
    net.step()
    out = net.new_messages()
    assert net.messages_to("li@example.org", out) == [] and net.messages_to("jean@example.org", out) == []
    assert "is recorded: Yes." in net.only_message_to("sofia@example.org", out).text
    assert net.db.execute("SELECT count(*) FROM vote_choices").fetchone()[0] == 1  # Sofia's only
    assert members.get_by_email(net.db, "jean@example.org")["bounce_score"] == 0  # a challenge is no bounce
    assert net.stack.folder_counts().get("Quarantine") == 2  # the guesses kept for a person, never dropped


def test_a_members_forward_that_bounces_tells_the_coordinators_where_it_forwards(net):
    """Li's address forwards (qmail .qmail) to a dead mailbox: each day's bounce counts against Li,
    and the coordinators learn which mailbox her address forwards to."""
    for day in range(5):
        ballots = net.open_vote(f"[Vote] Item {day}", "Closes: in 7 days\n\nApprove?")
        sent = ballots["li@example.org"]
        copy = sent.data.decode("utf-8", "replace")
        net.deliver(report("MAILER-DAEMON@mail.example.org", "failure notice",
                           qmail_forward_bounce("li.wei@new-isp.example", "li@example.org", copy,
                                                envelope=sent.envelope_from), to=sent.envelope_from),
                    rcpt=sent.envelope_from)
        net.step()
        net.advance(days=1)
    li = members.get_by_email(net.db, "li@example.org")
    assert li["bouncing"] == 1
    told = [m for m in net.messages_to(COORDINATOR, net.new_messages()) if "Li Wei" in m.subject]
    assert told and "li.wei@new-isp.example" in told[-1].text
