"""A "not yet" that puts nothing off (votes18, review18). Patterns only, no I/O.

"Sim, ainda não é tarde" (not yet too late), "Sí, aunque aún no conozco a la gente de Hamilton" (I do not
know them yet): no deferral, where "not yet" alone is one ("No, not yet"). Only with a short plain clause
after it to the line's end: "Yes... not yet late, I'll confirm tonight", "No, not yet met them, will decide
after I do" and "not yet known whether …" stay deferrals (`answer_words.DEFERRAL`, `answer_doubts`).
"""
from __future__ import annotations

# votes18: "not yet" that says it is not too late ("Sim, ainda não é tarde", "Tak, jeszcze nie jest za późno",
# "Sí, aún no es tarde"): no deferral
# review18: only with nothing more to the line's end than a short clause without a put-off ("Yes... not yet late, I'll
# confirm tonight", "No, not yet met them, will decide after I do", "not yet known whether …" stay deferrals)
_PUT_OFF = (r"(?:later|after\w*|confirm\w*|decide|tonight|tomorrow|ask|let|get|vote|voto|vota|stem\w*|depois|luego|después"
            r"|mañana|tarde|plus|demain|später|morgen|dopo|domani|più|później|jutro|digo|aviso|read|leer\w*|ler|lerei|until"
            r"|till|hasta|até|bis|jusqu\w*|when|once|cuando|quando|wenn|quand|so|and|but|pero|mas|ma|aber|maar|mais|und|et"
            r"|y|então|entonces|quindi|donc|dus|więc|ale|oder|or|ou|wait\w*|hold\w*|pending|first|yet|still|soon|next"
            r"|before|maybe|perhaps|probably|think|sure|unsure|idea|i'll|i'd|will|would|need)(?![\w'])")
NOT_LATE = (r"(?!(?:\s+(?:(?:es|é|está|jest|is|ist|est|è|it's)\s+)?(?:(?:demasiado|muy|za|too|trop|zu|te|troppo|tão|tan)\s+)?"
            r"(?:tarde|late|tard|spät|laat|tardi|późno|поздно)"
            # nor someone not known yet ("Sí, aunque aún no conozco a la gente de Hamilton", "embora ainda não conheça")
            r"|\s+(?:(?:lo|la|los|las|os|as|o|a|them|sie|les)\s+)?(?:conozco|conoce|conocemos|conheço|conheça|conhece|conhecemos"
            r"|kenne|kennen|connais|connaissons|conosco|know|met|ken|znam))(?![\w'])"
            # then at most six plain words (no conjunction, no put-off) and "but I trust her" to the line's end
            r"(?=(?:\s+(?!" + _PUT_OFF + r")[\w'-]+){0,6}(?:\s+but i trust (?:her|him|them|you))?[\s.!]*(?:\n|$)))")
