"""The decisions the bylaws recognise, by email over the real Dovecot + SMTP stack, in English and French.

Written consent (unanimous), majority of the members called to vote, abstentions counted as No:
each ballot states its rule in plain words, each result shows the rule and the arithmetic, and the
coordinators' copy of a written consent names who did not answer.
"""
from __future__ import annotations

import pytest

from tests.fixtures_convenor import Network

MEMBERS = [
    ("Amina Diallo", "amina@example.org", "core", True, "en", []),
    ("Jean Tremblay", "jean@example.org", "core", False, "fr", []),
    ("Li Wei", "li@example.org", "core", False, "en", []),
    ("Nadia Roy", "nadia@example.org", "core", False, "fr", []),
    ("Tom Baker", "tom@example.org", "core", False, "en", []),
    ("Priya Sharma", "priya@example.org", "associate", False, "en", []),
]


@pytest.fixture
def net(mail_stack, tmp_path):
    network = Network(tmp_path, stack=mail_stack, members=MEMBERS)
    yield network
    network.close()


def open_vote(net, subject, body):
    net.send("Amina Diallo <amina@example.org>", subject, body)
    net.step()
    out = net.new_messages()
    ballots = {m.to: m for m in out if "Vote opened" not in m.subject}
    confirmation = next(m for m in out if "Vote opened" in m.subject)
    return ballots, confirmation


def close(net, confirmation):
    net.reply(confirmation, "CLOSE")
    net.step()
    return net.new_messages()


def test_written_consent_fails_when_one_member_is_silent_and_the_coordinators_learn_who(net):
    ballots, confirmation = open_vote(net, "[Vote] Approve the grant application",
                                      "Pass: unanimous\nCloses: in 3 days\n\nThat the network signs the grant application.\n")
    assert sorted(ballots) == ["amina@example.org", "jean@example.org", "li@example.org", "nadia@example.org",
                               "tom@example.org"]
    li, jean = ballots["li@example.org"].text, ballots["jean@example.org"].text
    assert "decision by written consent: it is adopted only if every one of the 5 members" in " ".join(li.split())
    assert "One No, one abstention or one member silent at the close, and it is not adopted." in " ".join(li.split())
    assert "consentement écrit : elle n'est adoptée que si chacun des 5 membres" in " ".join(jean.split())
    assert "unanimous written consent" in confirmation.text
    for addr in ("amina@example.org", "jean@example.org", "li@example.org", "nadia@example.org"):
        net.reply(ballots[addr], "Oui" if addr in ("jean@example.org", "nadia@example.org") else "Yes")
    net.step()
    assert len(net.new_messages()) == 4                                    # four receipts; Tom is silent
    results = close(net, confirmation)
    roll = net.only_message_to("amina@example.org", results)
    text = " ".join(roll.text.split())
    assert "The motion is NOT ADOPTED." in text
    assert "Rule: unanimous written consent (every member called to vote answers Yes)." in text
    assert "Arithmetic: 4 Yes from 5 members called to vote; 5 needed (all of them)." in text
    assert "Did not answer (consent needs every member called to vote): Tom Baker." in text
    member = " ".join(net.only_message_to("li@example.org", results).text.split())
    assert "NOT ADOPTED" in member and "Tom Baker" not in member                # names for the coordinators only
    jean_result = " ".join(net.only_message_to("jean@example.org", results).text.split())
    assert "La proposition n'est PAS ADOPTÉE." in jean_result
    assert "Calcul : 4 Oui sur 5 membres appelés à voter ; il en fallait 5 (tous)." in jean_result


def test_written_consent_passes_when_everyone_answers_yes(net):
    ballots, confirmation = open_vote(net, "[Vote] Renew the room booking", "Pass: written consent\n\nRenew it.\n")
    for addr, ballot in ballots.items():
        net.reply(ballot, "OUI" if addr == "jean@example.org" else "yes")
    net.step()
    net.new_messages()
    results = close(net, confirmation)
    text = " ".join(net.only_message_to("li@example.org", results).text.split())
    assert "The motion is ADOPTED." in text and "5 Yes from 5 members called to vote; 5 needed" in text


def test_majority_of_members_counts_silence_and_abstention_against_in_english_and_french(net):
    ballots, confirmation = open_vote(net, "[Vote] Change the bylaws",
                                      "Adoption : majorité des membres\n\nThat article 4 is amended.\n")
    li = " ".join(ballots["li@example.org"].text.split())
    assert "passes only with Yes from more than half of the 5 members called to vote, that is at least 3 Yes" in li
    assert "abstaining or not voting counts the same as voting No" in li
    jean = " ".join(ballots["jean@example.org"].text.split())
    assert "le Oui de plus de la moitié des 5 membres appelés à voter, soit au moins 3 Oui" in jean
    net.reply(ballots["li@example.org"], "Yes")
    net.reply(ballots["jean@example.org"], "Oui")
    net.reply(ballots["nadia@example.org"], "Abstention")
    net.reply(ballots["tom@example.org"], "Abstain")
    net.step()
    net.new_messages()
    results = close(net, confirmation)
    # Yes 2, No 0: a plain majority would adopt it; 2 of 5 members is not more than half.
    text = " ".join(net.only_message_to("amina@example.org", results).text.split())
    assert "The motion is NOT ADOPTED." in text
    assert "Rule: a majority of the members called to vote (Yes from more than half of them)." in text
    assert "Arithmetic: 2 Yes from 5 members called to vote; 3 needed (more than half)." in text
    assert "Turnout: 4 of 5 eligible members (80%); quorum 50%: reached." in text
    fr = " ".join(net.only_message_to("jean@example.org", results).text.split())
    assert "Règle : la majorité des membres appelés à voter" in fr
    assert "Calcul : 2 Oui sur 5 membres appelés à voter ; il en fallait 3 (plus de la moitié)." in fr


def test_a_rule_for_yes_no_motions_is_refused_for_candidates(net):
    net.send("Amina Diallo <amina@example.org>", "[Vote] Elect the treasurer",
             "Options: Maria; Kwame\nPass: unanimous\n\nElect the treasurer.\n")
    net.step()
    (refusal,) = net.new_messages()
    assert refusal.to == "amina@example.org" and "decides a Yes/No motion" in refusal.text
