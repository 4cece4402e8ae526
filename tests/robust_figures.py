"""Figures printed by the robustness tests, and gathered for docs/reliability.md.

`record("fuzz", inputs=10000, crashes=0)` prints one line and, when the environment variable
CONVENOR_FIGURES names a file, merges the figures into that JSON file under the given section.
"""
from __future__ import annotations

import json
import os
from pathlib import Path


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
