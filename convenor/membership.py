"""Reading and checking member records (CLI arguments and CSV files) before they touch the store.

Import is all-or-nothing: every bad row is reported with its line number and why, and nothing
changes until the whole file is clean.
"""
from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from typing import Callable

from mailer import addresses
from convenor.exports import csv_cell, csv_uncell
from store import members as store_members
from store.db import transaction

CSV_COLUMNS = ["name", "email", "role", "coordinator", "language", "subcommittees", "active"]
TRUE = {"1", "yes", "true", "y", "oui", "x"}
FALSE = {"0", "no", "false", "n", "non", ""}


class MemberDataError(ValueError):
    """One or more member records are wrong; `problems` lists each with where it is."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class MemberRecord:
    name: str
    email: str
    role: str = "core"
    coordinator: bool = False
    language: str = "en"
    subcommittees: list[str] = field(default_factory=list)
    active: bool = True
    line: int = 0  # the first line of its row in a CSV file (0: typed at the command line)


def normalise_email(value: str, smtputf8: Callable[[], bool | None] | None = None) -> str:
    """The address normalised by email-validator (no DNS lookups); ValueError saying why not.
    `smtputf8()` says whether the sending server offers SMTPUTF8, asked only for an address whose
    part before the @ is not ASCII (refused when it does not: see `addresses.check_mailable`)."""
    address = addresses.check_mailable(value, None)
    return addresses.check_mailable(address, smtputf8()) if smtputf8 and addresses.needs_smtputf8(address) \
        else address


def parse_bool(value: str, what: str) -> bool:
    v = (value or "").strip().lower()
    if v in TRUE:
        return True
    if v in FALSE:
        return False
    raise ValueError(f"{what} must be yes or no, not {value!r}")


_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")  # reorder what follows


def check_name(name: str) -> str:
    """The member's name as it will greet them ("Hello Jean Tremblay,") and name them to the
    coordinators, spaces tidied; ValueError when it is empty, longer than 200 characters, or holds
    a line break, another control character or a bidirectional override (a name is one line in
    every message, read in the order it is written; the joiners of Persian or Hindi names stay)."""
    bad = [c for c in name if unicodedata.category(c) in ("Cc", "Zl", "Zp") or c in _BIDI_CONTROLS]
    if bad:
        raise ValueError(f"the name {name!r} holds a line break or a control character "
                         f"({', '.join(sorted({repr(c) for c in bad}))}): write it on one line")
    name = " ".join(name.split())
    if not name:
        raise ValueError("name is empty")
    if len(name) > 200:
        raise ValueError(f"the name is {len(name)} characters long: at most 200")
    return name


def check_record(rec: MemberRecord, smtputf8: Callable[[], bool | None] | None = None) -> MemberRecord:
    """Return the record normalised, or raise ValueError saying what is wrong with it (an address
    the sending server cannot carry included: see `normalise_email`)."""
    rec.name = check_name(rec.name)
    rec.email = normalise_email(rec.email, smtputf8)
    rec.role = rec.role.strip().lower()
    if rec.role not in ("core", "associate"):
        raise ValueError(f"role must be core or associate, not {rec.role!r}")
    rec.language = (rec.language or "en").strip().lower()
    if rec.language not in ("en", "fr"):
        raise ValueError(f"language must be en or fr, not {rec.language!r}")
    rec.subcommittees = [s.strip() for s in rec.subcommittees if s.strip()]
    if rec.role == "associate" and rec.subcommittees:
        raise ValueError("associate members cannot sit on sub-committees (core members only, "
                         "per the terms of reference)")
    return rec


def unknown_subcommittee(names, known: list[str], new=()) -> str | None:
    """None when each of `names` is a known sub-committee (case aside) or one of `new` (to be
    created); else what to tell the person: the unknown name, the known ones, and how to create one
    (`--new-subcommittee NAME`), so that a typo never silently makes a new sub-committee."""
    allowed = {n.casefold() for n in [*known, *new]}
    unknown = [n for n in names if n.strip() and n.strip().casefold() not in allowed]
    if not unknown:
        return None
    listed = ", ".join(known) if known else "(none yet)"
    which = ", ".join(repr(n.strip()) for n in unknown)
    return (f"unknown sub-committee {which}: the sub-committees are {listed}; to create a new one, "
            f"add --new-subcommittee {unknown[0].strip()!r}")


def read_csv(text: str, smtputf8: Callable[[], bool | None] | None = None) -> list[MemberRecord]:
    """Parse a members CSV (header row required); raise MemberDataError listing every bad line
    (addresses checked as `check_record` does)."""
    lines = io.StringIO(text).readlines()
    reader = csv.DictReader(iter(lines))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    problems: list[str] = []
    missing = [c for c in ("name", "email") if c not in header]
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if missing:
        problems.append(f"line 1: missing column(s) {', '.join(missing)} (expected {', '.join(CSV_COLUMNS)})")
    if unknown:
        problems.append(f"line 1: unknown column(s) {', '.join(unknown)} (expected {', '.join(CSV_COLUMNS)})")
    if problems:
        raise MemberDataError(problems)
    records: list[MemberRecord] = []
    seen: dict[str, int] = {}
    ended = reader.line_num  # the last line of the header
    for row in reader:
        line, ended = _first_line(lines, ended, reader.line_num), reader.line_num
        row = {(k or "").strip().lower(): csv_uncell((v or "").strip()) for k, v in row.items() if k is not None}
        try:
            rec = check_record(MemberRecord(
                name=row.get("name", ""), email=row.get("email", ""), role=row.get("role") or "core",
                coordinator=parse_bool(row.get("coordinator", ""), "coordinator"),
                language=row.get("language") or "en",
                subcommittees=(row.get("subcommittees") or "").split(";"),
                active=parse_bool(row.get("active") or "yes", "active"), line=line), smtputf8)
        except ValueError as exc:
            problems.append(f"line {line}: {exc}")
            continue
        if rec.email in seen:
            problems.append(f"line {line}: {rec.email} already appears on line {seen[rec.email]}")
            continue
        seen[rec.email] = line
        records.append(rec)
    if problems:
        raise MemberDataError(problems)
    return records


def _first_line(lines: list[str], previous_end: int, end: int) -> int:
    """The first line of the row that ends on line `end` (a quoted cell may hold line breaks, so
    a row spans several lines): the first non-empty line after the previous row's last line."""
    start = previous_end + 1
    while start < end and not lines[start - 1].strip("\r\n"):
        start += 1  # empty lines between rows are skipped, as the reader skips them
    return start


