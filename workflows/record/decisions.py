"""Decisions: every closed vote is a decision with a number and a date, linked to the drafts its
title or motion names ("Draft 4", "Brouillon 4"). Recorded when the vote closes; votes closed
before the record existed are recorded at the next tick. `DECISIONS` by email answers with the
latest ten, or those of a year, or those whose title or motion holds every word asked for.

A decision keeps the motion, the rule, the tallies and the outcome: never who voted what (a
secret ballot's names are not in the vote's result either).
"""
from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from mailer.message import InboundMail
from store import drafts as store_drafts
from store import record as store_record
from store import votes as store_votes
from workflows.reading.setting_lines import fold
from workflows.routing.context import Context
from workflows.votes.tally import labels_for

DRAFT_REF = re.compile(r"\b(?:draft|brouillon|document|minutes|proc[eè]s-verbal)\s*#?\s*(\d{1,6})\b", re.IGNORECASE)
LATEST = 10
MAX_FOUND = 30


def documents_named(db, *texts: str) -> list[int]:
    """Ids of the existing drafts that `texts` name ("Draft 4", "[Brouillon 4]", "minutes 4")."""
    ids = {int(n) for text in texts for n in DRAFT_REF.findall(text or "")}
    return sorted(i for i in ids if store_drafts.get(db, i) is not None)


def record_decision(ctx: Context, vote_id: int) -> int | None:
    """Record the decision of a closed vote (once) and return its number; None if not closed."""
    vote = store_votes.get(ctx.db, vote_id)
    if vote is None or vote["state"] != "closed" or vote["result"] is None:
        return None
    result = {k: v for k, v in vote["result"].items() if k in (
        "tallies", "voted", "eligible", "turnout_percent", "quorum_percent", "quorum_met", "pass_rule",
        "yes_no", "winners", "outcome", "seats", "method", "abstentions", "quorum_base")}
    rule = {"pass_rule": vote["pass_rule"], "quorum_percent": vote["quorum_percent"],
            "electorate": vote["electorate"], "subcommittee": vote["subcommittee"], "secret": vote["secret"]}
    return store_record.add_decision(
        ctx.db, vote_id=vote_id, decided_at=vote["closed_at"], title=vote["title"], motion=vote["motion"],
        options=vote["options"], rule=rule, result=result,
        documents=documents_named(ctx.db, vote["title"], vote["motion"]))


def view(db, decision: dict, lang: str) -> dict:
    """A decision as messages, the CLI and the archive show it: labels in the reader's language,
    one row per option, the documents it concerned with their titles."""
    labels = labels_for(decision["options"], lang)
    result = decision["result"]
    docs = []
    for draft_id in decision["documents"]:
        draft = store_drafts.get(db, draft_id)
        if draft is not None:
            docs.append({"id": draft_id, "ref": f"{'Brouillon' if lang == 'fr' else 'Draft'} {draft_id}",
                         "title": draft["title"]})
    return {"number": decision["id"], "ref": f"Decision {decision['id']}", "vote": decision["vote_id"],
            "decided_at": decision["decided_at"], "title": decision["title"], "motion": decision["motion"],
            "outcome": decision["outcome"], "rule": decision["rule"], "secret": bool(decision["rule"].get("secret")),
            "rows": [{"label": labels[i], "count": n} for i, n in enumerate(result.get("tallies", []))],
            "winner_labels": [labels[i] for i in result.get("winners", [])],
            "voted": result.get("voted"), "eligible": result.get("eligible"),
            "turnout_percent": result.get("turnout_percent"), "quorum_met": result.get("quorum_met"),
            "documents": docs}


def search(db, query: str, timezone: str) -> tuple[list[dict], int]:
    """(the decisions asked for, how many matched in all), newest first.

    "" gives the latest ten; a year ("2027") the decisions of that year in the network's zone;
    "Decision 4" or "4" that decision; other words the decisions whose title or motion holds each
    of them (accents and case aside), at most thirty.
    """
    query = (query or "").strip()
    everything = store_record.decisions(db)
    if not query:
        return everything[:LATEST], len(everything)
    zone = ZoneInfo(timezone)
    number = re.fullmatch(r"(?:decision|décision|decision n°|#)?\s*#?\s*(\d{1,4})", fold(query))
    if re.fullmatch(r"(19|20)\d{2}", query):
        found = [d for d in everything if d["decided_at"].astimezone(zone).year == int(query)]
    elif number and not re.fullmatch(r"\d{4}", query):
        found = [d for d in everything if d["id"] == int(number.group(1))]
    else:
        words = fold(query).split()
        found = [d for d in everything if all(w in fold(d["title"] + " " + d["motion"]) for w in words)]
    return found[:MAX_FOUND], len(found)


def decisions_command(ctx: Context, mail: InboundMail, member: dict, argument: str) -> str:
    """DECISIONS [words | year]: the member gets the decisions asked for, in their language."""
    lang = member.get("language") or ctx.rules.network.default_language
    found, total = search(ctx.db, argument, ctx.rules.network.timezone)
    ctx.send(member, "record_decisions", decisions=[view(ctx.db, d, lang) for d in found], total=total,
             query=(argument or "").strip()[:200], in_reply_to=mail.message_id or None)
    return f"decisions sent ({len(found)} of {total})"
