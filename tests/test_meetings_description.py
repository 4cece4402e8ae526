"""The coordinator's words about a meeting (the body of `[Meeting]`, below the setting lines)
reach the members: in the date poll (English and French), the announcement, and the invitation's
DESCRIPTION; never in a log. Over the real Dovecot + SMTP stack."""
from __future__ import annotations

import logging

import icalendar

from store import timers

WORDS = "We will review the zqshelterCANARY protocol. Please read the annex first."
FR_HEADING = "À propos de cette réunion :"


def description_of(received) -> str:
    data = next(d for name, ctype, d in received.attachments if name == "invite.ics")
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    return str(event.get("description", ""))


def test_meeting_text_reaches_poll_announcement_and_ics(network, caplog):
    net = network
    caplog.set_level(logging.DEBUG)
    net.send("amina@example.org", "[Meeting] Planning day",
             "Candidates: 2027-02-09 18:00; 2027-02-11 18:00\nWhere: 519 Church Street\nAudience: core\n\n"
             f"{WORDS}\n\nAmina\n")
    net.step()
    sent = net.new_messages()
    polls = {m.to: m for m in sent if "can you come" in m.subject or "pouvez-vous venir" in m.subject}
    assert sorted(polls) == ["amina@example.org", "jean@example.org", "li@example.org", "sofia@example.org"]
    for m in polls.values():
        assert WORDS in m.text
    assert "About this meeting:" in polls["li@example.org"].text
    assert FR_HEADING in polls["jean@example.org"].text                 # Jean reads French
    assert polls["li@example.org"].text.index(WORDS) < polls["li@example.org"].text.rindex("Test Network")

    net.set_time(timers.next_due(net.db))                                # the reminder, to those who did not answer
    net.step()
    reminders = [m for m in net.new_messages() if "Reminder: when" in m.subject or "Rappel" in m.subject]
    assert reminders and all(WORDS in m.text for m in reminders)

    net.reply(polls["li@example.org"], "1")
    net.step()
    net.new_messages()
    net.set_time(timers.next_due(net.db))                                # the close: the announcement
    net.step()
    announced = {m.to: m for m in net.new_messages() if m.subject.startswith(("[Meeting", "[Réunion")) and m.attachments}
    assert sorted(announced) == sorted(polls)
    for m in announced.values():
        assert WORDS in m.text
        assert WORDS in description_of(m) and "519 Church Street" in description_of(m)
    assert FR_HEADING in announced["jean@example.org"].text
    li = announced["li@example.org"].text
    assert li.index("Where: 519 Church Street") < li.index("About this meeting:") < li.index(WORDS)

    logged = "\n".join(r.getMessage() for r in caplog.records
                        if r.name.split(".")[0] in ("convenor", "workflows", "store", "mailer"))
    assert "zqshelter" not in logged.lower()                             # the test servers' own logs aside


def test_a_meeting_without_text_says_nothing_more(maildir_network):
    net = maildir_network
    net.send("amina@example.org", "[Meeting] Board", "When: 2027-03-20 10:00\nWhere: Hall B\nAudience: core\n")
    net.step()
    li = net.only_message_to("li@example.org", net.new_messages())
    assert "About this meeting" not in li.text
    assert "Where: Hall B\n\nThe attached invitation" in li.text.replace("\r\n", "\n")
    assert description_of(li) == "Hall B"
