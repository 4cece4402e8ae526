"""The bare answers to a yes-or-no question, in the languages members write: a word or two that
alone answer what was asked ("Yes.", "Non", "Dagegen", "はい", "Auto-reply: YES"), each with what
it answers (YES, NO or ABSTAIN). Words only, no rule about them.

Defined here once for the two that use them: the automatic-reply checks take a message opening
with one, or a subject holding one after the automatic words, for a person's answer
(`mailer.autoreply_words.ANSWER_WORDS`, `mailer.autoreply_subjects`), and the vote reading reads
them as votes (`workflows.reading.answer_words`: the workflows may import the mailer, never the
other way round)."""
from __future__ import annotations

BARE_ANSWERS = {
    "yes": "YES", "no": "NO", "oui": "YES", "non": "NO", "ja": "YES", "nein": "NO",
    "sí": "YES", "si": "YES", "sì": "YES", "sim": "YES", "não": "NO", "nao": "NO", "nee": "NO",
    "tak": "YES", "nie": "NO", "да": "YES", "нет": "NO", "так": "YES", "ні": "NO",
    "evet": "YES", "hayır": "NO", "ναι": "YES", "όχι": "NO", "igen": "YES", "nem": "NO",
    "kyllä": "YES", "ei": "NO", "ano": "YES", "ne": "NO",
    "approve": "YES", "approved": "YES", "approves": "YES", "agreed": "YES", "against": "NO",
    "abstain": "ABSTAIN", "pour": "YES", "contre": "NO", "dafür": "YES", "dagegen": "NO",
    "a favor": "YES", "en contra": "NO", "favorevole": "YES", "contrario": "NO", "contra": "NO",
    "はい": "YES", "いいえ": "NO", "是": "YES", "否": "NO", "네": "YES", "아니요": "NO",
}
