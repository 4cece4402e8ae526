"""Counting a vote: option labels for each reader, quorum, the pass rule, ties.

Pure functions of plain values, so every rule of the count is testable on its own.
"""
from __future__ import annotations

import string

from workflows.votes.rules import (COUNT_AS_NO, MAJORITY, MAJORITY_OF_MEMBERS, QUORUM_ONLY, TWO_THIRDS,
                                   TWO_THIRDS_OF_MEMBERS, UNANIMOUS)

YES_WORDS = {"yes", "oui", "for", "pour"}
NO_WORDS = {"no", "non", "against", "contre"}
ABSTAIN_WORDS = {"abstain", "abstention", "abstenir", "m'abstenir", "abstiens"}
FRENCH = {"yes": "Oui", "no": "Non", "abstain": "Abstention"}
ENGLISH = {"yes": "Yes", "no": "No", "abstain": "Abstain"}


def option_role(label: str) -> str | None:
    """'yes', 'no' or 'abstain' for the standard options (in English or French), else None."""
    low = label.strip().lower()
    if low in YES_WORDS:
        return "yes"
    if low in NO_WORDS:
        return "no"
    if low in ABSTAIN_WORDS:
        return "abstain"
    return None


def is_yes_no(options: list[str]) -> bool:
    """True when the options are Yes and No (and possibly Abstain): the pass rule applies."""
    roles = [option_role(o) for o in options]
    return "yes" in roles and "no" in roles and all(r is not None for r in roles) and len(set(roles)) == len(roles)


def labels_for(options: list[str], lang: str) -> list[str]:
    """The option labels as a reader of `lang` sees them (standard options translated)."""
    if not is_yes_no(options):
        return list(options)
    names = FRENCH if lang == "fr" else ENGLISH
    return [names[option_role(o)] for o in options]


def letter(index: int) -> str:
    """The letter of the option at `index` (A, B, C …)."""
    return string.ascii_uppercase[index]


def count(options: list[str], choices: list[int | None], eligible: int, quorum_percent: float,
          pass_rule: str, *, abstentions: str = QUORUM_ONLY, quorum_base: int | None = None) -> dict:
    """The result of a vote as plain values, with the arithmetic that decided it.

    `choices` holds one option index per member who returned a valid vote (the count happens
    before a secret ballot's erasure). `eligible` is everyone called to vote; `quorum_base` the
    members quorum is taken of (the eligible less those on leave who did not vote; default all).
    Quorum = valid votes (abstentions included) / quorum_base.

    With Yes/No options the rule decides (see `rules`): `majority` Yes > No (equal is a tie),
    `two-thirds` 3·Yes ≥ 2·(Yes + No), both among Yes and No, or Yes + No + Abstain when
    abstentions count as No; `majority-of-members` 2·Yes > eligible; `two-thirds-of-members`
    3·Yes ≥ 2·eligible; `unanimous` Yes = eligible (quorum aside: anyone silent or against and it
    fails). `base` is the number the fraction is taken of and `needed` the fewest Yes that pass.
    Otherwise the option with most votes wins, abstentions aside, and equal tops are a tie.
    Returns {tallies, voted, eligible, quorum_base, turnout_percent, quorum_percent, quorum_met,
    pass_rule, abstentions, yes_no, yes, no, abstain, base, needed, winners, outcome} where outcome
    is 'adopted', 'rejected', 'tie', 'winner' or 'no-quorum'.
    """
    tallies = [0] * len(options)
    for choice in choices:
        if choice is not None and 0 <= choice < len(options):
            tallies[choice] += 1
    voted = sum(tallies)
    base_q = eligible if quorum_base is None else quorum_base
    turnout = round(100.0 * voted / base_q, 1) if base_q else 0.0
    quorum_met = base_q > 0 and voted * 100.0 >= quorum_percent * base_q
    result = {"tallies": tallies, "voted": voted, "eligible": eligible, "quorum_base": base_q,
              "turnout_percent": turnout, "quorum_percent": quorum_percent, "quorum_met": quorum_met,
              "pass_rule": pass_rule, "abstentions": abstentions, "yes_no": is_yes_no(options),
              "winners": [], "outcome": "no-quorum"}
    roles = [option_role(o) for o in options]
    if result["yes_no"]:
        result.update(_decide(tallies, roles, eligible, pass_rule, abstentions))
        if not quorum_met and pass_rule != UNANIMOUS:
            result["outcome"] = "no-quorum"
        return result
    if not quorum_met:
        return result
    counted = [i for i, role in enumerate(roles) if role != "abstain"]
    top = max((tallies[i] for i in counted), default=0)
    result["winners"] = [i for i in counted if tallies[i] == top]
    result["outcome"] = "winner" if len(result["winners"]) == 1 else "tie"
    return result


def _decide(tallies: list[int], roles: list, eligible: int, pass_rule: str, abstentions: str) -> dict:
    """The outcome of a Yes/No motion under `pass_rule`, with its base and the Yes needed."""
    yes = tallies[roles.index("yes")]
    no = tallies[roles.index("no")]
    abstain = tallies[roles.index("abstain")] if "abstain" in roles else 0
    against = no + abstain if abstentions == COUNT_AS_NO else no
    if pass_rule in (MAJORITY_OF_MEMBERS, TWO_THIRDS_OF_MEMBERS, UNANIMOUS):
        base = eligible
    else:
        base = yes + against
    if pass_rule in (TWO_THIRDS, TWO_THIRDS_OF_MEMBERS):
        needed = max(1, -(-2 * base // 3))          # ceil(2·base / 3)
    elif pass_rule == UNANIMOUS:
        needed = max(1, base)
    else:
        needed = base // 2 + 1                      # more than half
    if pass_rule == MAJORITY and yes == against:
        outcome = "tie"
    else:
        outcome = "adopted" if base > 0 and yes >= needed else "rejected"
    return {"yes": yes, "no": no, "abstain": abstain, "against": against, "base": base, "needed": needed,
            "outcome": outcome}
