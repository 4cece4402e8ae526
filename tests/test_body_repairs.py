"""Batch 18 (`b18m_`): a reply's body structure repaired before its text is read
(mailer/body_repairs.py, mailer/body_parts.py `read_body`, mailer/html_text.py tables,
mailer/html_markers.py Zoho's signature, mailer/own_signature.py role lines)."""
from __future__ import annotations

import time

from mailer.body_repairs import looks_like_html, mbox_unescaped, qp_soft_breaks, without_pgp_armour
from mailer.html_text import html_to_text
from mailer.parse import parse_message

LIST = "network@example.org"
HEAD = ("From: Ana Costa <ana@example.pt>\nTo: network@example.org\nSubject: Re: Draft\n"
        "Date: Wed, 02 Dec 2026 15:00:00 -0500\nMessage-ID: <t1@example.pt>\nMIME-Version: 1.0\n")
QUOTE = "On Tue, Dec 1, 2026 at 9:05 AM Network <network@example.org> wrote:\n> Dear all,\n> the draft.\n"


def read(raw: str | bytes):
    return parse_message(raw.encode() if isinstance(raw, str) else raw, LIST)


def parts(boundary: str, *bodies: str) -> str:
    return "".join(f"--{boundary}\n{b}\n" for b in bodies) + f"--{boundary}--\n"


def test_a_multipart_with_no_boundary_is_read_with_the_one_its_body_uses():
    body = parts("b-42", 'Content-Type: text/plain; charset="UTF-8"\n\nHappy to help.\n\n' + QUOTE,
                 'Content-Type: text/html; charset="UTF-8"\n\n<div>Happy to help.</div>')
    assert read(HEAD + "Content-Type: multipart/alternative\n\n" + body).new_text == "Happy to help."
    wrong = HEAD + 'Content-Type: multipart/alternative; boundary="other"\n\n' + body
    assert read(wrong).new_text == "Happy to help."


def test_a_multipart_whose_dashes_open_no_part_stays_as_it_was():
    text = "-- \nnot a part\n"
    mail = read(HEAD + "Content-Type: multipart/mixed\n\n" + text)
    assert "Content-Type" not in mail.new_text


def test_quoted_printable_soft_break_followed_by_spaces():
    assert qp_soft_breaks("stati= \non.\n") == b"station.\n"
    assert qp_soft_breaks("stati=\non.\n") is None  # the package decodes it
    assert qp_soft_breaks("a = b\n") is None  # "= b" is no soft break
    raw = HEAD + 'Content-Type: text/plain; charset="UTF-8"\nContent-Transfer-Encoding: quoted-printable\n\nfrom Jane stati=  \non.\n'
    assert read(raw).new_text == "from Jane station."


def test_inline_pgp_armour_is_taken_off():
    text = ("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nI confirm.\n- -- not a delimiter\n\n"
            "-----BEGIN PGP SIGNATURE-----\n\niQEz\n=AbCd\n-----END PGP SIGNATURE-----\n")
    assert without_pgp_armour(text) == "I confirm.\n-- not a delimiter\n\n"
    assert without_pgp_armour("I confirm.\n-----BEGIN PGP SIGNED MESSAGE-----\n") == "I confirm.\n-----BEGIN PGP SIGNED MESSAGE-----\n"
    raw = HEAD + "Content-Type: text/plain\n\n" + text.replace("- -- not a delimiter\n", "") + "\n" + QUOTE
    assert read(raw).new_text == "I confirm."


def test_mbox_from_escapes_are_undone_only_in_an_mbox_saved_message():
    assert mbox_unescaped(">From what I heard\n\n>>From x\n\n> From y\n") == "From what I heard\n\n>From x\n\n> From y\n"
    body = "Content-Type: text/plain\n\nI will ask.\n>From what I heard, they want to join.\n\n" + QUOTE
    mbox = read("From ana@example.pt Wed Dec  2 15:42:12 2026\n" + HEAD + body).new_text
    assert "what I heard, they want to join." in mbox and mbox.startswith("I will ask.")
    assert "what I heard" not in read(HEAD + body).new_text  # a ">" line in an ordinary message is a quote


def test_html_sent_as_text_plain_is_read_as_html():
    assert looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    assert not looks_like_html("<html> is a tag I like, said nobody\n")
    raw = HEAD + 'Content-Type: text/plain; charset="UTF-8"\n\n<html><body><div>Ok for the 14th.</div><blockquote>Dear all</blockquote></body></html>\n'
    assert read(raw).new_text == "Ok for the 14th."


