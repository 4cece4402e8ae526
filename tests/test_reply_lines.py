"""The lines of a reply are made once and shared by every check; the shortcuts they allow read
what the full patterns read."""
from __future__ import annotations

import re

from mailer import attribution_verbs, quote_markers, sign_offs
from mailer.ascii_case import ascii_lower, search_case_blind
from mailer.reply import extract_new_text
from mailer.reply_lines import MAX_LINE, Lines, holds_letter, holds_letter_or_digit


def test_each_line_is_made_once_and_its_forms_are_those_the_checks_read():
    lines = Lines(["  \u200eOn Mon,&nbsp;JAN  wrote: ", "", "   ", "> quoted", "\\-- ", "x" * 1000])
    assert len(lines) == 6 and lines[0] is lines[0]
    assert lines[0].clean == "On Mon, JAN  wrote:" and lines[0].lower == "on mon, jan  wrote:"
    assert lines[4].clean == "--"  # html2text's escape of a leading dash dropped
    assert lines[5].head == "x" * MAX_LINE and lines[5].raw == "x" * 1000
    assert lines.blank(1) and lines.blank(2) and not lines.blank(3) and lines.quoted(3) and not lines.quoted(0)
    try:
        lines[6]
    except IndexError:
        pass
    else:
        raise AssertionError("a line past the end must raise IndexError, as a list does")


def test_letters_and_digits_are_found_in_every_script_and_not_in_symbols():
    for text in ("abc", "=== a", "日本", "Ωμέγα", "ส่งจาก", "===é==="):
        assert holds_letter(text) and holds_letter_or_digit(text), text
    for text in ("", "=" * 400, "-- ** __ ##", "— – ‐", "1234", "٣٤"):
        assert not holds_letter(text), text
    assert holds_letter_or_digit("==1==") and holds_letter_or_digit("٣") and not holds_letter_or_digit("_=*—")


def test_a_line_without_a_letter_is_never_a_sign_off_so_the_patterns_need_not_try_it():
    """is_phone_signature answers False at once for a line without a letter: true only while every
    phrase it knows holds one."""
    assert all(holds_letter(phrase) for phrase in sign_offs._phone_phrases())
    assert sign_offs.is_phone_signature(Lines(["Sent from my iPhone"])[0])
    assert not sign_offs.is_phone_signature(Lines(["=" * 199 + "*" * 199])[0])


def test_verbs_searched_in_lower_case_find_what_the_case_blind_search_finds_in_ascii_text():
    """The lower-case patterns stand for the case-blind ones on ASCII lines: same verbs, same
    answers, whatever the case (including "yazdI", where only "ı" of the verbs meets an ASCII
    letter)."""
    assert attribution_verbs._VERBS == attribution_verbs._VERBS.lower()
    pairs = [(attribution_verbs._ENDS_WITH_VERB, attribution_verbs._ENDS_WITH_VERB_LOWER),
             (quote_markers._LOOSE, quote_markers._LOOSE_LOWER), (attribution_verbs._VERB, attribution_verbs._VERB_LOWER)]
    words = [w.replace("\\(", "(").replace("\\)", ")") for w in attribution_verbs._VERBS.split("|")]
    samples = ["On Mon, 3 Feb 2025 Jan <jan@x.org> WROTE:", "Jan yazdI 3.2.2025:", "nothing here", "sent:",
               "xwrote:", "I Wrote this:", "wrote" + " " * 170 + ":", "wrote" + " " * 150 + ":"]
    samples += [f"Jan {w.upper()} 3.2.2025:" for w in words if w.isascii()]
    samples += [f"Jan {w.title()}:" for w in words if w.isascii()]
    for text in samples:
        assert text.isascii()
        for case_blind, lower in pairs:
            assert search_case_blind(case_blind, lower, text) == bool(case_blind.search(text)), text


def test_attributions_in_capitals_and_in_other_scripts_still_end_the_new_text():
    for attribution in ("JAN NOVAK WROTE ON 3.2.2025 AT 10:00:", "Jan Novak yazdI 3.2.2025 10:00:",
                        "Jan Novak a ÉCRIT le 3.2.2025 10:00 :", "Ян Новак НАПИСАЛ 3.2.2025 10:00:"):
        assert extract_new_text(f"Yes.\n\n{attribution}\nthe original, unprefixed\n") == "Yes.", attribution


def test_rules_of_symbols_without_a_signature_under_them_are_the_members_text():
    rule = "=" * 199 + "*" * 199
    body = "YES\n" + (rule + "\n") * 300
    assert extract_new_text(body) == body.strip()
    assert extract_new_text("YES\n" + rule + "\nJan\n") == "YES"  # a rule above a name: a signature


def test_the_verb_and_date_tests_found_by_plain_searches_answer_as_their_patterns():
    """The verbs looked for as substrings answer as `_VERB_HINT` does, and the date test searched
    from the first digit as `_DATEISH` does, on prose, attributions and every verb itself."""
    words = [w.replace("\\(", "(").replace("\\)", ")") for w in attribution_verbs._VERBS.split("|")]
    texts = ["i think the second paragraph should say members.", "on mon, 3 feb 2025, jan <jan@x.org> wrote:",
             "jan yazdi 3.2.2025:", "ян написал(а):", "2025年2月3日 10:00 jan <j@x.org>:", "no date 12 here", "x@y",
             "at 10h30 we met", "call 1999 or 2025", "(19/2/25)", "a1b2", "١٢:٣٠ يوم", ""]
    texts += [f"the {w} end" for w in words] + [w[:-1] for w in words if len(w) > 2]
    for text in texts:
        assert attribution_verbs._verb_hint(text) == bool(attribution_verbs._VERB_HINT.search(text)), text
        for variant in (text, text.title(), text.upper()):
            assert quote_markers._dateish(variant) == bool(quote_markers._DATEISH.search(variant)), variant


def test_ascii_lower_folds_the_letters_that_match_an_ascii_one_case_blind():
    """The non-ASCII letters a case-blind pattern matches with an ASCII letter are those
    mailer.ascii_case names; `ascii_lower` writes each (but "İ", which no lower-case word holds)
    as that letter, so a word holding one is found among an ASCII line's lower-cased words."""
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    assert [c for c in map(chr, range(128, 0x110000)) if ascii_letter.fullmatch(c)] == ["İ", "ı", "ſ", "\u212a"]
    assert ascii_lower("yazdı") == "yazdi" and ascii_lower("ſent") == "sent" and ascii_lower("\u212aL") == "kl"
    assert [w for w in ("yazdı", "Sent", "\u212aL") if re.fullmatch(w, ascii_lower(w).upper(), re.IGNORECASE)] == [
        "yazdı", "Sent", "\u212aL"]
