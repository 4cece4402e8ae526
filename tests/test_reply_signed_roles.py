"""Batch 15 of replies: a signature without "-- " under a signed name, notices in more languages,
and the member's own lines that look like them but stay."""
from __future__ import annotations

from mailer.reply import extract_new_text

QUOTE = "\n\nOn Tue, 3 Mar 2026 at 09:05, Network Coordination <network@example.org> wrote:\n> Dear all,\n> the rota\n"


def test_a_role_under_a_full_name_signed_under_a_closing_formula_goes():
    text = "Pot ajuta duminică.\n\nCu stimă,\nElena Dumitrescu\n\nCoordonator voluntari, București" + QUOTE
    assert extract_new_text(text) == "Pot ajuta duminică.\n\nCu stimă,\nElena Dumitrescu"


def test_a_sentence_after_the_signed_name_stays():
    text = "I can do Saturday.\n\nThanks,\nAnna Schmidt\n\nSee you at the depot." + QUOTE
    assert extract_new_text(text).endswith("See you at the depot.")
    text = "I can do Saturday.\n\nThanks,\nAnna\n\nPS bring gloves" + QUOTE
    assert extract_new_text(text).endswith("PS bring gloves")


def test_a_first_name_repeated_in_full_above_a_role_opens_the_signature():
    text = "Je m'inscris pour samedi.\n\nNathalie\n\nNathalie Moreau\nResponsable antenne Lyon 3e" + QUOTE
    assert extract_new_text(text) == "Je m'inscris pour samedi.\n\nNathalie"


def test_a_hungarian_closing_with_a_colon_and_a_chinese_thanks_close_the_text():
    text = "Szombaton jövök.\n\nÜdvözlettel:\nNagy Anna\n\nönkéntes koordinátor" + QUOTE
    assert extract_new_text(text) == "Szombaton jövök.\n\nÜdvözlettel:\nNagy Anna"
    text = "我週六可以去。\n\n謝謝\n林志明\n\n志工協調員\n電話：02-5555-0123" + QUOTE
    assert extract_new_text(text) == "我週六可以去。\n\n謝謝\n林志明"


def test_notices_in_indonesian_vietnamese_finnish_hebrew_and_the_gdpr_end_the_text():
    for notice in ("Email ini bersifat rahasia dan hanya ditujukan untuk penerima yang disebutkan di atas.",
                   "Thư điện tử này có thể chứa thông tin bảo mật và chỉ dành cho người nhận.",
                   "Tämä sähköposti voi sisältää luottamuksellista tietoa ja on tarkoitettu vain vastaanottajalle.",
                   "הודעה זו עשויה להכיל מידע חסוי.",
                   "Ai sensi del Regolamento UE 2016/679 (GDPR) le informazioni contenute sono riservate."):
        assert extract_new_text("Ok for Sunday.\n\n" + notice + QUOTE) == "Ok for Sunday.", notice


def test_a_members_sentence_about_secrecy_stays():
    for own in ("Pesan ini tidak rahasia, silakan teruskan ke semua relawan di daerah kalian.",
                "Thư này không bảo mật, mọi người cứ chia sẻ thoải mái với nhóm của mình nhé."):
        assert own in extract_new_text("Ok for Sunday.\n\n" + own + QUOTE), own


def test_a_filipino_outlook_header_block_opens_the_quote():
    text = ("Sasama po ako sa Sabado.\n\nMula kay: Network Coordination <network@example.org>\n"
            "Ipinadala: Martes, Marso 3, 2026 5:05 PM\nPara kay: Volunteers <volunteers@example.org>\n"
            "Paksa: Volunteer rota\n\nDear all,\n")
    assert extract_new_text(text) == "Sasama po ako sa Sabado."
