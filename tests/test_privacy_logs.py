"""No word a person wrote in any log line, at DEBUG: every path with a canary in every field.

Votes (open and secret: a clear vote, an unreadable one, a changed one, a reply from another
address), a date poll (an unclear answer, a clear one, the close), commands (HELP, STATUS,
JOIN / LEAVE with unknown names, an unknown command), a draft (title, body, feedback, attachment
name, a late reply), announcements (an audience naming an unknown sub-committee), meeting
requests with problems, a stranger, an automatic reply, a message that makes a handler fail,
and every timer through to the closes. Each canary is a different word so a failure says which
field leaked. The outcomes `convenor deliver` prints are checked too.
"""
from __future__ import annotations

import logging

import pytest

from convenor.cli import main as cli_main

FIELDS = ("subject", "body", "name", "title", "option", "reason", "file", "subcommittee", "argument",
          "stranger", "error", "late", "poll", "announce", "meeting")
CANARY = {field: f"zq{field}CANARY" for field in FIELDS}
C = CANARY


def _leaks(text: str) -> list[str]:
    return [field for field, word in CANARY.items() if word.lower() in text.lower()]


def _all_logs(caplog) -> str:
    out = []
    for r in caplog.records:
        out.append(r.getMessage())
        if r.exc_info:
            out.append(logging.Formatter().formatException(r.exc_info))
    return "\n".join(out)


def _scenario(net, monkeypatch):
    amina = f"Amina {C['name']} <amina@example.org>"
    # votes: one open, one secret; titles and options carry canaries
    net.send(amina, f"[Vote] Adopt {C['title']}",
             f"Closes: in 5 days\nOptions: Yes {C['option']}, No, Abstain\n\n{C['body']} motion.\n")
    net.send(amina, f"[Vote] Expel {C['title']}", f"Closes: in 5 days\nSecret: yes\n\n{C['body']} secret.\n")
    net.send(amina, f"[Draft] Policy {C['title']}", f"Deadline: in 4 days\n\n{C['body']} draft text.\n",
             attachments=[(f"policy-{C['file']}.pdf", "application/pdf", b"%PDF-1.4 policy")])
    net.send(amina, f"[Draft] Broken {C['title']}", f"Deadline: {C['body']} days\n\ntext\n")  # refused
    net.send(amina, f"[Meeting] Planning {C['meeting']}",
             f"Candidates: 2027-02-09 18:00; 2027-02-16 18:00\nWhere: {C['meeting']} hall\nAudience: core\n")
    net.send(amina, f"[Meeting] Broken {C['meeting']}", f"When: {C['meeting']}\nAudience: subcommittee {C['subcommittee']}\n")
    net.send(amina, f"[Announce] News {C['announce']}", f"Audience: subcommittee {C['subcommittee']}\n\n{C['announce']}\n")
    net.send(amina, f"[Announce] News {C['announce']}", f"Audience: core\n\n{C['announce']} for all.\n")
    net.step()
    for m in net.new_messages():
        subject = m.subject
        if m.to == "amina@example.org":
            continue
        if "[Vote" in subject or "[Scrutin" in subject:
            net.reply(m, f"Yes, not No: {C['reason']} I know the victim personally")  # unreadable
            net.reply(m, f"YES\n\n{C['body']} my reasons")
            net.reply(m, f"NO {C['body']}", sender="li@example.org" if m.to != "li@example.org" else "sofia@example.org")
        elif "[Draft" in subject or "[Brouillon" in subject:
            net.reply(m, f"{C['body']} section 2 names a survivor.",
                      attachments=[(f"markup-{C['file']}.docx", "application/octet-stream", b"PK markup")])
        elif "can you come" in subject or "pouvez-vous venir" in subject:
            net.reply(m, f"maybe {C['poll']} depends")
            net.reply(m, "1, 2")
    name = f"Jean {C['name']} <jean@example.org>"
    net.send(name, f"HELP {C['subject']}", "HELP")
    net.send(name, f"{C['subject']}", f"JOIN {C['argument']}")
    net.send(name, f"{C['subject']}", f"LEAVE {C['argument']}")
    net.send(name, f"{C['subject']}", "STATUS")
    net.send(name, f"{C['subject']}", f"FROBNICATE {C['argument']}")
    net.send(f"Mallory {C['stranger']} <mallory@elsewhere.example>", f"Hello {C['stranger']}",
             f"{C['stranger']} wants in.")
    net.send(name, f"Out of office: {C['subject']}", f"I am away {C['body']}",
             headers={"Auto-Submitted": "auto-replied"})
    net.step()
    # a handler that fails with a message quoting what it read
    from workflows.membership import commands

    def broken(ctx, mail, *args, **kwargs):
        raise ValueError(f"could not read {C['error']} in {mail.subject!r}")
    monkeypatch.setattr(commands, "from_stranger", broken)
    from workflows.routing import table
    for name_, value in vars(table).items():
        if value is commands.from_stranger:
            monkeypatch.setattr(table, name_, broken)
    net.send(f"Eve {C['error']} <eve@elsewhere.example>", f"Help {C['error']}", f"{C['error']} body")
    net.step()
    monkeypatch.undo()
    net.advance(days=8)
    net.step()
    net.step()
    late = [m for m in net.outbound() if "[Draft" in m.subject and m.to == "li@example.org"]
    if late:
        net.reply(late[0], f"{C['late']} sorry I am late")
    net.step()


