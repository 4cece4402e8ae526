"""A vote typed inside the ballot quoted below Zimbra's "----- Original Message -----" (#15, misreads
left). Real Dovecot + SMTP.

The reply-text reader takes all that follows such a separator as the quote (the original is not
`>`-prefixed: a member's line between its lines cannot be told from it by its shape). The ballot is
Convenor's own message: its text is known, and a line below the separator's header block that holds
none of its words where the two align is the member's. Such lines are read as the vote when the text
above the separator gives none; a reply that only quotes the ballot is asked back, never read from the
ballot's own lines.
"""
from __future__ import annotations

import time

from convenor import inspect
from mailer.inline_answers import answers_inside_original
from mailer.parse import parse_message
from tests.fixtures_convenor import network_fixture

net = network_fixture()


def _zimbra(net, received, body: str, *, above: str = ""):
    """Answer `received` as Zimbra does: `above` on top, then its separator and header block, then
    the original as `body` (the ballot's text with the member's lines typed into it)."""
    text = (f"{above}\n\n----- Original Message -----\nFrom: \"Test Network\" <{received.reply_to}>\n"
            f"To: \"Member\" <{received.to}>\nSent: Monday, January 4, 2027 10:00:00 AM\n"
            f"Subject: {received.subject}\n\n{body}\n")
    msg = net.compose(received.to, f"Re: {received.subject}", text.lstrip("\n"), to=received.reply_to,
                      headers={"In-Reply-To": received.message_id, "References": received.message_id})
    net.deliver(msg, authenticated="pass")
    return msg


def _typed_after(text: str, line_holding: str, typed: str, prefix: str = "") -> str:
    """The ballot's text with `typed` on its own lines after the first line holding `line_holding`,
    each of the ballot's lines prefixed with `prefix`."""
    out = []
    done = False
    for line in text.splitlines():
        out.append(prefix + line if line.strip() else prefix.rstrip())
        if not done and line_holding in line:
            out += ["", typed, ""]
            done = True
    assert done
    return "\n".join(out)


def test_a_vote_typed_inside_the_quoted_ballot_is_counted_and_its_own_lines_never_are(net):
    ballots = net.open_vote("[Vote] Winter shelter budget", "Closes: in 7 days\n\nApprove the budget?")
    net.advance(hours=1)
    li, jean, sofia = (ballots[a] for a in ("li@example.org", "jean@example.org", "sofia@example.org"))
    # Li types the answer under the question, nothing above the separator
    lis = _zimbra(net, li, _typed_after(li.text, "Approve the budget?", "Yes, approve it."))
    # Sofia's Zimbra prefixes the original with "> "; her line between is not
    _zimbra(net, sofia, _typed_after(sofia.text, "Approve the budget?", "No", prefix="> "), above="Hello,")
    # Jean sends the ballot back untouched: nothing of it is read as a vote
    _zimbra(net, jean, jean.text)
    net.step()
    out = net.new_messages()
    assert "is recorded: Yes." in net.only_message_to("li@example.org", out).text
    assert "is recorded: No." in net.only_message_to("sofia@example.org", out).text
    asked = net.only_message_to("jean@example.org", out)
    assert "enregistré" not in asked.text and "[Scrutin 1]" in asked.subject
    assert net.db.execute("SELECT count(*) FROM vote_choices").fetchone()[0] == 2
    # `convenor inspect` reads it as the daemon does
    read = inspect.reading(parse_message(lis.as_bytes(), net.list_address), net.db)
    assert read["vote"] == "Yes" and read["new_text"] == ""


def test_the_member_s_lines_are_those_the_original_does_not_hold():
    ballot = ("Hello Li,\n\nThe coordinators ask for your vote on:\n\nApprove the budget?\n\n"
              "Reply with YES, NO or ABSTAIN on the first line.\n\nThe vote closes on 11 January.\n")
    header = ("----- Original Message -----\nFrom: \"Net\" <n@example.org>\nTo: li@example.org\n"
              "Subject: [Vote 1] Budget\n\n")
    typed = header + ballot.replace("Approve the budget?\n", "Approve the budget?\n\nYES\n")
    assert answers_inside_original(typed, ballot) == "YES"
    # the client wraps and marks the original its own way: still all ours
    rewrapped = header + ("Hello Li,\n\nThe coordinators ask for your vote on:\n\n*Approve the budget?*\n\n"
                          "Reply with YES, NO or\nABSTAIN on the first line.\n\nThe vote closes on 11 January.\n")
    assert answers_inside_original(rewrapped, ballot) == ""
    # a comment under the text, and a quoted (">") line that is not ours, are not taken as ours / the member's
    below = header + ballot + "\nThanks, see you Monday.\n> an older message\n"
    assert answers_inside_original(below, ballot) == "Thanks, see you Monday."
    # no separator with its header block: nothing read
    assert answers_inside_original("Yes\n\n" + ballot, ballot) == ""


def test_a_header_block_with_blank_lines_between_its_fields_is_no_members_text():
    ballot = "Hello Li,\n\nApprove the budget?\n\nReply with YES, NO or ABSTAIN on the first line.\n"
    html_block = ("________________________________\n\n*From:* Net <n@example.org>\n\n*Sent:* Monday, 4 January 2027\n\n"
                  "*To:* li@example.org\n\n*Subject:* [Vote 1] Budget\n\n")
    typed = html_block + ballot.replace("Approve the budget?\n", "Approve the budget?\n\nAbstain\n")
    assert answers_inside_original(typed, ballot) == "Abstain"
    assert answers_inside_original(html_block + ballot, ballot) == ""


def test_a_reply_repeating_common_words_below_the_separator_is_read_at_once_and_asked_back(net):
    # a long motion, and a reply whose "quote" repeats its commonest words hundreds of times: the
    # comparison is bounded (it took seconds per message, growing with motion × reply), and nothing
    # of it is read as a vote
    motion = "\n".join(f"Article {n}. The association shall hold the budget and the board shall report "
                       f"to the members of the association." for n in range(70))
    ballots = net.open_vote("[Vote] Bylaws", f"Closes: in 7 days\n\nThat we adopt these bylaws.\n\n{motion}")
    net.advance(hours=1)
    li = ballots["li@example.org"]
    sent = _zimbra(net, li, "\n".join(["the the shall the association the"] * 700), above="Hello,")
    started = time.monotonic()
    read = inspect.reading(parse_message(sent.as_bytes(), net.list_address), net.db)
    assert time.monotonic() - started < 2
    assert read["vote"] is None
    net.step()
    asked = net.only_message_to("li@example.org", net.new_messages())
    assert "recorded" not in asked.text and "could not be read" in asked.text
    assert net.db.execute("SELECT count(*) FROM vote_choices").fetchone()[0] == 0
