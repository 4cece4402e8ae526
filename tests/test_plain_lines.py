"""The shortcut for lines of plain prose (mailer/plain_lines.py) reads every reply as the checks do.

A line `is_plain` finds plain is kept without the checks of `read_reply`: checked here against
the checks themselves on lines built from the words they look for, against the whole reading
(with and without the shortcut) on every reply of the corpora and on generated ones, and every
pattern of the reading modules must be covered, so that a new check cannot be skipped unseen.
"""
from __future__ import annotations

import ast
import email
import email.policy
import importlib
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from mailer import legal_notices, plain_lines, quote_headers, quote_markers, reply, sign_offs, signature_names
from mailer.reply_lines import Line, Lines, holds_letter_or_digit

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "tests" / "corpus_own",
           Path(os.environ.get("CONVENOR_CORPUS") or ROOT.parent.parent / "shared" / "corpus")]
PLAIN = reply._PLAIN

WORDS = ["I", "think", "the", "terms", "should", "say", "members", "not", "people", "we", "know", "On", "on",
         "Le", "Am", "wrote", "schrieb", "writes", "Sent", "from", "my", "iPhone", "Outlook", "Best", "regards",
         "Thanks", "Cheers", "Hi", "Hello", "Dear", "This", "email", "is", "confidential", "Original", "Message",
         "message", "Disclaimer", "consider", "environment", "before", "printing", "Jan", "Novak", "Anna", "de",
         "van", "Mon", "tors.", "fre.", "il", "in", "a", "scritto", "ha", "Get", "for", "iOS", "Android",
         "please", "excuse", "brevity", "external", "outside", "caution", "Yes", "No", "ok", "sincerely",
         "yours", "ſent", "\u212aind", "ıt", ",", ".", "!", "?", ";", "(", ")", '"', "'", "-", "Von", "meinem",
         "Gesendet", "Envoyé", "de", "mon", "Cordialement", "Groeten", "Typed", "K-9", "Mail", "Pixel", "Spark"]
# with the trailing white space of format=flowed and of clients that pad lines, which is plain too
LINES = st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
                  | st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map("".join),
                  st.sampled_from(["", "", "", " ", "  ", "\t", " \t "])).map("".join)
NEIGHBOURS = ["", "> quoted", "On Mon, 3 Feb 2025 at 10:00, Jan <jan@example.org> wrote:", "wrote:",
              "From: Jan", "Sent: Monday", "-- ", "Jan Novak", "+1 555 0100 200", "I think so."]


