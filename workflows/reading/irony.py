"""Irony said in words beside a member's answer: the answer taken back (issue 15). Pure functions and
patterns, used by `contrary_remarks` (split from it by job, votes17).

- a last "Not." or "… or not" after a yes or an option ("Oh yes, what a brilliant idea. Not.");
- a yes "of course" followed by an absurdity ("Yes, sure, and pigs will fly", "Oui, bien sûr, et la
  marmotte …"; not thanks or the member's own help or wish: "Yes, sure, and let's do it soon");
- "what could possibly go wrong?", "Oh great, another merger", "nothing says … like …", "why not give
  them our bank account too";
- "jk", "just kidding" (not "not kidding"); sarcasm in so many words ("(sarcasm)", "as if", "when pigs
  fly", "mon œil", "/s").

Each pattern is bounded and run only on a text holding a word its matches need (`pattern_gates`).
"""
from __future__ import annotations

import re

from workflows.reading.pattern_gates import gated

# irony said in words
_NOT_TAIL = re.compile(r"(?:(?:^|[.!…,;—–-])\s*|(?<![\w'])(?:or|ou|oder|o|of)\s+)(?:not|pas|nicht|no|non|niet)\s*[.!…?]*\s*$")
# what a sincere "sure, and …" goes on with: thanks, the member's own help or wish ("Yes, sure, and let's do it
# soon", "Ja klar, und gerne helfe ich mit"); not "and I'm the Pope"
_SINCERE = (r"(?:(?:thanks|thank|merci|danke|gracias|grazie|bedankt|obrigad\w*|many thanks|let's|let us|i'd|i'll|i will|i would"
            r"|i can|i hope|we'll|we can|we should|happy|glad|gladly|gerne|gern|ich helfe|ich komme|congrat\w*|enhorabuena"
            r"|félicitations|felicitaciones|complimenti|bravo|well done|good luck|bonne chance|viel erfolg|je viendrai"
            r"|j'aiderai|je peux|ayudaré|puedo|also|aussi|auch|también|anche|ook)(?![\w'])"
            # votes18: gladness it is done at last, a welcome, the member's own part, said alone to the line's end
            # ("Yes, of course, and about time too", "Oui, bien sûr, et il était temps", "Ja klar, und endlich!",
            # "y cuenten conmigo"); not with more after it (review18: "and about time we lost our independence
            # too", "and welcome to our new overlords", "et vive la dictature", "and count me in for the funeral")
            r"|(?:(?:it's |it is |and )?about time|(?:it's |it is )?long overdue|high time|il était temps|il est temps|enfin"
            r"|endlich|(?:es )?wurde (?:auch )?zeit|höchste zeit|ya era hora|era ora|finalmente|hoog tijd|werd tijd"
            r"|já era (?:hora|tempo)|welcome|bienvenue|willkommen|bienvenid\w*|benvenut\w*|welkom|bem-vind\w*"
            r"|a (?:big |huge )?thank(?:s| you)(?: to (?:the (?:board|committee|organi[sz]ers|team)|everyone|all))?"
            r"|count me in(?: for the (?:committee|working group|board|team))?|comptez sur moi|cuenten conmigo|contad conmigo)"
            r"(?:\s+(?:too|also|ook|aussi|auch|anche|también|também))?[\s.!…]*$)")
# "sure, and pigs will fly" after an option's name
SURE_AND_TAIL = re.compile(r"\W*(?:oh\s+)?(?:sure|right|of course|certainly|totally|bien sûr|c'est ça|évidemment|genau|klar"
                            r"|natürlich|claro|por supuesto|certo|natuurlijk)\s*[,.!…]*\s*(?:and|et|und|y|e|en)\s+"
                            r"(?!" + _SINCERE + r")\w")
_KIDDING = re.compile(r"(?<![\w'])(?<!not )(?<!no )(?<!n't )(?<!pas )(?<!kein )(?<!keinen )(?:jk|j/k|just kidding|kidding|je plaisante|nur spa(?:ß|ss)|es broma|scherzo"
                     # batch 20: "I'm joking", "je rigole", "sto scherzando", "brincadeira", "grapje"; review20: not
                     # negated in the member's language ("sem brincadeira", "geen grapje", "non sto scherzando", "je
                     # rigole pas"), set aside ("brincadeira à parte") or about another thing ("joking about the cake")
                     r"|(?<!non )(?<!não )(?<!nao )(?<!sem )(?<!geen )(?<!zonder )(?<!sans )(?:(?:i'm |i am |just |only )joking"
                     r"|je rigole|sto scherzando|estou brincando|brincadeira|grapje)(?!\s+(?:pas|niet|about|à parte|a parte"
                     r"|aside|apart|terzijde)(?![\w'])))(?![\w'])")
