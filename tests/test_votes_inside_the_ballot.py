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
from mailer.inline_answers import MAX_WORDS, answers_inside_original
from mailer.parse import parse_message
from tests.fixtures_convenor import network_fixture

net = network_fixture()


def _zimbra(net, received, body: str, *, above: str = "", refers: str | None = None):
    """Answer `received` as Zimbra does: `above` on top, then its separator and header block, then
    the original as `body` (the ballot's text with the member's lines typed into it); `refers`: the
    Message-ID its In-Reply-To and References name ("" for none), `received`'s by default."""
    text = (f"{above}\n\n----- Original Message -----\nFrom: \"Test Network\" <{received.reply_to}>\n"
            f"To: \"Member\" <{received.to}>\nSent: Monday, January 4, 2027 10:00:00 AM\n"
            f"Subject: {received.subject}\n\n{body}\n")
    msg = net.compose(received.to, f"Re: {received.subject}", text.lstrip("\n"), to=received.reply_to,
                      headers=_refers(received.message_id if refers is None else refers))
    net.deliver(msg, authenticated="pass")
    return msg


def _refers(message_id: str) -> dict:
    return {"In-Reply-To": message_id, "References": message_id} if message_id else {}


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


def test_a_reply_that_names_no_message_is_compared_with_the_ballot_never_with_a_receipt(net):
    # Li voted Yes, then sends the ballot back from Zimbra without In-Reply-To, "Hello," on top: the
    # receipt is the latest message with her token, but her quote is the ballot's: nothing of it is
    # hers, her vote stands and nothing is passed on to the coordinators
    ballots = net.open_vote("[Vote] Winter shelter budget", "Closes: in 7 days\n\nApprove the budget?")
    net.advance(hours=1)
    li, sofia = ballots["li@example.org"], ballots["sofia@example.org"]
    net.reply(li, "Yes")
    # Sofia asks a question first (a clarification is sent), then answers the ballot through a
    # provider that rewrote its Message-ID: her reply names a message Convenor never sent
    net.reply(sofia, "Can you tell me more about the shelter first?")
    net.step()
    net.new_messages()
    net.advance(hours=1)
    _zimbra(net, li, li.text, above="Hello,", refers="")
    _zimbra(net, sofia, sofia.text, above="Hello,", refers="<0100018c.ses-rewritten@email.amazonses.com>")
    net.step()
    out = net.new_messages()
    to_li = net.only_message_to("li@example.org", out)
    assert "could not be read" not in to_li.text and "unchanged" not in to_li.text
    assert not [m for m in out if m.to == "amina@example.org" and "li@example.org" in m.text]
    assert "could not be read" in net.only_message_to("sofia@example.org", out).text
    assert net.db.execute("SELECT m.email, c.choice FROM vote_choices c JOIN members m ON m.id = c.member_id"
                          ).fetchall() == [("li@example.org", 0)]


def test_lines_of_a_quote_that_holds_little_of_the_ballot_are_not_taken_for_the_member_s():
    ballot = ("Hello Li,\n\nThe coordinators ask for your vote on:\n\nApprove the budget?\n\n"
              "Options:\n  1. Yes\n  2. No\n  3. Abstain\n\n"
              "Reply with YES, NO or ABSTAIN on the first line.\n\nThe vote closes on 11 January.\n")
    header = ("----- Original Message -----\nFrom: \"Net\" <n@example.org>\nTo: li@example.org\n"
              "Subject: [Vote 1] Budget\n\n")
    other = ("Hello Li,\n\nYour reply could not be read as one clear vote, so it was not counted.\n\n"
             "Reply with YES, NO or ABSTAIN.\n\nYes: mailto:net+tok@example.org?body=Yes\n\n"
             "The vote closes on 11 January.\n")
    # the text compared is not the one quoted (another message of the thread): its lines are not hers
    assert answers_inside_original(header + other, ballot) == ""
    # a quote trimmed to its last lines is not enough to tell her lines from the original's
    assert answers_inside_original(header + "  1. Yes\n\nThe vote closes on 11 January.\n", ballot) == ""
    # the whole ballot with her line: hers
    assert answers_inside_original(header + ballot.replace("  3. Abstain\n", "  3. Abstain\n\nNo\n"), ballot) == "No"


def test_a_ballot_longer_than_the_words_compared_gives_no_line_of_its_own_as_the_member_s():
    motion = "\n".join(f"Article {n}. The board may appoint a treasurer for a term of two years, renewable once."
                       for n in range(300))
    ballot = (f"Hello Li,\n\nApprove the bylaws?\n\n{motion}\n\nOptions:\n  1. Yes\n  2. No\n\n"
              "Reply with YES or NO on the first line.\n")
    assert len(ballot.split()) > MAX_WORDS
    header = ("----- Original Message -----\nFrom: \"Net\" <n@example.org>\nTo: li@example.org\n"
              "Subject: [Vote 1] Bylaws\n\n")
    # the ballot sent back with its first articles cut: its Options, past the words compared, are not hers
    trimmed = "\n".join(line for line in ballot.split("\n") if not line.startswith("Article 1"))  # 110 of its 300 articles
    assert answers_inside_original(header + trimmed, ballot) == ""
