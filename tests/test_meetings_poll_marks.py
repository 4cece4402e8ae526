"""Date polls with "if need be" answers, required members and places, by email over the real
Dovecot + SMTP stack, in English and French: what each member is asked and receives, the date and
place chosen by the stated rule, the announcement and its invitation's LOCATION."""
from __future__ import annotations

from datetime import datetime, timezone

import icalendar
import pytest

from store import timers

PLANNING = ("Dates: 2027-02-09 18:00; 2027-02-11 18:00; 2027-02-16 18:00\n"
            "Places: Library; Community Centre\nRequired: Sofia Martins\nAudience: core\n")


def flat(message) -> str:
    return " ".join(message.text.split())


def invite(received):
    data = next(d for name, ctype, d in received.attachments if name == "invite.ics")
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    return event["dtstart"].dt.astimezone(timezone.utc), str(event.get("location", ""))


def run_to_next_timer(net):
    net.set_time(max(timers.next_due(net.db), net.now))
    net.step()


def announced_at(net, messages, audience, start, location):
    """The announcements among `messages`: one per audience member, each invitation at `start`
    with LOCATION `location`."""
    announced = [m for m in messages if m.subject.startswith(("[Meeting", "[Réunion")) and m.attachments]
    assert sorted(m.to for m in announced) == sorted(audience)
    for message in announced:
        assert invite(message) == (start, location)
    return announced


def polls_of(messages):
    return {m.to: m for m in messages if "can you come" in m.subject or "pouvez-vous venir" in m.subject}


def test_if_need_be_required_member_and_places_choose_the_date_and_place(network):
    net = network
    net.send("amina@example.org", "[Meeting] Spring planning", PLANNING)
    net.step()
    first = net.new_messages()
    asked = polls_of(first)
    assert sorted(asked) == ["amina@example.org", "jean@example.org", "li@example.org", "sofia@example.org"]
    li = flat(asked["li@example.org"])
    assert "A. Library B. Community Centre" in li
    assert 'put a question mark after it: "1, 3, 2?" (or write "2 if need be")' in li
    assert 'the letters (or names) of the places that suit you' in li and "Your answer is required" not in li
    assert "Your answer is required: the date must suit you" in flat(asked["sofia@example.org"])
    jean = flat(asked["jean@example.org"])
    assert "« 1, 3, 2? » (ou écrivez « 2 si nécessaire »)" in jean and "Lieux : A, B?" in jean
    confirmation = next(m for m in first if m.to == "amina@example.org" and m not in asked.values())
    assert "Required: Sofia Martins. A date that one of them says they cannot make will not be chosen" \
        in flat(confirmation)

    net.reply(asked["li@example.org"], "1, 2?, 3\nPlaces: A")
    net.reply(asked["jean@example.org"], "1, 2 si nécessaire, 3\nLieux : B, A?")
    net.reply(asked["amina@example.org"], "1 at the Community Centre")
    net.step()
    receipts = net.new_messages()
    li_receipt = flat(net.only_message_to("li@example.org", receipts))
    assert "can attend Spring planning on: 1. " in li_receipt and "and, only if need be, on: 2. " in li_receipt
    assert "(if need be) Places that suit you: A. Library" in li_receipt
    jean_receipt = flat(net.only_message_to("jean@example.org", receipts))
    assert "et, seulement si nécessaire, le : 2." in jean_receipt
    assert "Lieux qui vous conviennent : A. Library (si nécessaire) B. Community Centre" in jean_receipt
    assert "Places that suit you: B. Community Centre" in flat(net.only_message_to("amina@example.org", receipts))

    run_to_next_timer(net)  # the reminder: Sofia, required, has not answered
    reminded = net.new_messages()
    assert [m.to for m in reminded] == ["sofia@example.org"]
    assert "Your answer is required" in flat(reminded[0])
    net.reply(reminded[0], "Hi,\n\n2, 3 if need be\n\nThanks")
    net.step()
    sofia_receipt = flat(net.only_message_to("sofia@example.org", net.new_messages()))
    assert "can attend Spring planning on: 2. " in sofia_receipt and "only if need be, on: 3. " in sofia_receipt
    assert "you named none, so every place is counted as suiting you" in sofia_receipt

    run_to_next_timer(net)  # the close
    closing = net.new_messages()
    # 1: Amina, Jean, Li, but Sofia (required) cannot come → excluded.
    # 2: Sofia, Li?, Jean? = 3 (1 plainly) · 3: Li, Jean, Sofia? = 3 (2 plainly) → 3 wins on plain yes.
    # Places among those who can come on 3: A = Li, Jean?, Sofia(any) = 3 · B = Jean, Sofia = 2 → Library.
    announced = announced_at(net, closing, asked, datetime(2027, 2, 16, 23, 0, tzinfo=timezone.utc), "Library")
    assert "Where: Library" in net.only_message_to("li@example.org", announced).text
    result = flat(next(m for m in closing if m.to == "amina@example.org" and m not in announced))
    assert "Date 3 was chosen (most members available, by the rule below), at Library" in result
    assert "3 available (3 plainly, 0 if need be; 3 core), EXCLUDED: Sofia Martins (required) cannot come" in result
    assert "3 available (1 plainly, 2 if need be; 3 core)" in result
    assert "3 available (2 plainly, 1 if need be; 3 core) <- chosen" in result
    assert "A. Library: 3 (2 plainly, 1 if need be) <- chosen" in result
    assert "B. Community Centre: 2 (2 plainly, 0 if need be)" in result
    assert "Li Wei: x (x) x places: A" in result and "Sofia Martins: . x (x) places: any" in result


