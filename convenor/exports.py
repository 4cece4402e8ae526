"""Files a coordinator exports: readable by their owner alone, safe to open in a spreadsheet.

Exports hold members' names, addresses, feedback and vote records: each file is created 0600
and each folder an export creates is 0700, whatever the umask. A CSV cell that begins with
`=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by spreadsheets
(`=HYPERLINK("https://…"&A1)` sends the sheet away); as OWASP advises, such a cell is written
with a leading apostrophe, which `members import` takes off again.
"""
from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import IO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """The value as a CSV cell no spreadsheet runs: a text beginning like a formula gets a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_uncell(value: str) -> str:
    """The text `csv_cell` wrote, as it was (for reading an export back in)."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def private_folder(path: str | os.PathLike, tighten: bool = False) -> Path:
    """Create the folder and its missing parents, each 0700, and return it. An existing folder
    keeps its mode (it may be the coordinator's own) unless `tighten`: then it is made 0700."""
    folder = Path(path)
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for created in missing + ([folder] if tighten else []):
        created.chmod(0o700)
    return folder


def private_file(path: str | os.PathLike, binary: bool = False) -> IO:
    """Open the file for writing (created or emptied), mode 0600 whatever the umask."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", newline="", encoding="utf-8")


def write_csv(out: IO, fieldnames: list[str], rows: list[dict]) -> None:
    """Write the header and the rows, every cell through `csv_cell`."""
    writer = csv.DictWriter(out, fieldnames=fieldnames)
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