def test_an_attached_message_is_not_the_members_words():
    fwd = ("From: Hall <hall@example.org>\nSubject: Washrooms\nContent-Type: text/plain\n\n"
           "The washrooms will be unlocked from 8:30.\n")
    raw = HEAD + 'Content-Type: multipart/mixed; boundary="m"\n\n' + parts(
        "m", "Content-Type: text/plain\n\nSee the hall's answer attached.\n",
        "Content-Type: message/rfc822\nContent-Disposition: attachment\n\n" + fwd)
    assert read(raw).new_text == "See the hall's answer attached."
    empty = HEAD + 'Content-Type: multipart/mixed; boundary="m"\n\n' + parts(
        "m", "Content-Type: text/plain\n\n\n", "Content-Type: message/rfc822\n\n" + fwd)
    assert read(empty).new_text == ""
    only = HEAD + "Content-Type: message/rfc822\n\n" + fwd  # nothing but the attached message: read as before
    assert "unlocked from 8:30" in read(only).text


def test_a_placeholder_text_alternative_gives_way_to_the_html():
    alt = lambda plain, html: HEAD + 'Content-Type: multipart/alternative; boundary="a"\n\n' + parts(  # noqa: E731
        "a", "Content-Type: text/plain\n\n" + plain, "Content-Type: text/html\n\n" + html)
    html = "<p>Yes please, sign me up.</p><blockquote>Dear all</blockquote>"
    assert read(alt("This message contains HTML. Please view it in an HTML-capable client.\n", html)).new_text == "Yes please, sign me up."
    # a short text that says "HTML" and is what the HTML says stays the text read
    assert read(alt("Send the HTML version please.\n", "<p>Send the HTML version please.</p>")).html_only is False


def test_a_lone_text_body_marked_as_an_attachment_is_read():
    raw = (HEAD + 'Content-Type: text/plain; name="body.txt"\nContent-Disposition: attachment; filename="body.txt"\n\n'
           "Fine for me.\n\n" + QUOTE)
    assert read(raw).new_text == "Fine for me."


def test_an_html_rule_above_the_quote_is_not_kept():
    raw = (HEAD + "Content-Type: text/html\n\n<p>Yes, fine. Thank you.</p><hr><p><b>From:</b> Network Coordination "
           "[mailto:network@example.org]<br><b>Sent:</b> Tuesday, December 01, 2026 9:05 AM<br><b>To:</b> Kevin<br>"
           "<b>Subject:</b> Draft</p><p>Dear all</p>")
    assert read(raw).new_text == "Yes, fine. Thank you."


def test_table_rows_are_lines_and_cells_are_apart():
    html = "<p>Fine.</p><table><tr><td>From:<td>Network &lt;n@example.org&gt;<tr><td>Date:</td><td>12/01/2026</td></tr></table>"
    assert html_to_text(html).split("\n")[-2:] == ["From: Network <n@example.org>", "Date: 12/01/2026"]


def test_zoho_signature_div_opens_the_part_that_is_not_hers():
    html = ('<div>We can donate snacks.<br></div><div id="Zm-_Id_-Sgn" data-zbluepencil-ignore="true"><div>Thanks,<br>Ibrahim</div></div>'
            '<div class="zmail_extra"><blockquote>Dear all</blockquote></div>')
    assert read(HEAD + "Content-Type: text/html\n\n" + html).new_text == "We can donate snacks."


def test_a_role_line_under_her_own_name_is_her_signature():
    raw = (HEAD.replace("Ana Costa <", "Linda Moore <")
           + "Content-Type: text/plain\n\nI support the plan.\n\nLinda Moore\nCounty Parks Liaison\n416-555-0134\n")
    assert read(raw).new_text == "I support the plan."
    other = HEAD.replace("Ana Costa <", "Linda Moore <") + "Content-Type: text/plain\n\nThe two leads:\n\nLinda Moore\nAnna Kowalski\n"
    assert "Anna Kowalski" in read(other).new_text


def test_the_repairs_stay_linear():
    """A body made of what each repair looks for, at 20× the size, costs about 20× the time."""
    def cost(n: int) -> float:
        body = ("= \n" * n + ">From x\n" * n + "-- \n" * n)
        raws = ["From a Wed Dec  2 2026\n" + HEAD + "Content-Type: multipart/mixed\n\n" + body,
                HEAD + "Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n" + body]
        start = time.process_time()
        for raw in raws:
            read(raw)
        return time.process_time() - start
    cost(100)
    small, large = min(cost(1000) for _ in range(3)), min(cost(20_000) for _ in range(3))
    assert large < 60 * max(small, 1e-3)
