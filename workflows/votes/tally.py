"""Counting a vote: option labels for each reader, quorum, the pass rule, ties.

Pure functions of plain values, so every rule of the count is testable on its own.
"""
from __future__ import annotations

import string

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
          pass_rule: str) -> dict:
    """The result of a vote as plain values.

    `choices` holds one option index per member who returned a valid vote (None for a choice
    erased from a secret ballot is never passed here: the count happens before the erasure).
    Quorum = valid votes (abstentions included) / eligible. With Yes/No options the pass rule
    applies among Yes and No only (majority: yes > no, equal is a tie; two-thirds: yes ≥ 2/3 of
    yes + no); otherwise the option with most votes wins, abstentions aside, and equal tops are a tie.
    Returns {tallies, voted, eligible, turnout_percent, quorum_percent, quorum_met, outcome,
    winners} where outcome is 'adopted', 'rejected', 'tie', 'winner' or 'no-quorum'.
    """
    tallies = [0] * len(options)
    for choice in choices:
        if choice is not None and 0 <= choice < len(options):
            tallies[choice] += 1
    voted = sum(tallies)
    turnout = round(100.0 * voted / eligible, 1) if eligible else 0.0
    quorum_met = eligible > 0 and voted * 100.0 >= quorum_percent * eligible
    result = {"tallies": tallies, "voted": voted, "eligible": eligible, "turnout_percent": turnout,
              "quorum_percent": quorum_percent, "quorum_met": quorum_met, "pass_rule": pass_rule,
              "yes_no": is_yes_no(options), "winners": [], "outcome": "no-quorum"}
    if not quorum_met:
        return result
    roles = [option_role(o) for o in options]
    if result["yes_no"]:
        yes, no = tallies[roles.index("yes")], tallies[roles.index("no")]
        if pass_rule == "two-thirds":
            result["outcome"] = "adopted" if yes + no > 0 and 3 * yes >= 2 * (yes + no) else "rejected"
        else:
            result["outcome"] = "adopted" if yes > no else ("tie" if yes == no else "rejected")
        return result
    counted = [i for i, role in enumerate(roles) if role != "abstain"]
    top = max((tallies[i] for i in counted), default=0)
    result["winners"] = [i for i in counted if tallies[i] == top]
    result["outcome"] = "winner" if len(result["winners"]) == 1 else "tie"
    return result
