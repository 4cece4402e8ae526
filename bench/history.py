"""Benchmark 9, ten years of history: what a busy network's store holds after ten years against a
new one, for the commands a coordinator types and for one member's reply.

Two stores with the same present (300 current members, one open vote with its ballots, one open
draft, the ten latest closed votes and drafts): a new one, and one grown over ten years (2,000
members over time, 50 meetings, 300 votes, 200 drafts, 1,000,000 outbox rows, 300,000 inbound
rows, their tokens, electorates, vote events, recipients, feedback and timers). The history is
written with SQL (recursive CTEs) in about a minute and kept under var/bench/ between runs
(rebuilt when the schema's migrations change); each run works on a copy.

Measured in this process as CPU time of the thread (the machine is shared: wall time measures
the neighbours), each operation alternately on both stores, median of ROUNDS × 3:
`convenor status`, `votes list` and `drafts list` (the command's whole work: settings, store
opened, queries, output), and one ballot reply taken in by `pipeline.ingest` (parse, route, vote
recorded, receipt queued, commit). Target: each ≤ 1.2× the new store's.
"""
from __future__ import annotations

import contextlib
import email.policy
import email.utils
import hashlib
import io
import json
import os
import shutil
import statistics
import time
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path

from bench.common import COORDINATOR, ROOT, ROUNDS, Row, ballot_reply, members, new_folder
from tests.mailstack import TEST_AUTHSERV_ID, stamp_authentication

CACHE = ROOT / "var" / "bench"
MEMBERS_NOW = 300
TEN_YEARS = {"former_members": 1_700, "meetings": 50, "votes": 300, "drafts": 200,
             "outbox": 1_000_000, "inbound": 300_000}
NEW = {"former_members": 0, "meetings": 2, "votes": 10, "drafts": 10, "outbox": 6_000, "inbound": 3_000}
GENERATOR_VERSION = 2


def run(profile: bool = False) -> Row:
    """Build (or reuse) both stores, measure each operation on both, and return the table row."""
    started = time.perf_counter()
    grown_cache, built = _cached_store("ten-years", TEN_YEARS)
    new_cache, _ = _cached_store("new", NEW)
    nets = {name: _network(name, cache) for name, cache in (("new", new_cache), ("grown", grown_cache))}
    prepared = time.perf_counter() - started
    try:
        timings: dict[str, dict[str, list[float]]] = {op: {"new": [], "grown": []} for op in OPERATIONS}
        wall: dict[str, dict[str, list[float]]] = {op: {"new": [], "grown": []} for op in OPERATIONS}
        for _ in range(ROUNDS * 3):
            for op, work in OPERATIONS.items():
                for name in ("new", "grown") if len(timings[op]["new"]) % 2 else ("grown", "new"):
                    t0, w0 = time.thread_time(), time.perf_counter()  # CPU: what the work costs
                    work(nets[name])
                    timings[op][name].append(time.thread_time() - t0)
                    wall[op][name].append(time.perf_counter() - w0)
        sizes = {name: _sizes(net) for name, net in nets.items()}
    finally:
        for net in nets.values():
            net.close()
            shutil.rmtree(net.folder, ignore_errors=True)
    medians = {op: {side: statistics.median(v) for side, v in t.items()} for op, t in timings.items()}
    ratios = {op: m["grown"] / m["new"] for op, m in medians.items()}
    worst = max(ratios, key=ratios.get)
    figures = "; ".join(f"{op} {m['grown'] * 1000:.1f} ms CPU" for op, m in medians.items())
    raw = "; ".join(f"{op} {m['new'] * 1000:.1f} ms CPU" for op, m in medians.items())
    walls = {op: statistics.median(w["grown"]) / statistics.median(w["new"]) for op, w in wall.items()}
    note = ("ratios " + ", ".join(f"{op} {r:.2f}" for op, r in ratios.items())
            + " (of wall time, which the neighbours' load blurs: "
            + ", ".join(f"{op} {r:.2f}" for op, r in walls.items()) + ")"
            + f" (worst: {worst}); grown store {sizes['grown']}; new store {sizes['new']}; "
            + f"stores {'built' if built else 'reused from var/bench/'} and copied in {prepared:.0f} s")
    return Row("9. ten years of history: status, votes list, drafts list, one reply", f"ten years: {figures}",
               f"new store: {raw}", ratios[worst], "each ≤ 1.2× a new store", ratios[worst] <= 1.2, note)


# --- the operations ---------------------------------------------------------------------------------

def _command(*args):
    def work(net) -> None:
        from convenor.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["--config", str(net.config), *args]) == 0
    return work


