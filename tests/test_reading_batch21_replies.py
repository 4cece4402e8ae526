"""Batch 21 of replies: the readings mended after its blind run, each beside look-alikes that
must read as they did before (people's lines next to each rule, and the real shapes it must not
lose).

- An attribution whole on a line of its own ("On … wrote:", "Le … a écrit :", opening with its
  preposition and naming a date) is not the rest of one begun on the line above when that line
  names a date or time: her "1. meet at 10:00", "- Sun 13 Dec, 10:00", "Arrivée 10:30" right above
  it stay hers (mailer/quote_markers._whole_alone, asked in attribution_span and intro_before_quote).
  Attributions wrapped inside the date ("On Wed, Dec 2, 2026 at" / "9:14 AM … wrote:"), after the
  address (Turkish "… 2 Ara 2026" / "Çar, 09:14 tarihinde şunu yazdı:") or over three lines read as before.
- The member herself as the writer next to the verb ("… schrieb ich dem Hausmeister:", "… I wrote to
  the council:", "skrev jeg", "schreef ik") is her own narration, not an attribution
  (mailer/quote_markers._FIRST_PERSON_VERB); Eudora's "you wrote:", names such as "Ichiro", "Jegor",
  "Ike" after the verb, and her "I wrote:" right above a `>` quote read as before.
- Her note's fields opening the message ("From: Riverside Tool Share / To: Parks Department / Re: …"),
  with no address, date sent or answered subject, are hers even with no quote below
  (mailer/quote_headers._members_own_fields); a block naming an address, a date sent or "Re:", or
  standing under her text, reads as before.
- Hungarian "Elküldve Androidos telefonomról" / "Elküldve az okostelefonomról" (the verb first, the
  phone named) is a phone's sign-off (mailer/sign_offs._PHONE_SIG); "Elküldve a postáról.", "Elküldve
  az irodából, …" stay hers.
- Three or more lines in a row opening with the fullwidth "＞" are a quote
  (mailer/reply_cleanup.fullwidth_quote_as_quote); one or two are her own marks.
- Notes' summary line "Name ---02/12/2026 09:14:33---first words" above its header table opens the
  original (mailer/quote_headers._notes_summary_line); her "Fair ---12/12/2026 11:00--- be there"
  with no header block under it stays hers.
- A plain alternative that is a placeholder in German, French, Italian… ("Diese Nachricht ist im
  HTML-Format", "Ce message est au format HTML") or a copy of the HTML with its line ends lost
  (mailer/body_repairs.html_for_run_together) gives way to the HTML; a long one-line answer beside an
  HTML that adds her name and phone, or says other things, stays as written.
"""
from __future__ import annotations

import pytest

from mailer.parse import parse_message
from mailer.reply import extract_new_text

LIST = "network@example.org"
Q = "\n> Hello all,\n>\n> The tool library opens on Saturday.\n> Doors open at 11:00.\n"
GM = "\nOn Wed, Dec 2, 2026 at 9:14 AM Network Coordination <network@example.org> wrote:" + Q
TB = "\nOn 02/12/2026 09:14, Network Coordination wrote:" + Q
FR = "\nLe mer. 2 déc. 2026 à 09:14, Network Coordination <network@example.org> a écrit :" + Q
DE = "\nAm Mi., 2. Dez. 2026 um 09:14 Uhr schrieb Network Coordination <network@example.org>:" + Q
OL = "\n\nFrom: Network Coordination <network@example.org>\nSent: Wednesday, December 2, 2026 9:14 AM\nTo: Riverside Volunteers\nSubject: Tool library opening\n\nHello all,\nThe tool library opens on Saturday.\n"

