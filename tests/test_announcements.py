"""Announcements to any audience, scheduled by email; UNSUBSCRIBE for associates; JOIN/LEAVE/STATUS."""
from __future__ import annotations

from datetime import datetime, timezone

from store import timers

ALL = ["amina@example.org", "jean@example.org", "li@example.org", "sofia@example.org",
       "priya@example.org", "marc@example.org"]


def announce(net, audience, subject="Training opportunity", send=None):
    body = f"Audience: {audience}\n" + (f"Send: {send}\n" if send else "") + "\nA workshop on March 3.\n"
    net.send("amina@example.org", f"[Announce] {subject}", body)
    net.step()
    out = net.new_messages()
    receipts = [m for m in out if "Ready" in m.subject]
    assert [m.to for m in receipts] == ["amina@example.org"]
    if send:
        assert [m for m in out if m not in receipts] == []  # nothing before its time
        net.set_time(timers.next_due(net.db))
        net.step()
        out = net.new_messages()
    return [m for m in out if m not in receipts]


def test_scheduled_announcement_reaches_each_audience_exactly(maildir_network):
    net = maildir_network
    got = announce(net, "all", send="2027-02-01 09:00")
    assert net.now == datetime(2027, 2, 1, 14, 0, tzinfo=timezone.utc)  # 09:00 in Toronto
    assert sorted(m.to for m in got) == sorted(ALL)
    priya = net.only_message_to("priya@example.org", got)
    assert priya.subject == "Training opportunity" and "A workshop on March 3." in priya.text
    assert str(priya.msg["List-Unsubscribe"]).strip().startswith("<mailto:network+")
    assert "subject=UNSUBSCRIBE" in priya.msg["List-Unsubscribe"]
    assert sorted(m.to for m in announce(net, "core")) == ALL[:4]
    assert sorted(m.to for m in announce(net, "associates")) == ["marc@example.org", "priya@example.org"]
    assert sorted(m.to for m in announce(net, "subcommittee Awareness")) == ["amina@example.org", "jean@example.org"]


def test_an_associates_unsubscribe_stops_the_next_one_and_core_members_keep_them(maildir_network):
    net = maildir_network
    first = announce(net, "all")
    priya = net.only_message_to("priya@example.org", first)
    unsubscribe = str(priya.msg["List-Unsubscribe"]).strip().strip("<>").split("?")[0].removeprefix("mailto:")
    net.send("priya@example.org", "UNSUBSCRIBE", "", to=unsubscribe)   # the client's one-click mailto
    net.send("sofia@example.org", "UNSUBSCRIBE")
    net.step()
    answers = net.new_messages()
    assert "no longer" in net.only_message_to("priya@example.org", answers).subject
    assert "keep receiving" in net.only_message_to("sofia@example.org", answers).subject
    second = announce(net, "all", subject="Next workshop")
    assert sorted(m.to for m in second) == sorted(a for a in ALL if a != "priya@example.org")
    net.send("priya@example.org", "SUBSCRIBE")
    net.step()
    net.new_messages()
    assert "priya@example.org" in [m.to for m in announce(net, "associates", subject="Third")]


def test_a_bad_audience_is_answered_and_non_coordinators_are_refused(maildir_network):
    net = maildir_network
    net.send("amina@example.org", "[Announce] Oops", "Audience: subcommittee Nowhere\n\nText")
    net.send("li@example.org", "[Annonce] Moi aussi", "Audience: all\n\nText")
    net.step()
    out = net.new_messages()
    problem = [m for m in out if m.to == "amina@example.org" and "Not done" in m.subject]
    assert problem and "Nowhere" in problem[0].text
    assert "Only the coordinators" in next(m for m in out if m.to == "li@example.org").text
    assert not any(m.subject == "Oops" for m in out)


def test_join_leave_and_status_by_email(maildir_network):
    net = maildir_network
    net.send("li@example.org", "JOIN Awareness")
    net.send("priya@example.org", "JOIN Awareness")
    net.step()
    out = net.new_messages()
    assert "joined the Awareness" in net.only_message_to("li@example.org", out).subject
    assert "associate" in net.only_message_to("priya@example.org", out).text
    assert any("Li Wei joined" in m.subject for m in net.messages_to("amina@example.org", out))
    net.send("amina@example.org", "[Meeting] Awareness planning",
             "Candidates: 2027-02-09 18:00; 2027-02-10 18:00\nAudience: subcommittee Awareness\n")
    net.step()
    net.new_messages()
    net.send("li@example.org", "STATUS")
    net.send("li@example.org", "LEAVE Awareness")
    net.step()
    out = net.new_messages()
    status = next(m for m in net.messages_to("li@example.org", out) if "open for you" in m.subject)
    assert "Meeting 1: Awareness planning" in status.text and "waiting for your answer" in status.text
    left = next(m for m in net.messages_to("li@example.org", out) if m is not status)
    assert "left the Awareness" in left.subject
    assert any("Li Wei left" in m.subject for m in net.messages_to("amina@example.org", out))
    from store import members
    assert members.subcommittees_of(net.db, members.get_by_email(net.db, "li@example.org")["id"]) == ["Training"]


def test_setting_lines_are_read_at_the_top_only_and_in_french_too(maildir_network):
    net = maildir_network
    net.send("amina@example.org", "[Annonce] Formation",
             "Public : membres associés\n\nUne formation le 3 mars.\nSend: applications by 2027-03-01 to x@example.org\n")
    net.step()
    out = net.new_messages()
    got = [m for m in out if m.to != "amina@example.org"]
    assert sorted(m.to for m in got) == ["marc@example.org", "priya@example.org"]  # the associates, now
    assert "Send: applications by 2027-03-01" in net.only_message_to("priya@example.org", got).text
