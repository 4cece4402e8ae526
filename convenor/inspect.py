"""`convenor inspect FILE.eml`: how Convenor reads one message, without changing anything.

Works without a running daemon. Without a settings file or a store it still reads the message
(sender, flags, new text, attachments); with `--options` it reads any message as a ballot reply,
with `--dates N` (and `--places "A;B"`) as a reply to a date poll. A file with no header lines at
all (a member's text pasted into a file) is read as the text/plain body of a message and the
reading says so (`read_as`: "bare body"); the daemon still sets such a message aside.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from convenor import cli_common as common
from mailer.parse import MalformedMessage, parse_message
from store import members as store_members
from store import tokens as store_tokens
from workflows.routing import table

JSON_KEYS = ("read_as", "from", "from_name", "subject", "message_id", "is_member", "member", "token", "item",
             "auto_reply", "auto_reply_reason", "bounce", "list_traffic", "from_self", "dmarc_fail",
             "auth", "new_text", "forwarded_text", "unread_text", "attachments", "defects", "vote", "vote_reason",
             "poll", "poll_reason", "route")


def inspect_file(args) -> int:
    """Print the reading of the message in `args.file` (JSON with `args.json`); 1 if unreadable."""
    raw = sys.stdin.buffer.read() if args.file == "-" else _read(args.file)
    if not raw or raw.isspace():
        return _refuse(args.file, "empty file" if not raw else "nothing but blank lines")
    settings = None
    config = args.config or os.environ.get("CONVENOR_CONFIG") or "convenor.toml"
    if Path(config).exists():
        settings = common.load_settings(args)
    list_address = settings.network.list_address if settings else "network@example.org"
    read_as = "message"
    try:
        mail = parse_message(raw, list_address, auth=_authenticate(settings, raw))
    except MalformedMessage as exc:  # no header line at all: a member's text alone, unless it is no text
        if _binary(raw):
            return _refuse(args.file, "no header line, and binary data rather than text")
        raw, read_as = bare_body_message(raw), "bare body"
        try:
            mail = parse_message(raw, list_address, auth=_authenticate(settings, raw))
        except MalformedMessage:
            return _refuse(args.file, str(exc))
    db = None
    if settings and Path(settings.store.path).exists():
        from convenor.wiring import store_from
        db = store_from(settings)
    report = {"read_as": read_as, **reading(mail, db, options=_options(args.options), poll=_poll_shape(args))}
    if db is not None:
        report["route"] = _dry_route(db, settings, raw, mail)
    if args.json:
        common.print_json(report)
    else:
        _print(report)
    return 0


EXPECTED = ("an email message (header lines such as \"From: …\", a blank line, the body) "
            "or a member's text alone (read as a message's body)")
# control bytes no text holds (tab, line ends, form feed and ESC, which ISO-2022-JP writes, excepted)
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01  # of the first 64 KB: more, and the bytes are no text


def _binary(raw: bytes) -> bool:
    """True when `raw` is no text: a NUL byte, or more than 1% control bytes, in its first 64 KB."""
    head = raw[:65_536]
    return b"\x00" in head or len(_CONTROL.findall(head)) > MAX_CONTROL_SHARE * len(head)


def _refuse(name: str, why: str) -> int:
    """Say that the file cannot be read, why, and what was expected; the exit status 1."""
    print(f"convenor: {name} is not a readable email message: {why}; expected {EXPECTED}", file=sys.stderr)
    return 1


def bare_body_message(text: bytes) -> bytes:
    """A text/plain message whose body is `text` as it is (no header of its own: a member's reply
    pasted into a file), its charset left for the reader to tell, its line ends those of `text`."""
    eol = b"\r\n" if b"\r\n" in text[:65_536] else b"\n"
    return eol.join((b"MIME-Version: 1.0", b"Content-Type: text/plain", b"Content-Transfer-Encoding: 8bit", b"",
                     text))


def _authenticate(settings, raw: bytes):
    """The authentication verdict of `raw`, as the daemon's settings have it checked (none: the
    Authentication-Results headers alone)."""
    if settings is not None:
        from convenor.wiring import authenticator_from
        return authenticator_from(settings)(raw)
    from mailer.authentication import authenticate
    return authenticate(raw)


def reading(mail, db=None, options: list[str] | None = None, poll: tuple[int, list[str]] | None = None) -> dict:
    """The plain-value reading of a parsed message (the keys of `inspect --json`). A reply to a
    ballot is read as the daemon reads it against the vote's options (or `options`); a reply to a
    date poll against the poll's dates and places (or `poll`: how many dates, the places)."""
    member = store_members.get_by_email(db, mail.from_addr) if db is not None and mail.from_addr else None
    token_row, item = None, None
    if db is not None:
        for tok in mail.tokens:
            token_row = store_tokens.resolve(db, tok)
            if token_row:
                break
    if token_row:
        describe = table.ITEM_DESCRIBERS.get(token_row["kind"])
        item = describe(db, token_row["item_id"]) if describe else {"kind": token_row["kind"], "id": token_row["item_id"]}
    vote, vote_reason = None, None
    ballot_options = options or (item or {}).get("options") if (options or (item or {}).get("kind") == "vote") else None
    if ballot_options:
        from workflows.reading.choices import read_vote
        from workflows.votes.replies import written_inside_the_ballot
        result = read_vote(mail.new_text, ballot_options, mail.text, title=(item or {}).get("title") or "",
                           subject=mail.subject or "")
        inside = written_inside_the_ballot(db, mail, token_row["token"]) if result.choice is None and token_row else ""
        if inside:  # as the daemon reads it: a vote typed inside the ballot quoted below a separator
            result = read_vote(f"{mail.new_text}\n\n{inside}".strip(), ballot_options, mail.text,
                               title=(item or {}).get("title") or "", subject=mail.subject or "")
        vote = ballot_options[result.choice] if result.choice is not None else None
        vote_reason = result.reason
    answer, answer_reason = _poll_reading(mail, db, item, poll)
    return {
        "from": mail.from_addr, "from_name": mail.from_name, "subject": mail.subject,
        "message_id": mail.message_id,
        "is_member": bool(member and member["active"]) if db is not None else None,
        "member": {"name": member["name"], "role": member["role"], "coordinator": bool(member["coordinator"])}
        if member else None,
        "token": mail.tokens[0] if mail.tokens else None,
        "item": item,
        "auto_reply": mail.auto_reply, "auto_reply_reason": mail.auto_reply_reason or None,
        "bounce": {"addresses": list(mail.bounce.addresses), "permanent": mail.bounce.permanent,
                   "forwarded_from": dict(mail.bounce.forwarded_from)}
        if mail.bounce else None,
        "feedback": {"type": mail.feedback.feedback_type, "addresses": list(mail.feedback.addresses)}
        if mail.feedback else None,
        "list_traffic": mail.list_traffic, "from_self": mail.from_self, "dmarc_fail": mail.dmarc_fail,
        "auth": mail.auth.as_dict(),
        "new_text": mail.new_text, "forwarded_text": mail.forwarded_text, "unread_text": mail.unread_text,
        "attachments": [{"filename": a.filename, "content_type": a.content_type, "size": a.size,
                         "sha256": a.sha256} for a in mail.attachments],
        "defects": mail.defects, "vote": vote, "vote_reason": vote_reason, "poll": answer,
        "poll_reason": answer_reason, "route": None,
    }


