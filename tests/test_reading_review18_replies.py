"""The review of batch 18 m's reply reading (/work/notes/review_b18r): each repair of a body's
structure kept to the shape it is for, so that no member's word main kept is lost. Each test holds
a member's look-alike (her words stay) and, where the rule still acts, the shape it is for."""
from __future__ import annotations

from mailer.body_repairs import is_placeholder, looks_like_html, mbox_unescaped, without_pgp_armour
from mailer.parse import parse_message

LIST = "network@example.org"
HEAD = ("From: Sam Member <sam@example.net>\nTo: network@example.org\nSubject: Re: Draft\n"
        "Date: Wed, 02 Dec 2026 15:00:00 -0500\nMessage-ID: <rv18@example.net>\nMIME-Version: 1.0\n")
QUOTE = "On Tue, Dec 1, 2026 at 9:05 AM Network <network@example.org> wrote:\n> Dear all,\n> the draft.\n"
TEXT = "Yes, I can drive on Saturday. I have room for 40 coats in the van."
INNER = ("From: Sam Member <sam@example.net>\nTo: network@example.org\nSubject: Re: Draft\nMIME-Version: 1.0\n"
         "Content-Type: text/plain; charset=utf-8\n\n" + TEXT + "\n")


def read(raw: str) -> str:
    return parse_message(raw.encode(), LIST).new_text


def multipart(sub: str, *parts: tuple[str, str], head: str = HEAD) -> str:
    body = "".join(f"--b\n{h}\n\n{text}\n" for h, text in parts)
    return head + f'Content-Type: multipart/{sub}; boundary="b"\n\n' + body + "--b--\n"


# html_for_placeholder: only a client's placeholder, only beside the HTML in one multipart/alternative

def test_a_placeholder_sentence_is_told_from_her_words_about_html():
    assert is_placeholder("This message is in HTML format. Please use an HTML-capable mail reader.")
    assert is_placeholder("This message contains HTML. Please view it in an HTML-capable mail client.")
    assert not is_placeholder("The HTML version of the newsletter is attached; it breaks on my phone.")
    assert not is_placeholder("I can't open the html link in the invite. Yes to the 12th anyway.")
    assert not is_placeholder("Photo of the van, full of coats! (my mail app only sends html with pictures)")
    assert not is_placeholder("Sign up here <https://example.org/coat-drive/volunteer-signup-form.html>")


def test_her_plain_text_beside_a_disclaimer_or_a_newsletter_part_stays():
    mine = "I can't open the html link in the invite. Yes to the 12th anyway."
    disclaimer = "<p>CONFIDENTIALITY NOTICE: This e-mail is for the sole use of the intended recipient.</p>"
    assert read(multipart("mixed", ("Content-Type: text/plain", mine), ("Content-Type: text/html", disclaimer))) == mine
    news = "The HTML version of the newsletter is attached; it breaks on my phone."
    raw = multipart("mixed", ("Content-Type: text/plain", news),
                    ('Content-Type: text/html; name="news.html"\nContent-Disposition: inline', "<h1>Network News</h1>"))
    assert read(raw) == news


def test_her_plain_link_stays_beside_its_html_anchor():
    plain = "Sign up here <https://example.org/coat-drive/2026/volunteer-signup-form.html>"
    html = '<div>Sign up <a href="https://example.org/coat-drive/2026/volunteer-signup-form.html">here</a></div>'
    assert "volunteer-signup-form.html" in read(multipart("alternative", ("Content-Type: text/plain", plain),
                                                          ("Content-Type: text/html", html)))


def test_her_text_beside_an_image_only_html_stays():
    plain = "Photo of the van, full of coats! (my mail app only sends html with pictures)"
    html = '<div><img src="cid:van.jpg" alt="van"></div><div>Sent from my Galaxy</div>'
    assert "Photo of the van" in read(multipart("alternative", ("Content-Type: text/plain", plain), ("Content-Type: text/html", html)))


