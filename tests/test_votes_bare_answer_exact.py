"""Issue 18, inbound row: a ballot reply that is an answer alone ("Yes", "No.", "ABSTAIN!") skips
the checks that look for words turning an answer round (`contrary_remarks.contrary`), since there
are none beside it. The shortcut must change no reading: every corpus ballot reply and every bare
answer under every corpus ballot's title and options is read the same with it and without it."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench.reading import ballot_title
from mailer.parse import parse_message
from workflows.reading import contrary_remarks
from workflows.reading.choices import read_vote

OWN = Path(__file__).parent / "corpus_own"
VOTES = {name: e for name, e in json.loads((OWN / "INDEX.json").read_text()).items() if "vote" in e}
BARE = ["Yes", "yes", "YES", "Yes.", "yes!", " Yes ", "No", "no", "NO", "No.", "NO!", "Abstain", "abstain.",
        "ABSTAIN!", "Yes?", "No..", "Yes 👎", "No 👍", "Yes\n👎", "Yes\nJust kidding", "No\nSorry, I mean yes",
        "Anna says:\nYes", "Yes, no"]
OPTIONS = [["Yes", "No", "Abstain"], ["Yes", "No"], ["For", "Against", "Abstain"], ["No change", "Raise the fee"]]


def _both(new_text: str, options: list[str], text: str, title: str, subject: str, monkeypatch):
    fast = read_vote(new_text, options, text, title=title, subject=subject)
    with monkeypatch.context() as m:
        m.setattr(contrary_remarks, "_BARE_ANSWER", re.compile(r"(?!)"))  # the shortcut never taken
        slow = read_vote(new_text, options, text, title=title, subject=subject)
    return fast, slow


def test_a_bare_answer_reads_the_same_under_every_corpus_title(monkeypatch):
    titles = sorted({e["vote"].get("title", "") for e in VOTES.values()} | {"Merge with the Hamilton network", ""})
    for title in titles:
        for options in OPTIONS:
            for answer in BARE:
                text = answer + "\n\nOn Mon, Jan 4, 2027 at 9:00 AM Network <network@example.org> wrote:\n> " + title
                fast, slow = _both(answer, options, text, title, "Re: " + title, monkeypatch)
                assert fast == slow, (answer, options, title)


def test_every_corpus_ballot_reply_reads_the_same(monkeypatch):
    taken = 0
    for name, entry in VOTES.items():
        mail = parse_message((OWN / name).read_bytes(), "network@example.org")
        title = entry["vote"].get("title") or ballot_title(mail.subject)
        fast, slow = _both(mail.new_text, entry["vote"]["options"], mail.text, title, mail.subject, monkeypatch)
        assert fast == slow, name
        taken += bool(contrary_remarks._BARE_ANSWER.fullmatch(mail.new_text.strip()))
    assert taken >= 20  # the corpus holds bare answers, so the shortcut is exercised here too
