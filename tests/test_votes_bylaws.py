"""The decisions the bylaws recognise, by email over the real Dovecot + SMTP stack, in English and French.

Written consent (unanimous), majority of the members called to vote, abstentions counted as No:
each ballot states its rule in plain words, each result shows the rule and the arithmetic, and the
coordinators' copy of a written consent names who did not answer.
"""
from __future__ import annotations

import pytest

from tests.fixtures_convenor import network_fixture, roster

MEMBERS = roster("amina", "jean", "li", "nadia", "tom", "priya")


net = network_fixture(MEMBERS)


def open_vote(net, subject, body):
    net.send("Amina Diallo <amina@example.org>", subject, body)
    net.step()
    out = net.new_messages()
    ballots = {m.to: m for m in out if "Vote opened" not in m.subject}
    confirmation = next(m for m in out if "Vote opened" in m.subject)
    return ballots, confirmation


def answer(net, ballots, answers):
    """Each member's answer (address → text) replied to their ballot and read: the receipts."""
    for addr, text in answers.items():
        net.reply(ballots[addr], text)
    net.step()
    return net.new_messages()


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
    receipts = answer(net, ballots, {"amina@example.org": "Yes", "jean@example.org": "Oui", "li@example.org": "Yes",
                                     "nadia@example.org": "Oui"})
    assert len(receipts) == 4                                              # four receipts; Tom is silent
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
    answer(net, ballots, {addr: "OUI" if addr == "jean@example.org" else "yes" for addr in ballots})
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
    answer(net, ballots, {"li@example.org": "Yes", "jean@example.org": "Oui", "nadia@example.org": "Abstention",
                          "tom@example.org": "Abstain"})
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


def receipt_code_of(receipt):
    import re
    found = re.search(r"(?:Your receipt code|Votre code de reçu) ?: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2})", receipt.text)
    assert found, receipt.text
    return found.group(1)


def test_a_secret_ranked_election_by_instant_runoff_with_receipt_codes_each_voter_can_check(net):
    ballots, confirmation = open_vote(net, "[Vote] Elect the co-chair",
                                      "Options: Maria Okafor; Kwame Asante; Lea Roy\nPass: ranked\nSecret: yes\n\n"
                                      "Elect the network's co-chair for 2027.\n")
    li = " ".join(ballots["li@example.org"].text.split())
    assert "Reply with your ranking, your first choice first" in li and "instant-runoff" in li
    assert "mailto:" not in li                                            # one link per option cannot rank
    assert "Répondez par votre classement" in ballots["jean@example.org"].text
    net.reply(ballots["li@example.org"], "1, 3")                            # Maria > Lea
    net.reply(ballots["amina@example.org"], "Maria Okafor")                 # a partial ranking
    net.reply(ballots["jean@example.org"], "B > C")                         # Kwame > Lea
    net.reply(ballots["nadia@example.org"], "2")                            # Kwame
    net.reply(ballots["tom@example.org"], "3\n2\n\nLea first, then Kwame.")  # one per line: Lea > Kwame
    net.reply(ballots["li@example.org"], "1, 1")                             # Maria twice: unclear
    net.step()
    answers = net.new_messages()
    receipts = {m.to: m for m in answers if "recorded" in m.subject or "enregistré" in m.subject}
    assert "is recorded: Maria Okafor > Lea Roy." in receipts["li@example.org"].text
    assert "enregistré : Kwame Asante > Lea Roy." in receipts["jean@example.org"].text
    assert "is recorded: Lea Roy > Kwame Asante." in receipts["tom@example.org"].text
    unclear = [m for m in answers if m.to == "li@example.org" and m not in receipts.values()]
    assert len(unclear) == 1 and "could not be read" in unclear[0].subject  # "1, 1" ranks Maria twice: not counted
    codes = {addr: receipt_code_of(r) for addr, r in receipts.items()}
    assert len(set(codes.values())) == 5

    results = close(net, confirmation)
    assert sorted(m.to for m in results) == sorted(ballots)
    for message in results:
        text = " ".join(message.text.split())
        for addr, code in codes.items():
            assert code in text                                              # every voter can check their own
        code_lines = [line for line in message.text.splitlines() if any(c in line for c in codes.values())]
        assert len(code_lines) == 5 and not [line for line in code_lines if any(n[0] in line for n in MEMBERS)]
    roll = " ".join(net.only_message_to("amina@example.org", results).text.split())
    # Round 1: Maria 2, Kwame 2, Lea 1 → Lea eliminated, Tom's vote passes to Kwame; round 2: Kwame 3.
    assert "Elected: Kwame Asante." in roll and "Rule: instant-runoff." in roll
    round_1, round_2 = roll.split("Round 1:")[1].split("Round 2:")
    round_2 = round_2.split("First preferences")[0]
    assert "Maria Okafor: 2 " in round_1 and "Kwame Asante: 2 " in round_1 and "Lea Roy: 1 (eliminated)" in round_1
    assert "Kwame Asante: 3 (elected)" in round_2 and "Maria Okafor: 2" in round_2
    assert "Lea Roy" not in round_2                                          # out of the race
    assert f"{codes['li@example.org']}: Maria Okafor > Lea Roy" in roll
    jean = " ".join(net.only_message_to("jean@example.org", results).text.split())
    assert "Élu : Kwame Asante." in jean and "Tour 1 :" in jean
    assert f"{codes['tom@example.org']} : Lea Roy > Kwame Asante" in jean
    net.close()

    import sqlite3
    db = sqlite3.connect(str(net.folder / "convenor.db"))
    assert db.execute("SELECT count(*) FROM vote_choices WHERE receipt_code IS NOT NULL OR ranking IS NOT NULL "
                      "OR choice IS NOT NULL").fetchone()[0] == 0             # the code↔member link is erased
    receipts_kept = [r[0] for r in db.execute("SELECT body_text FROM outbox WHERE kind = 'vote_receipt'")]
    assert receipts_kept and not [b for b in receipts_kept if any(c in b for c in codes.values())]
    db.close()


