"""How a path written in the settings file is read (shared by the settings and `deliver`'s fast path)."""
from __future__ import annotations

import os
from pathlib import Path


def resolve(value: str, base: Path) -> str:
    """`value` with `~` expanded, relative to `base` (the settings file's folder) unless absolute."""
    p = Path(value).expanduser()
    return os.path.normpath(p if p.is_absolute() else (base / p))
