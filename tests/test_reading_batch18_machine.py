"""Machine mail widened for the blind batch 18 (#15, b18a_/b18h_ files), each rule with the
persons' look-alikes that must not change:

- An absence notice in Norwegian, Swedish or Danish told by its words alone: their thanks ("Takk
  for e-posten", "Tack för ditt mejl"), the return date ("tilbake på kontoret 11. desember") and
  whom to write to meanwhile ("Henvendelser kan sendes til …", "Vid brådskande ärenden …") are an
  absence notice's clauses, each only as a whole clause (review b18ab: "Tack för ditt mejl – jag
  röstar ja" is a member's). A member's absence that goes on with anything else ("… og stemmer
  ja", "men …"), or a vote, yes/no, support or proxy anywhere in it, stays a person's; so does any
  absence notice that quotes the message it answers (under "On … wrote:" or an Outlook header
  block): a person's mail program quotes, an absence notice does not.
- "Fravær" leading the subject of an answer is an absence notice's subject only over words that
  are an absence notice's alone (review b18ab: members title their own absence from a meeting so,
  "Fravær: styremøtet 10. desember" over "Stemmer ja til budsjettet"); after a person's reply
  prefix ("Re: Fravær …") it is never one.
- A no-reply address no longer makes machine mail of a message that quotes the one it answers
  under an attribution line ("On … wrote:"): an organisation whose system sends everyone's mail
  from noreply@; unless its words say a system answered ("Detta är en automatisk bekräftelse",
  "Saksnummer 12345") with no vote or question.
- A forwarding service's "Forwarding failed" is a bounce only from a mail system: a null envelope
  sender or MAILER-DAEMON, answering nothing, no person's mail program (review b18ab: a member's
  "Forwarding failed – hva betyr dette?" with the notice attached and no or a BATV Return-Path).
"""
from __future__ import annotations

import pytest

from mailer.absence_notices import only_an_absence_notice
from mailer.autoreply_subjects import absence_word_subject, automatic_subject
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
def test_fravaer_leads_an_absence_subject_but_is_no_automatic_subject_alone(subject):
    assert absence_word_subject(subject)
    assert not automatic_subject(subject)


@pytest.mark.parametrize("subject", ["Re: Fravær: [Vote 7] Budget", "SV: Fravær 14.12.", "Fraværet mitt i desember",
                                     "Fravær på styremøtet"])
def test_fravaer_after_a_prefix_or_in_a_topic_is_no_absence_subject(subject):
    assert not automatic_subject(subject) and not absence_word_subject(subject)


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


# ---- review b18ab: the people the batch-18 rules took for machine mail ----

GMAIL_NB = ("\n\nDen tor. 3. des. 2026 kl. 08:58 skrev Refuge Network <network@example.org>:\n"
            "> Møte 3: Styremøte torsdag 10. desember kl. 18.\n>\n> Svar på denne om du ikke kan komme.\n")
OUTLOOK_NB = ("\n\n________________________________\nFra: Refuge Network <network@example.org>\n"
              "Sendt: torsdag 3. desember 2026 08:58\nTil: Ole <ole@nb.example>\nEmne: [Vote 7] Budget\n\n"
              "Vote 7: Approve the 2027 budget\n")


def person(got) -> bool:
    return not got.auto_reply and got.bounce is None


@pytest.mark.parametrize("subject, body", [
    ("Fravær", "Jeg kommer dessverre ikke på styremøtet torsdag. Stemmer ja til budsjettet.\n\nHilsen Kari"),
    ("Fravær: styremøtet 10. desember", "Hei,\nkan ikke komme, er på jobbreise. Lykke til med møtet!\n\nKari"),
    ("Fravær (syk)", "Jeg er syk og kommer ikke i kveld. Jeg stemmer JA til budsjettet.\n\nKari"),
    ("Fravær – Kari Nordmann", "Hei styret,\nJeg kan ikke delta 10. desember. Jeg gir fullmakt til Per Olsen.\n\nKari"),
    ("Fravær 10.12.", "Hei, jeg blir borte på torsdag. Ønsker dere et godt møte!\n\nMvh Ole"),
    ("Fravær: [Vote 7] Budget", "JA. Jeg er ikke på møtet, men stemmer her.\n\nKari"),
])
@pytest.mark.parametrize("quote", [GMAIL_NB, ""])
def test_a_members_own_fravaer_subject_stays_a_persons(subject, body, quote):
    assert person(read(mail(subject, body + quote)))


