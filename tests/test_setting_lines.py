"""One reader of the setting lines at the top of a coordinator's new item, with one set of rules
for drafts, votes, meetings and announcements: keys in any case, with or without accents, English
and French; blank lines skipped; a key given twice reported; every problem reported at once with
the line it came from."""
from __future__ import annotations

import pytest

from workflows.reading.setting_lines import read_setting_lines

KEYS = {"audience": "audience", "public": "audience", "échéance": "deadline", "deadline": "deadline"}


def test_keys_in_any_case_with_or_without_accents_and_blank_lines_skipped():
    found = read_setting_lines("\nPUBLIC : all\n\nECHEANCE: in 3 days\n\nHello,\nDeadline: in the body", KEYS)
    assert found.values == {"audience": "all", "deadline": "in 3 days"}
    assert found.lines == {"audience": 2, "deadline": 4}
    assert found.body == "Hello,\nDeadline: in the body" and found.problems == []


def test_a_key_given_twice_is_reported_with_both_lines_and_the_first_kept():
    found = read_setting_lines("Audience: all\nPublic: core\nText", KEYS)
    assert found.values["audience"] == "all"
    assert found.problems == ["line 2: “Public: core” gives Public again (already set on line 1); keep one of the two"]


@pytest.mark.parametrize("tag, body, wanted", [
    ("[Vote] Budget", "Options: Yes\nQuorum: lots\nclôture: never\nQuorum: 50%\n\nAdopt the budget.",
     ["line 1:", "line 2:", "line 3:", "line 4:"]),
    ("[Draft] Leaflet", "Audience: the usual people\nÉchéance: bientôt\nAudience: all\n\nHere it is.",
     ["line 1:", "line 2:", "line 3:"]),
    ("[Meeting] Spring", "Quand: someday\nLieu: Hall\nLieu: Other hall\n\nSee you.",
     ["line 1:", "line 3:"]),
    ("[Announce] News", "Audience: the usual people\nSend: whenever\nSEND: 2027-03-01\n\nNews.",
     ["line 1:", "line 2:", "line 3:"]),
])
def test_a_coordinator_gets_every_problem_at_once_with_its_line(maildir_network, tag, body, wanted):
    net = maildir_network
    net.send("amina@example.org", tag, body)
    net.step()
    out = net.new_messages()
    answer = net.only_message_to("amina@example.org", out)
    assert [m.to for m in out] == ["amina@example.org"]  # nothing went to the members
    for line in wanted:
        assert line in answer.text, (line, answer.text)
