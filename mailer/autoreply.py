"""Recognising mail that no person wrote: automatic replies and mailing-list traffic.

Convenor never answers such mail (an answer to an out-of-office reply starts a loop). The rules
follow RFC 3834 (Auto-Submitted), the de-facto Precedence header, the X-Autoreply family of
headers, and out-of-office subjects in the languages members use. `X-Auto-Response-Suppress`
alone is NOT a sign: ordinary Outlook mail carries it to ask *others* not to auto-reply.
The subject's words are `mailer.autoreply_subjects`, the text's `mailer.autoreply_words`.
"""
from __future__ import annotations

import re
from email.message import EmailMessage, Message

from mailer.addresses import parse_one
from mailer.autoreply_headers import (answers_a_message, composed_by_a_program, header_reason, mail_programs,
                                      values as _values, written_in_a_person_client)
from mailer.header_text import first_header, raw_header_values
from mailer.absence_notices import PERSONS_ACT, only_an_absence_notice
from mailer.autoreply_words import ANSWER_WORDS, TEXT_REASON, says_it_is_automatic
from mailer.bounce_text import is_challenge
from mailer.bounce_words import CHALLENGE, CJK_HUMAN_ASK
from mailer.vote_phrases import VOTE_PHRASE_PATTERN
from mailer.autoreply_subjects import (absence_word_subject, automatic_subject, bracketed_absence, forwarded,
                                       names_what_it_answers, thanks_only)
from mailer.subjects import has_prefix
from mailer.list_notices import LIST_MANAGER_REASON, notice_reason

SUBJECT_REASON = "subject looks automatic"  # the start of a reason that is only a guess from the subject
NO_REPLY_REASON = "sent from a no-reply address"  # a guess too: a person may write from one
CHALLENGE_REASON = "a mail system's challenge to the sender"  # a guess too: no header said so
# a mail system's own address: a challenge-response filter sends its ask from one too
_MAIL_SYSTEM = re.compile(r"(?:postmaster|mailer-daemon|mail-daemon)@", re.IGNORECASE)
_NO_REPLY = re.compile(r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply)(?:[-+._][^@]*)?@",
                       re.IGNORECASE)


def _signed_by_the_sender(msg: Message, new_text: str) -> bool:
    """True when the message's own words end with the first name alone of the name its From
    shows ("Vera" under a message from "Vera Novak <no-reply-please@…>"): a person signing, as no
    automatic notice from a no-reply address does (it signs as a team or a company, in full)."""
    name = parse_one(first_header(msg, "From"))[0].strip().strip('"')
    last = next((line for line in reversed(new_text[-500:].splitlines()) if line.strip()), "")
    signed = last.strip().strip(".,!-–— ").lower()
    words = name.lower().split()
    return len(words) >= 2 and bool(signed) and signed == words[0]


def _sender_address(msg: Message) -> str:
    """The From address as Convenor reads a sender everywhere (`addresses.parse_one`: the
    address in angle brackets wins; ~1 µs for a plain one, where email.utils takes ~25 µs)."""
    return parse_one(first_header(msg, "From"))[1]




