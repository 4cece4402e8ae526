"""Issue #15's goals over tests/corpus_own: real-format messages written in each client's format.

Each file is one whole message; INDEX.json says what it must give and where that expectation
comes from (the client and version whose format it was written in). One test per kind of
reading, each asserting the issue's goal; `python -m bench.reading --misses` prints the rates.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.reading import OWN, judge_own
from convenor.cli import main

ALL = json.loads((OWN / "INDEX.json").read_text(encoding="utf-8"))
# a blind batch is measured (python -m bench.reading) before the readers are widened for it, and
# gated here once they are: its prefix stays listed until then
NOT_YET_GATED: tuple[str, ...] = ()
INDEX = {name: entry for name, entry in ALL.items() if not any(p in name for p in NOT_YET_GATED)}


@pytest.fixture(scope="module")
def rates():
    return judge_own(INDEX)


def share(rate) -> float:
    assert rate.count, "no message of this kind in the corpus"
    return rate.right / rate.count


def test_every_message_has_an_expectation_and_a_source():
    files = {str(p.relative_to(OWN)) for p in OWN.rglob("*.eml")}
    assert files == set(ALL), sorted(files ^ set(ALL))
    assert all(entry.get("source") for entry in ALL.values())
    assert len(INDEX) >= 150


def test_reply_text_is_the_members_words(rates):
    assert share(rates["reply text"]) >= 0.97, rates["reply text"].misses


def test_auto_replies_are_recognised(rates):
    assert share(rates["auto-replies"]) >= 0.97, rates["auto-replies"].misses


def test_no_human_reply_is_taken_for_machine_mail(rates):
    assert rates["human as machine"].count >= 100
    assert rates["human as machine"].misses == []


def test_bounces_are_recognised_with_address_and_kind(rates):
    assert share(rates["bounces"]) >= 0.98, rates["bounces"].misses
    assert share(rates["bounced address"]) >= 0.95, rates["bounced address"].misses
    assert share(rates["hard/soft"]) >= 0.97, rates["hard/soft"].misses


def test_feedback_reports_are_read_with_who_complained(rates):
    """RFC 5965 feedback reports (and SpamCop's): their type, and the recipient they are about."""
    assert share(rates["feedback reports"]) >= 0.97, rates["feedback reports"].misses
    assert share(rates["complainant address"]) >= 0.95, rates["complainant address"].misses


def test_a_forwarded_bounce_names_the_address_we_sent_to(rates):
    assert share(rates["forwarded bounce's member"]) >= 0.95, rates["forwarded bounce's member"].misses


def test_challenge_notices_and_human_mail_are_not_bounces(rates):
    assert rates["not bounces"].misses == []


def test_every_message_is_readable(rates):
    assert rates["not readable"].misses == []


def test_an_ambiguous_vote_is_never_counted():
    """Every corpus reply whose expected vote is null (two options, a hedge, a negation, a
    question, an emoji alone, a vote in the subject only) is read as no vote: the member is
    asked back, never guessed."""
    from bench.reading import ballot_title
    from mailer.parse import parse_message
    from workflows.reading.choices import read_vote

    ambiguous = {name: e for name, e in INDEX.items() if "vote" in e and "choice" in e["vote"]
                 and e["vote"]["choice"] is None}
    assert len(ambiguous) >= 15
    for name, entry in ambiguous.items():
        mail = parse_message((OWN / name).read_bytes(), "network@example.org")
        reading = read_vote(mail.new_text, entry["vote"]["options"], mail.text,
                            title=entry["vote"].get("title") or ballot_title(mail.subject), subject=mail.subject)
        assert reading.choice is None and reading.ambiguous, (name, reading.reason)


def test_votes_in_twenty_clients_styles(rates):
    assert rates["votes"].count >= 40
    assert share(rates["votes"]) >= 0.99, rates["votes"].misses


@pytest.mark.parametrize("name", ["replies/starts_with_blank_line.eml", "replies/big5_declared_utf8.eml",
                                  "votes/k9_options.eml", "votes/b8v_en_tick_abstain_outlook.eml"])
def test_inspect_reads_the_file_as_the_corpus_expects(name, tmp_path, capsys):
    assert main(["--config", str(tmp_path / "none.toml"), "inspect", str(OWN / name), "--json",
                 *(["--options", ";".join(INDEX[name]["vote"]["options"])] if "vote" in INDEX[name] else [])]) == 0
    report = json.loads(capsys.readouterr().out)
    if "new_text" in INDEX[name]:
        assert report["new_text"] == INDEX[name]["new_text"]
    if "vote" in INDEX[name]:
        assert report["vote"] == INDEX[name]["vote"]["choice"]
    assert Path(OWN / name).read_bytes()  # the file itself is kept as written