def test_single_transferable_vote_elects_several_and_shows_each_round():
    from workflows.votes.ranked import count_ranked
    # The classic example: 3 seats among 5; Droop quota 20/4 = 5.
    rankings = [[0]] * 4 + [[1, 0]] * 2 + [[2, 3]] * 8 + [[2, 4]] * 4 + [[3]] + [[4]]
    r = count_ranked(["Oranges", "Pears", "Chocolate", "Strawberries", "Bonbons"], rankings, 20, 50, 3, seed=1)
    assert r["outcome"] == "elected" and sorted(r["winners"]) == [0, 2, 3] and r["quota"] == 5
    assert r["rounds"][0]["rows"][0] == {"index": 2, "votes": 12, "status": "elected"}
    assert len(r["rounds"]) >= 3
    short = count_ranked(["A", "B", "C"], [[0, 1]], 9, 50, 1, seed=1)
    assert short["outcome"] == "no-quorum" and short["rounds"] == []


@pytest.mark.parametrize("text, ranking", [
    ("2, 1, 3", [1, 0, 2]), ("B > A > C", [1, 0, 2]), ("Kwame Asante > Maria Okafor", [1, 0]),
    ("1. Kwame Asante\n2. Lea Roy\n\nThanks!", [1, 2]), ("B\nA\nC", [1, 0, 2]), ("2", [1]), ("3 1 2", [2, 0, 1]),
    ("2 puis 3", [1, 2]), ("Bonjour,\n\nC > A\n\nMerci", [2, 0]),
    ("1, 1", None), ("4, 1", None), ("maybe Maria", None), ("", None),
])
def test_a_ranking_is_read_as_people_write_it_and_nothing_is_guessed(text, ranking):
    from workflows.reading.rankings import read_ranking
    assert read_ranking(text, ["Maria Okafor", "Kwame Asante", "Lea Roy"]).ranking == ranking


