"""A member's "YES" above hundreds of 80-character lines of symbols ("-", "=", "#", "*"), or of lines
of "wrote: wrote: …", is read in a small constant time a line (bench row 7, issue 18):

- the signature scan under each rule (`reply_signatures._signature_below`) reads what each line
  below is to it from a memo (`Lines.below_rule`, and what a text alone says, `Lines.below_rule_text`):
  each rule of a run read the dozen lines under it through every test again;
- whether a line opens a forwarded message (`quote_headers.quote_starts`) is worked out once a line
  (`Lines.starts`): the reader asks it of each line the scan under the rule above asked it of;
- whether a line opens a legal notice (`legal_notices.is_disclaimer`) is worked out once a text
  (`Line.disclaimer`), and `_is_notice` looks for its cue words before the voice's searches;
- an undecoded quoted-printable escape is looked for as bytes (`reply_cleanup._escaped_byte`), not
  tried at each "=" of the text.

Each is compared with the code it stands for (copied here as it was), on every corpus text and line
and on generated bodies."""
from __future__ import annotations

import random
import re

from hypothesis import given, settings, strategies as st

from mailer import legal_notices, quote_headers, quote_openings, reply, reply_cleanup, reply_signatures
from mailer.legal_notices import (
    _DATA_RULES, _I, _NOTICE, _PERSONAL_DATA, _PROCESSED, _REGULATION, _RESERVED, _VOICE, NOTICE_CUES, NOTICE_WIDTH,
)
from mailer.quote_headers import _ANY_FIELD
from mailer.reply_lines import Line, Lines
from mailer.reply_signatures import CJK_SENTENCE, INTRO_WORDS, SIGNATURE_LINES, SIGNATURE_WIDTH, _POSTSCRIPT, _is_sentence
from tests.test_worst_read_text_paths import texts


def _signature_below_as_it_was(lines: Lines, i: int) -> bool:
    count = 0
    for j in range(i + 1, min(lines.count, i + 13)):
        line = lines[j].stripped
        if not line:
            continue
        if count == 0 and len(line) > SIGNATURE_WIDTH:
            return False
        if line[0] == ">" or quote_openings._opens_quote(lines, j):
            return count > 0
        count += 1
        if (count > SIGNATURE_LINES or len(line) > SIGNATURE_WIDTH or (len(line) > 40 and line.endswith((".", "?", "!")))
                or (count == 1 and _is_sentence(line))
                or (len(line) > CJK_SENTENCE and line.endswith(("。", "？", "！")))):
            return False
        if _POSTSCRIPT.match(line) or (count == 1 and line.endswith((":", "：")) and len(line.split()) >= INTRO_WORDS):
            return False
    return count > 0 and lines.count <= i + 13


def _is_notice_as_it_was(head: str) -> bool:
    if len(head) < NOTICE_WIDTH or _VOICE.search(head) is not None or _I.search(head) is not None:
        return False
    lower = head.lower()
    if not any(cue in lower for cue in NOTICE_CUES):
        return False
    if _NOTICE.match(head) is not None:
        return True
    if _REGULATION.search(head) is not None and _RESERVED.search(head) is not None:
        return True
    return (_PERSONAL_DATA.search(head) is not None and _DATA_RULES.search(head) is not None
            and _PROCESSED.search(head) is not None)


def _fields_in_any_language_as_it_was(lines: Lines, i: int) -> bool:
    fields = [j for j in range(i, min(i + 3, lines.count)) if _ANY_FIELD.match(lines[j].clean)]
    return len(fields) == 3 and any("@" in lines[j].head for j in fields)


def _reader_lines(text: str) -> list[str]:
    return reply_cleanup.shorten_blank_runs(reply_cleanup.normalised_text(text)).split("\n")


def _same_below_every_line(raw: list[str], order_seed: int = 0) -> None:
    """The new scan, asked of every line in order and then in a shuffled order (its memos filled in
    any order), against the scan as it was on Lines of its own."""
    new, old = Lines(raw), Lines(raw)
    order = list(range(len(raw)))
    shuffled = order[:]
    random.Random(order_seed).shuffle(shuffled)
    for i in order + shuffled:
        assert reply_signatures._signature_below(new, i) == _signature_below_as_it_was(old, i), (raw[i:i + 13], i)
        assert quote_headers.quote_starts(new, i) == quote_headers._quote_starts(old, i), (raw[i:i + 13], i)
        assert (quote_headers._fields_in_any_language(new, i)
                == _fields_in_any_language_as_it_was(old, i)), (raw[i:i + 3], i)


def test_the_scan_under_a_rule_says_what_it_said_on_every_corpus_text_and_line():
    for n, text in enumerate(texts()):
        _same_below_every_line(_reader_lines(text)[:120], n)


_BODY_LINES = ["-" * 80, "=" * 80, "#" * 80, "*" * 80, "-" * 81, "__", "--", "~~~~", "━━━━", "", " ", "\t",
               "> quote", ">", "  > indented quote", "Jan", "Jan Novak", "Coordinator", "+1 555 0100", "jan@example.org",
               "I think the terms are fine.", "I think the terms are fine", "Yes.", "So the flyer dates are right.",
               "This sentence is longer than forty characters and ends.", "Is this longer than forty characters then?",
               "P.S. call me", "PS: call me", "p.s. bring chairs", "Notes from our group meeting:", "Call me:",
               "x" * 90, "Example Housing Co-op Inc.", "我们同意这个提议的全部内容和条件以及时间。", "好。",
               "On Mon, 4 Jan 2027 at 09:00, Jan <j@x.org> wrote:", "Jan wrote:", "-----Original Message-----",
               "From: Jan <j@x.org>", "Sent: Monday, 4 January 2027 09:00", "To: network@example.org",
               "Subject: Re: terms", "wrote: wrote: wrote: wrote: wrote: wrote: wrote: wrote: wrote: wrote: wrote: wro"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_BODY_LINES), max_size=40), st.integers(0, 1000))
