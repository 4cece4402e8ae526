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
from mailer import html_text
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


def test_the_replacement_character_is_no_letter_to_the_word_pattern():
    """`has_words` takes U+FFFD for a space: the pattern must not read it as a letter."""
    assert _WORD.search("\ufffd") is None and not "\ufffd".isspace()


def test_a_mislabelled_text_is_read_as_the_pattern_reads_it():
    mislabelled = bytes(range(128, 256)).decode("utf-8", "replace")
    for text in (mislabelled * 800, "YES\n" + mislabelled * 800, "Très bien " + mislabelled * 3 + " oui",
                 mislabelled + "a b c d e f g h i j k l m n o" + mislabelled, "à" + mislabelled * 50):
        for words in (15, 1, 3):
            assert questions.has_words(text, words) == (len(_WORD.findall(text)) >= words), (words, text[:40])


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
                          "thanks", "I'll be there", "x" * 20, "\ufffd", "\ufffd" * 9, "é\ufffdé"])


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



# --- the quoted ballot's option lines (marked_lists): the opening run of ">" and spaces taken whole ---

_QUOTED_OPTION_BY_BACKTRACKING = re.compile(r"^[>\s]*(.{0,12}?)\s*(\d{1,2})\.\s*\(([A-Z])\)\s+(.*)$")


def test_every_corpus_line_is_matched_as_the_backtracking_pattern_matched_it():
    from workflows.reading import marked_lists
    lines = [line[:marked_lists.MAX_LINE_CHARS] for text in texts() for line in text.split("\n")]
    lines += ["> 1. (A) Yes", ">>  [x] 2. (B) No", "\t\t 3. (C) Abstain  <--", "-> 1. (A) Yes", "> x> 2. (B) No",
              ">\u00a0 X 1. (A) Yes", " > > 12. (L) Twelve", ">" * 20 + "1. (A) Yes", "\t" * 299 + "1"]
    for line in lines:
        old, new = _QUOTED_OPTION_BY_BACKTRACKING.match(line), marked_lists._QUOTED_OPTION.match(line)
        assert (old and old.group(1).strip(), old and old.groups()[1:]) == \
               (new and new.group(1).strip(), new and new.groups()[1:]), repr(line)


def test_a_reply_of_tab_indented_lines_with_no_answer_is_read_in_linear_time():
    """Hang detector (generous): each 300-tab line cost ~13 ms tried from every tab: the quoted
    ballot looked for in 200 KB of them took about 7 s (now a few ms)."""
    import time
    from workflows.reading.choices import read_vote
    text = ("\t" * 398 + "x\n") * 2500
    started = time.thread_time()
    assert read_vote("", ["Yes", "No", "Abstain"], text).choice is None
    assert read_vote("See below", ["Yes", "No", "Abstain"], "See below\n" + text).choice is None
    assert time.thread_time() - started < 2

# --- HTML: html2text's calls made without html.parser's tokenizer for a document of simple tags ---

def _recording(base: type) -> type:
    """`base` (an html2text converter class) that also records every call html.parser makes."""
    class Recording(base):
        def __init__(self):
            super().__init__()
            self.calls: list[tuple] = []

    def recorder(name):
        def method(self, *args):
            self.calls.append((name, *args))
            return getattr(base, name)(self, *args)
        return method

    for name in ("handle_starttag", "handle_endtag", "handle_startendtag", "handle_data", "handle_entityref",
                 "handle_charref", "handle_comment", "handle_decl", "handle_pi", "unknown_decl"):
        setattr(Recording, name, recorder(name))
    return Recording


def _set_as_convenor_does(converter):
    for attribute in ("body_width", "ignore_links", "ignore_images", "ignore_emphasis", "ignore_tables", "unicode_snob"):
        setattr(converter, attribute, getattr(html_text._converter(), attribute))
    return converter


def both_readings(html: str) -> tuple[tuple[list, str], tuple[list, str]]:
    """(calls, text) of html2text through html.parser, then of Convenor's converter."""
    import html2text
    readings = []
    for base in (html2text.HTML2Text, html_text._Converter):
        converter = _set_as_convenor_does(_recording(base)())
        try:
            text = converter.handle(html)
        except (AssertionError, ValueError, IndexError) as exc:
            text = type(exc).__name__
        readings.append((converter.calls, text))
    return readings[0], readings[1]