def _poll_reading(mail, db, item: dict | None, shape: tuple[int, list[str]] | None) -> tuple[dict | None, str | None]:
    """How the daemon reads the message as an answer to a date poll: (`dates`, `if_need_be`,
    `places` (letters; null: none named, every place suits), `places_if_need_be`) and the
    reader's reason; (None, reason) when nothing would be recorded; (None, None) when the message
    is no reply to a poll and `shape` does not ask for one."""
    from workflows.reading.poll_answers import letter, read_poll_answer

    if shape is None and (item or {}).get("kind") == "poll" and db is not None:
        from store import meetings as store_meetings
        from store import poll_options

        poll = store_meetings.get_poll(db, item["id"])
        if poll is not None:
            shape = (len(poll["candidates"]), poll_options.options(db, poll["id"]).places)
    if shape is None:
        return None, None
    result = read_poll_answer(mail.new_text or "", shape[0], shape[1])
    if result.ambiguous:
        return None, result.reason
    return {"dates": sorted(result.dates), "if_need_be": sorted(result.dates_if_need_be),
            "places": None if result.places is None else [letter(n) for n in sorted(result.places)],
            "places_if_need_be": [letter(n) for n in sorted(result.places_if_need_be)]}, result.reason


def _poll_shape(args) -> tuple[int, list[str]] | None:
    """(dates, places) from `--dates N --places "A;B"`, or None."""
    dates = getattr(args, "dates", None)
    if dates is None:
        if getattr(args, "places", None):
            raise common.UsageError("--places goes with --dates N (how many dates the poll offers)")
        return None
    if not 1 <= dates <= 20:
        raise common.UsageError(f"--dates: a poll offers 1 to 20 dates, not {dates}")
    places = _options(getattr(args, "places", None)) or []
    if len(places) > 8:
        raise common.UsageError("--places: a poll offers at most 8 places (A to H)")
    return dates, places


def _dry_route(db, settings, raw, mail) -> str:
    """The rule that would take the message and why ("rule: reason"); the router's checks are
    pure, so no action runs and nothing is written."""
    from datetime import datetime, timezone

    from convenor.wiring import rules_from
    from workflows.routing.context import Context
    from workflows.routing.router import decide

    match = decide(Context(db, rules_from(settings), datetime.now(timezone.utc), raw=raw, auth=mail.auth), mail)
    return f"{match.rule}: {match.reason}"


def _options(text: str | None) -> list[str] | None:
    if not text:
        return None
    sep = ";" if ";" in text else ","
    return [o.strip() for o in text.split(sep) if o.strip()]


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise common.UsageError(f"cannot read {path}: {exc.strerror}") from None


def _print(report: dict) -> None:
    for key in JSON_KEYS:
        value = report.get(key)
        if key == "read_as":
            if value == "bare body":
                print("read as: a bare body with no headers (the file has no header line: its text is read as "
                      "the text/plain body of a message)")
        elif key == "new_text" or (key in ("forwarded_text", "unread_text") and value):
            print(f"{key}:")
            for line in (value or "(empty)").splitlines():
                print(f"  | {line}")
        elif key == "attachments":
            print(f"attachments: {', '.join(a['filename'] + ' (' + str(a['size']) + ' bytes)' for a in value) or 'none'}")
        elif key == "poll" and value:
            said = ", ".join(f"{n} (if need be)" if n in value["if_need_be"] else str(n) for n in value["dates"])
            places = "any" if value["places"] is None else ", ".join(
                f"{p} (if need be)" if p in value["places_if_need_be"] else p for p in value["places"]) or "none"
            print(f"poll: dates {said or 'none'}; places {places}")
        elif key == "auth":
            print(f"auth: {value['status']} ({value['reason']})")
        elif value not in (None, [], ""):
            print(f"{key}: {value}")