def test_a_real_placeholder_gives_way_to_its_html_alternative_only():
    placeholder = "This message is in HTML format. Please use an HTML-capable mail reader."
    raw = multipart("alternative", ("Content-Type: text/plain", placeholder), ("Content-Type: text/html", f"<p>{TEXT}</p>"))
    assert read(raw) == TEXT
    mixed = multipart("mixed", ("Content-Type: text/plain", placeholder), ("Content-Type: text/html", f"<p>{TEXT}</p>"))
    assert "HTML-capable" in read(mixed)  # not alternatives of one another: as main read it


# own_signature: a role under her name is a signature only with contact details in the block

def test_a_role_she_signs_up_for_under_her_name_stays():
    for role in ("Saturday Morning Volunteer", "For Treasurer", "Kitchen Lead"):
        text = read(HEAD + f"Content-Type: text/plain\n\nSign me up for the morning, please.\n\nSam Member\n{role}\n\n" + QUOTE)
        assert role in text, role
    choice = read(HEAD + "Content-Type: text/plain\n\nWhich role do you want me in?\n\nSam Member\nDriver\nCoat Sorting Volunteer\n")
    assert "Coat Sorting Volunteer" in choice


def test_a_role_with_a_phone_number_or_address_is_her_signature():
    for contact in ("416-555-0134", "sam@example.net", "www.parkdalefoodbank.org"):
        text = read(HEAD + f"Content-Type: text/plain\n\nBudget approved on my side.\n\nSam Member\nBoard Treasurer\n{contact}\n")
        assert text == "Budget approved on my side.", contact


# Zoho Mail: its signature div alone is left out

ZOHO_QUOTE = ('<div class="zmail_extra"><div id="Zm-_Id_-Sgn1">---- On Tue, 01 Dec 2026 <b>Network</b> wrote ---</div>'
              '<blockquote><div>Dear all, the draft.</div></blockquote></div>')


def zoho(inner: str) -> str:
    return HEAD + "Content-Type: text/html; charset=utf-8\n\n<html><body><div>" + inner + "</div></body></html>\n"


def test_her_text_under_a_zoho_signature_stays():
    sig = '<div id="Zm-_Id_-Sgn" data-zbluepencil-ignore="true"><div>Sam Member<br>Parkdale Food Bank</div></div>'
    ps = read(zoho(f"<div>{TEXT}</div><div><br></div>{sig}<div><br></div><div>P.S. I also have mittens.</div>{ZOHO_QUOTE}"))
    assert TEXT in ps and "P.S. I also have mittens." in ps and "Dear all" not in ps and "Parkdale Food Bank" not in ps
    below_empty = read(zoho(f'<div><br></div><div id="Zm-_Id_-Sgn"><div><br></div></div><div>{TEXT}</div>{ZOHO_QUOTE}'))
    assert below_empty == TEXT
    new_message = read(zoho(f"<div>Hi all,</div>{sig}<div>{TEXT}</div>"))
    assert "Hi all," in new_message and TEXT in new_message
    above = read(zoho(f"{sig}<div><br></div><div>{TEXT}</div>{ZOHO_QUOTE}"))  # signature set above the typing point
    assert above == TEXT


def test_a_zoho_signature_whose_div_never_closes_is_left_as_it_was():
    text = read(zoho(f'<div>{TEXT}</div><div id="Zm-_Id_-Sgn"><div>Sam Member</div>'))
    assert TEXT in text


# attached messages: her own message a relay wrapped is read as hers

def test_her_message_wrapped_by_spamassassin_is_read():
    report = ("Spam detection software, running on the system \"mail.example.org\",\nhas identified this incoming email "
              "as possible spam.\n\nContent analysis details:   (5.2 points, 5.0 required)")
    raw = multipart("mixed", ("Content-Type: text/plain\nContent-Disposition: inline", report),
                    ("Content-Type: message/rfc822; x-spam-type=original\nContent-Disposition: inline", INNER))
    assert TEXT in read(raw)


