"""The reply reader's cheap tests of long lines of symbols and of long indents (the thirteenth
worst-case read round) answer as the patterns they stand in front of: a separator tried only on a
line holding a letter, a framed title's character found by deleting bytes, a rule of symbols
(`is_delimiter`), the greeting matched on the stripped line, and the blank-run pattern skipped
when the text without spaces and tabs holds no five line ends in a row. Each is compared with the
code it replaced (copied here as it was) on every corpus message, each of its lines, the crafted
kinds and generated lines (Hypothesis)."""
from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from mailer import quote_headers as qh
from mailer import reply, reply_cleanup, reply_signatures
from mailer.reply_lines import Line, Lines
from tests.test_worst_read_text_paths import texts


def quote_starts_as_it_was(lines: Lines, i: int) -> bool:
    line = lines[i].clean
    ruled = line[:1] in qh._RULE_CHARS
    if (ruled or line[:1] in "[oO" or line.endswith((":", "："))) and qh._SEPARATOR.match(line):
        return True
    if ruled and (qh._RULE.match(line) or (line.strip(qh._NOT_TITLE) and qh._FRAMED.match(line))):
        nxt = [j for j in range(i + 1, min(i + 4, lines.count)) if not lines.blank(j)]
        return bool(nxt) and (qh._is_header_block(lines, nxt[0]) or qh._fields_in_any_language(lines, nxt[0]))
    # (batch 16 of replies added a header block in any language, by its shape: not one of the cheap tests)
    # (batch 17 of replies: a member's own "From: / To: / Date:" lines above the quote are no header block)
    return ((qh._is_header_block(lines, i) and not qh._members_own_fields(lines, i)) or qh._label_table(lines, i)
            or qh._dated_fields_in_any_language(lines, i))


def corpus_lines() -> list[str]:
    return sorted({line for text in texts() for line in text.split("\n")})


def test_every_corpus_text_opens_a_quote_where_it_did():
    for text in texts():
        raw = reply_cleanup.normalised_text(text).split("\n")
        lines, before = Lines(raw), Lines(raw)
        for i in range(len(raw)):
            if raw[i].strip():
                assert qh.quote_starts(lines, i) == quote_starts_as_it_was(before, i), raw[i][:200]


LINE_PIECES = st.sampled_from(["-", "=", "*", "_", "~", "#", "—", "\u2500", "＝", "\u2015", "ー", " ", "\t", "\u3000",
                               "\u00a0", "x", "é", "1", ":", "From:", "Original Message", "Message d'origine",
                               "[", "o", "a@b.org", "&nbsp;", "\u200e", "\\", "ſ"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.lists(LINE_PIECES, max_size=30).map("".join), min_size=1, max_size=5))
@example(["=" * 199 + "*" * 199, "From: a@b.org", "Sent: Monday", "To: c@d.org"])
@example(["-----Original Message-----", "From: a@b.org", "Sent: Monday"])
@example(["----- Mail original -----", "De: a@b.org", "À: c@d.org", "Objet: x"])
@example(["\u00a0-- \u00a0"])
def test_generated_lines_open_a_quote_where_they_did(raw):
    lines, before = Lines(raw), Lines(raw)
    for i in range(len(raw)):
        assert qh.quote_starts(lines, i) == quote_starts_as_it_was(before, i)
        head = Line(raw[i]).head
        assert reply_signatures.is_delimiter(Line(raw[i])) == (reply_signatures._DELIMITER.match(head) is not None)
        assert bool(reply._GREETING.match(Line(raw[i]).stripped)) == bool(reply._GREETING.match(head))
        assert qh._holds_title_char(raw[i]) == bool(raw[i].strip(qh._NOT_TITLE))


def test_every_corpus_line_is_a_rule_and_a_greeting_where_it_was():
    found = greetings = 0
    for text in corpus_lines():
        line = Line(text)
        rule = reply_signatures._DELIMITER.match(line.head) is not None
        assert reply_signatures.is_delimiter(line) == rule, text[:200]
        greeting = reply._GREETING.match(line.head) is not None
        assert (reply._GREETING.match(line.stripped) is not None) == greeting, text[:200]
        assert qh._holds_title_char(line.clean) == bool(line.clean.strip(qh._NOT_TITLE)), text[:200]
        found += rule
        greetings += greeting
    assert found >= 20 and greetings >= 50


def blank_runs_as_they_were(text: str) -> str:
    return reply_cleanup._BLANK_RUN.sub("\n\n\n\n", text)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["\n", "\n\n\n\n\n\n", " ", "\t", "\t" * 30, "x", "\n \n", "\n\t\n", "\n\n\n", "é",
                                 "\u3000", "\r", "\udce9", "\u00a0"]), max_size=30).map("".join))
@example("\n" * 100 + "x" + "\n \n" * 7)
@example(("\t" * 398 + "x\n") * 20)
@example("a\n\t\n \n\t \n\n b")
def test_blank_runs_are_shortened_where_they_were(text):
    assert reply_cleanup.shorten_blank_runs(text) == blank_runs_as_they_were(text)


def test_every_corpus_text_has_its_blank_runs_shortened_where_they_were():
    for text in texts():
        text = reply_cleanup.clean_text(text)
        assert reply_cleanup.shorten_blank_runs(text) == blank_runs_as_they_were(text)
