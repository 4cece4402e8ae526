"""Date polls beyond the dates: places polled beside them (or one place per date), the members a
date must suit, and each answer's "if need be" marks and places. Numbers only: no member's words."""
from __future__ import annotations

from sqlite_utils import Migrations

polls = Migrations("convenor-polls")


@polls()
def m001_places_required_if_need_be(db):
    db.executescript(
        """
        ALTER TABLE polls ADD COLUMN places TEXT NOT NULL DEFAULT '[]';           -- JSON labels, lettered A, B …
        ALTER TABLE polls ADD COLUMN candidate_places TEXT NOT NULL DEFAULT '[]'; -- JSON: each date's own place
        ALTER TABLE polls ADD COLUMN required TEXT NOT NULL DEFAULT '[]';         -- JSON member ids
        ALTER TABLE polls ADD COLUMN chosen_place INTEGER;                        -- 1-based into places
        ALTER TABLE availability ADD COLUMN if_need_be TEXT NOT NULL DEFAULT '[]'; -- JSON date numbers
        ALTER TABLE availability ADD COLUMN places TEXT;                           -- JSON numbers; NULL: any
        ALTER TABLE availability ADD COLUMN places_if_need_be TEXT NOT NULL DEFAULT '[]';
        """
    )