# each: the message, what the reader gives now (the comment: what it gave before)
MENDED = {
    "numbered_time_above_attr": ("Plan for Saturday:\n1. meet at 10:00\n2. till opens at 11:00" + GM,
        "Plan for Saturday:\n1. meet at 10:00\n2. till opens at 11:00"),  # was "Plan for Saturday:"
    "one_numbered_time": ("Yes.\n1. meet at 10:00" + GM,
        "Yes.\n1. meet at 10:00"),  # was "Yes."
    "dash_dates_above_tb": ("I can do:\n- Sat 12 Dec, 11:00\n- Sun 13 Dec, 10:00" + TB,
        "I can do:\n- Sat 12 Dec, 11:00\n- Sun 13 Dec, 10:00"),  # was "I can do:"
    "time_line_above_fr": ("Je viens.\nArrivée 10:30" + FR,
        "Je viens.\nArrivée 10:30"),  # was "Je viens."
    "date_line_above_de": ("Ich komme.\nTreffpunkt 12.12.2026, 10:30" + DE,
        "Ich komme.\nTreffpunkt 12.12.2026, 10:30"),  # was "Ich komme."
    "schedule_above_attr": ("My day:\n10:00 leave home\n10:45 arrive" + GM,
        "My day:\n10:00 leave home\n10:45 arrive"),  # was "My day:"
    "de_schrieb_ich": ("Am 2. Dezember um 9:14 schrieb ich dem Hausmeister:\ner schließt um 10 Uhr auf.",
        "Am 2. Dezember um 9:14 schrieb ich dem Hausmeister:\ner schließt um 10 Uhr auf."),  # was "er schließt um 10 Uhr auf."
    "en_i_wrote": ("On Dec 2 at 9:14 I wrote to the council:\nthey lend us the tables.",
        "On Dec 2 at 9:14 I wrote to the council:\nthey lend us the tables."),  # was "they lend us the tables."
    "no_skrev_jeg": ("Den 2. desember kl. 09:14 skrev jeg til kommunen:\nde låner oss bordene.",
        "Den 2. desember kl. 09:14 skrev jeg til kommunen:\nde låner oss bordene."),  # was "de låner oss bordene."
    "nl_schreef_ik": ("Op 2 december om 09:14 schreef ik de gemeente:\nze lenen ons de tafels.",
        "Op 2 december om 09:14 schreef ik de gemeente:\nze lenen ons de tafels."),  # was "ze lenen ons de tafels."
    "en_we_sent": ("On 2 Dec 2026 at 9:14 we sent the council:\nthe forms, all signed.",
        "On 2 Dec 2026 at 9:14 we sent the council:\nthe forms, all signed."),  # was "the forms, all signed."
    "memo_top": ("From: Riverside Tool Share\nTo: Parks Department\nRe: parking on 12 December\n\nCould you suspend the bays from 10:00?\n\nDoes that work?",
        "From: Riverside Tool Share\nTo: Parks Department\nRe: parking on 12 December\n\nCould you suspend the bays from 10:00?\n\nDoes that work?"),  # was ""
    "memo_top_subject": ("From: the till team\nTo: all volunteers\nSubject: float\n\nPlease bring coins.",
        "From: the till team\nTo: all volunteers\nSubject: float\n\nPlease bring coins."),  # was ""
    "itinerary_top": ("From: Mill Lane\nTo: the fire station\n\nIt's a five minute walk.",
        "From: Mill Lane\nTo: the fire station\n\nIt's a five minute walk."),  # was ""
    "her_fields_above_quote": ("For the poster:\nDate: Saturday 12 December\nTime: 11:00-15:00\nPlace: Old Fire Station" + GM,
        "For the poster:\nDate: Saturday 12 December\nTime: 11:00-15:00\nPlace: Old Fire Station"),  # was "For the poster:\nDate: Saturday 12 December"
    "hu_android": ("Szombaton jövök.\n\nElküldve Androidos telefonomról" + GM,
        "Szombaton jövök."),  # was "Szombaton jövök.\n\nElküldve Androidos telefonomról"
    "hu_okos": ("Jövök.\n\nElküldve az okostelefonomról" + GM,
        "Jövök."),  # was "Jövök.\n\nElküldve az okostelefonomról"
    "ja_fullwidth_quote": ("レジ、やります！\n\n＞ Hello all,\n＞\n＞ The tool library opens on Saturday.\n＞ Doors open at 11:00.\n",
        "レジ、やります！"),  # was "レジ、やります！\n\n＞ Hello all,\n＞\n＞ The tool library opens on Saturday.\n＞ Doors open at 11:00."
    "ja_fullwidth_inline": ("了解です。\n\n＞ 土曜日\n＞ 11時から\n＞ レジ\n\n私がやります。\n\n＞ 片付け\n\nこれも。",
        "了解です。\n\n\n私がやります。\n\n＞ 片付け\n\nこれも。"),  # was "了解です。\n\n＞ 土曜日\n＞ 11時から\n＞ レジ\n\n私がやります。\n\n＞ 片付け\n\nこれも。"
    "notes_summary": ("Yes, the till 11-1.\n\nNetwork Coordination ---02/12/2026 09:14:33---Hello all, The tool library opens on Saturday\n\nFrom:\tNetwork Coordination <network@example.org>\nTo:\tvolunteers@example.org\nDate:\t02/12/2026 09:14\nSubject:\tTool library opening\n\nHello all,",
        "Yes, the till 11-1."),  # was "Yes, the till 11-1.\n\nNetwork Coordination ---02/12/2026 09:14:33---Hello all, The tool library opens on Saturday"
    "notes_summary_us": ("OK.\n\nNetwork Coordination ---12/02/2026 09:14:33 AM---Hello all,\n\nFrom: Network Coordination <network@example.org>\nTo: volunteers@example.org\nDate: 12/02/2026 09:14 AM\nSubject: Tool library opening\n",
        "OK."),  # was "OK.\n\nNetwork Coordination ---12/02/2026 09:14:33 AM---Hello all,"
}

