"""The decision rules the bylaws recognise, and the words coordinators use for them (English, French).

A vote's `pass_rule` is one of RULES; its `abstentions` one of ABSTENTIONS. The readers here turn
what a coordinator wrote on a `Pass:` or `Abstentions:` line into those names, or raise ValueError
with what to write instead.
"""
from __future__ import annotations

import re

MAJORITY = "majority"                          # Yes > No, among Yes + No
TWO_THIRDS = "two-thirds"                      # Yes ≥ 2/3 of Yes + No
MAJORITY_OF_MEMBERS = "majority-of-members"    # Yes from more than half of those called to vote
TWO_THIRDS_OF_MEMBERS = "two-thirds-of-members"  # Yes from at least 2/3 of those called to vote
UNANIMOUS = "unanimous"                        # written consent: everyone called answers Yes
RANKED = "ranked"                              # instant-runoff, or single transferable vote with Seats: N
RULES = (MAJORITY, TWO_THIRDS, MAJORITY_OF_MEMBERS, TWO_THIRDS_OF_MEMBERS, UNANIMOUS, RANKED)
YES_NO_RULES = (MAJORITY_OF_MEMBERS, TWO_THIRDS_OF_MEMBERS, UNANIMOUS)  # need Yes/No options

QUORUM_ONLY = "quorum-only"
COUNT_AS_NO = "count-as-no"
ABSTENTIONS = (QUORUM_ONLY, COUNT_AS_NO)

_PASS_WORDS = {
    MAJORITY: ["majority", "simple majority", "majority of votes", "majority of the votes", "majority of votes cast",
               "majorité", "majorite", "majorité simple", "majorite simple", "simple", "50%",
               "majorité des voix", "majorite des voix", "majorité des voix exprimées"],
    TWO_THIRDS: ["two-thirds", "two thirds", "2/3", "two-thirds majority", "two thirds majority",
                 "two-thirds of votes", "two-thirds of the votes", "deux tiers", "deux-tiers",
                 "majorité des deux tiers", "majorite des deux tiers", "2/3 des voix", "deux tiers des voix"],
    MAJORITY_OF_MEMBERS: ["majority of members", "majority of the members", "majority of all members",
                          "absolute majority", "majority of those entitled to vote", "majority of the eligible",
                          "majorité des membres", "majorite des membres", "majorité absolue", "majorite absolue",
                          "majorité des membres votants", "majorite des membres votants"],
    TWO_THIRDS_OF_MEMBERS: ["two-thirds of members", "two-thirds of the members", "two thirds of members",
                            "two thirds of the members", "2/3 of members", "2/3 of the members",
                            "deux tiers des membres", "deux-tiers des membres", "2/3 des membres"],
    UNANIMOUS: ["unanimous", "unanimity", "unanimous consent", "written consent", "unanimous written consent",
                "unanime", "unanimité", "unanimite", "consentement écrit", "consentement ecrit",
                "consentement unanime"],
    RANKED: ["ranked", "ranked choice", "ranked-choice", "instant-runoff", "instant runoff", "irv", "stv",
             "single transferable vote", "preferential", "vote préférentiel", "vote preferentiel",
             "préférentiel", "preferentiel", "classement", "scrutin préférentiel", "scrutin preferentiel",
             "vote unique transférable", "vote unique transferable"],
}
_ABSTENTION_WORDS = {
    QUORUM_ONLY: ["quorum only", "quorum", "not counted", "ignored", "quorum seulement", "quorum uniquement",
                  "pour le quorum", "non comptées", "non comptees", "ignorées", "ignorees"],
    COUNT_AS_NO: ["count as no", "counted as no", "as no", "no", "comptent comme non", "comme non",
                  "comptées comme non", "comptees comme non", "non"],
}


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().strip(".").lower().replace("’", "'"))


_PASS_INDEX = {_key(w): rule for rule, words in _PASS_WORDS.items() for w in words}
_ABSTENTION_INDEX = {_key(w): name for name, words in _ABSTENTION_WORDS.items() for w in words}


def read_pass(value: str) -> str:
    """The rule named on a `Pass:` line ('majority', 'unanimous' …), or ValueError saying what to write."""
    rule = _PASS_INDEX.get(_key(value))
    if rule is None:
        raise ValueError(f"“Pass: {value}”: write “majority”, “two-thirds”, “majority of members”, "
                         "“two-thirds of members”, “unanimous” or “ranked”")
    return rule


def read_abstentions(value: str) -> str:
    """'quorum-only' or 'count-as-no' from an `Abstentions:` line, or ValueError saying what to write."""
    name = _ABSTENTION_INDEX.get(_key(value))
    if name is None:
        raise ValueError(f"“Abstentions: {value}”: write “quorum only” or “count as no”")
    return name


def read_seats(value: str) -> int:
    """The number of seats from a `Seats:` line (1 to 25), or ValueError saying what to write."""
    m = re.fullmatch(r"\s*(\d{1,2})\s*", value or "")
    if not m or not 1 <= int(m.group(1)) <= 25:
        raise ValueError(f"“Seats: {value}”: write a number of seats between 1 and 25, e.g. “Seats: 2”")
    return int(m.group(1))


def check_combination(pass_rule: str, yes_no: bool, seats: int, options: int) -> list[str]:
    """Problems with a rule given the options: member rules need Yes/No, ranked needs candidates."""
    problems = []
    if pass_rule in YES_NO_RULES and not yes_no:
        problems.append(f"“Pass: {pass_rule.replace('-', ' ')}” decides a Yes/No motion: use Options: Yes, No, "
                        "Abstain (or leave Options out), or “Pass: ranked” to elect among candidates")
    if pass_rule == RANKED and yes_no:
        problems.append("“Pass: ranked” ranks candidates: give them on an Options: line "
                        "(e.g. “Options: Maria Okafor; Kwame Asante; Lea Roy”)")
    if seats > 1 and pass_rule != RANKED:
        problems.append("“Seats:” elects several people by single transferable vote: add “Pass: ranked”")
    if pass_rule == RANKED and seats >= options:
        problems.append(f"“Seats: {seats}”: there must be more candidates than seats")
    return problems