@pytest.mark.parametrize("subject, body", [
    ("Fravær", "Takk for e-posten. Jeg er tilbake på kontoret 11. desember.\n\nOle"),
    ("Fravær 14.12–4.1", "Jeg er på juleferie og leser ikke e-post. Henvendelser kan sendes til post@firma.example."),
    ("Fravær: [Vote 7] Budget", "Jeg er på ferie til 14. desember.\n\nKari"),
])
def test_fravaer_over_an_absence_notices_words_is_machine_mail(subject, body):
    assert read(mail(subject, body)).auto_reply
    assert person(read(mail(subject, body + GMAIL_NB)))  # quoting what it answers: a person's program


@pytest.mark.parametrize("text", [
    "Takk for e-posten om budsjettet som jeg støtter fullt ut. Jeg er på ferie til 14. desember.\n\nKari",
    "Jeg er på ferie til 10. desember. Jeg stemmer når jeg er tilbake 14. desember.\n\nKari",
    "Jeg er på ferie til 14. desember. Tilbake på kontoret 15. desember – stem ja for meg.\n\nKari",
    "Jeg er på ferie til 14. desember. I hastesaker kan dere ringe meg – jeg støtter forslaget.\n\nOle",
    "Jeg er fraværende til 12. desember. Henvendelser kan sendes til Per Olsen som har fullmakt fra meg til å stemme ja.",
    "Takk for meldingen – ja fra meg. Jeg er på ferie til 14. desember og vil ikke lese e-post før da.\n\nOle",
    "Jeg er på ferie til 14. desember.\nTilbake 15.12 – JA fra meg til budsjettet.\n\nOle",
    "Takk for din e-post – enig i forslaget! Jeg er på ferie til 14. desember.",
    "Jeg er på ferie til 14. desember. I presserende saker som denne stemmer jeg ja.\n\nOle",
    "Tack för ditt mejl – jag röstar ja. Jag är på semester till 14 december.\n\nEva",
    "Jag är på semester till och med fredag – ja till budgeten.\n\nEva",
    "Jag är på semester till och med 4 januari – röstar ja.\n\nEva",
    "Tack för mejlet. Jag är på semester till 14 december. Vid brådskande ärenden om budgeten röstar jag ja.",
    "Jag är borta till 14/12. Tillbaka den 15/12 – då röstar jag.\n\nEva",
    "Jag är på semester till 14 december. Tillbaka den 15 december – ja till förslaget från mig.\n\nEva",
    "Tack för mailet om stadgarna som jag tycker är bra. Jag är ledig till 2 januari.\n\nEva",
    "Jag är på semester till och med 6 januari – hinner jag rösta efteråt?\n\nEva",
    "Jag är borta till och med 20 december på konferens i Lund – stöder förslaget helt.\n\nEva",
    "Tak for mailen – jeg stemmer ja. Jeg holder ferie til 14. december.\n\nLars",
    "Jeg er på ferie til 14. december. I akutte sager ring 20 30 40 50 – ellers ja fra mig.\n\nLars",
    "Tak for din e-mail om budgettet som jeg bakker op om. Jeg er på ferie indtil 14. december.\n\nLars",
    "Jeg er på ferie indtil 14. december og er tilbage 15. december hvor jeg stemmer.\n\nLars",
    "Jeg er på ferie indtil 14. december. Tilbage på arbejde 15. december – ja til budgettet.\n\nLars",
    "I am away until 14 December. Takk for e-posten – yes from me.\n\nKari",
    "Tack för ditt mejl about the budget which I fully support. Jag är på semester till 14 december.\n\nEva",
    "Per svarte meg bare «Takk for e-posten. Jeg er på ferie til 14. desember.» Kan vi vente med vedtaket til "
    "han er tilbake 15. desember?\n\nOle",
])
def test_a_members_absence_with_her_answer_is_no_absence_notice_even_unquoted(text):
    """Each filler, return date and whom-to-write phrase is a whole clause; a vote word anywhere keeps it hers."""
    assert not only_an_absence_notice(text)
    assert person(read(mail("Re: [Vote 7] Approve the 2027 budget", text)))
    assert person(read(mail("Re: [Vote 7] Approve the 2027 budget", text + QUOTE)))


