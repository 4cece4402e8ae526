"""The batch-16 review (b16x_ persons' messages, b16y_ machine notices in tests/corpus_own): what the
widened machine-mail rules took for machine mail, and the mends.

- A small organisation's admin is a member who writes from postmaster@. Her new message saying, in
  any language, that her vote "could not be delivered" (the widened FAILED_BODY / DELAY_TEXT), or
  titled with a failure word and carrying her earlier reply or her server's report as an .eml, was
  a bounce. A mail system's notice comes from the null sender or at least names what failed; hers
  comes from a mailbox that takes its own replies (Return-Path is her From) and names no failed
  address and no token of ours (`mailer.bounce_senders`; a forwarder's SRS Return-Path or none at
  all counts as hers). The same for any member whose new message has a failure or delay word in its
  subject ("Vot întârziat", "Voting tertunda") and an .eml attached: a returned copy counts only from
  a sender that does not take its own replies, and an attached message addressed to the sender
  herself (the ballot she received) is no returned copy.
- A member's Gmail reply (no User-Agent) that quotes the draft under "… napisał(a):" and speaks of a
  website's "potwierdź, że nie jesteś robotem" with its link was a challenge. A challenge never
  quotes what it holds under an attribution line: an attributed message is not one.

Left: a postmaster@ member whose new message names someone's address and carries a status code
(pasted from a report) is still read as a bounce; a member's unquoted reply (no attribution) with a
website's "not a robot" ask and a link is still a challenge.
"""
from __future__ import annotations

import pytest

from tests.test_machine_mail_reading import raw, read

BALLOT = "<convenor.vote7.4c1e88@example.org>"
ANSWER = f"In-Reply-To: {BALLOT}\nReferences: {BALLOT}"
OURS = "To: network+b-abcdefghijklmnopqrstuvwxyz@example.org"


def _postmaster_member(subject: str, body: str, extra: str = "") -> bytes:
    return raw("Return-Path: <postmaster@asociatia-lumina.example>\n"
               "From: Ion Popescu <postmaster@asociatia-lumina.example>\nTo: Refuge Network <network@example.org>\n"
               f"Subject: {subject}{extra}", body)


@pytest.mark.parametrize("subject, body", [
    ("Votul meu pentru bugetul 2027", "Răspunsul meu la votul 7 nu a putut fi livrat, așa că îl trimit ca mesaj nou: DA.\n"),
    ("Phiếu bầu ngân sách 2027", "Thư trả lời của tôi không gửi được nên tôi gửi thư mới: tôi đồng ý.\n"),
    ("صوتي على ميزانية 2027", "تعذر تسليم ردي على التصويت رقم 7، لذلك أرسل صوتي هنا: نعم.\n"),
    ("Η ψήφος μου", "Η απάντησή μου στην ψηφοφορία 7 δεν παραδόθηκε. Ψηφίζω ΝΑΙ.\n"),
    ("Suara saya", "Balasan saya tidak dapat dikirim, jadi saya kirim email baru: setuju.\n"),
    ("Môj hlas", "Moju odpoveď nebolo možné doručiť, preto píšem: súhlasím.\n"),
    ("Min stemme", "Mit svar kunne ikke leveres, så her er min stemme: JA.\n"),
    ("Întrebare despre votul 7", "Mesajul meu nu a fost încă livrat? Serverul zice că se va reîncerca.\n"),
    ("My vote on the budget", "My reply to vote 7 could not be delivered, so here it is: YES.\n"),
])
def test_a_member_writing_from_postmaster_about_her_undelivered_vote_is_a_person(subject, body):
    mail = read(_postmaster_member(subject, body))
    assert mail.bounce is None
    assert not mail.auto_reply


_REPORT_ATTACHED = (
    "--M\nContent-Type: text/plain; charset=utf-8\n\nDA. Raportul de nelivrare e atașat.\n"
    "--M\nContent-Type: message/rfc822\n\nReturn-Path: <>\nFrom: Mail Delivery System <MAILER-DAEMON@mail.lumina.example>\n"
    "Subject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"D\"\n\n"
    "--D\nContent-Type: text/plain\n\n<network+k3d9aa@example.org>: 452 4.3.1 Insufficient system storage\n"
    "--D\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mail.lumina.example\n\n"
    "Final-Recipient: rfc822; network+k3d9aa@example.org\nAction: failed\nStatus: 4.3.1\n\n--D--\n--M--\n")