def test_the_scan_under_a_rule_says_what_it_said_on_generated_bodies(body, seed):
    _same_below_every_line(body, seed)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_BODY_LINES), max_size=40))
def test_a_body_is_read_as_the_reader_without_the_memos_reads_it(body):
    """The reading with its memos against the same reading where each memo is emptied before each
    question (every answer worked out afresh)."""
    text = "Yes, I agree.\n\n" + "\n".join(body)
    kept = reply.read_reply(text)
    fresh = _read_without_memos(text)
    assert (kept.new_text, kept.rest, kept.unread, kept.attributed) == (fresh.new_text, fresh.rest, fresh.unread,
                                                                         fresh.attributed)


def _read_without_memos(text: str):
    real_below, real_starts, real_disclaimer = (reply_signatures._signature_below, quote_headers.quote_starts,
                                                legal_notices.is_disclaimer)
    try:
        reply.__dict__["_signature_below"] = lambda lines, i: _signature_below_as_it_was(Lines(lines.raw), i)
        reply.__dict__["quote_starts"] = lambda lines, i: quote_headers._quote_starts(Lines(lines.raw), i)
        reply.__dict__["is_disclaimer"] = lambda line: legal_notices._is_disclaimer(Line(line.raw))
        return reply.read_reply(text)
    finally:
        reply.__dict__.update(_signature_below=real_below, quote_starts=real_starts, is_disclaimer=real_disclaimer)


def test_a_notice_is_told_as_it_was_and_once_a_text():
    for raw in sorted({line for text in texts() for line in text.split("\n")}):
        if raw:
            head = raw[:400]
            assert legal_notices._is_notice(head) == _is_notice_as_it_was(head), head
            assert legal_notices._is_notice(head.lstrip()) == _is_notice_as_it_was(head.lstrip()), head
            line = Line(raw)
            assert legal_notices.is_disclaimer(line) == legal_notices._is_disclaimer(Line(raw))
            assert legal_notices.is_disclaimer(line) == legal_notices._is_disclaimer(Line(raw))  # from the memo


_NOTICE_WORDS = ["This message is confidential", "we", "our", "I", "i", "intended", "the", "personal data",
                 "processed", "2016/679", "GDPR", "riservate", "not", "Hinweis:", "x" * 20, "wrote:", " ", ", "]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_NOTICE_WORDS), max_size=12).map(" ".join))
def test_a_notice_is_told_as_it_was_on_generated_lines(head):
    assert legal_notices._is_notice(head) == _is_notice_as_it_was(head)


def test_an_undecoded_escape_is_found_where_the_pattern_found_it():
    for part in texts():  # every corpus text and each of its lines
        if part:
            assert reply_cleanup._escaped_byte(part) == bool(re.search(r"=[0-9A-F]{2}", part)), part[:200]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="=0123456789ABCDEFabcdefG\x01\x02 \n\u00e9\uff21\U0001f600", max_size=30))
def test_an_undecoded_escape_is_found_where_the_pattern_found_it_in_generated_text(text):
    assert reply_cleanup._escaped_byte(text) == bool(re.search(r"=[0-9A-F]{2}", text))


def test_a_run_of_symbol_lines_asks_each_line_once(monkeypatch):
    """Each line is asked once whether it opens the quote and what it is to the scan under a rule,
    however many rules above read it."""
    calls, starts = [], []
    real, real_starts = reply_signatures._below_rule, quote_headers._quote_starts
    monkeypatch.setattr(reply_signatures, "_below_rule", lambda lines, j: calls.append(j) or real(lines, j))
    monkeypatch.setattr(quote_headers, "_quote_starts", lambda lines, j: starts.append(j) or real_starts(lines, j))
    text = "YES\n" + "\n".join(c * 80 for c in "-=#*" * 250)
    assert reply.read_reply(text).new_text.startswith("YES")
    assert len(calls) == len(set(calls)) and len(starts) == len(set(starts))


def test_a_run_of_rules_is_scanned_once_under_all_its_rules(monkeypatch):
    """Under each rule of a run of 80-character rules (bench row 7's kind), the scan for a signature
    block sees the run of block lines below it at once (`_block_lines_from`): each line below is
    told once in all (the scan read the nine lines under each rule: ~5,000 instructions a rule),
    and the reply is "YES": the reading stops at the ninth rule from the end (eight block lines under
    it, then the end), and the rules kept above it are dropped as a rule above a cut is."""
    told = []
    real = reply_signatures._below_rule
    monkeypatch.setattr(reply_signatures, "_below_rule", lambda lines, j: told.append(j) or real(lines, j))
    for count in (100, 400):
        told.clear()
        text = "YES\n" + "\n".join(["=" * 80] * count)
        read = reply.read_reply(text)
        assert read.new_text == "YES" and read.rest == "\n".join(["=" * 80] * 9)
        assert len(told) == len(set(told)) <= count
