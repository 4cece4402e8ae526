"""The text of an HTML document past MAX_TAGS (`html_text._as_text`) is read as the patterns read
it: white space made one space without `str.split`, and a document of a few distinct tags
stripped of them (line-end tags made line breaks) in one replacement a tag. Each is compared with
the code it replaced (copied here as it was) on every HTML part of the corpus, the tail of each
past any of its tags, the crafted kinds and generated documents (Hypothesis)."""
from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from bench.worst_read import SIZES, kinds
from mailer import html_text
from tests.test_worst_read_text_paths import html_parts


def as_text_by_patterns(html: str) -> str:
    """`_as_text` as it was before the thirteenth round."""
    html = " ".join(html_text._blank_comments(html, "").split())
    low = html.lower()
    if any(end in low for end in html_text._LINE_END_OPENINGS):
        html = html_text._LINE_END.sub("\n", html)
    return "\n".join(line.strip() for line in html_text.unescape(html_text.without_tags(html)).split("\n"))


def crafted_html(stray: bool = True) -> list[str]:
    """The bench's HTML kinds' bodies at 10 and 100 KB (without `stray`, not those of a "<"
    opening no tag, which go the long way by design)."""
    return [raw.decode().split("\r\n\r\n", 1)[1].replace("\r\n", "\n") for size in SIZES[:2]
            for name, raw in kinds(size, b"a@b.org", b"n@example.org", 1).items()
            if name.startswith("HTML") and (stray or "<" not in name[4:])]


def test_every_corpus_html_part_and_its_tails_are_read_as_the_patterns_read_them():
    parts = html_parts() + crafted_html()
    assert len(parts) > 100
    few = 0
    for html in parts:
        tails = {html} | {html[i:] for i in range(0, len(html), max(1, len(html) // 40)) if html[i] == "<"}
        for tail in tails:
            assert html_text._as_text(tail) == as_text_by_patterns(tail), tail[:300]
            few += html_text._few_tags_text(html_text.one_space(html_text._blank_comments(tail, ""))) is not None
    assert few >= 10  # the short way is taken, not only the pattern's


PIECES = st.sampled_from(["<b>", "</b>", "<B>", "<br>", "<BR>", "<br/>", "<br >", "<bR x>", "</p>", "</P >", "</div>",
                          "</lı>", "</dıv>", "<li>", "</li>", "</h1>", "</h7>", "</blockquote>", "<p>", "<i>", "<x1>",
                          "<!x>", "<?p>", "<!-- c -->", "<!--", "-->", "<", ">", "</", "<b", "b>", "&amp;", "&lt;b&gt;",
                          "&", "a", "Yes", " ", "  ", "\n", "\t", "\r", "\x0b", "\x1c", "\u00a0", "\u2028", "\u3000",
                          "é", "İ", "Σ"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
@example("YES" + "<b>a</b> " * 30 + "\n")
@example("a</lı>b")  # the case-blind "i" of _LINE_END, which the openings test never lets run
@example("a</lı>b<br>c")  # … and with a line end that lets it
@example("<b--><b><b<b>-->")  # a tag joined by taking another out: counted once (it was counted twice)
@example("<b<br>>x")
@example("<<b>b>")
@example("<b>" + "".join(f"<x{i}>" for i in range(9)))
def test_generated_documents_are_read_as_the_patterns_read_them(html):
    assert html_text._as_text(html) == as_text_by_patterns(html)


@settings(max_examples=2000, deadline=None)
@given(st.text(st.sampled_from("ab    \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u00a0\u2028\u3000é<>"), max_size=60))
@example("  a  ")
@example("a" + " " * 8 + "b\n\t c" + " " * 9 + "d")  # runs of 8 halved three times, of 9 split and joined
@example("\x1fa\x1c")
def test_white_space_is_made_one_space_as_split_and_join_make_it(text):
    assert html_text.one_space(text) == " ".join(text.split())


def test_html_tag_soup_past_max_tags_goes_the_short_way():
    for html in crafted_html(stray=False):
        rest = html[html.index("<"):]
        assert html_text._few_tags_text(html_text.one_space(rest)) is not None
        assert html_text._as_text(rest) == as_text_by_patterns(rest)


# "<" that open no tag among a few distinct tags ("<a<b>" repeated, issue 18's perf21): `without_tags`
# takes each tag out by `str.replace` and checks the "<" it removed, where `TAG.sub` stood
STRAY_PIECES = st.sampled_from(["<a", "<b", "<", "<1", "< ", "<<", "a>", "b>", ">", "<b>", "</b>", "<a>", "<ab>", "<a\nb>",
                                "<br>", "<!x>", "<?x>", "<b x='<'>", "a", "b", " ", "\n", "<a<b>", "<a<b>"])


def _sprinkled(html: str) -> list[str]:
    return [html, html.replace(" ", " <a", 80), html.replace(">", "> <", 40), html.replace("<", "<a<", 30),
            html.replace("</", "<</", 20)]


def test_tags_among_strays_are_taken_out_where_the_pattern_takes_them_on_every_corpus_part():
    short = 0
    for html in html_parts() + crafted_html():
        for variant in _sprinkled(html):
            text = html_text.without_tags(variant)
            assert text == html_text._TAG.sub("", variant), variant[:300]
            short += "<" in text and len(set(html_text._TAG.findall(variant))) <= 8
    assert short >= 10


@settings(max_examples=3000, deadline=None)
@given(st.lists(STRAY_PIECES, max_size=60).map("".join))
@example("<a<b>" * 50)
@example("<a<x>b>")  # a tag joined by taking another out ("<ab>"): read by the pattern
@example("<a<x>b><ab>")
@example("<<b>b>")
def test_tags_among_strays_are_taken_out_where_the_pattern_takes_them_in_generated_documents(html):
    assert html_text.without_tags(html) == html_text._TAG.sub("", html)


def test_a_document_of_a_stray_and_a_tag_repeated_is_not_read_by_the_pattern(monkeypatch):
    """100 KB of "<a<b>": one search finds "<b>", one replacement takes out its 20,000, the last
    search reads up to the last ">" (none is left): the pattern's replacement, ~1,700 instructions
    a tag, is not made."""
    from mailer import html_rest
    html = "YES " + "<a<b>" * 20_000
    expected = html_rest.TAG.sub("", html)

    searched = []
    real = html_rest.TAG

    class Counted:
        def search(self, *args):
            searched.append(args[1:])
            return real.search(*args)

        def sub(self, *args):
            raise AssertionError("read by the pattern")

        def match(self, *args):
            return real.match(*args)

    monkeypatch.setattr(html_rest, "TAG", Counted())
    assert html_rest.without_tags(html) == expected == "YES " + "<a" * 20_000
    # the second from the "<" before the tag removed ("YES <a"), up to the last ">": there is none
    assert searched == [(0, len(html)), (4, 0)]
