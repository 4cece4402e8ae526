"""The words that end a ranking before its last item, or leave the rest unranked: a table and one
function, used by `rankings` (batch 13, 14).

"First Yuki, then Fatima, then nobody else", "Li Na first; no preference after that", "Sofia Martins
first, the rest I don't mind", "I'd put the fridge first and the rest in any order": the closing says
the ranking ends; it is no item.
"""
from __future__ import annotations

import re

# the words that close a ranking before its end ("First Yuki, then Fatima, then nobody else"): no item
NO_MORE = re.compile(r"^(?:(?:and|then|et|puis|und|dann)\s+)?(?:nobody|no one|no-one|none|nobody else|no one else"
                     r"|no-one else|none of the others|that's it|that is it|that's all|personne d'autre|personne"
                     r"|c'est tout|niemand|sonst niemand|niemand sonst|das war's|nadie más|nadie|nessun altro"
                     r"|ninguém mais|niemand anders|nikt więcej|nikt|больше никого"
                     r"|(?:the rest|the others|everything else) (?:in any order|(?:don't|do not|doesn't) (?:really )?matter(?: (?:to|for) (?:me|us)| much)?))\s*[.!]?$"
                     # batch 14: indifference to the rest ("no preference after that", "the rest I don't mind"); a bare
                     # "no preference" may be about the names before it too: not a closing
                     r"|^(?:(?:and|then|et|puis)\s+)?(?:no (?:preference|order|view)(?: (?:after that|for the rest|between the (?:rest|others)"
                     r"|beyond that|after (?:her|him|them)))|(?:the rest|the others|everyone else|everything else),? i (?:don't|do not)"
                     r" (?:mind|care)|i (?:don't|do not) mind the (?:rest|others)|(?:the rest|the others) (?:is|are) (?:fine|equal)"
                     r"|(?:après|ensuite),? peu importe|peu importe (?:la suite|le reste|ensuite)|le reste m'est égal"
                     r"|pas de préférence (?:ensuite|après|pour la suite|pour le reste)|der rest ist mir egal|danach egal"
                     r"|el resto me da igual|lo demás me da igual|il resto non importa|o resto tanto faz|de rest maakt niet uit)\s*[.!]?$")


# batch 13: "I'd put the fridge first and the rest in any order": one first preference, the rest unranked
ANY_ORDER = re.compile(r"^(?:i'd|i would|i'll|i will|i)\s+put\s+(?=\S.*\bfirst\b)|(?<=\bfirst)\s*(?:,\s*|\s+)(?:and\s+)?"
                       r"(?:then\s+)?(?:the rest|the others|all the others|everything else)\s+(?:in any order|in whatever order"
                       r"|(?:don't|do not|doesn't|does not) (?:really )?matter(?: (?:to|for) (?:me|us)| much)?)\s*[.!]?$")


def without_closing(items: list[str]) -> list[str]:
    """The items without a last one that only says the ranking ends ("nobody else"). A bare "no
    preference", "no order" or "no view" after the names is no closing: it may say the names have no
    order ("Amara, Jonas, no preference"), so the ranking is asked back (review of b14v)."""
    last = items[-1].strip() if items else ""
    if len(items) == 2 and _BARE_NO_PREFERENCE.match(last):
        return items[:-1]  # "Li Na first; no preference (after that)": one first preference
    return items[:-1] if len(items) > 1 and NO_MORE.match(last) else items


# "no preference" with nothing after it: a closing only after one name
_BARE_NO_PREFERENCE = re.compile(r"^(?:(?:and|then)\s+)?no (?:preference|order|view)\s*[.!]?$")
