"""The new text of a reply: what the member wrote, without quotes, forwarded headers or signature.

`extract_new_text` walks the body line by line (no regular expression ever sees more than one
short window of lines, so no input can make it backtrack for long) and keeps what the member
wrote above or between quotes. It knows:

- quoted lines (`>`), and attribution lines that introduce a quote, in several languages and
  wrapped over up to three lines ("On … wrote:", "Le … a écrit :", "Am … schrieb …:",
  "Den … skrev …:", "Op … schreef …:", "El … escribió:", "2022年1月1日(金) 9:00 … <…>:" …);
  after an attribution whose quote is not `>`-prefixed (Gmail, Apple Mail) everything is quote;
- Outlook and other clients' header blocks ("From: / Sent: / To: / Subject:", bold `*From:*`,
  "De : / Envoyé : / À : / Objet :", "Von:", "Van:", "Od:", "Fra:", "Från:" …) and separators
  ("-----Original Message-----", "Forwarded message", a rule of `_` or `-` above a header block);
- signatures: a "-- " line, "Sent from my iPhone"-like lines in several languages, "Get Outlook
  for iOS"; a rule of underscores (list footers, corporate signatures) and legal disclaimers
  end the new text; a gateway's "CAUTION: this email originated from outside…" banner above the
  text is dropped.

Bottom-posted and interleaved replies keep the member's lines: when an attribution followed by
`>` lines opens the message (or follows only a greeting), the unquoted lines between the quotes
are new text. After a top-posted answer, everything from the attribution down is quote.

The multilingual "Sent from my …" phrases of mail-parser-reply are reused for phone signatures.
Neither mail-parser-reply nor email-reply-parser is run on the body itself: on the corpus each
mis-reads what this module gets right (French Outlook blocks, bottom posts, un-prefixed Gmail
quotes) and their multi-line regular expressions can backtrack on long lines.
"""
from __future__ import annotations

import re

from mailparser_reply.constants import MAIL_LANGUAGES

MAX_CHARS = 200_000  # the new text is at the top; a body longer than this is read up to here
MAX_LINE = 400  # only this much of a line is ever looked at by a pattern
_WINDOW = 3  # an attribution may be wrapped over this many lines

