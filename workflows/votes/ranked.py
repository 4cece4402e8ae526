"""Counting a ranked election: instant-runoff for one seat, single transferable vote for several.

The counting itself is pyrankvote's (a small, pure-Python library with both methods; measured in
the README's Votes section); this module turns the store's rankings into its ballots and its rounds
back into plain values for the result messages. A partial ranking counts as far as it goes; once
every candidate it ranks is out, the ballot is exhausted (shown in each round).

Ties between candidates with equal votes are broken by pyrankvote's rule (most next preferences);
a tie that remains after every preference is drawn by lot from a generator seeded with the vote's
number, so the same ballots always give the same result.
"""
from __future__ import annotations

import random

import pyrankvote
from pyrankvote import Ballot, Candidate


def count_ranked(options: list[str], rankings: list[list[int]], eligible: int, quorum_percent: float,
                 seats: int, *, seed: int, quorum_base: int | None = None) -> dict:
    """The result of a ranked election as plain values.

    `rankings` holds one ranking (option indices, first preference first) per member who voted.
    Returns {tallies (first preferences), voted, eligible, quorum_base, turnout_percent,
    quorum_percent, quorum_met, pass_rule 'ranked', seats, method 'instant-runoff' or 'stv',
    quota (STV's Droop quota, else None), rounds [{number, rows [{index, votes, status}],
    exhausted}], winners (option indices, in order of election), outcome 'elected' or
    'no-quorum', yes_no False}.
    """
    tallies = [0] * len(options)
    for ranking in rankings:
        if ranking:
            tallies[ranking[0]] += 1
    voted = sum(1 for r in rankings if r)
    base_q = eligible if quorum_base is None else quorum_base
    turnout = round(100.0 * voted / base_q, 1) if base_q else 0.0
    quorum_met = base_q > 0 and voted * 100.0 >= quorum_percent * base_q
    result = {"tallies": tallies, "voted": voted, "eligible": eligible, "quorum_base": base_q,
              "turnout_percent": turnout, "quorum_percent": quorum_percent, "quorum_met": quorum_met,
              "pass_rule": "ranked", "abstentions": "quorum-only", "seats": seats, "yes_no": False,
              "method": "instant-runoff" if seats == 1 else "stv", "quota": None,
              "rounds": [], "winners": [], "outcome": "no-quorum"}
    if not quorum_met or voted == 0:
        return result
    candidates = [Candidate(str(i)) for i in range(len(options))]
    ballots = [Ballot([candidates[i] for i in r]) for r in rankings if r]
    saved = random.getstate()
    random.seed(f"convenor-vote-{seed}")
    try:
        if seats == 1:
            election = pyrankvote.instant_runoff_voting(candidates, ballots)
        else:
            election = pyrankvote.single_transferable_vote(candidates, ballots, seats)
            result["quota"] = round(voted / (seats + 1), 2)
    finally:
        random.setstate(saved)
    out: set[int] = set()                           # eliminated in an earlier round: no longer shown
    for number, round_ in enumerate(election.rounds, start=1):
        rows = [{"index": int(c.candidate.name), "votes": round(c.number_of_votes, 2), "status": c.status.lower()}
                for c in round_.candidate_results if int(c.candidate.name) not in out]
        out |= {row["index"] for row in rows if row["status"] == "rejected"}
        result["rounds"].append({"number": number, "rows": rows, "exhausted": round(round_.number_of_blank_votes, 2)})
    result["winners"] = [int(c.name) for c in election.get_winners()]
    result["outcome"] = "elected"
    return result
