"""`convenor check`: connect to both servers and say plainly what works and what does not."""
from __future__ import annotations

import json
import os
from pathlib import Path

from convenor.settings import Settings


def run_checks(settings: Settings, as_json: bool = False) -> int:
    """Check the mailbox, the sending server and the store; print a report; 0 when all is well."""
    report = {"mailbox": _check_mailbox(settings), "sending": _check_sending(settings),
              "store": _check_store(settings)}
    ok = all(part.get("ok") for part in report.values())
    if as_json:
        print(json.dumps(report, indent=2, sort_keys=True, default=str))
    else:
        for name, part in report.items():
            print(f"{name}: {'OK' if part.get('ok') else 'FAILED'}")
            for key, value in part.items():
                if key != "ok":
                    print(f"  {key}: {value}")
    return 0 if ok else 1


def _warnings(server) -> list[str]:
    return ["insecure = true: plaintext to a non-loopback host is allowed; members' mail may cross "
            "the network unencrypted"] if server.insecure else []


def _check_mailbox(settings: Settings) -> dict:
    m = settings.mailbox
    if m.kind == "maildir":
        path = Path(m.path)
        writable = os.access(path if path.exists() else path.parent, os.W_OK)
        return {"ok": writable, "kind": "maildir", "path": str(path),
                "folders": {"inbox": str(path / "new"), "processed": str(path / ".Processed"),
                            "quarantine": str(path / ".Quarantine")}}
    from convenor.wiring import mailbox_from
    try:
        box = mailbox_from(settings)
        try:
            probe = box.probe()
        finally:
            box.close()
    except Exception as exc:  # noqa: BLE001 - a check reports every failure in words
        return {"ok": False, "kind": "imap", "host": m.host, "error": f"{type(exc).__name__}: {exc}"}
    probe.update({"ok": True, "kind": "imap", "host": m.host, "warnings": _warnings(m),
                  "subaddressing": "IMAP cannot tell: send yourself a message to "
                  f"{settings.network.list_address.replace('@', '+test@')} and check it arrives"})
    return probe


def _check_sending(settings: Settings) -> dict:
    s = settings.sending
    if s.kind == "maildir":
        path = Path(s.path)
        return {"ok": os.access(path if path.exists() else path.parent, os.W_OK), "kind": "maildir",
                "path": str(path)}
    from mailer.smtp_probe import probe_smtp
    port = s.port or {"ssl": 465, "starttls": 587, "plain": 25}[s.security]
    try:
        result = probe_smtp(s.host, port, s.security, s.username, s.password(), s.ca_file, s.insecure, s.timeout)
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "kind": "smtp", "host": s.host, "port": port, "error": f"{type(exc).__name__}: {exc}"}
    result.update({"ok": True, "kind": "smtp", "host": s.host, "port": port, "warnings": _warnings(s)})
    return result


def _check_store(settings: Settings) -> dict:
    from store.db import open_store
    try:
        db = open_store(settings.store.path)
        mode = oct(os.stat(settings.store.path).st_mode & 0o777)
        db.close()
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "path": settings.store.path, "error": f"{type(exc).__name__}: {exc}"}
    return {"ok": mode == "0o600", "path": settings.store.path, "mode": mode}
