"""Reading a command a member wrote to the list address ("HELP", "JOIN Training")."""
from __future__ import annotations

from mailer.message import InboundMail
from mailer.subjects import strip_prefixes


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
