"""`SEND <name>` by email: a member receives the latest version of a document they may read —
a draft circulated to them (or that they wrote; coordinators: any draft not withdrawn), or
adopted minutes of a meeting they were invited to — or, when several match, the list of names.

A name is matched by reference ("Draft 4", "Brouillon 4", "4") or by words of the title,
accents and case aside.
"""
from __future__ import annotations

import re

from mailer.message import InboundMail
from store import drafts as store_drafts
from store import meetings as store_meetings
from store import members as store_members
from store import record as store_record
from workflows.reading.setting_lines import fold
from workflows.routing.context import Context

REFERENCE = re.compile(r"\[?\s*(?:draft|brouillon|document|#)?\s*#?\s*(\d{1,6})\s*\]?", re.IGNORECASE)
MAX_LISTED = 30


def _audience_ids(db, meeting: dict) -> set[int]:
    try:
        return {m["id"] for m in store_members.audience(db, meeting["audience"], meeting["subcommittee"])}
    except store_members.MembershipError:
        return set()


def readable(db, member: dict) -> list[dict]:
    """The documents this member may receive, newest first: {id, ref, title, version, kind, state}."""
    minutes = {r["draft_id"]: r for r in store_record.all_minutes(db)}
    out = []
    for draft in store_drafts.all_drafts(db):
        if draft["state"] == "withdrawn":
            continue
        row = minutes.get(draft["id"])
        if row is not None:
            allowed = member["coordinator"] or (
                row["state"] == "adopted"
                and member["id"] in _audience_ids(db, store_meetings.get_meeting(db, row["meeting_id"])))
        else:
            allowed = (member["coordinator"] or draft["author_id"] == member["id"]
                       or member["id"] in {r["id"] for r in store_drafts.recipients(db, draft["id"])})
        if allowed:
            out.append({"id": draft["id"], "ref": f"Draft {draft['id']}", "title": draft["title"],
                        "version": draft["version"], "kind": "minutes" if row else "draft",
                        "state": row["state"] if row else draft["state"]})
    return out


def matching(documents: list[dict], name: str) -> list[dict]:
    """The documents `name` designates: by reference when it is one, else by every word of it."""
    reference = REFERENCE.fullmatch(name.strip())
    if reference:
        return [d for d in documents if d["id"] == int(reference.group(1))]
    words = fold(name).split()
    return [d for d in documents if words and all(w in fold(d["title"]) for w in words)]


def send_command(ctx: Context, mail: InboundMail, member: dict, argument: str) -> str:
    """SEND <name>: the latest version of the one matching document, else the list of names."""
    documents = readable(ctx.db, member)
    name = (argument or "").strip()
    found = matching(documents, name) if name else []
    reply_to = mail.message_id or None
    if len(found) == 1:
        document = found[0]
        files = store_drafts.latest_attachments(ctx.db, document["id"])
        ctx.send(member, "record_document", document=document, files=files, attachments=files,
                 listed=[], more=0, matched=True, query=name[:200], in_reply_to=reply_to)
        return f"document sent (draft {document['id']}, version {document['version']})"
    listed = found if found else documents
    ctx.send(member, "record_document", document=None, files=[], listed=listed[:MAX_LISTED],
             more=max(0, len(listed) - MAX_LISTED), matched=bool(found), query=name[:200], in_reply_to=reply_to)
    return f"document list sent ({len(found)} matched)"