# people's lines next to each rule, and the real shapes it must not lose: read as before
UNCHANGED = {
    "wrapped_in_date": ("Yes, 30th.\n\nOn Wed, Dec 2, 2026 at\n9:14 AM Network Coordination <network@example.org> wrote:" + Q,
        "Yes, 30th."),
    "wrapped_turkish": ("Evet.\n\nNetwork Coordination <network@example.org>, 2 Ara 2026\nÇar, 09:14 tarihinde şunu yazdı:" + Q,
        "Evet."),
    "wrapped_fr_addr": ("Oui.\n\nLe mer. 2 déc. 2026 à 09:14, Network Coordination <\nnetwork@example.org> a écrit :" + Q,
        "Oui."),
    "wrapped_date_first": ("Yes.\n\nOn Wed, 2 Dec 2026 09:14:00 +0000 (UTC)\nNetwork Coordination <network@example.org> wrote:" + Q,
        "Yes."),
    "wrapped_group_three": ("Yes.\n\nOn Wed, Dec 2, 2026 at 9:14 AM 'Network Coordination' via Riverside\nVolunteers <\nvolunteers@googlegroups.com> wrote:" + Q,
        "Yes."),
    "wrapped_de_name": ("Ja.\n\nAm Mi., 2. Dez. 2026 um 09:14 Uhr schrieb Network\nCoordination <network@example.org>:" + Q,
        "Ja."),
    "wrapped_zh": ("好的。\n\nNetwork Coordination <network@example.org> 于2026年12月2日周三\n上午9:14写道：" + Q,
        "好的。"),
    "spark_name_device": ("Yes.\nSam Osei\nSent with Spark" + GM,
        "Yes."),
    "name_above_attr": ("Yes.\nAnna" + GM,
        "Yes.\nAnna"),
    "sentence_above_attr": ("Yes.\nSee you there" + GM,
        "Yes.\nSee you there"),
    "eudora_you_wrote": ("Fine.\n\nAt 09:14 02/12/2026, you wrote:" + Q,
        "Fine."),
    "de_name_ichiro": ("Ja.\n\nAm 02.12.2026 um 09:14 schrieb Ichiro Sato <ichiro@example.org>:" + Q,
        "Ja."),
    "no_name_jegor": ("Ja.\n\nDen 2. des. 2026 kl. 09:14 skrev Jegor Ivanov <jegor@example.org>:" + Q,
        "Ja."),
    "en_name_ian": ("OK.\n\nOn Wed, Dec 2, 2026 at 9:14 AM Ian Weir <ian@example.org> wrote:" + Q,
        "OK."),
    "en_org_we_are": ("OK.\n\nOn Wed, Dec 2, 2026 at 9:14 AM We Are Riverside <hello@example.org> wrote:" + Q,
        "OK."),
    "i_wrote_above_quote": ("Yes.\n\nOn Wed, Dec 2, 2026 at 9:14 AM I wrote:" + Q,
        "Yes."),
    "nl_name_ike": ("Ja.\n\nOp wo 2 dec 2026 om 09:14 schreef Ike de Vries <ike@example.org>:" + Q,
        "Ja."),
    "top_attr_then_unquoted": ("On Wed, Dec 2, 2026 at 9:14 AM Network Coordination <network@example.org> wrote:\nYes, I'll come.",
        "Yes, I'll come."),
    "forward_top_dated": ("From: Network Coordination <network@example.org>\nSent: Wednesday, December 2, 2026 9:14 AM\nTo: Riverside Volunteers\nSubject: Tool library opening\n\nHello all,\nThe tool library opens on Saturday.",
        ""),
    "forward_top_no_address": ("From: Network Coordination\nSent: Wednesday, December 2, 2026 9:14 AM\nTo: Riverside Volunteers\nSubject: Tool library opening\n\nHello all,",
        ""),
    "forward_top_re_subject": ("From: Network Coordination\nTo: Riverside Volunteers\nSubject: Re: Tool library opening\n\nHello all,",
        ""),
    "block_below_text": ("Yes, the till.\n\nFrom: Network Coordination\nTo: Riverside Volunteers\nSubject: Tool library opening\n\nHello all,\nThe tool library opens on Saturday.",
        "Yes, the till."),
    "outlook_block_below": ("Put me down for 11." + OL,
        "Put me down for 11."),
    "hu_galaxy": ("Jövök.\n\nElküldve a Galaxy készülékemről",
        "Jövök."),
    "hu_posta": ("Jövök.\n\nElküldve a postáról." + GM,
        "Jövök.\n\nElküldve a postáról."),
    "hu_office": ("Elküldve az irodából, a telefonom lemerült.\nSzombaton jövök." + GM,
        "Elküldve az irodából, a telefonom lemerült.\nSzombaton jövök."),
    "hu_phone_more": ("Elküldve a telefonomról, mert a gépem elromlott, de szombaton jövök." + GM,
        "Elküldve a telefonomról, mert a gépem elromlott, de szombaton jövök."),
    "hu_verb_last": ("Jövök.\n\nAz iPhone-omról küldve" + GM,
        "Jövök."),
    "hu_letter": ("A levelet elküldve a polgármesternek.\nJövök." + GM,
        "A levelet elküldve a polgármesternek.\nJövök."),
    "ja_fullwidth_two": ("＞ 重要：集合は10時\n＞ 場所は消防署\n\nよろしく。",
        "＞ 重要：集合は10時\n＞ 場所は消防署\n\nよろしく。"),
    "ja_fullwidth_one": ("＞ 重要：集合は10時\n\nよろしく。",
        "＞ 重要：集合は10時\n\nよろしく。"),
    "ja_arrow_mid_line": ("a ＞ b ＞ c\nb ＞ c\nc ＞ d\nd ＞ e",
        "a ＞ b ＞ c\nb ＞ c\nc ＞ d\nd ＞ e"),
    "zh_fullwidth_mixed": ("好的\n＞ 周六\n> 11点\n＞ 收银",
        "好的\n＞ 周六\n＞ 收银"),
    "her_dashes_date": ("Fair ---12/12/2026 11:00--- be there early\nand bring a drill.",
        "Fair ---12/12/2026 11:00--- be there early\nand bring a drill."),
    "her_dashes_date_text_below": ("Reminder ---12/12/2026 11:00---Tool library\n\nI'll bring the float.",
        "Reminder ---12/12/2026 11:00---Tool library\n\nI'll bring the float."),
    "her_dashes_no_block": ("Anna ---02/12/2026 09:14---first draft attached\nSecond draft soon.",
        "Anna ---02/12/2026 09:14---first draft attached\nSecond draft soon."),
}