def test_a_place_with_each_date_a_required_member_who_can_make_none_and_the_coordinators_choice(network):
    net = network
    net.send("amina@example.org", "[Réunion] Journée de formation",
             "Dates : 2027-02-09 18:00 à la Bibliothèque, 2027-02-11 18:00 au Centre communautaire\n"
             "Requis : li@example.org\nPublic : noyau\n")
    net.step()
    first = net.new_messages()
    asked = polls_of(first)
    assert "2. " in asked["jean@example.org"].text and ", à Centre communautaire" in asked["jean@example.org"].text
    assert ", at la Bibliothèque" in asked["sofia@example.org"].text
    net.reply(asked["li@example.org"], "none")
    net.reply(asked["jean@example.org"], "1 (2)")
    net.step()
    jean_receipt = flat(net.only_message_to("jean@example.org", net.new_messages()))
    assert "le : 1." in jean_receipt and "à la Bibliothèque" in jean_receipt
    assert "seulement si nécessaire, le : 2." in jean_receipt
    confirmation = next(m for m in first if m.to == "amina@example.org" and m not in asked.values())
    net.reply(confirmation, "CLOSE")
    net.step()
    closing = net.new_messages()
    assert not [m for m in closing if m.attachments]                                # nothing announced
    result = net.only_message_to("amina@example.org", closing)
    assert "No date chosen" in result.subject
    text = flat(result)
    assert "NO DATE WAS CHOSEN: every date is excluded by a required member" in text
    assert "EXCLUDED: Li Wei (required) cannot come" in text
    net.reply(result, "CHOOSE 2")
    net.step()
    after = net.new_messages()
    announced = announced_at(net, after, asked, datetime(2027, 2, 11, 23, 0, tzinfo=timezone.utc),
                             "Centre communautaire")
    assert "Centre communautaire" in net.only_message_to("jean@example.org", announced).text
    chosen = next(m for m in after if m.to == "amina@example.org" and "Date 2 chosen" in m.subject)
    assert ", at Centre communautaire" in flat(chosen)
    result = next(m for m in after if m.to == "amina@example.org" and "Result" in m.subject)
    assert "Date 2 was chosen (by Amina Diallo), at Centre communautaire" in flat(result)


def test_the_coordinator_names_the_place_with_choose_and_bad_lines_are_explained(maildir_network):
    net = maildir_network
    net.send("amina@example.org", "[Meeting] Board", "Dates: 2027-02-09 18:00; 2027-02-11 18:00\n"
             "Places: Hall only\nRequired: Nobody Known, li@example.org\nWhere: Hall\n")
    net.step()
    refusal = flat(net.only_message_to("amina@example.org", net.new_messages()))
    assert "line 2: Places: give at least two places" in refusal
    assert "line 2: Places: and Where: both name the place" in refusal
    assert "line 3: Required: “Nobody Known” is not a member this meeting is for" in refusal
    net.send("amina@example.org", "[Meeting] Board", "Dates: 2027-02-09 18:00; 2027-02-11 18:00\n"
             "Places: Hall; Café\nRequired: Li, sofia@example.org\n")
    net.step()
    first = net.new_messages()
    asked = polls_of(first)
    net.reply(asked["li@example.org"], "1, 2\nPlaces: B")       # Li, required, left out the Hall
    net.step()
    net.new_messages()
    confirmation = next(m for m in first if m.to == "amina@example.org" and m not in asked.values())
    net.reply(confirmation, "CHOOSE 1 A")
    net.step()
    announced = [m for m in net.new_messages() if m.subject.startswith("[Meeting")]
    assert invite(net.only_message_to("sofia@example.org", announced))[1] == "Hall"   # the coordinator's choice


