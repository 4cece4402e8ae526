"""Reading replies never raises, whatever the text: NULs, control characters, huge lines, HTML."""
from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailer.html_text import html_to_text
from mailer.reply import extract_new_text
from mailer.reply_quote_lines import framed_by_arrows
from workflows.reading.answer_lines import is_no_comment
from workflows.reading.availability import AvailabilityReading, read_availability
from workflows.reading.choices import VoteReading, read_vote

FRAGMENTS = st.sampled_from([
    "> ", ">>", "On Mon, Feb 3, 2025 at 10:00 AM X <x@y.org> wrote:", "wrote:", "\n", "\r\n",
    "-----Original Message-----", "From: a\nSent: b\nTo: c\nSubject: d", "De : a\nEnvoyé : b",
    "-- ", "Sent from my iPhone", "____", "YES", "oui", "Option 2", "#3", "1-4", "all", "aucune",
    "\x00", "\ufeff", "\u00a0", "<blockquote>", "</blockquote>", '<div class="gmail_quote">',
    '<div id="divRplyFwdMsg">', "<", "&", "&#0;", "=\n", "=E2=80=AF", "Le 3 févr. a écrit :",
])
TEXT = st.one_of(
    st.text(max_size=2000),
    st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=60).map("".join),
    st.builds(lambda c, n: c * n, st.text(min_size=1, max_size=3), st.integers(0, 200_000)),
)
OPTIONS = st.lists(st.text(max_size=30), max_size=6)
SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(TEXT)
def test_extract_new_text_never_raises(text):
    start = time.process_time()
    result = extract_new_text(text)
    assert isinstance(result, str) and result == result.strip()
    # no quoted line is kept, but ">50 people came" alone is a person's "more than" and ">>> Sunday
    # <<<" her arrows (mailer.reply_quote_lines.more_than_figure)
    assert not any(line.startswith(">") and not line[1:2].isdigit() and not framed_by_arrows(line)
                   for line in result.split("\n"))
    assert time.process_time() - start < 10.0  # a hang detector, not a speed target


@SETTINGS
@given(TEXT)
def test_html_to_text_never_raises(html):
    assert isinstance(html_to_text(html), str)


@SETTINGS
@given(TEXT, OPTIONS)
def test_read_vote_never_raises(text, options):
    reading = read_vote(text, options)
    assert isinstance(reading, VoteReading)
    assert (reading.choice is None) == reading.ambiguous
    assert reading.choice is None or 0 <= reading.choice < len(options)
    assert reading.reason


@SETTINGS
@given(TEXT, st.integers(0, 30))
def test_read_availability_never_raises(text, candidates):
    reading = read_availability(text, candidates)
    assert isinstance(reading, AvailabilityReading)
    assert all(1 <= n <= candidates for n in reading.chosen)
    assert not (reading.ambiguous and reading.chosen)
    assert isinstance(is_no_comment(text), bool)
