"""Fast paths of the worst-case read in what workflows read of a reply's text give what the
patterns gave: whether a text asks something or runs to 15 words (`questions`), and the clauses
of a reply to a meeting or a ballot (`attendance_words`). Each is compared with the pattern it
replaced (copied here as it was) on every corpus message, on each of their lines, on the crafted
kinds of the worst-case read and on generated texts (Hypothesis)."""
from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from hypothesis import example, given, settings, strategies as st

from bench.worst_read import SIZES, kinds
from workflows.reading import attendance_words, questions

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p for p in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus")
               if p.is_dir()), None)

_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def asks_something_by_pattern(text: str) -> bool:
    for sentence in _SENTENCE_END.split(text or ""):
        if "?" in sentence and len(_WORD.findall(sentence.split("?")[0])) >= 4:
            return True
    return False


def is_a_message_by_pattern(text: str, words: int = 15) -> bool:
    return asks_something_by_pattern(text) or len(_WORD.findall(text or "")) >= words


def clauses_by_pattern(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[\"“”«»*_~()\[\]]", " ", text)
    parts = re.split(r"[.!;,:\n]+|\s+-+\s+|\s+—\s+", text)
    return [re.sub(r"\s+", " ", p).strip() for p in parts if p.strip()]


def texts() -> list[str]:
    """Every corpus message as text, each of its lines, and the crafted kinds' bodies (10 KB)."""
    files = list((ROOT / "tests" / "corpus_own").rglob("*.eml"))
    if SHARED is not None:
        files += [p for p in SHARED.rglob("*") if p.is_file() and not p.name.startswith(("LICENSE", "INDEX"))]
    whole = [p.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n") for p in sorted(files)]
    lines = {line for text in whole for line in text.split("\n")}
    crafted = [raw.decode("utf-8", "replace").replace("\r\n", "\n").split("\n\n", 1)[-1]
               for raw in kinds(SIZES[0], b"a@b.org", b"network@example.org", 1).values()]
    return whole + sorted(lines) + crafted


def test_whitespace_is_one_thing_to_the_patterns_and_to_str_split():
    """`" ".join(p.split())` stands for `re.sub(r"\\s+", " ", p).strip()`: both must call the
    same characters white space."""
    space = re.compile(r"\s")
    assert [c for c in range(sys.maxunicode + 1) if bool(space.match(chr(c))) != chr(c).isspace()] == []


def test_ascii_letters_are_what_the_word_pattern_reads_as_letters():
    assert [c for c in range(128) if bool(_WORD.fullmatch(chr(c))) != (questions._ASCII_LETTERS[c] == 0x61)] == []


def test_every_corpus_text_is_read_as_the_patterns_read_it():
    all_texts = texts()
    assert len(all_texts) > 2000
    for text in all_texts:
        for words in (15, 1):
            assert questions.is_a_message(text, words) == is_a_message_by_pattern(text, words), (words, text[:200])
        assert questions.asks_something(text) == asks_something_by_pattern(text), text[:200]
        assert attendance_words._clauses(text) == clauses_by_pattern(text), text[:200]


PIECES = st.sampled_from(["a", "Yes", "é", "Ünïcode", "1", "_", "²", "?", ".", "!", ";", ",", ":", "-", "—", "--", " ",
                          "\t", "\n", "\r", "\u00a0", "\u2028", "\u3000", "“", "»", "*", "(", "’", "，", "﹒", "ﬁ",
                          "thanks", "I'll be there", "x" * 20])


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.integers(0, 20))
@example("a \n - b", 15)
@example("a\n - b\t-\t c — d -", 15)
@example("yes \t\t - \t\t no", 1)
@example("\t" * 30 + "-" + "\t" * 30, 15)
def test_generated_texts_are_read_as_the_patterns_read_them(text, words):
    assert questions.is_a_message(text, words) == is_a_message_by_pattern(text, words)
    assert questions.asks_something(text) == asks_something_by_pattern(text)
    assert attendance_words._clauses(text) == clauses_by_pattern(text)


def test_a_long_run_of_white_space_is_cut_in_linear_time():
    """Hang detector (generous): 1 MB of tab-indented lines took minutes tried from every tab."""
    import time
    text = "YES\n" + ("\t" * 398 + "x\n") * 2500 + " \t " * 50_000 + "- x"
    started = time.thread_time()
    assert attendance_words._clauses(text)[-1] == "x"
    assert attendance_words.read_attendance(text) is None
    assert time.thread_time() - started < 30
