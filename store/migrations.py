"""Every migration set the store applies, in order. Each set records itself in the database."""
from __future__ import annotations

from store.schema_core import core

MIGRATION_SETS = [core]
