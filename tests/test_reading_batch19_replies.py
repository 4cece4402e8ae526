"""Batch 19 of replies (b19r_): what the coordinator sees of a member's reply whose mail client marks
its signature in the HTML (Mailspring's `<signature>`, eM Client's `signature_old`, an app's
"…-signature" class), and of a Turkish phone's "Telefonumdan gönderildi". Each rule is held to its
shape: a member's own words near such a mark stay."""
from __future__ import annotations

from mailer.html_markers import client_signature_spans
from mailer.parse import parse_message

LIST = "network@example.org"
HEAD = ("From: Owen Park <owen.park@example.net>\nTo: Network Coordination <network@example.org>\n"
        "Subject: Re: Tree planting on Saturday\nDate: Wed, 02 Dec 2026 16:00:00 +0100\n"
        "Message-ID: <t19@example.net>\nMIME-Version: 1.0\n")
QUOTE = ('<div class="gmail_quote_attribution">On Dec 2 2026, at 9:14 am, Network Coordination '
         '&lt;network@example.org&gt; wrote:</div><blockquote><div>The tree planting is this Saturday.</div>'
         '<div>Please bring gloves.</div></blockquote>')
MINE = "Sure, I'll be at the corner at nine."


def read_html(body: str) -> str:
    return parse_message((HEAD + "Content-Type: text/html; charset=utf-8\n\n" + body + "\n").encode(), LIST).new_text


def read_plain(body: str) -> str:
    return parse_message((HEAD + "Content-Type: text/plain; charset=utf-8\n\n" + body + "\n").encode(), LIST).new_text


# A client's signature element under her words is left out, alone

def test_mailspring_signature_element_under_her_words_is_not_her_answer():
    text = read_html(f"<div>{MINE}</div><div>Do we need our own shovels?</div><br>"
                     '<signature id="local-7c1f2a90"><div>Owen Park<br>Riverside Residents Association<br>416-555-0101</div>'
                     "</signature><br>" + QUOTE)
    assert text == f"{MINE}\n\nDo we need our own shovels?"


def test_a_name_and_a_line_with_no_contact_detail_stay_for_the_plain_reader():
    # review of b19r: "Riverside Residents" cannot be told from a vote or a name she was asked for
    # without a contact detail: the element is not left out (the plain reader reads it as on main)
    text = read_html(f"<div>{MINE}</div><br>"
                     '<signature id="local-7c1f2a90"><div>Owen Park<br>Riverside Residents</div></signature><br>' + QUOTE)
    assert MINE in text and "Riverside Residents" in text


def test_em_client_old_signature_div_is_not_her_answer():
    text = read_html(f"<div>{MINE}</div><div><br /></div><div id=\"signature_old\"><div>Owen Park<br />"
                     "Green Streets Volunteer<br />owen.park@example.net</div></div><div><br /></div>"
                     "<div>------ Original Message ------</div>"
                     '<div>From "Network Coordination" &lt;network@example.org&gt;</div><blockquote type="cite">'
                     "<div>The tree planting is this Saturday.</div></blockquote>")
    assert MINE in text and "Green Streets Volunteer" not in text and "tree planting" not in text


def test_an_apps_signature_class_is_not_her_answer():
    text = read_html(f'<div>Parfait, je serai là samedi.</div><div class="missive-signature"><div>Owen<br>'
                     f'514-555-0199</div></div>{QUOTE}')
    assert text == "Parfait, je serai là samedi."


def test_her_words_under_the_signature_element_stay():
    text = read_html(f'<div>{MINE}</div><signature><div>Owen Park<br>Riverside Residents Association<br>416-555-0101</div>'
                     '</signature><div>Also: my brother can drive the van.</div>' + QUOTE)
    assert MINE in text and "my brother can drive the van." in text and "416-555-0101" not in text


# Review of b19r: every line of the element must be her signature's, opening with her From name

def spans_for(html: str, sender: str = "Owen Park") -> list[tuple[int, int]]:
    return client_signature_spans(html, sender)


def test_a_signature_element_opening_with_someone_elses_name_is_kept():
    assert spans_for(f'<div>{MINE}</div><div class="front-signature"><div>Tomás Ruiz</div><div>416-555-0101</div></div>') == []
    assert spans_for(f'<div>{MINE}</div><div class="front-signature"><div>Owen Park</div><div>416-555-0101</div></div>') != []


def test_her_answer_beside_a_real_signature_block_stays():
    for inside in ("Option B<br>Owen Park<br>416-555-0101", "Owen Park<br>416-555-0101<br>Option B please",
                   "Owen Park<br>Yes, Saturday works<br>416-555-0101", "Owen Park<br>Count me in<br>416-555-0101",
                   "Owen Park<br>Option B<br>416-555-0101", "Option B<br>Sent from Canary",
                   "Owen Park<br>Agree with Tom<br>owen.park@example.net", "Owen Park<br>OK, thanks<br>416-555-0101",
                   "Owen Park<br>YES<br>416-555-0101", "Owen Park<br>Vote: B<br>416-555-0101",
                   "Owen Park<br>Option B 👍<br>416-555-0101", "Owen Park<br>Great Idea, Thanks Sam<br>416-555-0101"):
        for element in (f'<div class="front-signature">{inside}</div>', f"<signature>{inside}</signature>",
                        f'<div id="signature_old">{inside}</div>', f'<div class="missive-signature x">{inside}</div>'):
            assert spans_for(f"<div>Hi Sam,</div>{element}") == [], (inside, element)