def auto_reply_reason(msg: EmailMessage, new_text: str = "", attributed: bool = False,
                      quoted: bool = False, quotes_original: bool = False) -> str | None:
    """Return why `msg` is an automatic reply (a short English phrase naming no word the sender
    chose: reasons reach the logs), or None for human mail.

    Promises: Auto-Submitted other than "no", Precedence bulk/junk/auto_reply, an
    X-Autoreply / X-Autorespond / X-Auto-Response (or any X-Auto… header but
    X-Auto-Response-Suppress), an Exchange inbox-rule or generated-message header
    (X-MS-Exchange-Inbox-Rules-Loop, X-MS-Exchange-Generated-Message-Source), or an out-of-office or
    automatic-reply subject in English, French, German, Spanish, Italian, Portuguese, Dutch,
    Scandinavian, Polish, Finnish, Czech, Japanese or Chinese, or a challenge-response
    filter's subject ("Please verify your email") each give a reason; so does a challenge-response
    filter's ask to prove the sender human ("送信者の確認", "подтвердите, что вы не робот", ChoiceMail's
    registration) sent from postmaster or MAILER-DAEMON in answer to a message (a guess); so do any other header
    whose name or value says auto-replied / auto-generated / autoresponder (or names Exchange's
    out-of-office / reply template message class), and a no-reply sender address (unless a person's
    mail program, named by its User-Agent or X-Mailer, wrote the message, or the message is signed
    with the first name of its From alone: "Vera" under "Vera Novak <no-reply-please@…>", or its own
    words open with a bare answer: "Ja, I agree." from "noreply.maria@…", or it quotes the message it
    answers under an attribution line: `attributed`). A subject
    gives a reason only when the automatic words lead it: a person's "RE: Automatic reply:
    <subject>" or "Fwd: Out of Office: …", and "Re: [Meeting 3] Absence …", give none; nor does
    any subject of a new message (one that answers none: no In-Reply-To, References or
    plus-address): an automatic reply answers a message, so "Out of Office: back Monday" written
    as a new message with no automatic header is a person's. Precedence gives none for a message
    a mail program names itself on (X-Mailer, User-Agent; a server's stamp on all it passes,
    "Internet Mail Service", names none); the subject gives none for one written in a program
    people write in (Thunderbird, Outlook, Apple Mail …: `_PERSON_CLIENT`; a webmail's or mail
    server's name, "Coremail", "Zoho Mail", Yahoo's "WebService", "Lotus Notes", is on its own
    automatic replies too) unless the subject has an automatic reply's exact shape, its words then
    the subject it answers ("Automatic reply: [Draft 21] …": `names_what_it_answers`). Automatic
    words asked about ("Automatyczna odpowiedź? Nie …") or going on as a topic in lower case ("Re: auto-reply
    settings for …") are a person's subject, and so is a member's answer where an automatic reply puts
    the subject it answers ("Auto-reply: YES", "Automatic reply: [Vote 7] Budget — yes from me").
    X-Auto-Response-Suppress alone gives none. A list manager's or a spam filter's notice (its sender
    or its subject: `mailer.list_notices`) gives one, as a guess. A read receipt (multipart/report of a
    disposition notification) and Mailman's X-List-Administrivia give one; so does, as a guess, a
    challenge-response filter's ask in the message's own words with a link or an ask to reply
    (`_challenge_in_own_words`: "I'm protecting myself from receiving junk mail …", sent from the
    member's own address), for a message answering one that no person's mail program wrote and that
    is not `attributed` (a filter never quotes what it holds under "On … wrote:"; its zh/ja/ko ask none
    either in a "Re:" reply that is `quoted`, with ">" lines or text below a quote). `new_text` (the message's own words, quotes
    and forwarded copies left out) gives one, even from a mail program's rule, when the message
    answers one and its words say they are automatic ("This is an automatic reply", "Dies ist
    eine automatische Antwort", "Your message will not be forwarded": `mailer.autoreply_words`);
    never for a forward. An autoresponder's thanks in place of the subject ("Thank you for your
    email!") gives none when the message is `attributed`: it quotes the one it answers under an
    attribution line ("On … wrote:"), as a person's mail program does and an autoresponder's
    acknowledgement does not. Words that are only an absence notice (away until a date, when the
    writer will answer, whom to write to: `absence_notices.only_an_absence_notice`) give one too,
    but not for a message written in a program people write in, nor for one that `quotes_original`
    (the message it answers under an attribution line or an Outlook header block, with ">" lines:
    a person's mail program does so, an absence notice does not); so does "Fravær" leading the
    subject, with such words (`absence_word_subject`: no date needed). A no-reply sender quoting what
    it answers gives one only when its words say a system answers ("automatisk bekräftelse", "ikke
    lenger i bruk", "Saksnummer", "do not reply") and hold no vote, question or answer. Never raises
    on a malformed header.
    """
    programs = mail_programs(msg)
    header = header_reason(msg, programs)
    if header:
        return header
    composed = composed_by_a_program(programs)
    # (a message whose own words open with a bare answer, "Ja, I agree.", is a person's: no automatic notice
    # from a no-reply address answers yes or no)
    # (batch 18) nor one that quotes the message it answers under "On … wrote:", as a person's mail
    # program does: an organisation whose system sends everyone's mail from "noreply@"
    # (review b18ab) unless its words say a system answered: "Tack för ditt meddelande. Detta är en
    # automatisk bekräftelse …", "Denne e-postadressen er ikke lenger i bruk", "Saksnummer 12345"
    if (_NO_REPLY.match(_sender_address(msg)) and not written_in_a_person_client(programs)
            and (not attributed or _a_system_answers(new_text))
            and not _signed_by_the_sender(msg, new_text) and not _BARE_ANSWER_SENTENCE.match(new_text)):
        return NO_REPLY_REASON
    for value in _values(msg, "X-POST-MessageClass"):
        if "autoresponder" in value.lower():
            return "X-POST-MessageClass: autoresponder"
    subject = first_header(msg, "Subject")[:300]
    # a challenge never quotes the message it holds under "On … wrote:"; a member's reply that does and
    # speaks of a website's "confirm you are not a robot" is theirs (batch-16 review)
    if (not composed and not attributed and _MAIL_SYSTEM.match(_sender_address(msg)) and answers_a_message(msg)
            and is_challenge(msg, subject)):
        return CHALLENGE_REASON  # a filter's ask to prove the sender human, from postmaster or MAILER-DAEMON
    # a webmail's or mail server's name (Coremail, Zimbra, Yahoo's WebService, Lotus Notes) is on
    # the automatic replies it sends as on its users' mail: only a program people write in vetoes
    person_wrote = written_in_a_person_client(programs)
    notice = notice_reason(msg, person_wrote or composed, answers_a_message(msg))
    if notice:
        return notice  # a list manager's or a spam filter's notice (a guess: SUBJECT_REASON leads it)
    if (automatic_subject(subject) and answers_a_message(msg) and not (attributed and thanks_only(subject))
            and (not person_wrote or names_what_it_answers(subject, first_header(msg, "Thread-Topic")))):
        return SUBJECT_REASON  # not the subject itself: reasons reach the logs
    if (bracketed_absence(subject) and new_text and not person_wrote and answers_a_message(msg)
            and _ABSENCE_ONLY.match(new_text[:400])):
        return SUBJECT_REASON  # "[OOO] <subject>" with the absence alone for words ("Away until 4 January.")
    if (new_text and not person_wrote and not attributed and answers_a_message(msg) and not forwarded(subject)
            and _challenge_in_own_words(new_text, quoting_reply=quoted and has_prefix(subject))):
        return CHALLENGE_REASON  # a filter's ask sent from the recipient's own address or a service's
    # a bare absence notice is a weak sign too: none for a message a person's mail program wrote
    if (new_text and (says_it_is_automatic(new_text)
                      or (not person_wrote and not quotes_original and only_an_absence_notice(new_text)))
            and answers_a_message(msg) and not forwarded(subject)):
        return TEXT_REASON
    if (new_text and not person_wrote and not quotes_original and absence_word_subject(subject)
            and answers_a_message(msg) and only_an_absence_notice(new_text, until_needed=False)):
        return SUBJECT_REASON  # "Fravær" over "Takk for e-posten. Jeg er tilbake på kontoret 11. desember."
    return None