@pytest.mark.parametrize("subject", ["Votul meu (mesajul nelivrat atașat)", "Min röst: JA (rapporten bifogad)"])
def test_a_postmaster_member_attaching_her_servers_report_under_her_vote_is_a_person(subject):
    mail = read(_postmaster_member(subject, _REPORT_ATTACHED,
                                   "\nContent-Type: multipart/mixed; boundary=\"M\""))
    assert mail.bounce is None


_BALLOT_ATTACHED = (
    "--M\nContent-Type: text/plain; charset=utf-8\n\n{text}\n"
    "--M\nContent-Type: message/rfc822\n\nReturn-Path: <network+b-abcdefghijklmnopqrstuvwxyz@example.org>\n"
    "From: Refuge Network <network@example.org>\nTo: dewi@home.example\nSubject: [Vote 7] Approve the 2027 budget\n"
    f"Message-ID: {BALLOT}\n\nVote 7: Approve the 2027 budget\n--M--\n")


@pytest.mark.parametrize("subject, text", [
    ("Voting tertunda: setuju", "Maaf suara saya tertunda. Setuju dengan anggaran 2027."),
    ("Mesaj nelivrat? Votul meu la bugetul 2027", "Votul meu de ieri pare nelivrat, vi-l atașez. Votez DA."),
    ("Vot întârziat: DA la bugetul 2027", "Îmi cer scuze pentru votul întârziat: DA."),
    ("Delayed vote: yes", "Sorry this is late. Yes."),
])
def test_a_members_late_vote_with_the_ballot_attached_is_a_person(subject, text):
    mail = read(raw("Return-Path: <dewi@home.example>\nFrom: Dewi <dewi@home.example>\nTo: network@example.org\n"
                    f"Subject: {subject}\nContent-Type: multipart/mixed; boundary=\"M\"", _BALLOT_ATTACHED.format(text=text)))
    assert mail.bounce is None


@pytest.mark.parametrize("envelope, sender", [
    ("", "Dewi <dewi@home.example>"),  # fetched without a Return-Path
    ("Return-Path: <SRS0=ab12=XY=home.example=dewi@fwd.example>\n", "Dewi <dewi@home.example>"),  # a forwarder's SRS
    ("Return-Path: <postmaster@lumina.example>\n", "Ion <postmaster@lumina.example>"),  # the ballot she received
])
def test_a_late_vote_forwarding_the_ballot_as_received_is_a_person(envelope, sender):
    address = sender.split("<")[1].rstrip(">")
    body = _BALLOT_ATTACHED.format(text="Maaf suara saya tertunda. Setuju.").replace("To: dewi@home.example", f"To: {address}")
    mail = read(raw(f"{envelope}From: {sender}\nTo: network@example.org\nSubject: Voting tertunda: setuju\n"
                    "Content-Type: multipart/mixed; boundary=\"M\"", body))
    assert mail.bounce is None


@pytest.mark.parametrize("envelope", ["", "Return-Path: <SRS0=ab=XY=lumina.example=postmaster@fwd.example>\n"])
def test_a_postmaster_member_forwarded_or_fetched_without_envelope_is_a_person(envelope):
    mail = read(raw(f"{envelope}From: Ion <postmaster@lumina.example>\nTo: network@example.org\nSubject: Votul meu",
                    "Răspunsul meu nu a putut fi livrat. Votez DA.\n"))
    assert mail.bounce is None


_DRAFT_QUOTE = ("\n\nczw., 3 gru 2026 o 08:58 Refuge Network <network@example.org> napisał(a):\n\n"
                "> Amira Said is circulating a draft for your feedback: \"Volunteer travel expenses\" (Draft 12).\n"
                "> To answer, reply to this email with your feedback or questions.\n")