def test_data_she_was_asked_for_inside_the_element_stays():
    for inside in ("Owen Park<br>Ann Lee 416-555-0101<br>Bob Roy 416-555-0102",  # two phones: a list
                   "Owen Park<br>416-555-0101<br>416-555-0102",
                   "Owen Park<br>Ann Lee<br>Bob Roy",  # names she was asked for
                   "Owen Park<br>12 Elm Street<br>416-555-0101",  # her address
                   "Owen Park<br>2026-12-05", "Owen Park<br>1 200 000",  # a date, an amount: no phone number
                   "Owen Park<br>ann@example.org<br>owen.park@example.net",  # two e-mails
                   "Owen Park<br>Saturday 9-12", "Owen Park<br>Mobile 555-0107 for the driver list"):
        assert spans_for(f'<div>Hi Sam,</div><div class="front-signature">{inside}</div>') == [], inside


def test_her_words_in_caseless_scripts_inside_the_element_stay():
    for line in ("سأحضر يوم السبت", "هل نحتاج إلى مجارف؟", "אני אגיע בשבת", "土曜日に行きます。", "シャベルは必要ですか？",
                 "Буду в субботу"):
        html = f'<div>Hi Sam,</div><div class="front-signature">Owen Park<br>{line}<br>416-555-0101</div>'
        assert spans_for(html) == [], line


def test_inline_tags_do_not_cut_her_sentence_into_signature_lines():
    assert spans_for('<div>Hi Sam,</div><div class="front-signature">Owen Park<br>I\'ll bring <b>two rakes</b> and '
                     "gloves<br>416-555-0101</div>") == []
    assert spans_for('<div>Hi Sam,</div><div class="front-signature">Owen Park<br>Venue: <a href="x">Riverside '
                     "Park</a><br>416-555-0101</div>") == []


def test_element_boundaries_are_not_overrun():
    for empty in ('<div class="front-signature" />', "<signature/>"):
        text = read_html(f"<div>Hi Sam,</div>{empty}<div>Option B</div><div>Owen Park<br>416-555-0101</div>{QUOTE}")
        assert "Option B" in text, empty
    span = read_html('<div>Hi Sam, please call me on <span class="app-signature">416-555-0101</span> after six.</div>'
                     + QUOTE)
    assert "416-555-0101" in span and "after six" in span
    data_id = read_html('<div>Hi Sam,</div><div data-id="block-signature">Owen Park<br>Option B<br>416-555-0101</div>'
                        + QUOTE)
    assert "Option B" in data_id


# Her words typed inside or around such a mark stay

def test_a_ps_or_a_question_typed_inside_the_signature_element_keeps_it_whole():
    ps = read_html(f'<div>{MINE}</div><div class="front-signature">Owen<br>P.S. I have six spare rakes.</div>{QUOTE}')
    assert MINE in ps and "P.S. I have six spare rakes." in ps
    question = read_html(f'<div>{MINE}</div><signature>Owen<br>Can someone pick me up at Castle Frank?</signature>{QUOTE}')
    assert "Can someone pick me up at Castle Frank?" in question
    sentence = read_html(f'<div>{MINE}</div><signature>Owen<br>I will bring two rakes too.</signature>{QUOTE}')
    assert "I will bring two rakes too." in sentence
    unpunctuated = read_html(f'<div>{MINE}</div><div class="email-signature">Maria<br>i can drive at 9</div>{QUOTE}')
    assert "i can drive at 9" in unpunctuated
    words = read_html(f'<div>{MINE}</div><div class="email-signature">Maria<br>I\'ll be there at 9</div>{QUOTE}')
    assert "be there at 9" in words


def test_her_answer_typed_into_a_signature_element_is_kept():
    for answer in ("Count me in", "Vote: B", "Option A", "Yes", "Approve", "Ja, ich komme", "Sí, voy",
                   "Sam<br>Saturday works", "Sounds good"):
        text = read_html(f'<div>Hi all,</div><div class="email-signature">{answer}</div>{QUOTE}')
        assert answer.split("<br>")[-1] in text, answer
    assert "Option A" in read_html(f'<div>Hi all,</div><signature>Option A</signature>{QUOTE}')


def test_a_signature_element_with_nothing_of_hers_above_it_is_kept():
    wrapper = read_html(f'<div class="compose-signature"><div>{MINE}</div><div>Owen</div></div>{QUOTE}')
    assert MINE in wrapper