def _reading_modules() -> list[str]:
    """mailer.reply and every mailer module it imports, directly or not (but plain_lines)."""
    seen, todo = set(), ["mailer.reply"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        tree = ast.parse(Path(importlib.import_module(name).__file__).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("mailer"):
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                todo += [t for t in targets if t.count(".") == 1 and importlib.util.find_spec(t)]
    return sorted(seen - {"mailer.plain_lines"})


def test_every_pattern_of_the_reading_checks_is_covered() -> None:
    """A pattern added to a reading module fails here until plain_lines says how a plain line
    escapes it (anchored patterns are covered by being asked; the others need a class)."""
    anchored = {p for p, _letters in PLAIN.patterns} | set(plain_lines._ASKED_OTHERWISE)
    names: dict[re.Pattern, list[str]] = {}  # a pattern imported by another module has two names
    for name in _reading_modules():
        for attribute, value in vars(importlib.import_module(name)).items():
            if isinstance(value, re.Pattern) and value not in anchored:
                names.setdefault(value, []).append(f"{name.split('.')[-1]}.{attribute}")
    missing = [keys[0] for keys in names.values()
               if not any(plain_lines.COVERED_BY.get(key) in plain_lines.CLASSES for key in keys)]
    assert missing == [] and len(names) > 30
    assert set(plain_lines.ANCHORED) <= anchored and reply._GREETING in anchored


def _checks_say_nothing(lines: Lines, i: int) -> list[str]:
    """The checks of read_reply that take line i for something other than the member's prose."""
    line = lines[i]
    said = {
        "attribution": quote_markers.attribution_span(lines, i),
        "loose attribution": quote_markers.loose_attribution(line),
        "intro": quote_markers.intro_before_quote(lines, i),
        "quote start": quote_starts(lines, i),
        "no letter": not line.letter,
        "disclaimer": legal_notices.is_disclaimer(line),
        "phone": sign_offs.is_phone_signature(line),
        "device": sign_offs.names_device(line),
        "closing": sign_offs.is_closing(line),
        "banner": reply._BANNER.search(line.head),
        "name": signature_names._looks_like_name(line.stripped),
        "greeting": reply._GREETING.match(line.head),
        "groupwise": quote_markers.is_groupwise_header(line),
        "changed": line.clean != line.raw.rstrip(),  # the reader keeps a line right-stripped
    }
    return [name for name, value in said.items() if value and name != "banner"]


quote_starts = quote_headers.quote_starts


@settings(max_examples=1500, deadline=None)
@given(LINES, st.sampled_from(NEIGHBOURS), st.sampled_from(NEIGHBOURS))
def test_a_plain_line_is_taken_for_nothing_by_any_check(text: str, below: str, further: str) -> None:
    if PLAIN.is_plain(text):
        assert _checks_say_nothing(Lines([text, below, further]), 0) == []


def test_the_shortcut_lets_the_lines_the_checks_take_through() -> None:
    for text in ["On Monday Jan wrote", "Best regards", "Hi all", "Sent from my iPhone", "Jan Novak",
                 "Original message processed by David", "This email is confidential and meant for you",
                 "Please consider the environment before printing", "Cheers", "Thanks", "I wrote the draft",
                 "Von meinem iPhone gesendet", "Get Outlook for iOS", "Caution: this is external mail.",
                 "tors. 3. feb. 2025 skrev Jan", "Ok with me, see you at 10.", "Yes: I agree."]:
        assert not PLAIN.is_plain(text), text
    assert PLAIN.is_plain("I think the second paragraph of the terms should say members, not people we know.")


@settings(max_examples=1000, deadline=None)
@given(st.sampled_from(plain_lines.ANCHORED + (reply._GREETING,)), LINES)
def test_first_letters_hold_every_letter_a_pattern_opens_with(pattern: re.Pattern, text: str) -> None:
    text = text.lstrip()
    if text[:1].isascii() and text[:1].isalpha() and pattern.match(text):
        assert text[0] in plain_lines.first_letters(pattern)


BODY_LINES = st.one_of(LINES, st.sampled_from(NEIGHBOURS), st.just(">"), st.just("> more of the quote"))


@settings(max_examples=800, deadline=None)
@given(st.lists(BODY_LINES, max_size=30))
def test_the_reading_is_the_same_with_and_without_the_shortcut(body: list[str]) -> None:
    text = "\n".join(body)
    assert reply._read_reply(text, PLAIN) == reply._read_reply(text, None)


def _corpus_texts():
    for folder in CORPORA:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".eml", ".txt") or not path.is_file():
                continue
            data = path.read_bytes()
            yield path, data.decode("utf-8", "replace")
            if path.suffix == ".eml":
                message = email.message_from_bytes(data, policy=email.policy.default)
                for part in message.walk():
                    if part.get_content_type() == "text/plain":
                        try:
                            yield path, part.get_content()
                        except (LookupError, ValueError):
                            pass


def test_every_reply_of_the_corpora_is_read_the_same_with_and_without_the_shortcut() -> None:
    texts = list(_corpus_texts())
    if not texts:
        pytest.skip("no corpus")
    different = [str(path) for path, text in texts if reply._read_reply(text, PLAIN) != reply._read_reply(text, None)]
    assert different == [] and len(texts) > 100



@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["&nbsp;", "&", "\u200e", "\\-", " ", "5", "_", "--"]), max_size=6).map("".join))
def test_a_line_knows_it_holds_a_letter_or_digit_once_cleaned(text: str) -> None:
    """Line takes a line holding a letter and no "&" as holding one once cleaned (cleaning drops
    only white space, direction marks and a backslash, or "&nbsp;")."""
    line = Line(text)
    assert line.clean_letter_or_digit == holds_letter_or_digit(line.clean)
