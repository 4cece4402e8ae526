"""Members answer a meeting's announcement in words as often as with their calendar's buttons:
"Thanks, I'll be there!", "Sorry, I can't make it that evening.", "Je ne pourrai pas venir".
Those replies used to be recorded as agenda items (the member read "Your agenda item … is
recorded: Thanks, I'll be there!", the coordinators' digest listed it, and nobody's attendance
was known). Now, over the real Dovecot + SMTP stack: each is attendance, answered in the member's
language; a reply that says more stays an agenda item; "Thanks!" alone records nothing and says so.
"""
from __future__ import annotations

from tests.fixtures_convenor import Network


def attendance(net) -> dict[str, str]:
    rows = net.db.execute("SELECT m.email, a.partstat FROM attendance a JOIN members m ON m.id = a.member_id").fetchall()
    return dict(rows)


def agenda(net) -> list[str]:
    return [r[0] for r in net.db.execute("SELECT text FROM agenda_items ORDER BY id").fetchall()]


def test_answers_in_words_to_an_announcement_are_attendance_not_agenda_items(network: Network):
    net = network
    net.send("Amina Diallo <amina@example.org>", "[Meeting] Planning day",
             "When: 2027-02-10 18:00\nWhere: 519 Church Street\n\nLet's plan the year.")
    net.step()
    out = net.new_messages()
    announce = {m.to: m for m in out if "Announced" not in m.subject}
    li = announce["li@example.org"]
    assert 'reply "I will come" or "I cannot come"' in li.flat_text  # the announcement says how
    assert "« je viendrai » ou « je ne pourrai pas venir »" in announce["jean@example.org"].flat_text

    net.reply(li, "Thanks, I'll be there!\n\nLi")
    net.reply(announce["sofia@example.org"], "Sorry, I can't make it that evening.")
    net.reply(announce["jean@example.org"], "Bonjour,\n\nJe ne pourrai pas venir, désolé.\n\nJean")
    net.step()
    out = net.new_messages()
    assert attendance(net) == {"li@example.org": "ACCEPTED", "sofia@example.org": "DECLINED",
                               "jean@example.org": "DECLINED"}
    assert agenda(net) == []
    to_li = net.only_message_to("li@example.org", out)
    assert to_li.subject == "[Meeting 1] Your answer is noted"
    assert "Your answer to Planning day (Wednesday, February 10, 2027, 6:00 PM" in to_li.flat_text
    assert "is noted: you will come." in to_li.flat_text and "agenda item" not in to_li.subject.lower()
    assert "is noted: you will not come." in net.only_message_to("sofia@example.org", out).flat_text
    to_jean = net.only_message_to("jean@example.org", out)
    assert to_jean.subject == "[Réunion 1] Votre réponse est notée"
    assert "est notée : vous ne viendrez pas." in to_jean.flat_text
    assert not net.messages_to("amina@example.org", out)  # nothing for the coordinators to sort out

    # a change of mind replaces the answer; "maybe" is tentative
    net.reply(to_li, "Maybe")
    net.step()
    assert attendance(net)["li@example.org"] == "TENTATIVE"
    assert "is noted: you may come." in net.only_message_to("li@example.org", net.new_messages()).flat_text

    # a reply that says more than whether one comes is an agenda item, as before
    net.reply(announce["sofia@example.org"], "I can't make it, but please discuss the hotline numbers.")
    net.step()
    receipt = net.only_message_to("sofia@example.org", net.new_messages())
    assert receipt.subject == "[Meeting 1] Agenda item received"
    assert agenda(net) == ["I can't make it, but please discuss the hotline numbers."]
    assert attendance(net)["sofia@example.org"] == "DECLINED"

    # thanks alone: nothing recorded, and the member is told what they can write
    net.reply(announce["amina@example.org"], "Great, thanks!")
    net.step()
    told = net.only_message_to("amina@example.org", net.new_messages())
    assert told.subject == "[Meeting 1] Nothing recorded"
    assert "does not say whether you come, so nothing was recorded" in told.flat_text
    assert "amina@example.org" not in attendance(net) and len(agenda(net)) == 1

    # the coordinators' agenda digest counts the answers in words like the calendar's
    net.set_time(net.now.replace(month=2, day=7, hour=15))
    net.step()
    digest = [m for m in net.new_messages() if m.to == "amina@example.org"]
    assert digest, "the agenda digest reaches the coordinator"
    text = digest[-1].text
    assert "hotline numbers" in text and "I'll be there" not in text
    assert "Calendar answers: 0 accepted, 1 tentative, 2 declined (Jean Tremblay, Sofia Martins)." in digest[-1].flat_text


def test_an_answer_in_words_to_a_cancelled_meeting_still_reaches_the_coordinators(network: Network):
    net = network
    net.send("Amina Diallo <amina@example.org>", "[Meeting] Planning day", "When: 2027-02-10 18:00\n\nPlan.")
    net.step()
    out = net.new_messages()
    confirmation = next(m for m in out if "Announced" in m.subject)
    li = next(m for m in out if m.to == "li@example.org")
    net.reply(confirmation, "CANCEL")
    net.step()
    net.new_messages()
    net.reply(li, "I'll be there")
    net.step()
    out = net.new_messages()
    assert attendance(net) == {}
    assert net.messages_to("amina@example.org", out) and net.messages_to("li@example.org", out)


def test_an_answer_in_words_that_greets_someone_by_name_is_attendance(network: Network):
    """"Hi Sam," or "Dear Amina Diallo," before "I'll be there" greets; it says nothing else.
    (Only the corpus's own coordinator's first name was read as a greeting before.)"""
    net = network
    net.send("Amina Diallo <amina@example.org>", "[Meeting] Planning day", "When: 2027-02-10 18:00\n\nPlan.")
    net.step()
    announce = {m.to: m for m in net.new_messages() if "Announced" not in m.subject}
    net.reply(announce["li@example.org"], "Hi Sam,\n\nI'll be there!\n\nLi")
    net.reply(announce["sofia@example.org"], "Dear Amina Diallo, I can't make it.")
    net.reply(announce["jean@example.org"], "Hi Sam, please discuss the budget.")  # more: an agenda item
    net.step()
    out = net.new_messages()
    assert attendance(net) == {"li@example.org": "ACCEPTED", "sofia@example.org": "DECLINED"}
    assert agenda(net) == ["Hi Sam, please discuss the budget."]
    assert "is noted: you will come." in net.only_message_to("li@example.org", out).flat_text
    assert "is noted: you will not come." in net.only_message_to("sofia@example.org", out).flat_text
