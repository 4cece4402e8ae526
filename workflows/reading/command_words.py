"""Reading a command a member wrote to the list address ("HELP", "JOIN Training").

A message is a command only when the member's new text IS that command, with the arguments it
expects, as GNU Mailman's administrivia rule reads them: "Help! A woman we support needs a safe
place tonight" or "Join me in asking the ministry…" are not commands, and go to the coordinators.
"""
from __future__ import annotations

import re
from typing import Callable

from mailer.message import InboundMail
from mailer.subjects import has_prefix, strip_prefixes

# Words a member may add around a command without changing it ("HELP\nThanks, Li").
COURTESY = frozenset("""thanks thank you thx ty merci beaucoup cheers regards best kind warm please svp
    cordialement bien amicalement salutations bonne journée journee bye salut hi hello bonjour
    danke gracias grazie obrigado obrigada saludos grüße bises ciao love sincerely""".split())
SUBJECT_WORDS = frozenset({"command", "commands", "commande", "commandes", "request", "demande"})


# Asking to stop the network's mail in the words people write, in the languages they write: read
# as UNSUBSCRIBE when such a phrase is the whole line (courtesy around it is fine). Written by
# hand: no library reads these; they are the phrases list servers see most.
_STOP_PHRASES = (
    r"(?:please )?unsubscribe(?: me)?(?: please)?(?: from (?:this|the|your) (?:mailing )?list)?",
    r"(?:please )?(?:remove|take) me (?:off|from) (?:this|the|your) (?:mailing |e-?mail )?list(?: please)?",
    r"(?:please )?stop (?:sending me|emailing me)(?: (?:these|this|your) (?:e-?mails|mails|messages|announcements))?",
    r"i (?:want|would like|'d like|wish) to unsubscribe", r"opt me out", r"opt out",
    r"(?:merci de |veuillez |svp |s'il vous plaît )?(?:me )?(?:désabonner|desabonner|désinscrire|desinscrire)(?:-moi)?"
    r"(?: de (?:la|cette|votre) liste(?: de diffusion)?)?",
    r"(?:désabonnez|desabonnez|désinscrivez|desinscrivez)-moi(?: de (?:la|cette|votre) liste(?: de diffusion)?)?"
    r"(?: svp| s'il vous plaît)?",
    r"(?:merci de |veuillez )?(?:me )?retirer de (?:la|cette|votre) liste(?: de diffusion)?",
    r"retirez-moi de (?:la|cette|votre) liste(?: de diffusion)?",
    r"je (?:veux|voudrais|souhaite) (?:me désabonner|me desabonner|me désinscrire|me desinscrire)",
    r"je ne (?:veux|souhaite) plus recevoir (?:ces|vos) (?:courriels|messages|annonces|mails|e-mails)",
    r"(?:bitte )?(?:abmelden|austragen|abbestellen)(?: bitte)?",
    r"bitte (?:entfernen sie|streichen sie|nehmen sie) mich (?:aus dem verteiler|von der liste|aus der liste)(?: heraus)?",
    r"(?:por favor )?(?:darme de baja|dar de baja|quiero darme de baja|cancelar (?:mi )?suscripción)",
    r"(?:por favor )?(?:descadastrar|cancelar (?:a )?inscrição|quero cancelar (?:a )?inscrição)",
    r"(?:per favore )?(?:disiscrivimi|cancellami|annulla (?:l')?iscrizione)",
    r"(?:graag )?(?:uitschrijven|afmelden|schrijf me uit)", r"wypisz mnie", r"(?:отписаться|отпишите меня)",
    r"(?:désinscription|desinscription)",
)
_STOP = re.compile(r"^(?:" + "|".join(_STOP_PHRASES) + r")$")
# Of those, the requests that name no list of the network's own ("take me off the list", "opt
# out"): in a message whose subject is about something else ("Re: Speakers for the panel") they
# are about that (a speakers' list, an attendee list), not the network's mail.
_GENERIC_STOP = re.compile(r"^(?:(?:please )?(?:remove|take) me (?:off|from) the list(?: please)?|opt (?:me )?out|"
                           r"(?:merci de |veuillez )?(?:me )?retirer de la liste|retirez-moi de la liste)$")
# A subject naming a list that is not the network's mail ("Volunteer list", "Liste des intervenants")
_A_LIST = re.compile(r"\b(?:lists?|listes?|lista|lijst|verteiler)\b")
_OWN_LIST = re.compile(r"\b(?:mailing|e-?mail|diffusion|newsletter|network|réseau|reseau)\b")


