"""The rules of a vote on their own: reading a coordinator's setting lines, and counting."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from workflows.routing.policy import VotePolicy
from workflows.votes.request import read_request
from workflows.votes.tally import count, is_yes_no, labels_for

NOW = datetime(2027, 1, 4, 14, 0, tzinfo=timezone.utc)  # Monday 09:00 in Toronto
ZONE = "America/Toronto"


def read(body, subject="[Vote] Adopt the budget"):
    return read_request(subject, body, VotePolicy(), ZONE, NOW)


def test_defaults_come_from_the_settings_and_the_motion_is_what_follows_the_setting_lines():
    r = read("We adopt the 2027 budget.\nSee the attachment.")
    assert r.problems == [] and r.title == "Adopt the budget"
    assert r.options == ["Yes", "No", "Abstain"] and r.electorate == "core" and not r.secret
    assert r.quorum_percent == 50 and r.pass_rule == "majority"
    assert r.closes_at == datetime(2027, 1, 11, 22, 0, tzinfo=timezone.utc)  # 7 days, 17:00 Toronto
    assert r.motion == "We adopt the 2027 budget.\nSee the attachment."


def test_setting_lines_in_english_and_french_any_case():
    r = read("options: Option A; Option B; Option C\nCLOSES: 2027-01-20 17:00\nElectorate: subcommittee Training\n"
             "Quorum: 60%\nPass: two-thirds\nSecret: yes\n\nWhich plan?")
    assert r.problems == [] and r.options == ["Option A", "Option B", "Option C"]
    assert r.closes_at == datetime(2027, 1, 20, 22, 0, tzinfo=timezone.utc)
    assert (r.electorate, r.subcommittee, r.quorum_percent, r.pass_rule, r.secret) == \
        ("subcommittee", "Training", 60, "two-thirds", True)
    f = read("Choix : Oui, Non\nClôture : dans 3 jours\nÉlectorat : sous-comité Formation\nQuorum : 40 %\n"
             "Adoption : deux tiers\nScrutin secret : oui\n\nProposition.", "[Scrutin] Budget")
    assert f.problems == [] and f.title == "Budget" and f.options == ["Oui", "Non"]
    assert f.closes_at == datetime(2027, 1, 7, 22, 0, tzinfo=timezone.utc)
    assert (f.subcommittee, f.quorum_percent, f.pass_rule, f.secret) == ("Formation", 40, "two-thirds", True)


@pytest.mark.parametrize("line, fragment", [
    ("Closes: next Tuesday-ish", "Closes: next Tuesday-ish"),
    ("Closes: 2026-12-01 17:00", "already past"),
    ("Quorum: lots", "percentage"),
    ("Pass: most of us", "majority"),
    ("Secret: perhaps", "yes"),
    ("Options: Only one", "at least two"),
    ("Electorate: everybody", "subcommittee NAME"),
])
def test_a_malformed_line_becomes_a_clear_problem_not_an_exception(line, fragment):
    r = read(f"{line}\n\nThe motion.")
    assert len(r.problems) == 1 and fragment in r.problems[0]


def test_yes_no_options_are_shown_in_the_readers_language():
    assert is_yes_no(["Yes", "No", "Abstain"]) and is_yes_no(["Oui", "Non"])
    assert not is_yes_no(["Option A", "Option B"])
    assert labels_for(["Yes", "No", "Abstain"], "fr") == ["Oui", "Non", "Abstention"]
    assert labels_for(["Plan A", "Plan B"], "fr") == ["Plan A", "Plan B"]


YNA = ["Yes", "No", "Abstain"]


@pytest.mark.parametrize("choices, eligible, quorum, rule, outcome", [
    ([0, 0, 1, 2], 9, 50, "majority", "no-quorum"),         # 4/9 = 44% < 50%
    ([0, 0, 1, 2, 2], 9, 50, "majority", "adopted"),         # abstentions count for the quorum only
    ([0, 1, 2, 2, 2], 9, 50, "majority", "tie"),             # ties are reported as ties
    ([0, 1, 1, 2, 2], 9, 50, "majority", "rejected"),
    ([0, 0, 1, 2, 2], 9, 50, "two-thirds", "adopted"),       # 2 of 3 is two-thirds
    ([0, 0, 0, 1, 1], 9, 50, "two-thirds", "rejected"),      # 3 of 5 is not
    ([2, 2, 2, 2, 2], 9, 50, "two-thirds", "rejected"),      # no Yes, no No
])
def test_quorum_and_pass_rule(choices, eligible, quorum, rule, outcome):
    assert count(YNA, choices, eligible, quorum, rule)["outcome"] == outcome


def test_custom_options_the_most_votes_win_and_equal_tops_are_a_tie():
    r = count(["A", "B", "C"], [0, 1, 1, 2], 4, 50, "majority")
    assert r["outcome"] == "winner" and r["winners"] == [1] and r["tallies"] == [1, 2, 1]
    assert r["turnout_percent"] == 100.0 and r["quorum_met"]
    t = count(["A", "B", "C"], [0, 1], 4, 50, "majority")
    assert t["outcome"] == "tie" and t["winners"] == [0, 1]


@pytest.mark.parametrize("value", ["January 20, 2027", "20 janvier 2027 à 17h", "tomorrow", "20/01/2027 17:00",
                                   "2027-01-20", "in 7 days", "dans 2 semaines", "in 48 hours"])
def test_closes_and_deadline_understand_the_same_dates(value):
    """A coordinator writes dates the same way for drafts and votes."""
    from workflows.drafts.request import read_deadline
    from workflows.reading.dates import read_when
    now = datetime(2027, 1, 4, 14, 0, tzinfo=timezone.utc)
    closes = read_when(value, now=now, timezone="America/Toronto", default_time="17:00", what="Closes")
    assert closes == read_deadline(value, now=now, timezone="America/Toronto", deadline_time="17:00")
    assert closes > now


@pytest.mark.parametrize("choices, eligible, rule, abstentions, outcome, base, needed", [
    # majority of the Yes and No votes; abstentions aside, or counted as No
    ([0, 0, 0, 1, 1, 2, 2], 9, "majority", "quorum-only", "adopted", 5, 3),
    ([0, 0, 0, 1, 1, 2, 2], 9, "majority", "count-as-no", "rejected", 7, 4),
    ([0, 0, 0, 0, 1, 1, 2], 9, "two-thirds", "quorum-only", "adopted", 6, 4),
    ([0, 0, 0, 0, 1, 1, 2], 9, "two-thirds", "count-as-no", "rejected", 7, 5),
    # of the members called to vote: silence and abstention count against
    ([0, 0, 0, 0, 0, 1], 9, "majority-of-members", "quorum-only", "adopted", 9, 5),
    ([0, 0, 0, 0, 2, 2], 9, "majority-of-members", "quorum-only", "rejected", 9, 5),
    ([0, 0, 0, 0], 8, "majority-of-members", "quorum-only", "rejected", 8, 5),    # exactly half is not more
    ([0, 0, 0, 0, 0, 0], 9, "two-thirds-of-members", "quorum-only", "adopted", 9, 6),
    ([0, 0, 0, 0, 0, 1, 1], 9, "two-thirds-of-members", "quorum-only", "rejected", 9, 6),
    # written consent: everyone, Yes
    ([0, 0, 0], 3, "unanimous", "quorum-only", "adopted", 3, 3),
    ([0, 0, 2], 3, "unanimous", "quorum-only", "rejected", 3, 3),
    ([0, 0], 3, "unanimous", "quorum-only", "rejected", 3, 3),
    ([0], 3, "unanimous", "quorum-only", "rejected", 3, 3),                      # no quorum: still 'not adopted'
])
def test_every_pass_rule_with_its_arithmetic(choices, eligible, rule, abstentions, outcome, base, needed):
    r = count(YNA, choices, eligible, 50, rule, abstentions=abstentions)
    assert (r["outcome"], r["base"], r["needed"]) == (outcome, base, needed)
    assert r["yes"] == choices.count(0) and r["pass_rule"] == rule


def test_the_rules_are_read_in_english_and_french_and_refused_with_what_to_write():
    from workflows.votes.rules import read_abstentions, read_pass
    assert read_pass("Majority of members") == read_pass("majorité des membres") == "majority-of-members"
    assert read_pass("two-thirds of the members") == read_pass("Deux tiers des membres") == "two-thirds-of-members"
    assert read_pass("Unanimous") == read_pass("consentement écrit") == read_pass("unanimité") == "unanimous"
    assert read_pass("2/3") == read_pass("deux tiers") == "two-thirds"
    assert read_abstentions("count as no") == read_abstentions("comptent comme non") == "count-as-no"
    assert read_abstentions("Quorum only") == read_abstentions("quorum seulement") == "quorum-only"
    with pytest.raises(ValueError, match="unanimous"):
        read_pass("most of us")
    with pytest.raises(ValueError, match="count as no"):
        read_abstentions("whatever")