def test_her_message_in_a_lists_dmarc_wrap_is_read():
    head = HEAD.replace("From: Sam Member <sam@example.net>", "From: Sam Member via Volunteers <volunteers@example.org>")
    footer = "_______________________________________________\nVolunteers mailing list\nvolunteers@example.org"
    raw = multipart("mixed", ("Content-Type: message/rfc822\nContent-Disposition: inline", INNER),
                    ("Content-Type: text/plain\nContent-Disposition: inline", footer), head=head)
    assert read(raw).startswith(TEXT)
    by_reply_to = multipart("mixed", ("Content-Type: message/rfc822", INNER), ("Content-Type: text/plain", footer),
                            head=head.replace("Sam Member via Volunteers", "Volunteers") + "Reply-To: sam@example.net\n")
    assert TEXT in read(by_reply_to)


def test_her_message_under_a_gateway_banner_is_read():
    banner = "[EXTERNAL] This message came from outside the organisation. Do not click links unless you trust the sender."
    raw = multipart("mixed", ("Content-Type: text/plain", banner), ("Content-Type: message/rfc822\nContent-Disposition: inline", INNER))
    assert TEXT in read(raw)


def test_another_persons_attached_message_is_still_not_hers():
    tom = INNER.replace("Sam Member <sam@example.net>", "Tom Other <tom@example.com>").replace(TEXT, "Tom here: the old hall is free.")
    raw = multipart("mixed", ("Content-Type: text/plain", "See Tom's message below, I agree with him: B."),
                    ("Content-Type: message/rfc822", tom))
    assert read(raw) == "See Tom's message below, I agree with him: B."


# without_pgp_armour: only "Hash:"-like armour lines are skipped

def test_her_text_right_under_the_pgp_head_stays():
    sig = "-----BEGIN PGP SIGNATURE-----\n\niQEz\n=AbCd\n-----END PGP SIGNATURE-----\n"
    no_blank = f"-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n{TEXT}\nSee you there.\n\n{sig}"
    assert without_pgp_armour(no_blank) == f"{TEXT}\nSee you there.\n\n"
    no_hash = f"-----BEGIN PGP SIGNED MESSAGE-----\n{TEXT}\nSee you there.\n\nSam\n{sig}"
    assert without_pgp_armour(no_hash).startswith(f"{TEXT}\nSee you there.")
    assert TEXT in read(HEAD + "Content-Type: text/plain\n\n" + no_hash)
    normal = f"-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n{TEXT}\n\n{sig}"
    assert read(HEAD + "Content-Type: text/plain\n\n" + normal) == TEXT


# looks_like_html: a document, not prose that names the tags

def test_prose_that_begins_with_a_tag_name_is_not_html():
    prose = "<html> and <body> tags show up at the top of the newsletter.\nAt the bottom I see </body></html> too."
    assert not looks_like_html(prose)
    assert "</body></html> too" in read(HEAD + "Content-Type: text/plain\n\n" + prose + "\n")
    assert looks_like_html("<!DOCTYPE html>\n<html lang=\"en\">\n<head></head><body><p>x</p></body></html>")
    assert looks_like_html("<html xmlns:o=\"urn:x\">\r\n<body><p>x</p></body></html>")


# mbox_unescaped: a ">From" line of a quote stays a quote line

def test_a_quoted_from_line_in_an_mbox_saved_message_stays_quoted():
    assert mbox_unescaped("I can drive.\n\nAna wrote:\n>From the agenda: item 3.\n>We need 200.\n") == \
        "I can drive.\n\nAna wrote:\n>From the agenda: item 3.\n>We need 200.\n"
    assert mbox_unescaped("Yes to B.\n\n>From Network, 1 Dec:\n>Dear all, vote.\n").count(">From") == 1
    assert mbox_unescaped("I will ask.\n>From what I heard, yes.\n\n" + QUOTE).startswith("I will ask.\nFrom what I heard")
    raw = ("From sam@example.net Wed Dec  2 15:42:12 2026\n" + HEAD
           + "Content-Type: text/plain\n\nI can drive.\n\nAna wrote:\n>From the agenda: item 3.\n>We need 200.\n\nI'd give 50.\n")
    text = read(raw)
    assert "I can drive." in text and "I'd give 50." in text and "From the agenda" not in text