@pytest.mark.parametrize("text, places, dates, maybe, chosen_places, places_maybe", [
    ("1, 3, 2?", 0, {1, 2, 3}, {2}, None, set()),
    ("1 and 3 (2 if need be)", 0, {1, 2, 3}, {2}, None, set()),
    ("1, 3\nif need be: 2", 0, {1, 2, 3}, {2}, None, set()),
    ("Yes: 1, 3\nIf needed: 2", 0, {1, 2, 3}, {2}, None, set()),
    ("1 et 3, 2 si nécessaire", 0, {1, 2, 3}, {2}, None, set()),
    ("2 si besoin", 0, {2}, {2}, None, set()),
    ("1, 2 à la rigueur", 0, {1, 2}, {2}, None, set()),
    ("1, (2)", 0, {1, 2}, {2}, None, set()),
    ("2 and 3 if need be", 0, {2, 3}, {2, 3}, None, set()),
    ("1, 3 (not 2)", 0, {1, 3}, set(), None, set()),
    ("tous sauf 2", 0, {1, 3}, set(), None, set()),
    ("1, 3 - B", 2, {1, 3}, set(), {2}, set()),
    ("I can do 1 and 3", 2, {1, 3}, set(), None, set()),
    ("1\nA, B?", 2, {1}, set(), {1, 2}, {2}),
    ("1\nLieux : tous", 2, {1}, set(), {1, 2}, set()),
    ("1\nPlaces: none", 2, {1}, set(), set(), set()),
])
def test_if_need_be_marks_and_places_are_read_as_people_write_them(text, places, dates, maybe, chosen_places,
                                                                   places_maybe):
    from workflows.reading.poll_answers import read_poll_answer
    answer = read_poll_answer(text, 3, places)
    assert not answer.ambiguous, answer.reason
    assert (set(answer.dates), set(answer.dates_if_need_be)) == (dates, maybe)
    assert (None if answer.places is None else set(answer.places)) == chosen_places
    assert set(answer.places_if_need_be) == places_maybe


@pytest.mark.parametrize("text, dates, maybe, places, places_maybe", [
    ("1, 3 at the Library", {1, 3}, set(), {1}, set()),
    ("1\nCommunity Centre?, library", {1}, set(), {1, 2}, {2}),
    ("2 (Room 204)", {2}, set(), {3}, {3}),
    ("1, 2 si nécessaire\nLieux : Room 204", {1, 2}, {2}, {3}, set()),
])
def test_places_named_in_full_are_read_too(text, dates, maybe, places, places_maybe):
    from workflows.reading.poll_answers import read_poll_answer
    answer = read_poll_answer(text, 3, ["Library", "Community Centre", "Room 204"])
    assert not answer.ambiguous, answer.reason
    assert (set(answer.dates), set(answer.dates_if_need_be)) == (dates, maybe)
    assert (set(answer.places), set(answer.places_if_need_be)) == (places, places_maybe)


@pytest.mark.parametrize("text, places", [
    ("Is 2 ok?", 0), ("4?", 0), ("1\nPlaces: D", 2), ("Places: A", 2), ("maybe 2", 0),
])
def test_unclear_poll_answers_are_not_guessed(text, places):
    from workflows.reading.poll_answers import read_poll_answer
    assert read_poll_answer(text, 3, places).ambiguous


