"""A header block above a `>` quote opening a member's reply is the quote's (the member answers
between the quoted lines: Outlook Express) unless it is a forwarded message's: known by a forward's
title on a line of its own or a subject opening with a forward prefix, never by a word inside a
field's value ("From: Pay It Forward Network"). Real Dovecot + SMTP for the member's reply."""
from __future__ import annotations

import pytest

from mailer.forward_blocks import is_forward_block
from mailer.reply import read_reply
from tests.fixtures_convenor import network_fixture

net = network_fixture()


def _outlook_express(received, sender_name: str, typed: str, *, separator: str = "", subject: str = "") -> str:
    """A reply as Outlook Express writes it: the header block on top (`separator` above it when
    given), the ballot's question and options `>`-quoted below (the member cut the rest), the
    member's `typed` line under them."""
    block = (f"{separator}\n" if separator else "") + (
        f'From: "{sender_name}" <{received.reply_to}>\nTo: <{received.to}>\n'
        f"Sent: Monday, January 04, 2027 10:00 AM\nSubject: {subject or received.subject}\n")
    lines = received.text.splitlines()
    kept = lines[lines.index("Approve the budget?"):next(n for n, line in enumerate(lines) if "(C) Abstain" in line) + 1]
    quoted = ["> " + line if line.strip() else ">" for line in kept]
    return block + "\n" + "\n".join(quoted) + f"\n\n{typed}\n"


@pytest.mark.parametrize("sender_name", ["Pay It Forward Network", "Transfer Workers Union", "Forwardham Tenants"])
def test_a_vote_typed_between_the_quoted_lines_is_read_whatever_the_sender_is_called(net, sender_name):
    ballots = net.open_vote("[Vote] Winter shelter budget", "Closes: in 7 days\n\nApprove the budget?")
    net.advance(hours=1)
    li, sofia = ballots["li@example.org"], ballots["sofia@example.org"]
    for member, text in ((li, _outlook_express(li, sender_name, "No. The cap should be $40.")),
                         (sofia, _outlook_express(sofia, sender_name, "Yes", separator="----- Original Message -----"))):
        net.deliver(net.compose(member.to, f"Re: {member.subject}", text, to=member.reply_to,
                                headers={"In-Reply-To": member.message_id}), authenticated="pass")
    net.step()
    out = net.new_messages()
    assert "is recorded: No." in net.only_message_to("li@example.org", out).text
    assert "is recorded: Yes." in net.only_message_to("sofia@example.org", out).text


BALLOT_QUOTE = "> Approve the budget?\n>\n>   1. (A) Yes\n>   2. (B) No\n\nNo\n\n> Reply with YES or NO.\n"
FIELDS = 'From: "Test Network" <n@example.org>\nTo: <li@example.org>\nSent: Monday, January 04, 2027\n'


@pytest.mark.parametrize("separator", [
    "---------- Forwarded message ---------", "Begin forwarded message:", "-------- Message transféré --------",
    "---------- Weitergeleitete Nachricht ----------", "----- Vidarebefordrat meddelande -----",
    "---------- Videresendt meddelelse ----------", "---------- Videresendt melding ----------",
    "---------- Välitetty viesti ----------", "---------- Přeposlaná zpráva ----------",
    "---------- Yönlendirilmiş mesaj ----------", "---------- Továbbított üzenet ----------",
    "---------- Προωθημένο μήνυμα ----------", "---------- Пересланий лист ----------",
    "Début du message réexpédié :", "---------- 转发的邮件 ----------",
])
def test_a_forward_s_title_makes_the_block_a_forward(separator):
    assert is_forward_block([separator, *FIELDS.splitlines()])
    # what follows a forwarded message's block is the forwarded message: nothing of it is the member's
    assert read_reply(f"{separator}\n{FIELDS}Subject: Budget\n\n{BALLOT_QUOTE}").new_text == ""


@pytest.mark.parametrize("subject", ["FW: Budget", "Fwd: Budget", "WG: Budget", "TR : Budget", "RV: Budget",
                                     "I: Budget", "ENC: Budget", "Doorst: Budget", "VS: Budget", "Vb: Budget",
                                     "Fw: Budget", "ПЕР: Бюджет", "转发: 预算"])
def test_a_subject_opening_with_a_forward_prefix_makes_the_block_a_forward(subject):
    assert is_forward_block([*FIELDS.splitlines(), f"Subject: {subject}"])
    assert read_reply(f"{FIELDS}Subject: {subject}\n\n{BALLOT_QUOTE}").new_text == ""


@pytest.mark.parametrize("line", [
    'From: "Pay It Forward Network" <n@example.org>', "From: Transfer Workers Union <n@example.org>",
    "To: Forwardham Tenants <t@example.org>", "Subject: Re: Forwarding address for the newsletter",
    "Subject: Transfer of the lease", "Subject: Itinerary for Saturday", "-----Original Message-----",
    "----- Mail original -----", "Subject: Re: FW: Budget",
])
def test_a_word_inside_a_field_or_a_reply_s_separator_is_no_forward(line):
    assert not is_forward_block([line, *FIELDS.splitlines()])
    assert read_reply(f"{line}\n{FIELDS}Subject: Budget\n\n{BALLOT_QUOTE}").new_text == "No"
