"""A member's "YES" above hundreds of lines ending "wrote:" ("wrote: wrote: … wrote:") is read in
a small constant time a line (bench row 7, issue 18): whether such a line heads a letter pasted
under it (`pasted_originals.pasted_letter_end`) looks for its verb in the lower-cased line when the
line is ASCII (`quote_markers._LOOSE_LOWER`, as `loose_attribution` does before it), not with the
case-blind pattern, which tries each of ~80 verbs at every character (~45 µs a line of 80).

The new look-up is compared with the code it stands for (copied here as it was) on every line of
every corpus text and on generated bodies, and the whole reading with each."""
from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from mailer import pasted_originals, quote_markers, reply
from mailer.pasted_originals import LETTER_LINES, _name_words, _signed_by
from mailer.quote_markers import _LOOSE, loose_attribution
from mailer.reply_lines import Line, Lines
from mailer.quote_openings import _next_nonblank, _opens_quote
from tests.test_worst_read_symbol_lines import _reader_lines
from tests.test_worst_read_text_paths import texts


def _pasted_letter_end_as_it_was(lines, i, greeting):
    text = lines[i].clean
    verb = _LOOSE.search(text)
    if verb is None or verb.group().rstrip(":： ").lower() == "sent":
        return None
    name = _name_words(text[:verb.start()])
    if not name or (i > 0 and not lines.blank(i - 1)):
        return None
    j = _next_nonblank(lines, i + 1, 3)
    if j is None or lines.quoted(j) or not lines[j].letter or not greeting.match(lines[j].head):
        return None
    last, read_to = j, min(lines.count, j + LETTER_LINES)
    for k in range(j + 1, read_to):
        if lines.blank(k):
            continue
        if lines.quoted(k) or _opens_quote(lines, k):
            return k if _signed_by(name, lines[last].stripped) else None
        if loose_attribution(lines[k]):
            return None
        last = k
    if read_to < lines.count:
        return None
    return lines.count if _signed_by(name, lines[last].stripped) else None


def _same_end_at_every_attribution(raw: list[str]) -> None:
    new, old = Lines(raw), Lines(raw)
    for i in range(len(raw)):
        if raw[i].strip() and loose_attribution(new[i]):  # the reader asks only of these
            assert (pasted_originals.pasted_letter_end(new, i, reply._GREETING)
                    == _pasted_letter_end_as_it_was(old, i, reply._GREETING)), (raw[i:i + 8], i)


def test_a_pasted_letter_is_found_where_it_was_on_every_corpus_text():
    for text in texts():
        _same_end_at_every_attribution(_reader_lines(text)[:600])


_BODY_LINES = ["Anna wrote:", "ANNA WROTE:", "Anna Maria Lopez WROTE :", "Network Coordination schrieb:",
               "Jan a écrit :", "Jan a ecrit:", "Ivan написал:", "Ayşe yazdı:", "Ayşe YAZDI:", "Ayse yazdi:",
               "Letter Sent:", "They Sent:", "I wrote:", "Here's What I Wrote:", "Anna wrote: wrote:",
               "wrote: " * 10 + "wrote:", "Kelvin \u212aate wrote:", "Ingrid İnce wrote:", "Anna wrote", "Anna wrote:  ",
               "", "", "Hi everyone,", "Hello Member,", "Dear all,", "> quote", ">", "Anna", "Anna Lopez", "Ana",
               "Network Coordination", "My vote: B.", "I agree with the terms.", "-" * 80, "=" * 80, "-- ",
               "-----Original Message-----", "From: Jan <j@x.org>", "On Mon, 4 Jan 2027, Jan <j@x.org> wrote:"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_BODY_LINES), max_size=30))
def test_a_pasted_letter_is_found_where_it_was_in_generated_bodies(body):
    _same_end_at_every_attribution(body)
    text = "Yes, I agree.\n\n" + "\n".join(body)
    real = reply.pasted_letter_end
    kept = reply.read_reply(text)
    try:
        reply.__dict__["pasted_letter_end"] = _pasted_letter_end_as_it_was
        before = reply.read_reply(text)
    finally:
        reply.__dict__["pasted_letter_end"] = real
    assert vars(kept) == vars(before)


def test_a_line_ending_with_a_verb_is_read_from_its_end_once(monkeypatch):
    """Where the verb of a line ending "wrote:" stands is found from the line's end, once for each
    text (`quote_markers.loose_verb`: an ASCII line in its lower-cased form, any other case-blind);
    the search from the line's start, which tried ~90 verbs at every character, is not made."""
    matched = {"lower": [], "case-blind": []}

    class Counted:
        def __init__(self, pattern, seen):
            self.pattern, self.seen = pattern, seen

        def match(self, text):
            self.seen.append(text[::-1])
            return self.pattern.match(text)

    class Unused:
        def search(self, text):
            raise AssertionError(text)

    monkeypatch.setattr(quote_markers, "_LOOSE_LOWER_REVERSED", Counted(quote_markers._LOOSE_LOWER_REVERSED,
                                                                        matched["lower"]))
    monkeypatch.setattr(quote_markers, "_LOOSE_REVERSED", Counted(quote_markers._LOOSE_REVERSED, matched["case-blind"]))
    monkeypatch.setattr(quote_markers, "_LOOSE", Unused())
    monkeypatch.setattr(quote_markers, "_LOOSE_LOWER", Unused())
    line = ("wrote: " * 12)[:74] + "wrote:"
    text = "YES\n" + "\n".join(line for _ in range(300)) + "\n\nJürgen schrieb:\n\nHallo,\n"
    assert reply.read_reply(text).new_text.startswith("YES\nwrote: wrote:")
    assert matched == {"lower": [line], "case-blind": ["Jürgen schrieb:"]}  # the 300 lines are one text
    assert pasted_originals.pasted_letter_end(Lines(["", "Jürgen schrieb:", "Hallo,", "Jürgen"]), 1, reply._GREETING) == 4


def _verb_by_search(line) -> tuple[int, int] | None:
    """Where `_LOOSE` (in an ASCII line, `_LOOSE_LOWER` in the lower-cased line) finds the verb and
    its colon: what `pasted_letter_end` searched before perf21."""
    found = (quote_markers._LOOSE_LOWER.search(line.lower) if line.clean.isascii()
             else quote_markers._LOOSE.search(line.clean))
    return None if found is None else found.span()


def test_the_verb_is_found_from_the_end_where_the_search_found_it_on_every_corpus_line():
    for text in texts():
        for raw in text.split("\n")[:2000]:
            for variant in (raw, raw + ":", raw + " wrote:", raw + " ：", raw[:160]):
                line = Line(variant)
                assert quote_markers.loose_verb(line) == _verb_by_search(line), variant


_VERB_PIECES = st.sampled_from(["wrote", "WROTE", "Wrote", "rote", "writes", "sent", "Sent", "a écrit", "A ÉCRIT", "schrieb",
                                "yazdı", "YAZDI", "yazdi", "napisał(a)", "napisał", "написал(а)", "написала", "写道",
                                "ſent", "\u212awrote", "Anna", "x", " ", "  ", "\t", "\u00a0", "\u2003", ":", "：", "é", "(a)"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(_VERB_PIECES, max_size=8).map("".join))
@example("Anna napisał(a):")
@example("Ayşe YAZDI :")
@example("wrote: " * 11 + "wrote:")
def test_the_verb_is_found_from_the_end_where_the_search_found_it_in_generated_lines(text):
    line = Line(text)
    assert quote_markers.loose_verb(line) == _verb_by_search(line)
    assert quote_markers.loose_verb(line) == quote_markers.loose_verb(line)  # from the memo
