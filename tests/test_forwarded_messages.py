"""A member forwards a message to the list with a short note on top ("FYI", then the message).

The note is the member's new text; the forwarded message travels whole with it: each
coordinator's copy shows the note, then the forwarded message (separator, headers and text), and
carries the original attached; a forward sent as feedback on a draft reaches the author's digest
with the message it passes on. A reply's quote is never taken for a forwarded message.
Real Dovecot + SMTP stack, the daemon's own rounds; plus the reading itself on each client's form.
"""
from __future__ import annotations

import email
import email.policy

import pytest

from mailer.parse import parse_message
from tests.test_drafts_circulation import circulate, digest_at_deadline, net  # noqa: F401 - `net` is the fixture

GMAIL_FORWARD = """FYI, see below: Lyon has room this week.

---------- Forwarded message ---------
From: Marie Curie <marie@partner.example>
Date: Mon, Jan 4, 2027 at 8:12 AM
Subject: Shelter places in Lyon
To: Li Wei <li@example.org>


Hello Li,

We have 4 places free from Monday.
Call the night desk on 04 00 00 00 00.

Marie
"""

OUTLOOK_FR_FORWARD = """Pour info.

________________________________
De : Marie Curie <marie@partner.example>
Envoyé : lundi 4 janvier 2027 08:12
À : Jean Tremblay <jean@example.org>
Objet : Places à Lyon

Nous avons 4 places libres dès lundi.
"""


def _read(subject: str, body: str):
    raw = (f"From: Li Wei <li@example.org>\nTo: network@example.org\nSubject: {subject}\n"
           f"Message-ID: <f1@client.example>\nContent-Type: text/plain; charset=utf-8\n\n{body}").encode()
    return parse_message(raw, "network@example.org")


@pytest.mark.parametrize("subject, body, note, forwarded", [
    ("Fwd: Shelter places in Lyon", GMAIL_FORWARD, "FYI, see below: Lyon has room this week.",
     "We have 4 places free from Monday."),
    ("TR: Places à Lyon", OUTLOOK_FR_FORWARD, "Pour info.", "Nous avons 4 places libres dès lundi."),
    ("Places", "FYI\n\nBegin forwarded message:\n\nFrom: Marie <marie@partner.example>\nSubject: Places\n"
     "Date: 4 January 2027 at 08:12:00 CET\nTo: Li <li@example.org>\n\nFour places free.\n",
     "FYI", "Four places free."),
    ("WG: Plätze", "Zur Info.\n\n-----Ursprüngliche Nachricht-----\nVon: Marie <marie@partner.example>\n"
     "Gesendet: Montag, 4. Januar 2027 08:12\nAn: Li\nBetreff: Plätze\n\nVier Plätze frei.\n",
     "Zur Info.", "Vier Plätze frei."),
])
def test_the_note_is_the_new_text_and_the_forwarded_message_is_kept_whole(subject, body, note, forwarded):
    mail = _read(subject, body)
    assert mail.new_text == note
    assert forwarded in mail.forwarded_text
    assert note not in mail.forwarded_text
    assert mail.forwarded_text.splitlines()[0].strip()  # starts at the separator or header block


def test_a_replys_quote_is_not_a_forwarded_message():
    mail = _read("Re: [Draft 3] Code", "Fine by me.\n\nOn Mon, Jan 4, 2027 at 9:00 AM Test Network "
                 "<network@example.org> wrote:\n> Section 1.\n")
    assert mail.new_text == "Fine by me." and mail.forwarded_text == ""
    outlook = _read("RE: [Draft 3] Code", "Fine.\n\n-----Original Message-----\nFrom: Test Network "
                    "<network@example.org>\nSent: Monday, January 4, 2027 9:00 AM\nTo: Li\nSubject: Code\n\nText.\n")
    assert outlook.forwarded_text == ""


def test_a_members_forward_reaches_each_coordinator_with_the_forwarded_message_whole(net):
    sent = net.send("Li Wei <li@example.org>", "Fwd: Shelter places in Lyon", GMAIL_FORWARD)
    net.step()
    out = net.new_messages()
    coordinators = [m for m in out if "Not understood" in m.subject]
    assert coordinators, [m.subject for m in out]
    for copy in coordinators:
        text = copy.text
        assert "FYI, see below: Lyon has room this week." in text
        assert "---------- Forwarded message ---------" in text
        assert "From: Marie Curie <marie@partner.example>" in text
        assert "We have 4 places free from Monday." in text and "Call the night desk" in text
        assert text.index("FYI, see below") < text.index("We have 4 places free")
        (original,) = [a for a in copy.attachments if a[1] == "message/rfc822"]
        inner = email.message_from_bytes(original[2], policy=email.policy.default)
        assert "Call the night desk on 04 00 00 00 00." in inner.get_body(("plain",)).get_content()
        assert str(inner["Message-ID"]) == str(sent["Message-ID"])
    li = net.only_message_to("li@example.org", out)
    assert li.subject == "Passed on to the coordinators: Fwd: Shelter places in Lyon"


def test_a_french_outlook_forward_reaches_the_coordinators_whole(net):
    net.send("Jean Tremblay <jean@example.org>", "TR: Places à Lyon", OUTLOOK_FR_FORWARD)
    net.step()
    out = net.new_messages()
    copies = [m for m in out if "Places à Lyon" in m.subject and m.to != "jean@example.org"]
    assert copies
    for copy in copies:
        assert "Pour info." in copy.text and "Nous avons 4 places libres dès lundi." in copy.text
        assert "De : Marie Curie <marie@partner.example>" in copy.text


def test_a_forward_sent_as_feedback_on_a_draft_reaches_the_author_with_the_forwarded_message(net):
    out = circulate(net)
    li = net.only_message_to("li@example.org", out)
    net.reply(li, "See what Lyon wrote, it changes page 2.\n\n---------- Forwarded message ---------\n"
                  "From: Marie Curie <marie@partner.example>\nDate: Mon, Jan 4, 2027 at 8:12 AM\n"
                  "Subject: Hotline\nTo: Li Wei <li@example.org>\n\nThe hotline moved to 04 11 11 11 11.\n",
              quote=False)
    net.step()
    net.new_messages()
    digest = digest_at_deadline(net)
    assert "See what Lyon wrote, it changes page 2." in digest.text
    assert "The hotline moved to 04 11 11 11 11." in digest.text
    assert digest.text.index("See what Lyon wrote") < digest.text.index("The hotline moved")
