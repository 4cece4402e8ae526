"""Whether "he", "she", "they" after a candidate's name can only be that candidate. Pure function.

Batch 20 lets a judgement said of a pronoun judge the candidate an answer chose ("Marta, she would be a
disaster": asked back). The pronoun names the chosen candidate only when nothing else in the words after
the answer could be it (review 20): no other option named, in full or by one name ("Marta. Oluwaseun? He'd be a disaster"), no
other person or group spoken of ("Marta, her rival is terrible", "they all sound awful", "the other lot"),
and not pronouns of both a man and a woman ("Marta — she fixed the mess he left, which was a disaster").
Otherwise the remark is read as it was before batch 20 (`motion_judgements.judged_otherwise` without
`person`).
"""
from __future__ import annotations

import re

from workflows.reading.option_expressions import mentions
from workflows.reading.person_labels import name_label

# another person or group than the candidate, in the members' languages
_OTHERS = re.compile(r"(?<![\w'])(?:other|others|another|opponent|rival|predecessor|incumbent|challenger|all|both|either"
                     r"|neither|everyone|everybody|autre|autres|andere|anderen|otro|otra|otros|altro|altra|altri"
                     r"|ander|outro|outra|outros|inny|inna|другой|другая)(?![\w'])", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'-]+")
_HE = re.compile(r"(?<![\w'])(?:he|he's|he'd|he'll|him|his|himself|il|lui|él|hij|ele|он)(?![\w'])", re.IGNORECASE)
_SHE = re.compile(r"(?<![\w'])(?:she|she's|she'd|she'll|her|hers|herself|elle|ella|lei|zij|ela|ona|она)(?![\w'])",
                  re.IGNORECASE)


def only_the_candidate(after: str, index: int, options, keys, labels) -> bool:
    """True when a person's pronoun in `after`, the words following the answer that chose option `index`,
    can only name that candidate: no other option named there, no other person or group spoken of, and
    not pronouns of both a man and a woman."""
    return not (mentions(after, options, keys, labels) - {index} or _OTHERS.search(after)
                or _HE.search(after) and _SHE.search(after)
                or any(name_label(word, options, True) not in (None, index) for word in _WORD.findall(after)))
