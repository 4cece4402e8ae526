"""Issue 18, inbound row: `quoted_ballot_marks` tries its option-line pattern only on a line holding
"(" and its "Options:" pattern only on a line holding ":" (each pattern needs that character), which
took a ballot reply from 3.12 to 2.92 M instructions. Exact: compared with the code before (kept
here as the reference) on every corpus ballot reply and on generated quoted ballots."""
from __future__ import annotations

import json
import random
from pathlib import Path

from mailer.parse import parse_message
from workflows.reading import marked_lists as m

OWN = Path(__file__).parent / "corpus_own"


def reference(text: str, options: list[str]) -> list[str] | None:
    """`quoted_ballot_marks` as it was before the gates (2026-12-03)."""
    text = (text or "")[:m.MAX_QUOTE_CHARS]
    if "(A)" not in text:
        return None
    found: list[list[str]] = []
    block: dict[int, str] = {}
    under_title = after_title = False
    for raw in text.replace("\r", "").split("\n") + [""]:
        mm = m._QUOTED_OPTION.match(raw[:m.MAX_LINE_CHARS].replace("\u00a0", " ")) if raw else None
        position = int(mm.group(2)) - 1 if mm else -1
        option = (mm is not None and 0 <= position < len(options) and mm.group(3) == chr(ord("A") + position)
                  and mm.group(4).startswith(options[position]))
        if not option or position <= max(block, default=-1):
            if block and (len(block) == len(options) or under_title and any(block.values())):
                found.append([block.get(k, "") for k in range(len(options))])
            block = {}
        if option:
            if not block:
                under_title = after_title
            before, after = mm.group(1).strip(), mm.group(4)[len(options[position]):].strip()
            block[position] = " ".join(part for part in (before, after) if part)
        elif raw and m._FORWARDED.match(raw[:m.MAX_LINE_CHARS]):
            break
        after_title = bool(raw) and m._OPTIONS_TITLE.match(raw[:m.MAX_LINE_CHARS]) is not None
    marked = [marks for marks in found if any(marks)]
    return marked[0] if len(marked) == 1 else None if marked else [] if found else None


def test_every_corpus_ballot_reply_gives_the_same_marks():
    index = json.loads((OWN / "INDEX.json").read_text())
    compared = with_list = 0
    for name, entry in index.items():
        if "vote" not in entry:
            continue
        mail = parse_message((OWN / name).read_bytes(), "network@example.org")
        options = entry["vote"]["options"]
        assert m.quoted_ballot_marks(mail.text, options) == reference(mail.text, options), name
        compared += 1
        with_list += reference(mail.text, options) is not None
    assert compared > 3000 and with_list > 20


def test_generated_quoted_ballots_give_the_same_marks():
    rnd = random.Random(3)
    options = ["Yes", "No", "Abstain"]
    pieces = ["> 1. (A) Yes", "> 2. (B) No", "> 3. (C) Abstain", "1. (A) Yes  X", "> 2. (B) No ✓", "Options:",
              "> Options:", ">options :", "\u00a01.\u00a0(A)\u00a0Yes", "X 3. (C) Abstain", "", "> ", "YES",
              "---------- Forwarded message ---------", "> 2.(B) No <-", "[x] 1. (A) Yes", "(", ":", "> (A)"]
    for _ in range(4000):
        text = "\n".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 14)))
        assert m.quoted_ballot_marks(text, options) == reference(text, options), text