def _one_reply(net) -> None:
    from convenor.pipeline import ingest
    ballot = net.ballots[net.replies % len(net.ballots)]
    net.replies += 1
    raw = ballot_reply(ballot, answer=("YES", "No", "abstain")[net.replies % 3], when=net.now)
    result = ingest(net.db, net.rules, f"bench:{net.replies}:{time.time_ns()}", raw, net.now, net.authenticator)
    assert result.state == "handled", result


OPERATIONS = {"status": _command("status"), "votes list": _command("votes", "list"),
              "drafts list": _command("drafts", "list"), "one reply": _one_reply}


# --- the two networks -------------------------------------------------------------------------------

class _Net:
    """A copy of a cached store with its settings, an open vote's ballots and a clock."""

    def __init__(self, folder: Path, cache: Path):
        from convenor import settings as settings_mod
        from convenor.wiring import authenticator_from, rules_from
        from store.db import open_store
        self.folder = folder
        shutil.copyfile(cache, folder / "convenor.db")
        os.chmod(folder / "convenor.db", 0o600)
        self.config = folder / "convenor.toml"
        self.config.write_text('[network]\nname = "Bench Network"\nlist_address = "network@example.org"\n\n'
                               '[store]\npath = "convenor.db"\n\n[mailbox]\nkind = "maildir"\npath = "mailbox"\n\n'
                               '[sending]\nkind = "maildir"\npath = "outbox"\n\n[logging]\nlevel = "WARNING"\n\n'
                               f'[trust]\nauthserv_id = "{TEST_AUTHSERV_ID}"\n')
        self.settings = settings_mod.load(self.config)
        self.rules = rules_from(self.settings)
        self.authenticator = authenticator_from(self.settings)
        self.db = open_store(self.settings.store.path)
        self.now = datetime.now(timezone.utc).replace(microsecond=0)
        self.ballots = [dict(r) for r in self.db.query(
            "SELECT recipient, reply_token, message_id, subject, body_text FROM outbox "
            "WHERE kind = 'vote_ballot' AND state = 'queued' ORDER BY id")]
        self.replies = 0

    def close(self) -> None:
        self.db.close()


def _network(name: str, cache: Path) -> _Net:
    return _Net(new_folder(f"history-{name}"), cache)


def _sizes(net: _Net) -> str:
    counts = {t: net.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("members", "votes", "drafts", "meetings", "outbox", "inbound")}
    size = os.path.getsize(net.settings.store.path) / 1024 / 1024
    return ", ".join(f"{n:,} {t}" for t, n in counts.items()) + f" ({size:,.0f} MB)"


# --- building a store with SQL ----------------------------------------------------------------------

def _schema_key() -> str:
    """Changes when the migrations (or this generator) change: the cache is then rebuilt."""
    from store.migrations import MIGRATION_SETS
    names = [f"{m.name}:{fn.name}" for m in MIGRATION_SETS for fn in m._migrations]
    return hashlib.sha256(json.dumps([GENERATOR_VERSION, names]).encode()).hexdigest()[:12]


def _cached_store(name: str, scale: dict) -> tuple[Path, bool]:
    """The cached store of this scale (built now if missing); (path, whether it was built)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    os.chmod(CACHE, 0o700)
    path = CACHE / f"history-{name}-{_schema_key()}.db"
    if path.exists():
        return path, False
    for old in CACHE.glob(f"history-{name}-*.db*"):
        old.unlink()
    partial = path.with_suffix(".partial")
    if partial.exists():
        partial.unlink()
    _build(partial, scale)
    partial.rename(path)
    return path, True


def _build(path: Path, scale: dict) -> None:
    """The present (members, one open vote and draft) by Convenor's own code, the past by SQL."""
    from store import members as store_members
    from store.db import open_store, transaction
    db = open_store(path)
    db.conn.execute("PRAGMA synchronous=OFF")
    now = datetime.now(timezone.utc).replace(microsecond=0)
    with transaction(db):
        for name, addr, role, coordinator, lang, subs in members(MEMBERS_NOW - 1):
            store_members.add(db, email=addr, name=name, role=role, coordinator=coordinator,
                              language=lang, subcommittees=subs, now=now)
    with db.conn:
        _history(db.conn, scale, now - timedelta(days=3650 if scale["votes"] > 50 else 90))
    db.close()
    _present(path)