# multipart/alternative: what the plain part says beside the HTML
HEAD = ("From: Anna Berg <anna.berg@example.net>\nTo: Network Coordination <network@example.org>\n"
        "Subject: Re: Tool library opening\nDate: Thu, 03 Dec 2026 12:00:00 +0000\n"
        "Message-ID: <t21@example.net>\nMIME-Version: 1.0\n")
ORIGH = ("<div>Hello all,</div><div>The tool library opens on Saturday at the old fire station.</div>"
         "<div>Volunteers for the till are still needed.</div>")
OWA = ('<hr><div id="divRplyFwdMsg"><b>From:</b> Network Coordination &lt;network@example.org&gt;<br>'
       '<b>Sent:</b> 02 December 2026 09:14<br><b>To:</b> Riverside Volunteers<br><b>Subject:</b> Tool library opening</div>' + ORIGH)
def alt(plain, html):
    return (HEAD + 'Content-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
            + plain + '\n--b\nContent-Type: text/html; charset=utf-8\n\n<html><body>' + html + '</body></html>\n--b--\n').encode()
RUN = ("I'll bring my cordless drill for demos. From: Network Coordination <network@example.org> Sent: 02 December 2026 09:14 "
       "To: Riverside Volunteers Subject: Tool library opening Hello all, The tool library opens on Saturday at the old "
       "fire station. Volunteers for the till are still needed.")
LONG = ("I can do the till from eleven until one, and my son can take over from one until three, and we will both "
        "stay to help pack the tools away at the end of the day.")
