"""What vote messages show a reader: the reference, the options with their links, the result.

Each function returns plain values for a template, in the reader's language; nothing here
queues mail.
"""
from __future__ import annotations

from urllib.parse import quote

from mailer import addresses
from workflows.votes.tally import labels_for, letter


def tag(lang: str) -> str:
    """The subject tag of a vote in the reader's language: 'Vote' or 'Scrutin'."""
    return "Scrutin" if lang == "fr" else "Vote"


def reference(vote: dict, lang: str = "en") -> str:
    """The vote's human reference, e.g. 'Vote 7' (French 'Scrutin 7')."""
    return f"{tag(lang)} {vote['id']}"


def language_of(member: dict, default: str = "en") -> str:
    return member.get("language") or default


def option_views(vote: dict, lang: str, list_address: str | None = None, token: str | None = None) -> list[dict]:
    """The options as a reader sees them: number, letter, label and, with a token, a mailto link.

    The link opens a reply to the member's token address whose body is the option's label, so a
    vote is two clicks in any client.
    """
    labels = labels_for(vote["options"], lang)
    views = []
    for i, label in enumerate(labels):
        view = {"index": i, "number": i + 1, "letter": letter(i), "label": label, "mailto": None}
        if token and list_address:
            subject = f"Re: [{reference(vote, lang)}] {vote['title']}"
            view["mailto"] = (f"mailto:{addresses.token_address(list_address, token)}"
                              f"?subject={quote(subject, safe='')}&body={quote(label, safe='')}")
        views.append(view)
    return views


def label_of(vote: dict, index: int | None, lang: str) -> str | None:
    """The label of option `index` in the reader's language (None for None)."""
    if index is None:
        return None
    return labels_for(vote["options"], lang)[index]


def ranking_label(vote: dict, ranking: list[int] | None) -> str | None:
    """A ranking as a reader sees it: "Kwame Asante > Maria Okafor" (None for None)."""
    if ranking is None:
        return None
    return " > ".join(vote["options"][i] for i in ranking)


def choice_label(vote: dict, choice: dict, lang: str) -> str | None:
    """What a member's current choice row says: the ranking of a ranked election, else the option."""
    if vote["pass_rule"] == "ranked":
        return ranking_label(vote, choice.get("ranking"))
    return label_of(vote, choice["choice"], lang)


def result_view(vote: dict, lang: str) -> dict:
    """The stored result of a closed vote, with labels, winners and rounds in the reader's language."""
    result = dict(vote["result"] or {})
    labels = labels_for(vote["options"], lang)
    result["rows"] = [{"label": labels[i], "count": n} for i, n in enumerate(result.get("tallies", []))]
    result["winner_labels"] = [labels[i] for i in result.get("winners", [])]
    result["round_views"] = [
        {"number": r["number"], "exhausted": r["exhausted"],
         "rows": [{"label": labels[row["index"]], "votes": row["votes"], "status": row["status"]} for row in r["rows"]]}
        for r in result.get("rounds", [])]
    return result


def first_line(text: str, limit: int = 200) -> str:
    """The first non-empty line of what a member wrote (to show them what was read)."""
    for line in (text or "").splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= limit else line[:limit] + "…"
    return ""