def test_a_class_that_says_there_is_no_signature_is_no_signature():
    text = read_html(f'<div>Hi all,</div><div class="no-signature"><div>{MINE}</div></div>{QUOTE}')
    assert MINE in text
    text = read_html(f'<div>Hi all,</div><div class="has_signature">{MINE}</div>{QUOTE}')
    assert MINE in text


def test_a_long_block_in_a_signature_element_is_kept_as_a_reply_may_be():
    long = " ".join(["I can bring the trailer and the two long ladders from the church hall."] * 10)
    text = read_html(f'<div>Hi all,</div><div class="k9mail-signature">{long}</div>{QUOTE}')
    assert "two long ladders" in text


def test_a_signature_element_that_never_closes_leaves_the_reading_as_it_was():
    text = read_html(f'<div>{MINE}</div><signature><div>Owen Park</div>')
    assert MINE in text


def test_only_a_few_signature_elements_are_looked_at():
    sigs = '<div class="app-signature">Owen Park<br>416-555-0101</div>' * 50
    spans = client_signature_spans(f"<div>{MINE}</div>{sigs}", "Owen Park")
    assert len(spans) == 4
    assert client_signature_spans(f"<div>{MINE}</div>{sigs}") == []  # no From name known: nothing left out


def test_the_markers_keep_their_own_reading():
    # gmail_signature is a quote marker already (everything from it is not hers): not taken out alone
    assert client_signature_spans(f'<div>{MINE}</div><div class="gmail_signature">Owen</div>') == []


# Turkish: "Telefonumdan gönderildi" ("sent from my phone", no brand)

TR_QUOTE = ("Network Coordination <network@example.org>, 2 Ara 2026 Çar, 09:14 tarihinde şunu yazdı:\n\n"
            "> The tree planting is this Saturday.\n")


def test_a_turkish_phone_line_naming_no_brand_ends_her_text():
    assert read_plain(f"Cumartesi geliyorum.\n\nTelefonumdan gönderildi\n\n{TR_QUOTE}") == "Cumartesi geliyorum."
    assert read_plain(f"Cumartesi geliyorum.\n\nCep telefonumdan gönderildi.\n") == "Cumartesi geliyorum."


def test_her_turkish_sentence_about_her_phone_stays():
    text = read_plain(f"Cumartesi geliyorum.\n\nFotoğraflar telefonumdan gönderildi.\n\n{TR_QUOTE}")
    assert "Fotoğraflar telefonumdan gönderildi." in text
    wrapped = read_plain(f"Listeyi dün akşam\ntelefonumdan gönderildi diye düşündüm.\n\n{TR_QUOTE}")
    assert "telefonumdan gönderildi diye düşündüm." in wrapped
    under = read_plain(f"Cumartesi geliyorum.\n\nTelefonumdan gönderildi\n\nKomşum da gelebilir.\n")
    assert "Komşum da gelebilir." in under


def test_looking_for_signature_elements_parses_a_bounded_number_of_tags(monkeypatch):
    from mailer import html_markers

    calls = {"tags": 0, "elements": 0}
    marks, element_end = html_markers._marks_signature, html_markers._element_end

    def counted_marks(tag):
        calls["tags"] += 1
        return marks(tag)

    def counted_end(html, start, name):
        calls["elements"] += 1
        return element_end(html, start, name)

    monkeypatch.setattr(html_markers, "_marks_signature", counted_marks)
    monkeypatch.setattr(html_markers, "_element_end", counted_end)
    kinds = [lambda n: "<" + "a" * 1990 + "signature" * n, lambda n: '<div class="no-signature">x</div>' * n,
             lambda n: "<a signature" * n, lambda n: "signature " * n, lambda n: '<div class="a-signature">x</div>' * n,
             lambda n: '<div class="a-signature">' * n + "x" + "</div>" * n]
    for kind in kinds:
        for n in (100, 10_000):
            calls.update(tags=0, elements=0)
            client_signature_spans(kind(n))
            assert calls["tags"] <= html_markers.MAX_SIGNATURE_TAGS
            assert calls["elements"] <= html_markers.MAX_SIGNATURE_ELEMENTS


def test_her_words_under_the_quote_below_a_turkish_phone_line_stay():
    # review of b19r: the device line must not end her text when she answers under the quote
    below = read_plain(f"Evet.\n\nTelefonumdan gönderildi\n\n{TR_QUOTE}\nArabam yok, otobüsle gelirim.\n")
    assert "Evet." in below and "Arabam yok, otobüsle gelirim." in below
    interleaved = read_plain("Evet, geliyorum.\n\nTelefonumdan gönderildi\n\n> Arabanız var mı?\n\nHayır, yok.\n")
    assert "Hayır, yok." in interleaved
    assert read_plain(f"Cumartesi geliyorum.\n\nTelefonumdan gönderildi\n\n{TR_QUOTE}") == "Cumartesi geliyorum."