def html_parts() -> list[str]:
    """The HTML of every text/html part of the corpus (as the reader decodes it)."""
    import email
    import email.policy
    files = list((ROOT / "tests" / "corpus_own").rglob("*.eml"))
    if SHARED is not None:
        files += [p for p in SHARED.rglob("*") if p.is_file() and not p.name.startswith(("LICENSE", "INDEX"))]
    found = []
    for path in sorted(files):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
        for part in msg.walk():
            if part.get_content_type() == "text/html":
                payload = part.get_payload(decode=True) or b""
                found.append(payload.decode(part.get_content_charset() or "utf-8", "replace"))
    return found


def test_every_corpus_html_part_is_read_as_html_parser_reads_it(monkeypatch):
    """html_to_text gives the same text with html.parser's tokenizer and without it, on every
    HTML part of the corpus, on each sanitised piece html2text is given, and on the crafted kinds."""
    import html2text
    parts = html_parts()
    assert len(parts) > 100
    crafted = [raw.decode().split("\r\n\r\n", 1)[1] for name, raw in kinds(SIZES[0], b"a@b.org", b"n@example.org", 1).items()
               if name.startswith("HTML")]
    simple = 0
    for html in parts + crafted:
        for piece in (html_text._sanitise(html)[0], html):
            before, after = both_readings(piece)
            assert after == before, piece[:300]
        simple += "&" not in html and all(t.startswith(("<", "</")) for t in html.split("<")[1:])
        new = html_text.html_to_text(html)
        with monkeypatch.context() as patched:
            patched.setattr(html_text, "_Converter", html2text.HTML2Text)
            assert html_text.html_to_text(html) == new, html[:300]
    assert simple >= 2  # the crafted soups at least go the short way


HTML_PIECES = st.sampled_from(["<b>", "</b>", "<B>", "</I>", "<div>", "</div>", "<p>", "</p>", "<br>", "<li>", "<ul>",
                               "</ul>", "<ol>", "</li>", "<blockquote>", "</blockquote>", "<h1>", "</h1>", "<pre>",
                               "</pre>", "<hr>", "<script>", "</script>", "<style>", "<a>", "</a>", "<span>", "<x1>",
                               "<b >", "<br/>", "< b>", "<", ">", "&amp;", "&", "a", "Yes", "1.", " ", "  ", "\n", "\t",
                               "-", "+", "*", "_", "\\", "`", "#", "[x]", "é", "\u00a0", "<!-- c -->", "<!x>", "</>"])


# documents html.parser's tokenizer is spared: simple tags and text without "&" or "<"
SIMPLE_PIECES = st.sampled_from([p for p in HTML_PIECES.elements if "&" not in p and p not in (
    "<", "<b >", "<br/>", "< b>", "<!-- c -->", "<!x>", "</>", "<script>", "</script>", "<style>")])


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.lists(SIMPLE_PIECES, max_size=40), st.lists(HTML_PIECES, max_size=40)).map("".join))
@example("YES" + "<b>a</b> " * 30)
@example("<pre>a <b>x</b>\n  y</pre>1. z")
@example("<script>a<b>c</script>d")
def test_generated_documents_are_read_as_html_parser_reads_them(html):
    before, after = both_readings(html)
    assert after == before


def test_only_pleasantries_is_what_read_attendance_says():
    """`only_pleasantries` stops at the first clause that is something else: it still says
    exactly whether `read_attendance` reads "THANKS"."""
    samples = texts()[::7] + ["Thanks!", "Great, thank you. Li", "Hi Sam, thanks", "thanks, yes", "Hey no", "", "Li",
                              "Merci beaucoup !", "Thanks. I'll be there", "Bonjour Jean. Cordialement"]
    for text in samples:
        for names in ((), ("Li Wei",), ("Sam",)):
            assert attendance_words.only_pleasantries(text, names) == (
                attendance_words.read_attendance(text, names) == "THANKS"), text[:200]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["<b>", "</b>", "<", ">", "a", " ", "<b", "b>", "</", "<!x>", "<?p>", "<1>", "<div x='>",
                                 "<a href=\"x\">", "</a>", "<i>", "<u>", "<s>", "<p>", "<br>", "<hr>", "<em>", "<x>", "<y>",
                                 "<z>", "<!--", "-->", "é", "\n"]), max_size=40).map("".join))
