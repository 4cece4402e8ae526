"""A member's text of many lines of symbols, or of lines padded with spaces, is read in time
linear in its lines with a small constant (the twentieth worst-case read round, 3 December 2026):

- each rule of a run of rules asks the dozen lines under it whether a signature sits there, and
  each of those lines whether it opens the quote: that answer is now worked out once a line
  (`Lines.opens_quote`), where it was worked out up to twelve times (100 KB of 80-dash lines: 72 ->
  32 ms, against 4.7 ms for an ordinary reply of that size);
- a line of prose with trailing white space (format=flowed's space, a client's padding) is plain
  prose to the reader's shortcut, as its stripped text is (`plain_lines`; the reader keeps every
  line right-stripped); it went through every check;
- "Anna votes yes" is looked for from the start of a run of name characters only, not from each
  "-" of a rule of dashes (7 ms a 400-dash line).

Each is compared with the code it stands for, on the corpus and on generated text."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from mailer import quote_headers, quote_openings, reply, reply_cleanup
from mailer.quote_markers import attribution_span, intro_before_quote
from mailer.reply_lines import Lines
from tests.test_worst_read_text_paths import texts
from workflows.reading import reported_answers


def _opens_quote_as_it_was(lines: Lines, j: int) -> bool:
    return bool(attribution_span(lines, j)) or quote_starts(lines, j) or bool(intro_before_quote(lines, j))


quote_starts = quote_headers.quote_starts


def test_each_line_opens_a_quote_where_it_did_when_asked_again_and_again():
    for text in texts()[:4000]:
        raw = reply_cleanup.normalised_text(text).split("\n")[:60]
        memo, fresh = Lines(raw), Lines(raw)
        for j in list(range(len(raw))) + list(range(len(raw))):  # each asked twice: the second from the memo
            assert quote_openings._opens_quote(memo, j) == _opens_quote_as_it_was(fresh, j), (raw, j)


def test_a_run_of_rules_asks_each_line_once_whether_it_opens_the_quote(monkeypatch):
    calls = []
    real = quote_openings.quote_starts
    monkeypatch.setattr(quote_openings, "quote_starts", lambda lines, j: calls.append(j) or real(lines, j))
    text = "Yes, I agree.\n\n" + "\n".join(["-" * 80] * 1000) + "\n\nJan"
    reading = reply.read_reply(text)
    assert reading.new_text.startswith("Yes, I agree.")
    assert len(calls) == len(set(calls)) and len(calls) <= 1010


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Yes", "I think the terms are fine", "Jan", "--", "-" * 30, "", "> quote",
                                 "Best regards", "On Mon, Jan <j@x.org> wrote:"]), max_size=25),
       st.lists(st.sampled_from(["", " ", "  ", "\t"]), min_size=25, max_size=25))
def test_a_padded_line_is_read_as_its_stripped_text(body, pads):
    padded = "\n".join(line + pad for line, pad in zip(body, pads))
    assert reply.read_reply(padded).new_text == reply.read_reply("\n".join(body)).new_text


_OTHERS_VOTE_AS_IT_WAS = re.compile(reported_answers._OTHERS_VOTE.pattern.replace("(?<![\\w'-])", "(?<![\\w'])", 1),
                                    reported_answers._OTHERS_VOTE.flags)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["a", "-", "'", " ", "votes ", "voted ", "I ", "and ", "we ", "Anna", "Jean-Paul ",
                                 "yes", "oui", "vote ", "-we ", "x", "stimmt "]), max_size=14).map("".join))
def test_anothers_vote_is_found_where_it_was(line):
    new, old = reported_answers._OTHERS_VOTE.search(line), _OTHERS_VOTE_AS_IT_WAS.search(line)
    assert (new is None) == (old is None)
    assert new is None or new.end() == old.end()


_ABSENCE_ONLY_AS_IT_WAS = re.compile(
    r"\s*(?:hello|hi|thank you for your (?:e-?mail|message)|thanks for your (?:e-?mail|message))?[,.!]?\s*"
    r"(?:i am|i'm|i will be|i'll be)?\s*(?:out of (?:the )?office|away|on (?:leave|vacation|holiday)"
    r"|off|absent)\b[^?\n]{0,120}\b(?:until|till|through|returning)\b[^?]{0,200}$", re.IGNORECASE)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["hello", "Hi", ",", ".", "!", " ", "  ", "\n", "thank you for your email", "i am",
                                 "I'm", "away", "off", "out of office", "until", "Monday", "?", "back", "x"]),
                max_size=12).map("".join))
def test_an_absence_alone_is_told_as_it_was(text):
    """`_ABSENCE_ONLY` reads each run of white space with one `\\s*` (three in a row over a run of
    400 spaces after "[OOO]" took 1.8 s); it takes the same texts."""
    from mailer.autoreply import _ABSENCE_ONLY
    assert bool(_ABSENCE_ONLY.match(text)) == bool(_ABSENCE_ONLY_AS_IT_WAS.match(text))