def test_no_word_a_person_wrote_reaches_any_log_at_debug(maildir_network, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    _scenario(maildir_network, monkeypatch)
    kinds = {r[0] for r in maildir_network.db.execute("SELECT kind FROM outbox")}
    assert {"vote_receipt", "vote_clarification", "draft_digest", "vote_result"} <= kinds, kinds
    states = dict(maildir_network.db.execute("SELECT state, count(*) FROM inbound GROUP BY state").fetchall())
    assert states.get("quarantined"), states  # the failing handler's message was set aside
    logs = _all_logs(caplog)
    assert "Vote 1" in logs or "vote 1" in logs.lower()
    assert _leaks(logs) == [], [line for line in logs.splitlines() if _leaks(line)][:10]
    outcomes = "\n".join(r[0] or "" for r in maildir_network.db.execute("SELECT outcome FROM timers"))
    assert _leaks(outcomes) == []


def test_what_convenor_deliver_prints_names_no_word_a_person_wrote(maildir_network, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    net = maildir_network
    net.send("Amina Diallo <amina@example.org>", f"[Vote] Adopt {C['title']}", "Closes: in 5 days\n\nMotion.\n")
    net.step()
    ballot = net.only_message_to("jean@example.org", net.new_messages())
    net.close()
    reply = net.compose("jean@example.org", f"Re: {C['subject']}", f"Yes and no {C['reason']}", to=ballot.reply_to,
                        headers={"In-Reply-To": ballot.message_id})
    import io
    import sys
    from tests.mailstack import as_bytes
    stdin = io.TextIOWrapper(io.BytesIO(as_bytes(reply)))
    old = sys.stdin
    sys.stdin = stdin
    try:
        cli_main(["--config", str(net.config), "deliver"])
    finally:
        sys.stdin = old
    out = capsys.readouterr()
    said = out.out + out.err + _all_logs(caplog)
    assert "not readable" in said and _leaks(said) == []


@pytest.mark.parametrize("reason, kind", [
    ("line 1 names more than one option (Yes, No): 'yes not no'", "line 1 names more than one option"),
    ("line 2 is not a firm answer: 'maybe'", "line 2 is not a firm answer"),
    ("no text", "no text"),
    ("'secret' on line 1", "unreadable"),
])
def test_a_reading_is_logged_by_its_kind(reason, kind):
    from workflows.routing.outcomes import reading_kind
    assert reading_kind(reason) == kind
