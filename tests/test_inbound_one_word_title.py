"""Issue 18, inbound row: `ballot_echoes.without_title` returns a line of one word (`str.split`,
which splits at what the patterns' `\\s` matches) at once: both its patterns need two words, and
the title's words were read for nothing on every "Yes". Exact: compared with the function before
(`reference`) on every line of every corpus ballot reply's new text with its title, and on generated
lines (Unicode spaces, a word of the title alone, empty lines)."""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

from bench.reading import ballot_title
from mailer.parse import parse_message
from workflows.reading import ballot_echoes as e
from workflows.reading.accents import fold
from workflows.reading.answer_lines import meaningful_lines
from workflows.reading.label_words import SMALL_WORDS

OWN = Path(__file__).parent / "corpus_own"


def reference(line: str, title: str) -> str:
    """`without_title` as it was before the one-word return (2026-12-03)."""
    if not title:
        return line
    words = e._title_words(title)

    def drop(m: re.Match) -> str:
        said = re.findall(r"[\w'$€£%-]+", fold(m.group(1)))
        content = [w for w in said if w not in SMALL_WORDS]
        echo = content and all(w in words for w in content)
        return "" if echo and not all(w.isdigit() for w in content) else m.group(0)

    stems = {w[:4] for w in words if len(w) >= 4}

    def drop_object(m: re.Match) -> str:
        content = [w for w in re.findall(r"[\w'-]+", fold(m.group(2))) if w not in SMALL_WORDS]
        echo = content and all(len(w) >= 4 and w[:4] in stems for w in content)
        if echo and all(w in e._BALLOT_WORDS for w in content):
            return m.group(0)
        return re.sub(r"\s+(?:of|de)$", "", m.group(1)) if echo else m.group(0)

    return e._OBJECT.sub(drop_object, e._ABOUT.sub(drop, line))


def test_every_corpus_ballot_line_reads_the_same():
    index = json.loads((OWN / "INDEX.json").read_text())
    compared = 0
    for name, entry in index.items():
        if "vote" not in entry:
            continue
        mail = parse_message((OWN / name).read_bytes(), "network@example.org")
        title = entry["vote"].get("title") or ballot_title(mail.subject)
        lines = [line for _, _, line in meaningful_lines(mail.new_text)] + mail.new_text.splitlines()[:20]
        for line in lines:
            for t in (title, "Adopt the budget", ""):
                assert e.without_title(line, t) == reference(line, t), (name, line)
                compared += 1
    assert compared > 20000


def test_generated_lines_read_the_same():
    rnd = random.Random(18)
    words = ["yes", "no", "on", "for", "the", "budget", "against", "approve", "vote", "31", "\u00a0", "\u2003",
             " ", "\t", "", "budget.", "in favour of", "merger", "oui", "sur", "le", "budget!"]
    for _ in range(20000):
        line = "".join(rnd.choice(words) + rnd.choice(["", " ", "\u00a0", "\u3000"]) for _ in range(rnd.randint(0, 5)))
        title = rnd.choice(["Approve the 2027 budget", "Merger", "", "Vote on the budget"])
        assert e.without_title(line, title) == reference(line, title), (line, title)