@pytest.mark.parametrize("text", [
    "Takk for e-posten! Jeg er på ferie til 14. desember.\n\nOle",
    "Tilbake på kontoret 11. desember. Jeg er på ferie til da.\n\nHilsen Kari",
    "Jag är på semester till och med 4 januari med familjen.\n\nEva",
    "Tak for mailen. Jeg er på ferie til 14. december og tilbage 15. december.\n\nLars",
    "Takk for e-posten. Jeg er på ferie til 14. desember.\n\nOle Hansen\nKasserer\nTlf 900 00 000",
])
@pytest.mark.parametrize("quote", [QUOTE, GMAIL_NB, OUTLOOK_NB])
def test_an_absence_written_over_the_quoted_ballot_is_a_persons(text, quote):
    """A person's mail program quotes what it answers; an absence notice does not."""
    assert person(read(mail("Re: [Vote 7] Approve the 2027 budget", text + quote)))


@pytest.mark.parametrize("subject, text", [
    ("Re: [Vote 7] Approve the 2027 budget – JA", "Takk for e-posten. Jeg er på ferie til 14. desember.\n\nKari"),
    ("SV: [Vote 7] Approve the 2027 budget - JA", "Tack för ditt mejl. Jag är på semester till och med 4 januari.\n\nEva"),
])
def test_the_vote_in_the_subject_over_a_quoted_absence_is_a_persons(subject, text):
    assert person(read(mail(subject, text + QUOTE)))


@pytest.mark.parametrize("text", [
    "Takk for e-posten. Jeg er på ferie til 14. desember og tilbake på kontoret 15. desember. Henvendelser kan sendes "
    "til post@firma.example.\n\nMed vennlig hilsen\nKari Nordmann",
    "Hei,\nTakk for din e-post. Jeg er fraværende til og med 4. januar. I hastesaker, kontakt sentralbordet på "
    "22 00 00 00.\n\nMvh Ole",
    "Tack för ditt mejl. Jag är på semester till och med 4 januari. Vid brådskande ärenden kontakta kansliet på "
    "kansli@org.example.\n\nVänliga hälsningar\nEva",
    "Hej! Tack för ditt mail. Jag är tjänstledig till 31/12 och läser inte mejl. Tillbaka den 2/1.",
    "Tak for din e-mail. Jeg holder ferie indtil 14. december og er tilbage 15. december. I akutte sager kontakt "
    "70 20 30 40.",
    "Tak for mailen. Jeg er på ferie til og med 4. januar og læser ikke mails. Henvendelser kan rettes til "
    "info@firma.example.",
    "Tack för mejlet! Jag är borta till 14/12 och har begränsad tillgång till e-post. Vid brådskande ärenden ring "
    "08-123 456.",
])
def test_a_scandinavian_absence_notice_unquoted_is_machine_mail(text):
    assert only_an_absence_notice(text)
    assert read(mail("Re: [Vote 7] Approve the 2027 budget", text)).auto_reply


