"""The words that may follow an option's name in an answer and are taken off before it is read: thanks,
"please", "for me", "works best", "is my choice", "gets my vote", polite particles ("です", "ครับ") —
`SUFFIX`; and assent after an option on a ballot of other options ("Ottawa works for me") —
`ASSENT_SUFFIX`. Moved out of `option_expressions` (module size), which reads them.
"""
from __future__ import annotations

import re

SUFFIX = re.compile(r"(?<=\S)\s+(?:please|pls|plz|plse|plese|pleas|pleaze|thanks|thank you|thx|thnx|thanx|tnx|merci(?: beaucoup)?|from me|for me|from us"
                    r"|for us|pour moi|de ma part|here|sorry|bitte|danke|gracias|por favor|grazie|per favore"
                    r"|this time|this year|on this(?: one| motion| proposal| vote| ballot)?|for this one|this round"
                    # batch 21: "No to this one (I'm afraid)", "No I'm afraid"
                    r"|to this(?: one| motion| proposal)?(?:,?\s+(?:i'm|i am) afraid)?|to it|(?:i'm|i am) afraid"
                    r"|obrigad[oa]|dank je(?: wel)?|alstublieft|graag|proszę|dziękuję|спасибо|пожалуйста|tack|tak"
                    r"|takk|kiitos|(?:works|work|is|would be|seems)\s+(?:best|better|fine|good|great|plenty|enough)"
                    r"(?:\s+for\s+(?:me|us|everyone|all of us|(?:the\s+)?[\w']+))?)$|\s*!$|(?<=\S)(?:(?:で|に)?お願い(?:いた)?します|です|します|。)$|(?<=째)요$"
                    r"|(?<=\S)\s+makes?\s+(?:the\s+)?(?:most\s+)?sense(?:\s+(?:to|for)\s+(?:me|us))?$"
                    # batch 20: "Oluwaseun's better (though)": another name said better with "'s" is that name's answer
                    r"|(?<=\w)['’]s\s+(?:best|better)(?:\s+(?:though|tho|imo|for me|for us))?$"
                    # batch 7: thanks to someone by name ("yes, thanks Amina"), "s'il vous plaît", "suits me"
                    # in the members' languages, and the polite particles that close an answer
                    r"|(?<=\S)\s+(?:thanks|thank you|merci|danke|gracias|grazie)\s+[\w'-]+$"
                    r"|(?<=\S)\s+(?:s'il (?:vous|te) pla[iî]t|svp|stp)$"
                    # batch 13: the choice named before "is my choice" ("C is my choice", "Lisbon would be my pick")
                    r"|(?<=\S)\s+(?:is|would be|will be) my (?:real |actual |true |final )?(?:choice|vote|pick|preference|first choice|answer)$"
                    # batch 19: "Priya gets my vote", "Union Hall is the easiest for me to get to" (not after a yes or a no)
                    r"|(?<=\S)(?<!^yes)(?<!^no)(?<!^oui)(?<!^non)\s+(?:gets|has|will get|will have) my vote$"
                    r"|(?<=\S)(?<!^yes)(?<!^no)(?<!^oui)(?<!^non)\s+(?:is|would be) (?:the )?(?:easiest|closest|nearest|handiest|most convenient|most accessible|best)"
                    r"(?: (?:one|place|option|choice|day|evening))?(?: for (?:me|us))?(?: to (?:get to|reach|attend))?$"
                    r"|(?<=\S)\s+(?:passt(?: mir)?(?: am besten| gut| besser)?|ist mir recht|me va (?:bien|mejor)"
                    r"|me viene (?:bien|mejor)|me conviene|me convient(?: le mieux)?|(?:mi )?va bene|(?:me )?fica melhor"
                    r"|past (?:mij )?(?:het )?(?:best|goed)|pasuje(?: mi)?|подходит|suits (?:me|us)(?: best)?)$"
                    r"|(?<=\S)\s*(?:นะ)?(?:ครับ|ค่ะ|คะ)$|(?<=\S)\s+(?:po|ạ)$"
                    # batch 8: "works for me", Turkish "olur" (will do), Korean "이 좋아요" and Japanese "がいいです"
                    # (is good), Chinese "一票" (one vote), an intensifier after the answer ("Piotr obviously",
                    # "… oczywiście"), "first" as in "do that one first"
                    r"|(?<=\S)\s+works? (?:for|with) (?:me|us)$|(?<=\S)\s+(?:olur|olsun|uygun|bana uyar)$"
                    r"|(?<=\S)\s*(?:이|가)?\s*(?:좋아요|좋습니다|좋겠습니다|좋겠어요)$|(?<=\S)(?:が|で)?(?:いいです|良いです|いい)$"
                    r"|(?<=\S)\s*一票$|(?<=\S)\s+(?:obviously|of course|definitely|for sure|oczywiście|oczywiscie"
                    r"|natürlich|bien sûr|évidemment|claro|ovviamente|obviamente|конечно|звісно)$"
                    # (never "the first": the ordinal itself, batch 10)
                    r"|(?<=\S)(?<!^the)(?<!^la)(?<!^le)(?<!^el)(?<!^il)(?<!^lo)(?<!^die)(?<!^der)(?<!^das)(?<!^het)"
                    r"\s+(?:first|d'abord|en premier|zuerst|primero|prima|eerst)$")
# assent after an option, on a ballot of other options ("Ottawa works for me", "B sounds good to me",
# "Sunday is OK for me"; on a yes/no ballot "No sounds good" is no answer)
ASSENT_SUFFIX = re.compile(r"(?<=\S)\s+(?:works(?: for (?:me|us))?|sounds (?:good|great|fine)(?: to (?:me|us))?"
                           r"|looks good(?: to (?:me|us))?|(?:is )?(?:ok|okay|fine) (?:for|with|by) (?:me|us)"
                           r"|(?:is )?(?:ok|okay)|ça me va|ca me va|me va|me convient"
                           r"|(?:(?:seems|sounds|looks) (?:fair|right|reasonable)|is reasonable|(?:seems|sounds|looks|is) about right)"
                           r"(?: to (?:me|us))?)$")  # never "X is right": agreeing with a person's point
