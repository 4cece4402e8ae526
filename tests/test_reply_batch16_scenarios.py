"""Batch 16 of replies (#15, b16r_ files): members in Toronto answer a draft and a ballot from
Outlook, Samsung Email, Gmail and Zoho set in Punjabi, Gujarati, Tamil, Bengali, Urdu, Persian,
Serbian and Ukrainian. What the blind batch showed misread, each as a rule with the look-alikes
that must stay:

- Outlook's and the phones' header block whose labels no list holds ("ਤੋਂ: / ਭੇਜਿਆ: / ਨੂੰ: /
  ਵਿਸ਼ਾ:", "Од: / Послато: / За: / Тема:") opens the quoted original: four "label: value" lines, the
  first naming an address, one a date sent; a member's own contact lines with opening hours stay;
- Outlook mobile's footer with the system named first ("iOS ਲਈ Outlook ਪ੍ਰਾਪਤ ਕਰੋ") ends her text;
- a legal notice in Ukrainian, Urdu, Persian, Bengali, Punjabi, Gujarati, Tamil or Tagalog ends it;
  her own sentence saying a message is not confidential stays;
- the block that opens with the name her From header gives, above a role and an organisation
  whose name is all capitalised words ("Rexdale Community Hub"), is her signature.
"""
from __future__ import annotations

import pytest

from mailer.reply import extract_new_text
from tests.test_machine_mail_reading import raw, read

ORIGINAL = ("Dear all,\n\nHere is the draft flyer for the winter coat drive:\n"
            "- Collection point: the community hall on Dundas Street\n\nNetwork Coordination\n")
HEAD = ("To: network+abcdefghijklmnopqrstuvwxyz@example.org\n"
        "In-Reply-To: <abcdefghijklmnopqrstuvwxyz.1@example.org>\nSubject: Re: Draft: flyer for the winter coat drive")

# Outlook's From / Sent / To / Subject in locales whose labels no table of the reader holds
BLOCKS = {
    "pa": ("ਤੋਂ", "ਭੇਜਿਆ", "ਨੂੰ", "ਵਿਸ਼ਾ", "ਮੰਗਲਵਾਰ, 1 ਦਸੰਬਰ 2026 9:05 ਪੂ.ਦੁ.", "ਫਲਾਇਰ ਵਧੀਆ ਲੱਗਦਾ ਹੈ।"),
    "gu": ("પ્રેષક", "મોકલ્યો", "પ્રતિ", "વિષય", "મંગળવાર, 1 ડિસેમ્બર, 2026 9:05 AM", "ફ્લાયર સરસ છે."),
    "ta": ("அனுப்புநர்", "அனுப்பியது", "பெறுநர்", "பொருள்", "செவ்வாய், 1 டிசம்பர், 2026 9:05 AM", "என் வாக்கு A."),
    "bn": ("প্রেরক", "প্রেরিত", "প্রাপক", "বিষয়", "মঙ্গলবার, ১ ডিসেম্বর, ২০২৬ ৯:০৫ AM", "আমার ভোট A।"),
    "ur": ("منجانب", "بھیجا گیا", "بنام", "موضوع", "منگل، 1 دسمبر، 2026 9:05 AM", "میرا ووٹ A کے لیے ہے۔"),
    "sr": ("Од", "Послато", "За", "Тема", "уторак, 1. децембар 2026. 09:05", "Гласам за B."),
}


@pytest.mark.parametrize("locale", sorted(BLOCKS))
def test_outlooks_header_block_in_any_language_opens_the_quote(locale):
    sender, sent, to, subject, date, words = BLOCKS[locale]
    text = (f"{words}\n\n\n{sender}: Network Coordination <network@example.org>\n{sent}: {date}\n"
            f"{to}: Volunteers <volunteers@example.org>\n{subject}: Draft: flyer\n\n" + ORIGINAL)
    assert extract_new_text(text) == words


def test_samsungs_framed_title_over_labels_with_vowel_signs_opens_the_quote():
    text = ("ਮੇਰੀ ਵੋਟ B ਲਈ ਹੈ।\n\n\nਮੇਰੇ Galaxy ਤੋਂ ਭੇਜਿਆ ਗਿਆ\n\n-------- ਅਸਲ ਸੁਨੇਹਾ --------\n"
            "ਤੋਂ: Network Coordination <network@example.org> \nਮਿਤੀ: 01/12/2026 09:05 (GMT-05:00) \n"
            "ਨੂੰ: Volunteers <volunteers@example.org> \nਵਿਸ਼ਾ: Ballot \n\n" + ORIGINAL)
    assert extract_new_text(text) == "ਮੇਰੀ ਵੋਟ B ਲਈ ਹੈ।"


def test_a_members_own_contact_lines_with_opening_hours_stay():
    own = ("Email: jordan@example.ca\nPhone: 416-555-0101\nHours: 9:00 to 17:00 on weekdays\n"
           "Place: the side door of the hall")
    text = "Drop the coats with me:\n\n" + own + "\n\nThanks,\nJordan"
    assert own in extract_new_text(text)