# a system's acknowledgement in its own words (a no-reply sender's that quotes what it answers)
_SYSTEM_ANSWERS = re.compile(
    r"\bautomat(?:isk|iskt|ic|ed|ically|isch|ique)\w*|\b(?:not|no longer|ikke lenger|inte längre|ikke længere) "
    r"(?:monitored|in use|i bruk|i brug|overvåket|bevakad|overvåges)|\bdo not reply|\bsvar(?:a)? (?:ikke|inte) på"
    r"|\b(?:saks|ärende|sags|referanse|ticket |case |reference )(?:nummer|number|no\.?|#)"
    r"|\bhar (?:mottatt|mottagit|tagit emot|modtaget) din(?:e|t)? (?:henvendelse|forespørsel|ärende|meddelande|e-?post|mail|besked)"
    r"|\bwe have received your", re.IGNORECASE)


def _a_system_answers(new_text: str) -> bool:
    """True when a no-reply sender's words (at most 500 characters) say a system answered and hold no
    question, vote, yes or no (`absence_notices.PERSONS_ACT`)."""
    head = new_text[:501]
    return (len(head) <= 500 and "?" not in head and _SYSTEM_ANSWERS.search(head) is not None
            and PERSONS_ACT.search(head) is None)


# an absence notice's whole text, short: "Out of office until 14 December.", "I am away until 4
# January, back on the 5th." (no question, no answer: "Yes to the budget. Off until Monday." is a person's).
# Each run of white space is read by one "\s*" (three in a row took 1.8 s over 400 spaces)
_ABSENCE_ONLY = re.compile(r"\s*(?:(?:hello|hi|thank you for your (?:e-?mail|message)|thanks for your (?:e-?mail|message))"
                           r"[,.!]?\s*|[,.!]\s*)?(?:(?:i am|i'm|i will be|i'll be)\s*)?(?:out of (?:the )?office|away|on (?:leave|vacation|holiday)"
                           r"|off|absent)\b[^?\n]{0,120}\b(?:until|till|through|returning)\b[^?]{0,200}$", re.IGNORECASE)


# a link or an ask to reply: a challenge always tells the sender where to prove themself (a link
# named only in words, "click the link below", "haciendo clic en el siguiente enlace", is a person's
# too: "please click the link below to verify your address" of a volunteer portal; batch 15's rule
# for it is reverted)
_WHERE_TO_ANSWER = re.compile(r"https?://|\bwww\.|\breply\b|\brespond|antworten|répondez|responda", re.IGNORECASE)