def _present(path: Path) -> None:
    """An open vote (its ballots queued) and an open draft, by email, as a coordinator opens them."""
    from convenor.pipeline import ingest
    now = datetime.now(timezone.utc).replace(microsecond=0)
    folder = new_folder("history-build")
    try:
        net = _Net(folder, path)
        for subject, body in (("[Vote] Adopt the revised terms of reference",
                               "Closes: in 7 days\n\nThat the network adopts the revised terms of reference.\n"),
                              ("[Draft] Annual report", "Deadline: in 14 days\n\nPlease read the report.\n")):
            raw = stamp_authentication(_coordinator_message(subject, body), "pass")  # DKIM passed at the MX
            result = ingest(net.db, net.rules, f"bench-present:{subject}", raw, now, net.authenticator)
            assert result.state == "handled", result
        net.db.execute("UPDATE outbox SET state = 'sent', sent_at = next_try_at "
                       "WHERE state = 'queued' AND kind != 'vote_ballot'")
        net.db.conn.commit()
        net.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        net.close()
        shutil.copyfile(folder / "convenor.db", path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _coordinator_message(subject: str, body: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Carla Coordinator <{COORDINATOR}>"
    msg["To"] = "network@example.org"
    msg["Subject"] = subject
    msg["Date"] = email.utils.format_datetime(datetime.now(timezone.utc))
    msg["Message-ID"] = email.utils.make_msgid(domain="client.example.net")
    msg.set_content(body)
    return msg.as_bytes(policy=email.policy.SMTP)


def _history(con: sqlite3.Connection, s: dict, past: datetime) -> None:
    """Ten years (or a few months) of a network's past, written with SQL only."""
    t0 = past.strftime("%Y-%m-%d %H:%M:%S")  # store.times writes this form

    def ts(expr: str) -> str:  # a timestamp `expr` minutes after the start of the history
        return f"strftime('%Y-%m-%d %H:%M:%S', '{t0}', '+' || ({expr}) || ' minutes')"

    span = 3650 * 24 * 60 if s["votes"] > 50 else 90 * 24 * 60
    members_total = s["former_members"] + MEMBERS_NOW
    former = s["former_members"]

    def member(expr: str) -> str:  # a member id picked by `expr`: former members, else current ones
        return f"100000 + ({expr}) % {former} + 1" if former else f"({expr}) % {MEMBERS_NOW} + 1"

    seq = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {})"
    con.execute(f"""INSERT INTO members (id, email, name, role, coordinator, language, active, created_at)
        {seq.format(s['former_members'])}
        SELECT 100000 + i, 'former' || i || '@example.org', 'Former Member ' || i,
               CASE WHEN i % 3 THEN 'core' ELSE 'associate' END, 0, CASE WHEN i % 10 THEN 'en' ELSE 'fr' END,
               0, {ts(f'i * {span // max(1, members_total)}')} FROM n WHERE {s['former_members']} > 0""")
    electorate = 250
    con.execute(f"""INSERT INTO votes (id, title, motion, options, electorate, quorum_percent, pass_rule,
                   secret, opened_by, opened_at, closes_at, closed_at, closed_how, state, result)
        {seq.format(s['votes'])}
        SELECT 1000 + i, 'Motion ' || i, 'That the network decides matter ' || i || '.',
               '["Yes", "No", "Abstain"]', 'core', 50, 'majority', i % 7 = 0, NULL,
               {ts(f'i * {span // s["votes"]}')}, {ts(f'i * {span // s["votes"]} + 10080')},
               {ts(f'i * {span // s["votes"]} + 10080')}, 'deadline', 'closed',
               '{{"outcome": "passed", "tallies": [120, 60, 20]}}' FROM n""")
    con.execute(f"""INSERT INTO vote_electorate (vote_id, member_id, ballot_token)
        {seq.format(s['votes'] * electorate)}
        SELECT 1000 + (i - 1) / {electorate} + 1, {member('i * 7')},
               'vt' || i FROM n""")
    con.execute(f"""INSERT OR IGNORE INTO vote_choices (vote_id, member_id, choice, voted_at)
        SELECT vote_id, member_id, abs(random()) % 3, '{t0}' FROM vote_electorate WHERE rowid % 5 != 0""")
    con.execute("""INSERT INTO vote_events (vote_id, member_id, received_at, message_id, kind, choice)
        SELECT vote_id, member_id, voted_at, '<ve' || rowid || '@client.example.net>', 'vote', choice
        FROM vote_choices""")
    con.execute(f"""INSERT INTO drafts (id, title, author_id, intro, audience_kind, deadline_at, state, version,
                   created_at, closed_at)
        {seq.format(s['drafts'])}
        SELECT 1000 + i, 'Draft document ' || i, 1, '', 'all',
               {ts(f'i * {span // s["drafts"]} + 20160')}, 'closed', 1 + i % 3,
               {ts(f'i * {span // s["drafts"]}')}, {ts(f'i * {span // s["drafts"]} + 20160')} FROM n""")
    con.execute("""INSERT INTO draft_versions (draft_id, version, created_at) SELECT id, 1, created_at FROM drafts""")
    con.execute(f"""INSERT OR IGNORE INTO draft_recipients (draft_id, member_id, sent_at)
        {seq.format(s['drafts'] * electorate)}
        SELECT 1000 + (i - 1) / {electorate} + 1, {member('i * 11')}, '{t0}'
        FROM n""")
    con.execute("""INSERT INTO feedback (draft_id, member_id, received_at, body, version)
        SELECT draft_id, member_id, sent_at, 'Some comments on the draft, a few lines long.', 1
        FROM draft_recipients WHERE rowid % 3 = 0""")
    con.execute(f"""INSERT INTO meetings (id, title, audience, starts_at, duration_minutes, timezone, state, uid,
                   created_at, announced_at)
        {seq.format(s['meetings'])}
        SELECT 1000 + i, 'Network meeting ' || i, 'all', {ts(f'i * {span // s["meetings"]}')}, 90,
               'America/Toronto', 'announced', 'uid-' || i || '@example.org',
               {ts(f'i * {span // s["meetings"]} - 20160')}, {ts(f'i * {span // s["meetings"]} - 10080')} FROM n""")
    con.execute(f"""INSERT INTO polls (meeting_id, candidates, opened_at, closes_at, state, chosen)
        SELECT id, '[]', created_at, announced_at, 'closed', 0 FROM meetings WHERE id > 1000""")
    con.execute(f"""INSERT INTO agenda_items (meeting_id, member_id, text, created_at)
        SELECT m.id, {member('m.id')}, 'An item for the agenda', m.created_at
        FROM meetings m, (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) WHERE m.id > 1000""")
    kinds = "'vote_ballot', 'vote_receipt', 'draft_circulation', 'draft_reminder', 'meeting_announcement', " \
            "'help', 'vote_result', 'draft_digest'"
    per = span // s["outbox"] or 1
    con.execute(f"""INSERT INTO outbox (created_at, member_id, recipient, kind, subject, body_text, headers,
                   attachments, reply_token, bounce_token, message_id, state, attempts, next_try_at, sent_at)
        {seq.format(s['outbox'])}
        SELECT {ts(f'i * {per} / 60')}, NULL, 'former' || (i % 1700 + 1) || '@example.org',
               json_extract('[{kinds.replace("'", '"')}]', '$[' || (i % 8) || ']'),
               'Subject of message ' || i, 'The body of an old message, as sent to one member. ' ||
               'It said what it had to say in a few sentences and was sent years ago.', '{{}}', '[]',
               CASE WHEN i % 2 THEN 'ot' || i END, 'ob' || i, '<om' || i || '@example.org>',
               CASE WHEN i % 997 THEN 'sent' ELSE 'failed' END, 1,
               {ts(f'i * {per} / 60')}, {ts(f'i * {per} / 60')} FROM n""")
    con.execute(f"""INSERT INTO tokens (token, member_id, kind, item_id, created_at)
        SELECT reply_token, {member('id')}, 'vote', 1000 + id % {s['votes']} + 1,
               created_at FROM outbox WHERE reply_token IS NOT NULL""")
    per = span // s["inbound"] or 1
    con.execute(f"""INSERT INTO inbound (mailbox_key, sha256, message_id, from_addr, received_at, state, handler, error)
        {seq.format(s['inbound'])}
        SELECT 'imap:1:' || i, printf('%064d', i), '<in' || i || '@client.example.net>',
               'former' || (i % 1700 + 1) || '@example.org', {ts(f'i * {per} / 60')},
               CASE WHEN i % 1499 THEN 'handled' ELSE 'quarantined' END, 'vote_reply',
               CASE WHEN i % 1499 THEN NULL ELSE 'ValueError: broken' END FROM n""")
    con.execute(f"""INSERT INTO timers (due_at, kind, item_id, done_at, outcome)
        SELECT closes_at, 'vote_close', id, closes_at, 'closed' FROM votes""")
    con.execute(f"""INSERT INTO timers (due_at, kind, item_id, done_at, outcome)
        SELECT deadline_at, 'draft_deadline', id, deadline_at, 'digest sent' FROM drafts""")


if __name__ == "__main__":
    from bench.common import table
    print(table([run()]))
