"""Two processes opening the same old store at the same instant (the daemon starting while a
command runs, two commands): each must find the store upgraded, none fail. The trust migrations
m004/m005 were not idempotent: the second process, having read them as pending before the first
applied them, failed on the column the first had just added ("duplicate column name: facts") and
rolled back. Now the migrations run under the store's write lock, and what is recorded is read
again under it."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import sqlite_utils

from store.migrations import MIGRATION_SETS

OPEN = ("import sys; from store.db import open_store; print('opening', flush=True); "
        "db = open_store(sys.argv[1]); print('opened', flush=True)")


def old_store(path: Path) -> None:
    """A store last opened before the trust migrations m004 and m005 (WAL, as Convenor leaves it)."""
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA journal_mode=WAL")
    for migrations in MIGRATION_SETS:
        migrations.apply(db, stop_before="m004_inbound_facts")
    assert "facts" not in db["inbound"].columns_dict
    db.close()


def test_two_processes_opening_an_old_store_at_once_both_find_it_upgraded(tmp_path):
    path = tmp_path / "convenor.db"
    old_store(path)
    # a third connection holds the write lock while both processes start and read what is pending;
    # let go, they race for it
    holder = sqlite_utils.Database(path)
    holder.conn.execute("BEGIN IMMEDIATE")
    root = Path(__file__).resolve().parent.parent
    procs = [subprocess.Popen([sys.executable, "-c", OPEN, str(path)], cwd=root, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    try:
        for proc in procs:
            assert proc.stdout.readline().strip() == "opening"
        time.sleep(1.0)  # both are past their first reads, waiting for the lock
    finally:
        holder.conn.execute("ROLLBACK")
        holder.close()
    results = [proc.communicate(timeout=120) for proc in procs]
    for proc, (out, err) in zip(procs, results):
        assert proc.returncode == 0, err[-2000:]
        assert out.strip() == "opened"
    db = sqlite_utils.Database(path)
    assert "facts" in db["inbound"].columns_dict
    names = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'convenor-trust'")]
    assert names.count("m004_inbound_facts") == 1 and names.count("m005_answered_held") == 1


def test_two_connections_in_one_process_the_second_finds_nothing_to_apply(tmp_path):
    """One process, two connections, one after the other on an old store: the second applies nothing
    and fails nothing (the check under the lock)."""
    from store.db import open_store
    path = tmp_path / "convenor.db"
    old_store(path)
    first = open_store(path)
    second = open_store(path)
    assert "facts" in second["inbound"].columns_dict
    first.close()
    second.close()


def test_a_new_store_built_in_one_transaction_has_the_same_schema_as_migration_by_migration(tmp_path):
    """The migrations' scripts run statement by statement inside the lock's transaction: the schema
    they build is the one they built each on its own."""
    from store.db import open_store
    built = open_store(tmp_path / "a.db")
    plain = sqlite_utils.Database(tmp_path / "b.db")
    plain.execute("PRAGMA foreign_keys=ON")
    for migrations in MIGRATION_SETS:
        migrations.apply(plain)
    schema = "SELECT type, name, sql FROM sqlite_master WHERE name != 'sqlite_sequence' ORDER BY type, name"
    assert list(built.execute(schema)) == list(plain.execute(schema))
