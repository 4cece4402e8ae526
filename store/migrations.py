"""Every migration set the store applies, in order. Each set records itself in the database."""
from __future__ import annotations

from store.schema_core import core
from store.schema_drafts import drafts
from store.schema_meetings import meetings
from store.schema_polls import polls
from store.schema_privacy import privacy
from store.schema_sending import sending
from store.schema_trust import trust
from store.schema_votes import votes
from store.schema_record import record

MIGRATION_SETS = [core, drafts, meetings, votes, sending, trust, privacy, record, polls]