def test_plain_yes_beats_if_need_be_and_a_required_member_excludes_dates():
    from store.poll_options import AnswerDetails
    from workflows.meetings.poll_ranking import best_date, date_rows
    when = [datetime(2027, 3, d, tzinfo=timezone.utc) for d in (2, 9, 16)]
    people = {n: {"name": f"M{n}", "role": "core"} for n in (1, 2, 3)}
    answers = {1: {1, 2, 3}, 2: {1, 2, 3}, 3: {2, 3}}
    details = {1: AnswerDetails(frozenset({2})), 2: AnswerDetails(frozenset({2}))}
    rows = date_rows(when, answers, details, people, [], [])
    assert best_date(rows) == 3   # 2 and 3 tie on 3 who can come; 3 has more plain yes; 1 has fewer
    rows = date_rows(when, answers, details, people, [3], [])
    assert rows[0]["excluded_by"] == ["M3"] and best_date(rows) == 3
    assert best_date(date_rows(when, {3: set()}, {}, people, [3], [])) is None


def test_meetings_close_takes_a_place_and_chooses_a_date_for_a_poll_that_closed_without_one(maildir_network,
                                                                                           monkeypatch, capsys):
    from convenor.cli import main
    net = maildir_network
    monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)
    net.send("amina@example.org", "[Meeting] Board", "Dates: 2027-02-09 18:00; 2027-02-11 18:00\n"
             "Places: Hall; Café\nRequired: Li\n")
    net.step()
    asked = polls_of(net.new_messages())
    net.reply(asked["li@example.org"], "aucune")
    net.reply(asked["sofia@example.org"], "1, 2\nPlaces: A")
    net.step()
    net.new_messages()
    config = ["--config", str(net.config)]
    assert main(config + ["meetings", "close", "1"]) == 0            # every date is excluded: no date
    net.step()
    assert not [m for m in net.new_messages() if m.attachments]   # no announcement, no invitation
    assert main(config + ["meetings", "close", "1"]) == 2            # without --choose: said what to write
    assert "closed without a date: choose one with --choose n" in capsys.readouterr().err
    assert main(config + ["meetings", "close", "1", "--choose", "2", "--place", "C"]) == 2
    assert "has places A to B" in capsys.readouterr().err
    assert main(config + ["meetings", "close", "1", "--choose", "2", "--place", "b"]) == 0
    net.step()
    announced_at(net, net.new_messages(), asked, datetime(2027, 2, 11, 23, 0, tzinfo=timezone.utc), "Café")


def test_a_series_polls_the_places_and_required_members_of_its_settings(tmp_path, monkeypatch):
    from convenor import cli
    from store import meetings as store_meetings
    from tests.fixtures_convenor import Network
    net = Network(tmp_path, extra_settings='[[meetings.series]]\nname = "Network meeting"\naudience = "core"\n'
                  'rule = "every 2 months on the second Tuesday"\ntime = "18:00"\nlocation = "Hall"\n'
                  'places = ["Library", "Online"]\nrequired = ["Sofia Martins", "Nobody Known"]\n')
    monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)
    net.step()  # plans the series
    net.new_messages()
    net.close()
    assert cli.main(["--config", str(net.config), "meetings", "poll", "Network meeting"]) == 0
    net.step()
    asked = polls_of(net.new_messages())
    assert "A. Library B. Online" in flat(asked["li@example.org"])
    assert "Your answer is required" in flat(asked["sofia@example.org"])
    assert "Your answer is required" not in flat(asked["li@example.org"])
    net.reply(asked["sofia@example.org"], "1\nOnline")     # Sofia, required, leaves out the Library
    net.reply(asked["li@example.org"], "1, 2\nLibrary")
    net.reply(asked["jean@example.org"], "1\nLieux : A")
    net.step()
    net.new_messages()
    meeting = store_meetings.list_meetings(net.db)[0]
    net.set_time(store_meetings.poll_of_meeting(net.db, meeting["id"])["closes_at"])
    net.step()
    closing = net.new_messages()
    poll = store_meetings.poll_of_meeting(net.db, meeting["id"])
    announced_at(net, closing, asked, poll["candidates"][0], "Online")
    result = flat(next(m for m in closing if m.to == "amina@example.org" and "Result" in m.subject))
    assert "A. Library: 2 (2 plainly, 0 if need be), EXCLUDED: Sofia Martins (required) left it out" in result
    assert "B. Online: 1 (1 plainly, 0 if need be) <- chosen" in result
    assert "matching no member of this meeting (fix the series' `required`): Nobody Known." in result


def test_a_series_with_one_place_to_poll_is_refused_with_the_reason():
    from pydantic import ValidationError
    from workflows.meetings.policy import SeriesPolicy
    with pytest.raises(ValidationError, match="at least two places"):
        SeriesPolicy(name="Board", places=["Hall"])
