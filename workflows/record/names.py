"""Matching the names and addresses a coordinator typed ("Amina, Li Wei, jean@example.org") to
members. Pure functions of the members' rows; nothing here writes or logs."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from mailer import addresses
from workflows.reading.setting_lines import fold

SEPARATORS = re.compile(r"\s*(?:[,;&]|\s(?:and|et)\s)\s*", re.IGNORECASE)


@dataclass
class Matched:
    """What a list of names became: the members found, and what could not be matched (as typed)."""

    members: list[dict] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)  # (as typed, candidates' names)


def split_names(value: str) -> list[str]:
    """The names of a list such as "Amina, Li Wei et Jean" (commas, semicolons, "and", "et")."""
    return [part.strip(" .") for part in SEPARATORS.split(value or "") if part.strip(" .")]


def find_member(members: list[dict], typed: str) -> tuple[dict | None, list[dict]]:
    """(the member, []) when `typed` names exactly one; (None, candidates) otherwise.

    An address matches that member's address; a name matches when every word typed is a word of
    the member's name, accents and case aside ("Li", "Wei", "li wei", "Amina Diallo").
    """
    typed = typed.strip()
    if "@" in typed:
        address = addresses.normalise(typed.strip("<>"))
        found = [m for m in members if m["email"] == address]
        return (found[0], []) if found else (None, [])
    words = fold(typed).replace(".", " ").split()
    if not words:
        return None, []
    exact = [m for m in members if fold(m["name"]) == " ".join(words)]
    if len(exact) == 1:
        return exact[0], []
    found = [m for m in members if set(words) <= set(fold(m["name"]).split())]
    if len(found) == 1:
        return found[0], []
    return None, found


def match_names(members: list[dict], value: str) -> Matched:
    """Match each name of the list `value` to one of `members` (each member at most once)."""
    out = Matched()
    for typed in split_names(value):
        member, candidates = find_member(members, typed)
        if member is not None:
            if member["id"] not in {m["id"] for m in out.members}:
                out.members.append(member)
        elif candidates:
            out.ambiguous.append((typed, sorted(c["name"] for c in candidates)))
        else:
            out.unmatched.append(typed)
    return out
