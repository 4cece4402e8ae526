"""Figures printed by the robustness tests, and gathered for docs/reliability.md.

`record("fuzz", inputs=10000, crashes=0)` prints one line and, when the environment variable
CONVENOR_FIGURES names a file, merges the figures into that JSON file under the given section.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest


def record(section: str, **figures) -> dict:
    """Print `figures` under `section` and merge them into $CONVENOR_FIGURES when it is set."""
    print(f"\nFIGURES {section}: " + ", ".join(f"{k}={v}" for k, v in figures.items()))
    target = os.environ.get("CONVENOR_FIGURES")
    if target:
        path = Path(target)
        data = json.loads(path.read_text()) if path.exists() and path.stat().st_size else {}
        data.setdefault(section, {}).update(figures)
        path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
    return figures


def skip_unless_the_module_ran_here(request, ran_here: set[str]) -> None:
    """Skip a module's figures test unless every other test of its module ran in this process.
    `make test`'s two workers (worksteal) may split a module: each worker then holds only its share
    of the counts, while each test has asserted its own outcome."""
    others = {item.nodeid for item in request.session.items
              if item.module is request.module and item.nodeid != request.node.nodeid}
    if not others <= ran_here:
        pytest.skip(f"this module's tests ran on several workers ({len(others & ran_here)} of {len(others)} here)")