ALTERNATIVES = {
 'run_together_copy': alt(RUN, "<div>I'll bring my cordless drill for demos.</div>" + OWA),
 'placeholder_de': alt("Diese Nachricht ist im HTML-Format. Bitte verwenden Sie ein HTML-fähiges E-Mail-Programm.",
                       "<div>Ich komme am Samstag.</div>" + OWA),
 'placeholder_fr': alt("Ce message est au format HTML.", "<div>Je viens samedi.</div>" + OWA),
 'long_line_same_html': alt(LONG, "<div>" + LONG + "</div>"),
 'long_line_html_with_sig': alt(LONG, "<div>" + LONG + "</div><div><br></div><div>Anna</div><div>07700 900123</div>"),
 'long_line_other_words': alt(LONG, "<div>Sent from my phone</div><div>See the plain part</div><div>Thanks</div>"),
 'short_line_html_more': alt("Yes, the till at 11.", "<div>Yes, the till at 11.</div>" + OWA),
 'two_lines_plain': alt(LONG + "\n" + LONG, "<div>" + LONG + "</div><div>" + LONG + "</div><div>x</div>" + OWA),
 'her_line_about_html_de': alt("Ich mag das HTML-Format nicht, aber ja: ich komme am Samstag um 11 Uhr zur Kasse.",
                               "<div>Ich mag das HTML-Format nicht, aber ja: ich komme am Samstag um 11 Uhr zur Kasse.</div>"),
 'her_line_format_html_it': alt("Ho scritto in formato HTML per sbaglio, comunque vengo sabato alle 11.",
                                "<div>Ho scritto in formato HTML per sbaglio, comunque vengo sabato alle 11.</div>" + OWA),
}

ALT_NOW = {
    "run_together_copy": "I'll bring my cordless drill for demos.",  # was "I'll bring my cordless drill for demos. From: Network Coordination <ne"…
    "placeholder_de": "Ich komme am Samstag.",  # was "Diese Nachricht ist im HTML-Format. Bitte verwenden Sie ein HTML-fähig"…
    "placeholder_fr": "Je viens samedi.",  # was "Ce message est au format HTML."
    "long_line_same_html": "I can do the till from eleven until one, and my son can take over from one until three, and we will both stay to help pack the tools away at the end of the day.",
    "long_line_html_with_sig": "I can do the till from eleven until one, and my son can take over from one until three, and we will both stay to help pack the tools away at the end of the day.",
    "long_line_other_words": "I can do the till from eleven until one, and my son can take over from one until three, and we will both stay to help pack the tools away at the end of the day.",
    "short_line_html_more": "Yes, the till at 11.",
    "two_lines_plain": "I can do the till from eleven until one, and my son can take over from one until three, and we will both stay to help pack the tools away at the end of the day.\nI can do the till from eleven until one, and my son can take over from one until three, and we will both stay to help pack the tools away at the end of the day.",
    "her_line_about_html_de": "Ich mag das HTML-Format nicht, aber ja: ich komme am Samstag um 11 Uhr zur Kasse.",
    "her_line_format_html_it": "Ho scritto in formato HTML per sbaglio, comunque vengo sabato alle 11.",
}


@pytest.mark.parametrize("name", sorted(MENDED))
def test_batch21_mended_reading(name):
    message, now = MENDED[name]
    assert extract_new_text(message) == now


@pytest.mark.parametrize("name", sorted(UNCHANGED))
def test_batch21_look_alike_reads_as_before(name):
    message, before = UNCHANGED[name]
    assert extract_new_text(message) == before


@pytest.mark.parametrize("name", sorted(ALTERNATIVES))
def test_batch21_plain_alternative_read_or_set_aside(name):
    assert parse_message(ALTERNATIVES[name], LIST).new_text == ALT_NOW[name]


def test_run_together_copy_of_a_long_original_is_read_from_its_html():
    """A run-together copy of a long original (5,000 lines: only the HTML's first LINES_LOOKED_AT
    lines are compared) gives way to the HTML, where her line is told from the quote."""
    rows = "".join(f"<div>Line {n} of the original, with some words.</div>" for n in range(5000))
    plain = ("Yes to the till. From: Network Coordination <network@example.org> Sent: 02 December 2026 09:14 "
             "To: Riverside Volunteers Subject: Tool library opening "
             + " ".join(f"Line {n} of the original, with some words." for n in range(5000)))
    html = "<div>Yes to the till.</div>" + OWA.replace(ORIGH, rows)
    assert parse_message(alt(plain, html), LIST).new_text == "Yes to the till."
