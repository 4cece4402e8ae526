"""`convenor check`: connect to both servers and say plainly what works and what does not."""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

from convenor.check_advice import advice, missing_secrets
from convenor.settings import Settings


def run_checks(settings: Settings, as_json: bool = False, send_test: bool = False,
               wait_seconds: float = 30.0) -> int:
    """Check the mailbox, the sending server and the store; print a report; 0 when all is well.

    With `send_test`, also send one message to a sub-address of the list (`list+check-…@`)
    and wait for it in the mailbox: the only way to know that replies will come back.
    """
    servers = {name: server for name, server, remote in (
        ("mailbox", settings.mailbox, settings.mailbox.kind == "imap"),
        ("sending", settings.sending, settings.sending.kind == "smtp")) if remote}
    missing = missing_secrets(servers)
    report = {}
    if missing:  # every missing password at once, before anything tries to log in
        report["passwords"] = {"ok": False, "missing": missing}
    report.update({"mailbox": _check_mailbox(settings), "sending": _check_sending(settings),
                   "store": _check_store(settings), "trust": _check_trust(settings)})
    undelivered = _undelivered_to_only_coordinator(settings)
    if undelivered:
        report["coordinators"] = {
            "ok": False, "undelivered_to_only_coordinator": undelivered,
            "advice": "messages to the only coordinator failed for good and nobody else could be told: "
                      "fix the address (`convenor members set`) or add a coordinator, then see `convenor status`"}
    if send_test:
        report["subaddressing"] = _check_subaddressing(settings, wait_seconds)
    ok = all(part.get("ok") for part in report.values())
    if as_json:
        print(json.dumps(report, indent=2, sort_keys=True, default=str))
    else:
        for name, part in report.items():
            print(f"{name}: {'OK' if part.get('ok') else 'FAILED'}")
            for key, value in part.items():
                if key != "ok":
                    print_value(key, value)
    return 0 if ok else 1


def print_value(key: str, value, indent: str = "  ") -> None:
    """One line of the report for a person: a list one item a line, a nested part indented,
    nothing said as "(none)" rather than a Python value."""
    if isinstance(value, dict):
        print(f"{indent}{key}:")
        for k, v in value.items():
            print_value(k, v, indent + "  ")
    elif isinstance(value, (list, tuple)):
        print(f"{indent}{key}:" + ("" if value else " (none)"))
        for item in value:
            print(f"{indent}  - {', '.join(f'{k}: {v}' for k, v in item.items()) if isinstance(item, dict) else item}")
    else:
        print(f"{indent}{key}: {'(none)' if value is None else 'yes' if value is True else 'no' if value is False else value}")


def _warnings(server) -> list[str]:
    return ["insecure = true: plaintext to a non-loopback host is allowed; members' mail may cross "
            "the network unencrypted"] if server.insecure else []


def _folders_note(missing: list[str]) -> str:
    return (f"{' and '.join(missing)} will be created by `convenor run`" if missing
            else "the processed and quarantine folders exist")


def _check_mailbox(settings: Settings) -> dict:
    m = settings.mailbox
    if m.kind == "maildir":
        path = Path(m.path)
        writable = os.access(path if path.exists() else path.parent, os.W_OK)
        missing = [name for name in ("Processed", "Quarantine") if not (path / f".{name}").is_dir()]
        return {"ok": writable, "kind": "maildir", "path": str(path),
                "folders": {"inbox": str(path / "new"), "processed": str(path / ".Processed"),
                            "quarantine": str(path / ".Quarantine")},
                "folders_note": _folders_note(missing)}
    from convenor.wiring import mailbox_from
    try:
        box = mailbox_from(settings)
        try:
            probe = box.probe()
        finally:
            box.close()
    except Exception as exc:  # noqa: BLE001 - a check reports every failure in words
        port = m.port or (993 if m.security == "ssl" else 143)
        return {"ok": False, "kind": "imap", "host": m.host, "error": advice(exc, "mailbox", m, port)}
    missing = probe.get("folders_missing") or []
    probe.update({"ok": True, "kind": "imap", "host": m.host, "warnings": _warnings(m),
                  "subaddressing": "not tested by IMAP alone: run `convenor check --send-test`",
                  "folders_note": _folders_note(missing)})
    return probe


def _check_trust(settings: Settings) -> dict:
    """Which server's Authentication-Results Convenor believes; a warning when none is set."""
    trusted = settings.trust.authserv_id
    if trusted:
        return {"ok": True, "authserv_id": trusted, "confirm": settings.trust.confirm}
    where = ("the local MTA that delivers into the Maildir" if settings.mailbox.kind == "maildir"
             else "the server that receives the list's mail")
    return {"ok": True, "authserv_id": None, "confirm": settings.trust.confirm, "warnings": [
        f"no server is trusted (trust.authserv_id): Convenor checks DKIM signatures itself, and a "
        f"coordinator's item or a membership change without an aligned signature is held until its sender "
        f"confirms it. Trust {where}: `convenor check --send-test` names its authserv-id."]}