# found after the batch by the lead: a member's own event details have the shape of a header block
# in an unknown language (an address, a date with a year and a time); a real block is where the quote
# starts, so it has the date right under the sender, an address among the recipients, and no quote the
# readers know below it
DETAILS = [
    "Contact: anna@example.ca\nVenue: Library annex, Queen Street\nDate: 12 March 2027, 18:00\nRoom: 2B",
    "Organiser: Anna Berg <anna@example.ca>\nWhen: Saturday 14 March 2027 at 10:30\nWhere: Community centre\nCost: free",
    "Contacto: maria@example.ca\nLugar: Biblioteca\nFecha: 12 de marzo de 2027, 18:00\nSala: 2B",
    "संपर्क: ravi@example.ca\nस्थान: पुस्तकालय\nतारीख: 12 मार्च 2027, 18:00\nकमरा: 2B",
    "Email: anna@example.ca\nPhone: 416 555 0199\nMeeting: 12/03/2027 18:00\nTopic: budget",
]
PUNJABI_QUOTE = ("\n\n________________________________\nਤੋਂ: Network Coordination <network@example.org>\n"
                 "ਭੇਜਿਆ: ਮੰਗਲਵਾਰ, 1 ਦਸੰਬਰ 2026 9:05 ਪੂ.ਦੁ.\nਨੂੰ: Volunteers <volunteers@example.org>\nਵਿਸ਼ਾ: Draft: flyer\n\n"
                 + ORIGINAL)


@pytest.mark.parametrize("details", DETAILS)
@pytest.mark.parametrize("below", ["", QUOTE_GMAIL := ("\n\nOn Tue, Dec 1, 2026 at 9:05 AM Network Coordination "
                                                        "<network@example.org> wrote:\n> Dear all,\n> the flyer\n"),
                                   PUNJABI_QUOTE])
def test_a_members_own_event_details_above_the_quote_stay(details, below):
    own = "Here are the details for the workshop:\n\n" + details + "\n\nPlease add this to section 3."
    assert extract_new_text(own + below) == own


@pytest.mark.parametrize("footer", ["iOS ਲਈ Outlook ਪ੍ਰਾਪਤ ਕਰੋ", "Android க்கான Outlook ஐப் பெறுக",
                                    "iOS માટે Outlook મેળવો", "iOS এর জন্য Outlook পান"])
def test_outlook_mobiles_footer_with_the_system_first_ends_the_text(footer):
    text = (f"ਠੀਕ ਹੈ।\n\n{footer}\n________________________________\nFrom: Network Coordination <network@example.org>\n"
            "Sent: Tuesday, December 1, 2026 9:05 AM\nTo: Volunteers <volunteers@example.org>\nSubject: Draft\n\n" + ORIGINAL)
    assert extract_new_text(text) == "ਠੀਕ ਹੈ।"


QUOTE = "\n\nOn Tue, Dec 1, 2026 at 9:05 AM Network Coordination <network@example.org> wrote:\n> Dear all,\n> the flyer\n"


@pytest.mark.parametrize("notice", [
    "Цей лист може містити конфіденційну інформацію. Якщо ви отримали його помилково, повідомте відправника.",
    "یہ ای میل خفیہ معلومات پر مشتمل ہو سکتی ہے۔ اگر آپ کو غلطی سے موصول ہوئی ہے تو بھیجنے والے کو مطلع کریں۔",
    "این ایمیل ممکن است حاوی اطلاعات محرمانه باشد. اگر آن را اشتباهی دریافت کرده‌اید، به فرستنده اطلاع دهید.",
    "এই ইমেইলে গোপনীয় তথ্য থাকতে পারে। ভুল করে পেয়ে থাকলে প্রেরককে জানান।",
    "ਇਹ ਈਮੇਲ ਵਿੱਚ ਗੁਪਤ ਜਾਣਕਾਰੀ ਹੋ ਸਕਦੀ ਹੈ। ਜੇ ਤੁਹਾਨੂੰ ਇਹ ਗਲਤੀ ਨਾਲ ਮਿਲੀ ਹੈ ਤਾਂ ਭੇਜਣ ਵਾਲੇ ਨੂੰ ਦੱਸੋ।",
    "Ang email na ito ay maaaring maglaman ng kumpidensyal na impormasyon para lamang sa tatanggap.",
])
def test_a_legal_notice_in_more_of_torontos_languages_ends_the_text(notice):
    assert extract_new_text("OK for Sunday.\n\n" + notice + QUOTE) == "OK for Sunday."


@pytest.mark.parametrize("own", [
    "این ایمیل محرمانه نیست، لطفاً آن را برای همه داوطلبان محله بفرستید.",
    "Цей лист не конфіденційний, можна переслати його всім волонтерам району.",
])
def test_a_members_sentence_that_her_message_is_not_confidential_stays(own):
    assert own in extract_new_text("OK for Sunday.\n\n" + own + QUOTE)


def answer(body: str, sender: str) -> str:
    """The new text the network reads from a member's reply with this body, from this sender."""
    mail = read(raw(f"From: {sender}\n" + HEAD, body))
    assert not mail.auto_reply and mail.bounce is None  # a member's answer is never machine mail
    return mail.new_text


def test_her_own_name_above_a_role_and_an_organisation_of_capitalised_words_is_her_signature():
    body = ("मेरा वोट B के लिए है।\n\nधन्यवाद,\nरोहित\n\n\nRohit Sharma\nस्वयंसेवक समन्वयक\nRexdale Community Hub\n\n"
            "---- On Tue, 01 Dec 2026 09:05:00 -0500 Network Coordination <network@example.org> wrote ---\n\n" + ORIGINAL)
    assert answer(body, "Rohit Sharma <rohit@example.ca>") == "मेरा वोट B के लिए है।\n\nधन्यवाद,\nरोहित"


def test_another_persons_name_under_her_own_stays():
    body = ("We can both come on Saturday.\n\nRohit Sharma\nPriya Sharma\n\n"
            "On Tue, Dec 1, 2026 at 9:05 AM Network Coordination <network@example.org> wrote:\n> Dear all,\n")
    assert "Priya Sharma" in answer(body, "Rohit Sharma <rohit@example.ca>")
