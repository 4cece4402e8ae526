"""What the store's files hold, byte for byte, before and after `convenor purge` (for the
privacy tests: a word or address kept longer than the settings say is found in the database or
its write-ahead log even when no query shows it)."""
from __future__ import annotations

import os


def occurrences_in_store(net, needle: str, *, any_case: bool = False) -> int:
    """How many times `needle` appears in the store's database and WAL files (the network is
    closed first, so what it wrote is on disk)."""
    files = [net.settings.store.path, net.settings.store.path + "-wal"]
    net.close()
    total = 0
    for path in files:
        if os.path.exists(path):
            data = open(path, "rb").read()
            total += (data.lower() if any_case else data).count(needle.encode())
    return total


def purge(net, monkeypatch, days: int) -> None:
    """Type `convenor purge --days N` at the network's own time; it must succeed."""
    from convenor.cli import main as cli_main
    net.close()
    monkeypatch.setattr("convenor.cli_common.now", lambda: net.now)
    assert cli_main(["--config", str(net.config), "purge", "--days", str(days), "--yes"]) == 0
    net.close()