_QUOTED = re.compile(r"^\s*>")
_VERBS = (
    r"wrote|writes|a écrit|a ecrit|schrieb|skrev|schreef|escribió|escribio|ha scritto|scrisse"
    r"|napisał\(a\)|napisała|napisał|escreveu|napsal\(a\)|napsal|kirjoitti|írta|写道|작성"
)
_ATTRIB_END = re.compile(r"(?:" + _VERBS + r")(?:[^:：]{0,120})[:：]\s*$", re.IGNORECASE)
_ATTRIB_START = re.compile(
    r"^(?:on|le|am|den|op|el|il|dnia|dne|em|w dniu|på|el día"
    r"|mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim|man|tir|ons|tor|fre|lør|søn"
    r"|mån|tis|lör|sön|ma|di|wo|do|vr|za|zo)\b\.?|^\d",
    re.IGNORECASE,
)
_DATEISH = re.compile(r"@|\b(?:19|20)\d{2}\b|\d{1,2}[:.h]\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
_JA_ATTRIB = re.compile(r"^\d{4}\s*[年년]\s*\d{1,2}\s*[月월].{0,200}[:：]\s*$")

_FIELD = re.compile(
    r"^\s*[*_]{0,2}\s*(from|de|von|van|od|fra|från|da|lähettäjä|feladó|от|发件人|差出人|"
    r"sent|date|to|cc|bcc|subject|envoyé|à|a|objet|gesendet|datum|an|betreff|verzonden|aan|"
    r"onderwerp|wysłano|do|temat|data|dw|sendt|til|emne|dato|kopi|skickat|till|ämne|kopia|"
    r"enviado|fecha|para|asunto|inviato|oggetto|odesláno|komu|předmět|kopie|reply-to|"
    r"répondre à|importance|priorité|cci)\s*[*_]{0,2}\s*[:：]",
    re.IGNORECASE,
)
_FROM_FIELDS = {"from", "de", "von", "van", "od", "fra", "från", "da", "lähettäjä", "feladó", "от",
                "发件人", "差出人"}
_SEPARATOR = re.compile(
    r"^\s*[-=_*]{2,}\s*(original message|message d'origine|message original|ursprüngliche "
    r"nachricht|originalnachricht|oorspronkelijk bericht|oprindelig meddelelse|ursprungligt "
    r"meddelande|opprinnelig melding|mensaje original|messaggio originale|wiadomość oryginalna|"
    r"původní zpráva|mensagem original|alkuperäinen viesti|forwarded message|message transféré|"
    r"weitergeleitete nachricht|doorgestuurd bericht|videresendt meddelelse|mensaje reenviado|"
    r"messaggio inoltrato)\s*[-=_*]{2,}\s*$"
    r"|^\s*(begin forwarded message|début du message réexpédié|anfang der weitergeleiteten "
    r"nachricht|inicio del mensaje reenviado)\s*:\s*$",
    re.IGNORECASE,
)
_RULE = re.compile(r"^\s*(?:_{5,}|-{5,}|—{3,})\s*$")
_UNDERSCORE_RULE = re.compile(r"^\s*_{5,}\s*$")
_SIG_DELIM = re.compile(r"^(?:--|-- |—)\s*$")


def _phone_phrases() -> list[str]:
    """The "Sent from my …" phrases of every language mail-parser-reply knows, plus our own."""
    phrases = {"sent from my", "sent from", "sent via", "get outlook for", "envoyé de mon",
               "envoyé depuis mon", "envoyé depuis", "envoyé à partir de", "télécharger outlook pour",
               "von meinem", "gesendet von meinem", "gesendet von", "verstuurd vanaf mijn",
               "enviado desde mi", "enviado do meu", "inviato da", "wysłano z"}
    for lang in MAIL_LANGUAGES.values():
        for alternative in (lang.get("sent_from") or "").split("|"):
            alternative = alternative.replace(".*", "").replace("\\", "").strip().lower()
            if alternative and re.fullmatch(r"[\w' ]+", alternative):
                phrases.add(alternative)
    return sorted(phrases, key=len, reverse=True)


_PHONE_SIG = re.compile(
    r"^\s*(?:" + "|".join(re.escape(p) for p in _phone_phrases()) + r")"
    r"(?:\s+[\w'’.®-]+){1,5}\s*(?:<[^>\s]{1,200}>)?\s*(?:gesendet|verzonden)?\s*[.!]?\s*$"
    r"|^\s*(?:get outlook for|télécharger outlook pour)\s*\S.{0,200}$"
    r"|^\s*von meinem .{1,40} gesendet\.?\s*$",
    re.IGNORECASE,
)
_BANNER = re.compile(
    r"originated from outside|external (?:sender|email|message)|\[external\]|caution: external"
    r"|provient de l'extérieur|provient d'un expéditeur externe|hors de votre organisation"
    r"|from outside (?:your|the|of) (?:organi[sz]ation|company)",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"^\s*[*_]{0,2}(?:disclaimer|confidentiality notice|confidentiality|avis de confidentialité"
    r"|avertissement|haftungsausschluss)[*_]{0,2}\s*:?\s*$"
    r"|^\s*this (?:e-?mail|message)(?: and any (?:files|attachments?)(?: transmitted with it)?)?"
    r" (?:is|are|may be|contains?) (?:confidential|intended solely|privileged)",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|bonjour|bonsoir|salut|coucou"
    r"|cher|chère|chers|hallo|hola|hej|ciao)\b[^.?!]{0,40}[,!:]?\s*$",
    re.IGNORECASE,
)


def _normalise(text: str) -> str:
    """Return the text with LF line ends, no BOM or NUL, NBSP as space, capped at MAX_CHARS."""
    text = (text or "")[:MAX_CHARS]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "").replace("\x00", "").replace("\u00a0", " ")
    if re.search(r"=[0-9A-F]{2}", text) and "=\n" in text:
        # Quoted-printable that was never decoded: join its soft line breaks, or a wrapped
        # attribution ("w=" / "rote:") and cut words would be read as text of their own.
        text = re.sub(r"=\n", "", text)
    return text


def _is_quoted(line: str) -> bool:
    return bool(_QUOTED.match(line))