@pytest.mark.parametrize("sender, body", [
    ("Kundeservice <noreply@helpdesk.example>", "Vi har mottatt din henvendelse og svarer så snart vi kan. Saksnummer 12345."),
    ("Skolen <no-reply@skole.example>", "Denne e-postadressen er ikke lenger i bruk. Send henvendelser til post@skole.example."),
    ("Kommunen <noreply@kommun.example>", "Tack för ditt meddelande. Detta är en automatisk bekräftelse på att vi har "
                                         "tagit emot ditt ärende."),
])
def test_a_noreply_acknowledgement_quoting_what_it_answers_is_machine_mail(sender, body):
    assert read(mail("Re: [Vote 7] Approve the 2027 budget", body + QUOTE, sender)).auto_reply


@pytest.mark.parametrize("body", [
    "Hei, her er Kari fra borettslaget (systemet sender automatisk fra denne adressen). Vi stemmer NEI.\n\nKari Nordmann",
    "Hej! Eva här, vi har mottagit ditt meddelande. Röstar ja.\n\nEva Lindqvist",
    "Hello, our mailbox is not monitored often – when is the deadline?\n\nSara Blom",
    "Takk for e-posten – vi stemmer ja. Jeg er på ferie til 14. desember.\n\nKari Nordmann\nStyreleder",
])
def test_a_member_from_noreply_with_a_system_word_and_her_answer_stays_a_persons(body):
    got = read(mail("Re: [Vote 7] Approve the 2027 budget", body + QUOTE, "Kari Nordmann <noreply@borettslag.example>"))
    assert person(got)


NOTICE = ("Your message to kari@alumni-forward.example was forwarded to kari.nordmann@oldjob.example, which rejected it:\n\n"
          "550 5.1.1 <kari.nordmann@oldjob.example>: Recipient address rejected: User unknown\n")


def attached(headers: str, body: str) -> bytes:
    inner = ("Return-Path: <>\nFrom: Alumni Forwarding <bounces@alumni-forward.example>\nTo: kari@alumni-forward.example\n"
             "Subject: Forwarding failed\nMIME-Version: 1.0\nContent-Type: text/plain\n\n" + NOTICE)
    return (headers + 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
            'Content-Type: text/plain; charset="utf-8"\n\n' + body + '\n--b1\nContent-Type: message/rfc822\n\n'
            + inner + "\n--b1--\n").encode("utf-8")


@pytest.mark.parametrize("return_path", ["", "Return-Path: <prvs=0123456789=kari@gmail.example>\n",
                                         "Return-Path: <bounce-4711@crm-sender.example>\n"])
def test_a_members_forwarding_failed_question_with_the_notice_attached_is_no_bounce(return_path):
    headers = (return_path + "From: Kari Nordmann <kari@gmail.example>\nTo: network@example.org\n"
               "Subject: Forwarding failed – hva betyr dette?\nMessage-ID: <q1@gmail.example>\n")
    got = read(attached(headers, "Hei, se vedlagt melding jeg fikk etter at jeg stemte. Kom stemmen fram?\n\nKari"))
    assert person(got)


def test_a_member_at_postmaster_asking_about_a_failed_forward_is_no_bounce():
    got = read(raw("From: Ole Hansen <postmaster@sameie.example>\nReturn-Path: <postmaster@sameie.example>\n"
                   "To: network@example.org\nSubject: Forwarding failed for our treasurer\n",
                   "Hei, vår kasserer kasserer@sameie.example får ikke e-post fra dere: videresendingen feilet. "
                   "Kan dere bruke kasserer.sameie@gmail.example i stedet?\n\nOle Hansen, IT-ansvarlig"))
    assert person(got)


def test_forwarding_failed_from_mailer_daemon_is_a_bounce():
    got = read(raw("From: Mail Delivery System <MAILER-DAEMON@forwarder.example>\nReturn-Path: <bounce@forwarder.example>\n"
                   "To: network+b-abcdefghijklmnopqrstuvwxyz@example.org\nSubject: Forwarding failed\n",
                   "Your message to sam@forwarder.example was forwarded to sam.w@final.example, which rejected it:\n\n"
                   "550 5.1.1 <sam.w@final.example>: Recipient address rejected: User unknown\n"))
    assert got.bounce is not None and got.bounce.addresses == ("sam.w@final.example",)