def _stamp_report(settings: Settings, raw: bytes) -> dict:
    """What the receiving server wrote in the test message's Authentication-Results."""
    from mailer import addresses
    from mailer.authentication import describe_stamp

    domain = addresses.split_list_address(settings.network.list_address)[1]
    stamp = describe_stamp(raw, domain)
    found = stamp.get("authserv_id")
    if not found:
        stamp["advice"] = ("the receiving server wrote no Authentication-Results header: nothing to trust; "
                           "Convenor will check DKIM signatures itself")
    elif found == (settings.trust.authserv_id or "").lower():
        stamp["advice"] = f"trust.authserv_id is set to {found}: good"
    else:
        stamp["advice"] = f'set in the settings file: [trust] authserv_id = "{found}"'
    return stamp


def _check_subaddressing(settings: Settings, wait_seconds: float) -> dict:
    """Send a message to `list+check-<random>@domain` and wait for it to reach the mailbox."""
    import secrets
    import time

    from convenor.wiring import mailbox_from, sender_from
    from mailer import addresses
    from mailer.compose import compose, new_message_id

    if settings.mailbox.kind == "maildir" or settings.sending.kind == "maildir":
        return {"ok": True, "result": "not applicable: a local Maildir receives no mail by SMTP"}
    list_address = settings.network.list_address
    tag = f"check-{secrets.token_hex(6)}"
    target = addresses.token_address(list_address, tag)
    message_id = new_message_id(addresses.split_list_address(list_address)[1])
    data = compose(list_address=list_address, network_name=settings.network.name, recipient=target,
                   subject="Convenor check: sub-addressing", message_id=message_id,
                   date=datetime.now(timezone.utc),
                   body_text="Sent by `convenor check --send-test`. Convenor ignores it and moves it "
                             "to the processed folder.\n")
    try:
        sender = sender_from(settings)
        try:
            sender.send(list_address, target, data)
        finally:
            sender.close()
        box = mailbox_from(settings)
        try:
            deadline = time.monotonic() + wait_seconds
            while time.monotonic() < deadline:
                arrived = [m for m in box.fetch_new() if message_id.encode() in m.raw]
                if arrived:
                    return {"ok": True, "result": f"works: a message to {target} reached the mailbox",
                            "authentication": _stamp_report(settings, arrived[0].raw)}
                box.wait_for_mail(min(2.0, max(0.0, deadline - time.monotonic())))
        finally:
            box.close()
    except Exception as exc:  # noqa: BLE001 - a check reports every failure in words
        return {"ok": False, "result": f"could not test: {type(exc).__name__}: {exc}"}
    return {"ok": False, "result": f"a message to {target} did not reach the mailbox within "
                                   f"{wait_seconds:.0f} s: replies to members' tokens would be lost. "
                                   "Turn on sub-addressing (\"plus addressing\") at your provider."}


def _check_sending(settings: Settings) -> dict:
    s = settings.sending
    if s.kind == "maildir":
        path = Path(s.path)
        return {"ok": os.access(path if path.exists() else path.parent, os.W_OK), "kind": "maildir",
                "path": str(path)}
    from convenor.wiring import sender_from, sending_port
    port = sending_port(settings)
    try:
        result = sender_from(settings).probe()
    except Exception as exc:  # noqa: BLE001 - a check reports every failure in words
        return {"ok": False, "kind": "smtp", "host": s.host, "port": port, "error": advice(exc, "sending", s, port)}
    result.update({"ok": True, "kind": "smtp", "host": s.host, "port": port, "warnings": _warnings(s)})
    _remember_ehlo(settings, result["smtputf8"], result["size"])
    return result


def _remember_ehlo(settings: Settings, offered: bool, size: int | None) -> None:
    """Record what the server's EHLO said, as the daemon does at each connection: SMTPUTF8 (for
    adding members, `convenor.smtputf8`) and SIZE, the largest message it takes (a draft larger is
    refused before its fan-out). A store that cannot be opened is the store check's to report."""
    from datetime import datetime, timezone
    from convenor.wiring import store_from
    from store import sending as store_sending
    from store.db import transaction
    try:
        db = store_from(settings)
        with transaction(db):
            store_sending.record_smtputf8(db, offered, datetime.now(timezone.utc))
            store_sending.record_max_size(db, size)
        db.close()
    except Exception:  # noqa: BLE001 - see the store check
        pass


def _undelivered_to_only_coordinator(settings: Settings) -> list[dict]:
    """Messages that failed for good to the only coordinator (empty when the store cannot be read:
    the store check says why)."""
    from store import outbox
    from store.db import open_store
    try:
        db = open_store(settings.store.path)
    except Exception:  # noqa: BLE001 - reported by _check_store
        return []
    try:
        return [{"id": r["id"], "to": r["recipient"], "kind": r["kind"], "error": r["last_error"]}
                for r in outbox.undelivered_to_only_coordinator(db)]
    finally:
        db.close()


def _check_store(settings: Settings) -> dict:
    from store.db import open_store
    try:
        db = open_store(settings.store.path)
        mode = oct(os.stat(settings.store.path).st_mode & 0o777)
        db.close()
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "path": settings.store.path, "error": f"{type(exc).__name__}: {exc}"}
    return {"ok": mode == "0o600", "path": settings.store.path, "mode": mode}