def test_abstentions_counted_as_no_turn_a_plain_majority_around_in_french_and_english(net):
    ballots, confirmation = open_vote(net, "[Vote] Move the office",
                                      "Abstentions : comptent comme non\nQuorum: 60%\n\nThat the office moves.\n")
    assert "(abstentions count as No)" in " ".join(ballots["li@example.org"].text.split())
    assert "(les abstentions comptent comme Non)" in " ".join(ballots["jean@example.org"].text.split())
    answer(net, ballots, {"li@example.org": "Yes", "jean@example.org": "Oui", "nadia@example.org": "Non",
                          "tom@example.org": "Abstain", "amina@example.org": "Abstain"})
    results = close(net, confirmation)
    # Yes 2 against No 1 + Abstain 2: a plain majority would adopt it; 2 of 5 is not more than half.
    text = " ".join(net.only_message_to("li@example.org", results).text.split())
    assert "The motion is REJECTED." in text
    assert "Arithmetic: 2 Yes of 5 counted votes (Yes 2 + No 1 + Abstain 2 counted as No); 3 needed" in text
    fr = " ".join(net.only_message_to("jean@example.org", results).text.split())
    assert "(Oui 2 + Non 1 + Abstention 2, comptant comme Non) ; il en fallait 3" in fr


def test_two_seats_by_single_transferable_vote_by_email(net):
    ballots, confirmation = open_vote(net, "[Vote] Elect two co-chairs",
                                      "Options: Maria; Kwame; Lea; Omar\nPass: ranked\nSièges : 2\n\nElect two.\n")
    assert "2 seats are filled by single transferable vote" in " ".join(ballots["li@example.org"].text.split())
    answer(net, ballots, {"li@example.org": "A > B", "amina@example.org": "A > C", "jean@example.org": "A > B",
                          "nadia@example.org": "C > B", "tom@example.org": "D > C"})
    results = close(net, confirmation)
    text = " ".join(net.only_message_to("amina@example.org", results).text.split())
    # 5 ballots, quota 5/3: Maria elected in round 1 with 3; her surplus and Omar's elimination elect Lea.
    assert "Elected (2 seats): Maria, Lea." in text and "single transferable vote, quota 1.67" in text
    assert "Round 1:" in text and "Maria: 3 (elected)" in text


def test_seats_need_a_ranked_election(net):
    net.send("Amina Diallo <amina@example.org>", "[Vote] Elect", "Options: A; B; C\nSeats: 2\n\nElect.\n")
    net.step()
    (refusal,) = net.new_messages()
    assert "add “Pass: ranked”" in refusal.text


def ranked_vote_answered(net, options, secret, answers):
    """A ranked election opened by Amina and answered; its confirmation."""
    ballots, confirmation = open_vote(net, "[Vote] Elect the treasurer",
                                      f"Options: {options}\nPass: ranked\nSecret: {secret}\n\nElect.\n")
    answer(net, ballots, answers)
    return confirmation


def export_rows(net, capsys) -> dict:
    """`convenor votes export 1` read back: email → row."""
    import csv
    from convenor import cli
    capsys.readouterr()
    assert cli.main(["--config", str(net.config), "votes", "export", "1"]) == 0
    return {r["email"]: r for r in csv.DictReader(capsys.readouterr().out.splitlines())}


def test_the_audit_export_of_an_open_ranked_election_shows_each_whole_ranking(net, capsys):
    confirmation = ranked_vote_answered(net, "Maria Okafor; Kwame Asante; Lea Roy", "no",
                                        {"li@example.org": "B > C > A", "jean@example.org": "3"})
    rows = export_rows(net, capsys)
    assert rows["li@example.org"]["choice"] == "Kwame Asante"                # the first preference, as before
    assert rows["li@example.org"]["ranking"] == "Kwame Asante > Lea Roy > Maria Okafor"
    assert rows["li@example.org"]["ranking_numbers"] == "2 > 3 > 1"
    assert rows["jean@example.org"]["ranking"] == "Lea Roy" and rows["jean@example.org"]["ranking_numbers"] == "3"
    assert rows["tom@example.org"]["voted"] == "no" and rows["tom@example.org"]["ranking"] == ""
    close(net, confirmation)
    after = export_rows(net, capsys)
    assert after["li@example.org"]["ranking"] == "Kwame Asante > Lea Roy > Maria Okafor"   # open ballot: kept


def test_the_audit_export_of_a_secret_ranked_election_shows_no_ranking(net, capsys):
    ranked_vote_answered(net, "Maria; Kwame; Lea", "yes", {"li@example.org": "B > C"})
    rows = export_rows(net, capsys)
    assert rows["li@example.org"]["voted"] == "yes"
    assert (rows["li@example.org"]["choice"], rows["li@example.org"]["ranking"],
            rows["li@example.org"]["ranking_numbers"]) == ("", "", "")
