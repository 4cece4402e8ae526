"""Where the quoted part of an HTML body starts (`html_markers.marker_offset`, each marker word
looked for by way of an anchor it holds) is where the word-by-word scan it replaced put it
(`marker_offset_by_words`): on every HTML part of the corpus (tests/corpus_own, and ../shared/corpus
when present), as `html_to_text` hands it over and cut at each of its tags, on the crafted kinds
and on generated documents (Hypothesis) of marker words, words holding one another, tags near the
2,000-character reach of the tag search, and characters whose lower case is longer."""
from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from bench.worst_read import SIZES, kinds
from mailer import html_markers
from mailer.html_rest import blank_comments
from mailer.html_text import _one_blank_line, as_lf
from tests.test_worst_read_text_paths import html_parts


def both(html: str) -> tuple[int | None, int | None]:
    return html_markers.marker_offset(html), html_markers.marker_offset_by_words(html)


def test_every_corpus_html_part_has_its_marker_where_the_word_scan_found_it():
    parts = html_parts()
    assert len(parts) > 100
    found = 0
    for html in parts:
        html = blank_comments(_one_blank_line(as_lf(html)))
        new, old = both(html)
        assert new == old, html[:300]
        found += new is not None
        for i in range(0, len(html), max(1, len(html) // 30)):  # the document from some of its tags on
            if html[i] == "<":
                assert both(html[i:])[0] == both(html[i:])[1], html[i:i + 300]
    assert found >= 20  # the markers are there to be found, not only their absence


def test_the_crafted_kinds_have_no_marker_either_way():
    for size in SIZES:
        for name, raw in kinds(size, b"a@b.org", b"n@example.org", 1).items():
            body = raw.decode("latin-1").split("\r\n\r\n", 1)[-1]
            new, old = both(body)
            assert new == old, (size, name)


WORDS = html_markers.MARKER_WORD_LIST
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(["<div ", "<p ", "<span ", 'id="', "id=", 'class="', "class='", 'data-smartmail="', '"', "'", ">",
                     "<", " ", "x_", "ydp3f1", "_container", "_quoted", "block", "quote", "signature", "gmail_",
                     "<blockquote>", "</div>", "\n", "İ", "ẞ", "a" * 700, "b" * 1990, "ﬁ"]),
    st.sampled_from(WORDS).map(str.upper),
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join))
@example('<div class="gmail_quote_container"><div id="x_gmail_signature">')
@example('<p>signature</p><div id="x_signature">')
@example('<div class="ydp3f1yahoo_quoted">' + '<div class="gmail_quote">')
@example("<div " + "a" * 1995 + ' class="gmail_quote">')
@example("<div " + "a" * 1990 + ' class="x_gmail_signature">')
@example('İ<div class="gmail_quote">')
@example('<div id="signature"><div id="signature">')
def test_generated_documents_have_their_marker_where_the_word_scan_found_it(html):
    new, old = both(html)
    assert new == old


# --- Zoho's signature div: the pattern asked only of a part holding its id (any case) ---

def _zoho_by_pattern(html: str):
    found = html_markers._ZOHO_SIGNATURE_ID.search(html)
    return None if found is None else found.start()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(['<div id="Zm-_Id_-Sgn">', "<DIV ID='ZM-_ID_-SGN'>", '<div id="Zm-_Id_-Sgn1">',
                                 "</div>", "Zm-_Id_-Sgn", "id=zm-_id_-sgn ", "<p>", "ı", "ſ", "İ", "K", " ", "x"]), max_size=30))
@example(['<div id="zm-_ıd_-sgn">'])
def test_the_zoho_id_is_looked_for_only_where_the_pattern_finds_it(pieces):
    html = "".join(pieces)
    gated = "zm-_id_-sgn" in html_markers.ascii_lower(html)
    assert gated or _zoho_by_pattern(html) is None
    if _zoho_by_pattern(html) is None:
        assert html_markers.zoho_signature_span(html) is None


def test_the_zoho_id_gate_on_the_corpus_and_the_crafted_kinds():
    texts = html_parts() + [raw.decode("utf-8", "replace") for size in SIZES[:2]
                            for raw in kinds(size, b"a@b.example", b"network@example.org", 1).values()]
    for html in texts:
        assert "zm-_id_-sgn" in html_markers.ascii_lower(html) or _zoho_by_pattern(html) is None
