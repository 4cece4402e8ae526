"""The tables of trust: messages held until their sender confirms them, and bounce reports."""
from __future__ import annotations

from sqlite_utils import Migrations

from store.sql import widen_state_check

trust = Migrations("convenor-trust")


@trust()
def m001_held(db):
    db.executescript(
        """
        CREATE TABLE held (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('item', 'membership')),
            action TEXT NOT NULL,              -- 'draft', 'vote', 'meeting', 'announce', 'JOIN', 'LEAVE' …
            member_id INTEGER NOT NULL REFERENCES members(id),
            from_addr TEXT NOT NULL,
            reason TEXT NOT NULL,              -- why it was held (the authentication verdict's reason)
            raw BLOB,                          -- the held message; blanked once confirmed, cancelled or expired
            received_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'held'
                CHECK (state IN ('held', 'confirmed', 'cancelled', 'expired')),
            decided_at TEXT
        );
        CREATE INDEX held_state ON held(state, expires_at);
        CREATE TABLE bounce_reports (
            id INTEGER PRIMARY KEY,
            received_at TEXT NOT NULL,
            member_id INTEGER REFERENCES members(id),  -- NULL: no bounce token mapped it to a message
            permanent INTEGER NOT NULL
        );
        """
    )


@trust()
def m002_tokens_shown(db):
    """Tokens the coordinators were shown (in a message forwarded or set aside): such a token acts
    only on verified mail, or once its owner confirms (see workflows.trust)."""
    db.executescript(
        """
        CREATE TABLE tokens_shown (
            token TEXT PRIMARY KEY REFERENCES tokens(token),
            shown_at TEXT NOT NULL
        );
        """
    )


@trust()
def m003_mail_stopped(db):
    """A member's complaint (a provider's feedback report) stops their mail until a coordinator
    resumes it: the day and the report's type, NULL while mail flows."""
    db.executescript("ALTER TABLE members ADD COLUMN mail_stopped TEXT;")


@trust()
def m004_inbound_facts(db):
    """What the coordinators' daily summary names of a message, kept beside its record as JSON
    (text-free: never a word its sender wrote), so that no summary reads it back out of a reason
    meant for people: for a message taken for an automatic reply, the kind of token reply it read
    as (`{"read": "vote"}`); for a reply on another member's secret ballot that no one could be
    told of, the ballot's reference and owner. The guesses recorded before carry their kind at
    the start of their reason ("taken: draft: …", "held: vote: …"): read here once, and never again."""
    db.execute("ALTER TABLE inbound ADD COLUMN facts TEXT")
    for kind in ("draft", "vote"):
        db.execute("UPDATE inbound SET facts = json_object('read', ?) WHERE handler = 'machine-guess' "
                   "AND (error LIKE ? OR error LIKE ?)", [kind, f"taken: {kind}: %", f"held: {kind}: %"])


@trust()
def m005_answered_held(db):
    """A message whose answer had its effect (a vote counted, an availability or feedback recorded)
    while the text beside it was held in Quarantine past the day's cap on passing texts on is
    recorded as such: state 'answered_held', never 'quarantined' (which says nothing was acted
    on). Only the CHECK constraint widens (`store.sql.widen_state_check`: no rebuild of years of
    history). Those recorded before as 'quarantined' with the cap's reason after an answer cannot
    be told from a text held with nothing acted on: they are left as they were."""
    widen_state_check(db, "inbound", ("handled", "quarantined"), "answered_held")


@trust()
def m006_answered_held_index(db):
    """The messages whose text waits in Quarantine beside an answer that counted are listed with
    the quarantined ones (`convenor status`): a partial index like `inbound_quarantined`'s, so
    the list reads the latest of each without walking years of history."""
    db.execute("CREATE INDEX IF NOT EXISTS inbound_answered_held ON inbound(id) WHERE state = 'answered_held'")