def _attribution_length(lines: list[str], i: int) -> int:
    """How many lines (1 to 3) the attribution starting at line i spans, or 0 if there is none."""
    first = lines[i][:MAX_LINE].strip()
    if not first or _is_quoted(first):
        return 0
    if _JA_ATTRIB.match(first) and "@" in first:
        return 1
    starts_well = bool(_ATTRIB_START.match(first))
    wraps = starts_well and bool(re.search(r"\d|@", first))  # a wrapped one begins with its date
    if not starts_well and "@" not in first:
        return 0
    joined = first
    for span in range(1, _WINDOW + 1):
        if span > 1:
            nxt = lines[i + span - 1][:MAX_LINE].strip() if i + span - 1 < len(lines) else ""
            if not nxt or _is_quoted(nxt) or not wraps:
                return 0
            joined = f"{joined} {nxt}"
        if len(joined) > 3 * MAX_LINE:
            return 0
        if (joined.endswith((":", "：")) and _ATTRIB_END.search(joined)
                and _DATEISH.search(joined)):
            return span
        if joined.endswith((":", "：")) and span == 1 and not starts_well:
            return 0
    return 0


def _field_name(line: str) -> str | None:
    m = _FIELD.match(line[:MAX_LINE])
    return m.group(1).lower() if m else None


def _is_header_block(lines: list[str], i: int) -> bool:
    """True when a block of mail header fields ("From: … Sent: … To: …") starts at line i."""
    name = _field_name(lines[i])
    if name is None:
        return False
    names = {name}
    for line in lines[i + 1:i + 7]:
        if not line.strip():
            if len(names) >= 2:
                break
            continue
        other = _field_name(line)
        if other:
            names.add(other)
    return len(names) >= 2 and bool(names & _FROM_FIELDS) or len(names) >= 3


def _quote_starts(lines: list[str], i: int) -> bool:
    """True when line i opens a forwarded or original message: separator or header block."""
    line = lines[i][:MAX_LINE]
    if _SEPARATOR.match(line):
        return True
    if _RULE.match(line):
        nxt = [j for j in range(i + 1, min(i + 4, len(lines))) if lines[j].strip()]
        return bool(nxt) and _is_header_block(lines, nxt[0])
    return _is_header_block(lines, i)


def _next_nonblank(lines: list[str], i: int) -> int | None:
    for j in range(i, len(lines)):
        if lines[j].strip():
            return j
    return None


class _Kept:
    """The member's lines kept so far, with what the reader asks of them counted as they come.

    The reader asks, at every line, whether anything but blank lines was kept and whether what
    was kept is at most a greeting; answering from counters instead of rescanning the kept lines
    keeps a message of blank lines (or of blank lines between attributions) linear in its size.
    """

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.meaningful = 0  # non-blank lines kept
        self.first_is_greeting = False

    def add(self, line: str) -> None:
        self.lines.append(line)
        if line.strip():
            self.meaningful += 1
            if self.meaningful == 1:
                self.first_is_greeting = bool(_GREETING.match(line[:MAX_LINE]))

    def only_greeting(self) -> bool:
        """True when nothing but blank lines and at most one greeting line was kept."""
        return self.meaningful == 0 or (self.meaningful == 1 and self.first_is_greeting)


def extract_new_text(text: str) -> str:
    """Return what the sender wrote in this reply, stripped; "" when they wrote nothing.

    Promises: quoted lines, attributions, forwarded header blocks and what follows an
    unprefixed quote, signatures after "-- ", phone signatures, list footers after a rule of
    underscores and disclaimers are left out; the member's own lines above, between or below
    `>` quotes are kept in order. Text with no quote at all comes back stripped. CRLF, a BOM and
    NULs are accepted; the work is linear in the size of the text, which is read up to
    MAX_CHARS characters.
    """
    lines = _normalise(text).split("\n")
    kept = _Kept()
    i = 0
    while i < len(lines):
        line = lines[i]
        head = line[:MAX_LINE]
        if _is_quoted(head):
            i += 1
            continue
        span = _attribution_length(lines, i)
        if span:
            after = _next_nonblank(lines, i + span)
            if after is not None and _is_quoted(lines[after][:MAX_LINE]) and kept.only_greeting():
                i += span  # a bottom-posted or interleaved reply: its own lines come below
                continue
            break
        if _quote_starts(lines, i) or _SIG_DELIM.match(head) or _UNDERSCORE_RULE.match(head):
            break
        if _DISCLAIMER.match(head) and kept.meaningful:
            break
        if _PHONE_SIG.match(head):
            i += 1
            continue
        if not kept.meaningful and _BANNER.search(head):
            i += 1
            continue
        kept.add(line.rstrip())
        i += 1
    result = "\n".join(kept.lines).strip()
    return re.sub(r"\n{4,}", "\n\n\n", result)