@example("</<b>b>")
@example("<<b>b>")
@example("<b>" * 3 + "<i><u><s><p><br><hr><em><x><y><z>")
@example("<" + "a" * 2100 + ">x<b>")
def test_tags_are_taken_out_as_the_pattern_takes_them_out(html):
    assert html_text.without_tags(html) == html_text._TAG.sub("", html)


def test_every_corpus_html_part_loses_the_tags_the_pattern_takes_out():
    for html in html_parts() + ["YES" + "<b>a</b> " * 2000, "YES" + "<div>" * 2000]:
        assert html_text.without_tags(html) == html_text._TAG.sub("", html)


# --- HTML: the text of bare inline tags made without html2text (mailer/html_inline.py) ---

def _by_html2text(html: str) -> str:
    """What html2text, set as Convenor sets it, makes of `html` (through html.parser)."""
    import html2text
    return _set_as_convenor_does(html2text.HTML2Text()).handle(html)


def test_every_corpus_html_part_is_rendered_as_html2text_renders_it():
    """`inline_text` is html2text's text wherever it answers (None elsewhere): on every HTML part
    of the corpus, each sanitised piece, each with its attributes taken off (so that the corpus's
    real tags reach the short way), and the crafted kinds."""
    from mailer.html_inline import inline_text
    crafted = [raw.decode().split("\r\n\r\n", 1)[1] for name, raw in kinds(SIZES[0], b"a@b.org", b"n@example.org", 1).items()
               if name.startswith("HTML")]
    answered = 0
    for html in html_parts() + crafted:
        bare = re.sub(r"<([a-zA-Z][a-zA-Z0-9]*)\s[^<>]*>", r"<\1>", html)
        for piece in (html, html_text._sanitise(html)[0], bare, html_text._sanitise(bare)[0],
                      re.sub(r"&[#\w]*;?", "", html_text._sanitise(bare)[0])):
            fast = inline_text(piece)
            if fast is not None:
                answered += 1
                assert fast == _by_html2text(piece), piece[:300]
    assert answered >= 20


INLINE_PIECES = st.sampled_from(["<b>", "</b>", "<B>", "</I>", "<i>", "<span>", "</span>", "<a>", "</a>", "<img>", "<font>",
                                 "<sup>", "</sub>", "<body>", "<u>", "<em>", "</strong>", "<html>", "<mark>", "<div>", "<p>",
                                 "<s>", "a", "Yes", "1.", "1. x", "- x", "+ y", "\\", "\\-", "-", "+", ".", "*", "_", "#",
                                 " ", "  ", "\n", "\n\n", "\t", "\r", "\u00a0", "\u2028", "é", "[x]", "`", "<", "&", "1)"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(INLINE_PIECES, max_size=40).map("".join))
@example("YES" + "<b>a</b> " * 30)
@example(" <b> </b> a <i>\n- b</i>  \n 1. c<u>+ d</u>\\")
@example("<b>  </b>")
@example("")
def test_generated_inline_documents_are_rendered_as_html2text_renders_them(html):
    from mailer.html_inline import inline_text
    fast = inline_text(html)
    if fast is not None:
        assert fast == _by_html2text(html)
    else:
        assert html == "" or "&" in html or "<" in re.sub(r"</?(?:[a-zA-Z]+)>", "", html) or any(
            name.lower() not in {"b", "i", "span", "a", "img", "font", "sup", "sub", "body", "u", "em", "strong", "html",
                                 "mark"} for name in re.findall(r"</?([a-zA-Z]+)>", html))


def test_html_tag_soup_goes_the_short_way():
    from mailer.html_inline import inline_text
    for size in SIZES[:2]:
        html = kinds(size, b"a@b.org", b"n@example.org", 1)["HTML tag soup"].decode().split("\r\n\r\n", 1)[1]
        piece = html_text._sanitise(html.replace("\r\n", "\n"))[0]
        assert inline_text(piece) == _by_html2text(piece) != ""