# irony idioms that take a yes back ("what could possibly go wrong?", "nothing says community like a
# takeover", "Oh great, another merger", "Super, encore une fusion")
_IRONY_IDIOMS = re.compile(r"(?<![\w'])(?:what could (?:possibly )?go wrong|why not (?:just )?(?:give|hand) (?:them|it)"
                           # what no one gives away, or "too": not "why not give it the go-ahead / our full support"
                           r" (?:(?:our|the|all|my) (?:[\w-]+ )?(?:bank accounts?|keys|wallets?|money|savings|house|building"
                           r"|funds|cash|assets|pin|passwords?|firstborn)|everything|(?:our|the|all)[^.!?]{0,40}?(?:too|as well"
                           r"|while we're at it))|qu'est-ce qui pourrait (?:bien )?mal tourner"
                           r"|was (?:soll|kann) (?:da )?(?:schon )?schiefgehen|qué (?:podría|puede) salir mal"
                           r"|nothing says .{1,40}? like|(?:oh |yay,? )?(?:great|super|wonderful|fantastic|perfect|yay|toll|genial|brilliant|lovely"
                           r"|marvellous|terrific"
                           r"|génial|prima)[,!.…]*\s+(?:just what we need,?\s+)?(?:another|encore une?|noch (?:ein|eine)"
                           r"|otra|otro|un'altra|un altro|nog een)"
                           # votes18: a cheer said alone ("Yes! Great, another step forward", "… another milestone for
                           # us"); not with more after it (review18: "another step backwards", "another step forward…
                           # for Hamilton, not us", "another win for the bureaucrats")
                           r"(?!\s+(?:(?:big|great|important|huge)\s+)?(?:step forward|milestone|success|win|victory)"
                           r"(?:\s+for\s+(?:us|all of us|everyone|the (?:team|network|association|members|club)))?[\s.!…]*$))(?![\w'])")
# sarcasm said in so many words ("Yes (sarcasm)", "Yes, as if", "Yes — when pigs fly", "Oui... mon œil", "/s")
_SARCASM = re.compile(r"(?<![\w'])(?:sarcas\w*|as if|in your dreams|when pigs fly|pigs might fly|mon œil|yeah,? right"
                      r"|said no ?one(?: ever)?|lol,? no(?:pe)?|haha,? no(?:pe)?"
                      # batch 21: Russian "yeah, right" ("Ну да, конечно, ещё одна бумажка."), not a plain "Да, конечно"
                      r"|ну да,? конечно|ага,? (?:конечно|щас))(?![\w'])|(?:^|\s)/s\W*$")
# a line after the answer that takes it back by itself ("Yes" / "Just kidding!", "Not.", "👎", "/s")
BARE_NOT = re.compile(r"\W*(?:not|nope|pas|nicht|lol|jk)\W*")
_SURE_AND = re.compile(r"^\W*(?:yes|yeah|yep|oui|ja|sí|si|sim|sì)\W+(?:oh\s+)?(?:sure|right|of course|certainly|totally|hoor"
                       r"|bien sûr|c'est ça|évidemment|genau|klar|natürlich|sicher|claro|por supuesto|certo|certamente"
                       r"|natuurlijk|tuurlijk)\s*[,.!…]*\s*(?:and|et|und|y|e|en)\s+"
                       r"(?!" + _SINCERE + r")\w")

def ironic(line: str, polarity: int) -> bool:
    """True when words take the answer back: "just kidding", and after a yes a last "Not." or "Yes, sure,
    and pigs will fly"."""
    return bool(_KIDDING.search(line) or _SARCASM.search(line)) or polarity > 0 and bool(
        _NOT_TAIL.search(_without_whether(line)) or _SURE_AND.search(line) or _IRONY_IDIOMS.search(line))


# votes18: "… or not" that ends "whether …" ("Yes, whether we like it or not", "Ja, ob es uns gefällt oder nicht"):
# no irony
_WHETHER = re.compile(r"(?<![\w'])(?:whether|ob|que ça|qu'on le veuille|nos guste|te guste|les guste|che ci piaccia"
                      r"|of we het|quer (?:queiramos|gostemos)|goste-se)(?![\w'])[^.!?…;\n]{0,60}?(?<![\w'])(?:or|ou|oder|o|of)\s+"
                      r"(?:not|non|nicht|no|niet|não)(?![\w'])")


def _without_whether(line: str) -> str:
    """The line without its "whether … or not" and the punctuation left at its end, so that a separate "Not!"
    still ends it (review18: "Yes, whether we like it or not. Not!", "Oui. Pas. Que ça plaise ou non.")."""
    return _WHETHER.sub(" ", line).rstrip(" \t.!…,;") if "whether" in line or " o" in line else line


# the worst-case read: each pattern run only on a text holding a word its matches need (`pattern_gates`)
_KIDDING, _SARCASM, _IRONY_IDIOMS, _SURE_AND, _NOT_TAIL = map(gated, (_KIDDING, _SARCASM, _IRONY_IDIOMS, _SURE_AND, _NOT_TAIL))