@pytest.mark.parametrize("sender, text", [
    ("Tomek <tomasz@home.example>", "Formularz jest tutaj: https://zbiorka.example/formularz — trzeba kliknąć, "
     "że nie jesteś robotem, i u mnie to nie działa. Czy ktoś może sprawdzić?"),
    ("Sanne <sanne@home.example>", "Op https://vrijwilligers.example/aanmelden moet je bevestigen dat je geen robot "
     "bent en dat werkt niet. Antwoord graag als het bij jullie wel werkt."),
    ("Elif <elif@home.example>", "Form https://gonullu.example/kayit adresinde, robot olmadığınızı doğrulamanız "
     "gerekiyor. Lütfen cevap verin."),
    ("Marta <postmaster@fundacja-iskra.example>", "Przy zapisach przez https://zbiorka.example/formularz trzeba "
     "potwierdzić, że nie jesteś robotem — proszę odpowiedzieć."),
    ("Dave <dave@home.example>", "The sign-up at https://signup.example asks you to confirm you're not a robot and "
     "then hangs. Reply if it works for you."),
])
def test_a_members_quoting_reply_about_a_websites_not_a_robot_box_is_a_person(sender, text):
    mail = read(raw(f"From: {sender}\nTo: network+k3d9aa@example.org\n{ANSWER}\n"
                    "Subject: Re: [Draft 12] Volunteer travel expenses", text + _DRAFT_QUOTE))
    assert not mail.auto_reply
    assert mail.bounce is None


# ---- what the mends must not lose

@pytest.mark.parametrize("return_path", ["<>", "<MAILER-DAEMON@mx.provider.example>"])
def test_a_mail_systems_notice_naming_the_failed_address_is_still_a_bounce(return_path):
    mail = read(raw(f"Return-Path: {return_path}\nFrom: Mail Delivery System <MAILER-DAEMON@mx.provider.example>\n"
                    f"{OURS}\nSubject: Mesaj nelivrat",
                    "Mesajul dvs. nu a putut fi livrat către:\n\n   andrei@asociatia.example\n"))
    assert mail.bounce is not None and mail.bounce.addresses == ("andrei@asociatia.example",)


def test_a_challenge_that_quotes_nothing_is_still_an_automatic_reply():
    mail = read(raw(f"From: Jan <jan@poczta.example>\nTo: network+b-abcdefghijklmnopqrstuvwxyz@example.org\n{ANSWER}\n"
                    "Subject: Re: [Vote 7] Approve the 2027 budget",
                    "Twoja wiadomość czeka na weryfikację. Aby potwierdzić, że nie jesteś robotem, kliknij:\n\n"
                    "https://weryfikacja.poczta.example/c/8f2k1\n"))
    assert mail.auto_reply


def _dsn(block: str, text: str) -> bytes:
    return raw("Return-Path: <>\nFrom: Mail Delivery System <MAILER-DAEMON@mx.provider.example>\n"
               f"{OURS}\nSubject: Undelivered Mail Returned to Sender\n"
               "Content-Type: multipart/report; report-type=delivery-status; boundary=\"R\"",
               f"--R\nContent-Type: text/plain\n\n{text}\n"
               "--R\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.provider.example\n\n"
               + block + "\n--R--\n")


@pytest.mark.parametrize("action, diagnostic, text, permanent", [
    ("failed", "smtp; 452 4.2.2 Mailbox full", "An earlier relay had answered 550; the mailbox is full.", False),
    ("failed", "smtp; 552 4.2.2 Quota exceeded, try again later", "Delivery failed (552 quota).", False),
    ("failed", "smtp; 550-5.1.1 The email account that you tried to reach does not exist.", "Failed permanently.", True),
    ("failed", "smtp; 5.1.1 user unknown", "The recipient does not exist.", True),
    ("delayed", "X-Postfix; host mx.dest.example said: 450 4.7.1 Service temporarily unavailable",
     "This is a warning only.", False),
])
def test_a_dsn_without_status_reads_hard_or_soft_from_its_diagnostic_code(action, diagnostic, text, permanent):
    block = f"Final-Recipient: rfc822; ines@dest.example\nAction: {action}\nDiagnostic-Code: {diagnostic}\n"
    bounce = read(_dsn(block, text)).bounce
    assert bounce is not None and bounce.addresses == ("ines@dest.example",)
    assert bounce.permanent is permanent
