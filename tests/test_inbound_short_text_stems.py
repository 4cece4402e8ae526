"""Issue 18, inbound row: `autoreply_words.says_it_is_automatic` asks whether a short text (a
ballot's "Yes") holds one of `_STEMS` with one pattern of them all (`_ANY_STEM`) instead of a
substring test for each: a ballot reply 2.787 -> 2.750 M instructions. Exact: `_holds_a_stem`
compared with the substring tests on every corpus message's own words lower-cased, whole and cut at
each length up to 40 characters, on each stem alone, inside short texts and cut by one character."""
from __future__ import annotations

import random
from pathlib import Path

from mailer import autoreply_words as w
from mailer.parse import parse_message

OWN = Path(__file__).parent / "corpus_own"


def reference(lower: str) -> bool:
    return any(stem in lower for stem in w._STEMS)


def test_every_corpus_text_holds_the_same_stems():
    compared = 0
    for path in sorted(OWN.rglob("*.eml")):
        mail = parse_message(path.read_bytes(), "network@example.org")
        lower = mail.new_text[:w.MAX_READ].lower()
        for text in [lower] + [lower[:n] for n in range(1, 41)] + [lower[-n:] for n in range(1, 41)]:
            assert w._holds_a_stem(text) == reference(text), (path.name, text)
            compared += 1
    assert compared > 100_000


def test_each_stem_in_short_texts():
    rnd = random.Random(18)
    for stem in w._STEMS:
        for text in (stem, stem[:-1], stem[1:], f"x{stem}y", f"{stem} " * 3, ("ab " + stem)[:w._SHORT_TEXT]):
            assert w._holds_a_stem(text) == reference(text), text
    alphabet = "".join(sorted(set("".join(w._STEMS)))) + " .,!\n"
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, w._SHORT_TEXT + 2)))
        if rnd.random() < 0.3:
            stem = rnd.choice(w._STEMS)
            cut = rnd.randint(0, len(text))
            text = (text[:cut] + stem[:rnd.randint(1, len(stem))] + text[cut:])[:w._SHORT_TEXT + 2]
        assert w._holds_a_stem(text) == reference(text), text