def _challenge_in_own_words(new_text: str, quoting_reply: bool = False) -> bool:
    """True when the message's own words are a challenge-response filter's ask (`CHALLENGE`: "Please
    verify that you are human", "I'm protecting myself from receiving junk mail", "Você não é um
    robô") with a link or an ask to reply, and do not open with a member's bare answer ("Yes — and
    I'm not a robot, https://…") nor cast a vote in the first person ("Je vote pour"). The zh/ja/ko
    ask (`CJK_HUMAN_ASK`) never counts in a `quoting_reply`
    (a "Re:" subject over a quote): a member answering the thread, not a filter holding mail."""
    head = new_text[:5000]
    if _ANSWER_OPENS.match(head) or _SPEAKS_OF_VOTING.search(head):
        return False  # (review b21ab) "Avant de voter, confirmez que vous êtes un humain :) Je vote pour"
    if _WHERE_TO_ANSWER.search(head) is None:
        return False
    for asks in CHALLENGE.finditer(head):
        if _BARE_NOT_A_ROBOT.match(asks.group(0)):
            continue  # "I'm not a robot, I just reply late": a person's joke, no filter's ask
        if quoting_reply and CJK_HUMAN_ASK.search(asks.group(0)):
            continue  # (review b17a) "Re: …" with a quote below: a member telling of a sign-up page
        line_start = head.rfind("\n", 0, asks.start()) + 1
        cjk = CJK_HUMAN_ASK.search(head, asks.start(), asks.end())  # the zh/ja/ko ask's words come after its mail's
        ask_start = cjk.start() if cjk else asks.start()
        # a person citing the ask ("it says 'please verify …'") is no filter; a 「heading」 closed before
        # the ask ("「迷惑メール対策」のため、…確認してください") holds none of it
        return not any(mark.group(0) not in _CLOSED_BY or _CLOSED_BY[mark.group(0)] not in head[mark.end():ask_start]
                       for mark in _QUOTE_MARK.finditer(head, line_start, ask_start))
    return False


# a member casting a vote in the first person: a filter holding mail never votes (it may quote our "[Vote 9] …")
# ("voto" only before an answer: alone it may be a ballot title's noun the filter quotes)
_SPEAKS_OF_VOTING = re.compile(r"\b(?:" + VOTE_PHRASE_PATTERN + r"|voto (?:sì|si|no|a favor|en contra|contro|a favore))\b",
                               re.IGNORECASE)
_BARE_NOT_A_ROBOT = re.compile(r"not a (?:ro)?bot$", re.IGNORECASE)


_CLOSED_BY = {"「": "」", "『": "』"}
_QUOTE_MARK = re.compile(r"[\"“”„«「『]|(?<![^\s(])['‘]")  # an opening quote, not the apostrophe of "I'm"


# (review b17a) a bare answer as a sentence of its own or before a comma ("Ja, I agree.", "Yes. The trustees …"),
# not a label's or a number's ("Approved: your claim …", "No. 88213", "No-reply: …")
# (before a comma only when the writer's own agreement follows: "Ja, I agree.", not "Sí, su reserva 4410 …")
_BARE_ANSWER_SENTENCE = re.compile(r"\s*" + ANSWER_WORDS + r"(?:\s*[.!]+(?=\s+\D|\s*$)|[ \t]*$|[ \t]*\n"
                                   r"|\s*,\s+(?:i|i'm|i'd|we|ich|wir|je|j'|yo|io|agreed?|einverstanden|d'accord"
                                   r"|de acuerdo|d'accordo|count me|for me|from me|dafür|dagegen)\b)",
                                   re.IGNORECASE | re.MULTILINE)
_ANSWER_OPENS = re.compile(r"\s*" + ANSWER_WORDS + r"(?:\s*[.!,;:—–-]|\s*$|\s*\n)", re.IGNORECASE)


def is_only_a_guess(msg: Message, reason: str | None) -> bool:
    """True when `reason` (from `auto_reply_reason`) rests only on the subject, the message's own
    words, a no-reply sender address or a list manager's (`mailer.list_notices`), which a person may write or use too: no header said the
    message is automatic, and its return path is not null (`Return-Path: <>` is written by mail
    systems, never by a person's mail program). Such mail is a guess: Convenor never answers it,
    but never drops it either."""
    if not reason or not reason.startswith((SUBJECT_REASON, TEXT_REASON, NO_REPLY_REASON, CHALLENGE_REASON,
                                            LIST_MANAGER_REASON)):
        return False
    return not any(value.strip() == "<>" for value in raw_header_values(msg, "Return-Path"))
