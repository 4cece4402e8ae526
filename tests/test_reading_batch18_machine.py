"""Machine mail widened for the blind batch 18 (#15, b18a_/b18h_ files), each rule with the
persons' look-alikes that must not change:

- An absence notice in Norwegian, Swedish or Danish told by its words alone: their thanks ("Takk
  for e-posten", "Tack för ditt mejl"), the return date ("tilbake på kontoret 11. desember") and
  whom to write to meanwhile ("Henvendelser kan sendes til …", "Vid brådskande ärenden …") are an
  absence notice's clauses. A member's absence that goes on with anything else ("… og stemmer
  ja", "men …") stays a person's.
- "Fravær:" leading the subject of an answer is an absence notice's subject (as "Frånvaro" was);
  after a person's reply prefix ("Re: Fravær …") it is never one.
- A no-reply address no longer makes machine mail of a message that quotes the one it answers
  under an attribution line ("On … wrote:"): an organisation whose system sends everyone's mail
  from noreply@.
"""
from __future__ import annotations

import pytest

from mailer.absence_notices import only_an_absence_notice
from mailer.autoreply_subjects import automatic_subject
from tests.test_machine_mail_reading import raw, read

ANSWER = "In-Reply-To: <abcdefghijklmnopqrstuvwxyz.1@example.org>\nTo: network@example.org"
QUOTE = ("\n\nOn Thu, 3 Dec 2026 at 08:58, Refuge Network <network@example.org> wrote:\n"
         "> Vote 7: Approve the 2027 budget\n>\n> Reply with YES, NO or ABSTAIN.\n")


def mail(subject: str, body: str, sender: str = "Ola Dahl <ola@nb.example>", extra: str = "") -> bytes:
    return raw(f"From: {sender}\n{ANSWER}\nSubject: {subject}\n{extra}", body)


@pytest.mark.parametrize("text", [
    "Takk for e-posten. Jeg er på ferie og tilbake på kontoret 11. desember. Henvendelser kan sendes til "
    "post@nb.example.\n\nHilsen Ola",
    "Tack för ditt mejl. Jag är på semester till och med 4 januari. Vid brådskande ärenden kontakta kansliet.\n\nElin",
    "Tak for din mail. Jeg er fraværende indtil 14. december og tilbage 15. december.\n\nMette",
])
def test_a_scandinavian_absence_notice_is_one(text):
    assert only_an_absence_notice(text)


@pytest.mark.parametrize("text", [
    "Jeg er på ferie og tilbake 11. desember, og stemmer ja.",
    "Takk for e-posten. Jeg er på ferie til 11. desember, men jeg stemmer nei.",
    "Tack för ditt mejl. Jag är på semester till 4 januari. Jag röstar ja.",
    "Ja. Jeg er på ferie og tilbake 11. desember.",
])
def test_a_members_absence_with_more_stays_a_persons(text):
    assert not only_an_absence_notice(text)


def test_a_norwegian_absence_notice_by_words_and_subject_is_machine_mail():
    body = ("Takk for e-posten. Jeg er på ferie og tilbake på kontoret 11. desember. Henvendelser kan "
            "sendes til post@nb.example.\n\nHilsen Ola\n")
    assert read(mail("Fravær: [Vote 7] Approve the 2027 budget", body)).auto_reply
    assert read(mail("Re: [Vote 7] Approve the 2027 budget", body)).auto_reply


@pytest.mark.parametrize("subject", ["Fravær: [Vote 7] Budget", "Fravær", "Fravær 14.-18. desember"])
def test_fravaer_leads_an_absence_subject(subject):
    assert automatic_subject(subject)


@pytest.mark.parametrize("subject", ["Re: Fravær: [Vote 7] Budget", "SV: Fravær 14.12.", "Fraværet mitt i desember",
                                     "Fravær på styremøtet"])
def test_fravaer_after_a_prefix_or_in_a_topic_is_no_absence_subject(subject):
    assert not automatic_subject(subject)


def test_a_member_writing_from_noreply_with_a_quote_is_a_persons():
    body = ("Hello, Sara from Small Coop here (our system only lets me send from this address, sorry). "
            "We vote NO.\n\nSara Blom\nSecretary, Small Coop" + QUOTE)
    got = read(mail("Re: [Vote 7] Approve the 2027 budget", body, "Sara Blom <noreply@small-coop.example>"))
    assert not got.auto_reply and got.bounce is None


@pytest.mark.parametrize("body", [
    "Your payment has been processed. Receipt number 44120.\n\nThe Small Coop Team",
    "This is a notification from the members' portal: your profile was updated.",
])
def test_a_noreply_notice_quoting_nothing_is_still_machine_mail(body):
    got = read(mail("Re: [Vote 7] Approve the 2027 budget", body, "Small Coop <noreply@small-coop.example>"))
    assert got.auto_reply


FORWARDER = ("From: Forwarding Service <bounces@forwarder.example>\nReturn-Path: <>\n"
             "To: network+b-abcdefghijklmnopqrstuvwxyz@example.org\nSubject: {subject}\n")


@pytest.mark.parametrize("subject", ["Forwarding failed", "Message could not be forwarded", "Forwarding error"])
def test_a_forwarding_services_failure_is_a_bounce_of_the_target_forwarded_from_the_member(subject):
    """(batch 18) a forwarding service's report that the copy it sent on was refused."""
    body = ("Your message to sam@forwarder.example was forwarded to sam.w@final.example, which rejected it:\n\n"
            "550 5.1.1 <sam.w@final.example>: Recipient address rejected: User unknown\n")
    got = read(raw(FORWARDER.format(subject=subject), body)).bounce
    assert got is not None and got.addresses == ("sam.w@final.example",) and got.permanent
    assert dict(got.forwarded_from) == {"sam.w@final.example": "sam@forwarder.example"}


@pytest.mark.parametrize("subject, body", [
    ("Forwarding failed?", "Hi, my mail forwarding failed after I changed provider. Please use anna@new.example."),
    ("My forwarding failed", "Sorry, forwarding failed so I missed the ballot. I vote yes."),
    ("Re: Forwarding error", "It says it could not be forwarded. What do I do?"),
])
def test_a_member_writing_of_a_failed_forward_is_no_bounce(subject, body):
    got = read(raw(f"From: Anna <anna@old.example>\nReturn-Path: <anna@old.example>\nTo: network@example.org\n"
                   f"Subject: {subject}\n", body))
    assert got.bounce is None and not got.auto_reply