def import_records(db, records: list[MemberRecord], now: datetime) -> dict[str, int]:
    """Add new members and update existing ones, all in one transaction; return counts."""
    added = updated = 0
    with transaction(db):
        for rec in records:
            existing = store_members.get_by_email(db, rec.email)
            if existing is None:
                store_members.add(db, email=rec.email, name=rec.name, role=rec.role,
                                  coordinator=rec.coordinator, language=rec.language,
                                  subcommittees=rec.subcommittees, active=rec.active, now=now)
                added += 1
            else:
                store_members.update(db, existing["id"], name=rec.name, role=rec.role,
                                     coordinator=rec.coordinator, language=rec.language,
                                     subcommittees=rec.subcommittees, active=rec.active)
                updated += 1
    return {"added": added, "updated": updated}


def write_csv(rows: list[dict]) -> str:
    """The members as CSV text, in the same columns `read_csv` takes; a cell that a spreadsheet
    would run as a formula is written with a leading apostrophe (read_csv takes it off)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for m in rows:
        writer.writerow([csv_cell(v) for v in (
            m["name"], m["email"], m["role"], "yes" if m["coordinator"] else "no",
            m["language"], ";".join(m.get("subcommittees") or []), "yes" if m["active"] else "no")])
    return out.getvalue()