def _words_of(line: str) -> str:
    return re.sub(r"[\s]+", " ", line.casefold().replace("’", "'")).strip(" .!,;:")


def spoken_command(line: str) -> str | None:
    """"UNSUBSCRIBE" when `line` asks, in words, to stop the network's mail ("Please remove me
    from this list", "Merci de me désabonner", "Bitte abmelden"), else None."""
    return "UNSUBSCRIBE" if _STOP.match(_words_of(line)) else None


def _about_something_else(line: str, topic: str, arguments: dict) -> bool:
    """True when a request in words (`line`) is, by the subject's `topic` (reply prefixes
    stripped), about another list than the network's mail: the request names no list of the
    network's own ("Please take me off the list") and the subject says something else, or the
    subject names another list ("Re: Volunteer list for the fair"). A subject that is empty, a
    command or itself a request ("Unsubscribe", "Remove me") says nothing else."""
    words = _words_of(topic)
    if not words or words in SUBJECT_WORDS or spoken_command(topic) or _split(topic)[0] in arguments:
        return False
    if _GENERIC_STOP.match(_words_of(line)):
        return not re.match(r"^(?:please )?(?:remove|take|opt) me\b", words)
    return bool(_A_LIST.search(words)) and not _OWN_LIST.search(words)


def first_word(mail: InboundMail) -> tuple[str, str]:
    """The command word of a message (first word of its new text, else of its subject, upper
    case, without trailing punctuation) and the rest of that line."""
    for text in (mail.new_text, strip_prefixes(mail.subject)):
        for line in (text or "").splitlines():
            line = line.strip()
            if line:
                word, _, rest = line.partition(" ")
                return word.strip(".:!,").upper(), rest.strip()
    return "", ""


def _split(line: str) -> tuple[str, list[str]]:
    """("JOIN", ["Training"]) for "join Training."; only a final "." or ":" is dropped."""
    words = [w.strip(",;") for w in line.strip().rstrip(".").split()]
    if not words:
        return "", []
    return words[0].rstrip(":").upper(), words[1:]


def _courtesy(line: str, name: str) -> bool:
    """True for a line that only greets, thanks or signs ("Thanks, Li", "Merci !", "— Jean")."""
    words = [w for w in re.split(r"[\s,.;:!?—–\-]+", line.casefold()) if w]
    own = set(re.split(r"\s+", name.casefold()))
    return bool(words) and all(w in COURTESY or w in own for w in words)


def read_command(mail: InboundMail, arguments: dict[str, tuple[int, int, Callable[[str], bool] | None]],
                 sender_name: str = "", answering_us: bool = False) -> tuple[str, str] | None:
    """(WORD, argument) when the message is exactly one known command, else None.

    Promises: the command is the first line of the new text (or, when that is empty, the
    subject without its Re:/Fwd: prefixes); its word is in `arguments`, whose (min, max, check)
    give how many words may follow and, with `check`, whether they name something that exists
    (a sub-committee). Every other line of the new text only greets, thanks or signs with the
    sender's name. A subject next to a command in the body says nothing else: it is empty, a
    reply's, a command word, or a word like "command". Case does not matter; "HELP!" is not
    HELP (a cry for help goes to the coordinators). A first line that asks in words to stop the
    network's mail (`spoken_command`) is UNSUBSCRIBE, unless the subject shows it is about another
list (`_about_something_else`: "Re: Speakers for the panel" with "Please take me off the list");
    in a reply to a message of Convenor's own (`answering_us`: an announcement) the subject is ours
    and says nothing else.
    """
    lines = [line.strip() for line in (mail.new_text or "").splitlines() if line.strip()]
    subject = strip_prefixes(mail.subject).strip()
    if not lines:
        lines, subject_said = [subject], ""
    else:
        subject_said = "" if has_prefix(mail.subject) or subject.casefold() in SUBJECT_WORDS else subject
    spoken = spoken_command(lines[0])
    if spoken and not answering_us and _about_something_else(lines[0], subject, arguments):
        spoken = None  # to the coordinators, who know which list it means
    word, args = (spoken, []) if spoken else _split(lines[0])
    if word not in arguments or any(not _courtesy(line, sender_name) for line in lines[1:]):
        return None
    args = [a for a in args if not _courtesy(a, "")]  # "help please", "JOIN Training, thanks"
    low, high, check = arguments[word]
    argument = " ".join(args)
    if not low <= len(args) <= high or (check is not None and not check(argument)):
        return None
    # a request in words ("Please remove me from this list") says what it means whatever the subject
    if subject_said and not spoken and _split(subject_said)[0] not in arguments:
        return None
    return word, argument
