"""`python -m bench.reading`: how well Convenor reads real-format mail, as the rates of issue #15.

Reads every message of tests/corpus_own/ (INDEX.json says what each one must give and where that
expectation comes from) through `parse_message` and `read_vote` (`read_ranking` for a ranked
ballot's entry: `"ranked": true` and the expected `"ranking"` of labels, or null), exactly as
`convenor inspect --json` and the ballot reply do, and prints:

    reply text right          the member's words, nothing of the quote or signature
    auto-replies recognised
    human replies taken for machine mail (auto-reply or bounce)
    bounces recognised, bounced address right, hard/soft right (by the DSN status class)
    a forwarded bounce's member address named (the address we sent to, when the report says it
        was forwarded or expanded to the failed one: INDEX "forwarded_from")
    feedback reports (ARF, RFC 5965) recognised with their type, and the recipient who complained
    messages not readable
    votes read right

Then the same figures over ../shared/corpus when it is present (reply-parser bodies with the
expectations of tests/test_corpus_replies.py, flufl.bounce with its EXPECTED.json). `--misses`
lists every miss with what was read. Nothing is asserted here: tests/test_corpus_own.py does.
"""
from __future__ import annotations

import email
import email.policy
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mailer.bounce import detect_bounce  # noqa: E402
from mailer.subjects import strip_prefixes  # noqa: E402
from mailer.parse import MalformedMessage, parse_message  # noqa: E402
from workflows.reading.choices import read_vote  # noqa: E402
from workflows.reading.rankings import read_ranking  # noqa: E402

OWN = ROOT / "tests" / "corpus_own"
LIST = "network@example.org"


@dataclass
class Rate:
    """Right answers out of a count, with the misses named."""

    right: int = 0
    count: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, name: str, why: str = "") -> None:
        self.count += 1
        self.right += ok
        if not ok:
            self.misses.append(f"{name}: {why}" if why else name)

    def __str__(self) -> str:
        share = f"{100 * self.right / self.count:.1f}%" if self.count else "n/a"
        return f"{share} ({self.right}/{self.count})"


def text_right(result: str, expect: dict) -> bool:
    """True when the new text is exactly `new_text`, or keeps every `keep` and no `gone` phrase."""
    if "new_text" in expect:
        return result == expect["new_text"]
    return (all(p in result for p in expect.get("keep", []))
            and not any(p in result for p in expect.get("gone", [])))


def ballot_title(subject: str) -> str:
    """The vote's name and title as the ballot's subject carries them ("Re: [Vote 5] Approve the
    2027 budget" → "Vote 5 Approve the 2027 budget"): what the ballot reply knows from the vote
    itself (its reference and title, as workflows.votes.replies passes them)."""
    return re.sub(r"^\s*\[([^\]]{1,40})\]\s*", r"\1 ", strip_prefixes(subject or "")).strip()


def judge_own(index: dict, corpus: Path = OWN) -> dict[str, Rate]:
    """The rates of the issue's table over the own corpus (see INDEX.json)."""
    rates = {k: Rate() for k in ("reply text", "auto-replies", "human as machine", "bounces",
                                 "bounced address", "hard/soft", "forwarded bounce's member",
                                 "not bounces", "feedback reports", "complainant address",
                                 "not readable", "votes")}
    for name, expect in sorted(index.items()):
        raw = (corpus / name).read_bytes()
        try:
            mail = parse_message(raw, LIST)
        except MalformedMessage as exc:
            rates["not readable"].add(False, name, str(exc))
            continue
        rates["not readable"].add(True, name)
        if "new_text" in expect or "keep" in expect:
            rates["reply text"].add(text_right(mail.new_text, expect), name, repr(mail.new_text[:160]))
        if "vote" in expect and expect["vote"].get("ranked"):
            options = expect["vote"]["options"]
            ranking = read_ranking(mail.new_text, options, mail.text)
            got = [options[i] for i in ranking.ranking] if ranking.ranking else None
            rates["votes"].add(got == expect["vote"]["ranking"], name, f"{got!r}: {ranking.reason}")
        elif "vote" in expect:
            # the vote's own title where the entry records it (batch 14: a subject may carry the answer too)
            title = expect["vote"].get("title") or ballot_title(mail.subject)
            reading = read_vote(mail.new_text, expect["vote"]["options"], mail.text, title=title, subject=mail.subject)
            got = expect["vote"]["options"][reading.choice] if reading.choice is not None else None
            rates["votes"].add(got == expect["vote"]["choice"], name, f"{got!r}: {reading.reason}")
        if expect.get("auto_reply"):
            rates["auto-replies"].add(mail.auto_reply, name)
        if expect.get("human") or any(k in expect for k in ("new_text", "keep", "vote")):
            machine = mail.auto_reply or mail.bounce is not None or _feedback(mail) is not None
            rates["human as machine"].add(not machine, name,
                                          mail.auto_reply_reason or f"bounce {mail.bounce}")
        if "feedback" in expect:
            report, want_report = _feedback(mail), expect["feedback"]
            got_type = report.feedback_type if report is not None else None
            rates["feedback reports"].add(got_type == want_report["type"], name, f"type {got_type}")
            if report is not None:
                rates["complainant address"].add(set(report.addresses) == set(want_report["addresses"]),
                                                 name, str(sorted(report.addresses)))
        if "bounce" in expect:
            want = expect["bounce"]
            if want is None:
                rates["not bounces"].add(mail.bounce is None, name, f"read as bounce {mail.bounce}")
                continue
            rates["bounces"].add(mail.bounce is not None, name)
            if mail.bounce is not None:
                got = set(mail.bounce.addresses)
                rates["bounced address"].add(got == set(want["addresses"]), name, str(sorted(got)))
                rates["hard/soft"].add(mail.bounce.permanent == want["permanent"], name,
                                       f"permanent={mail.bounce.permanent}")
                if "forwarded_from" in want:
                    via = dict(getattr(mail.bounce, "forwarded_from", ()))
                    rates["forwarded bounce's member"].add(
                        {via.get(a) for a in want["addresses"]} == {want["forwarded_from"]}, name, str(via))
    return rates


def _feedback(mail):
    """The feedback report read from the mail (None when it is none, or the reader has none)."""
    return getattr(mail, "feedback", None)


def judge_shared(shared: Path) -> dict[str, Rate]:
    """Reply-parser bodies and flufl.bounce reports of ../shared/corpus, with their expectations."""
    rates: dict[str, Rate] = {}
    if not shared.is_dir():
        return rates
    from tests.test_corpus_replies import FOLDERS, judge

    rates["reply text"] = Rate()
    for folder in FOLDERS:
        for path in sorted((shared / folder).glob("*.txt")):
            ok, why = judge(folder, path)
            rates["reply text"].add(ok, f"{folder}/{path.name}", why)
    expected = shared / "flufl.bounce" / "EXPECTED.json"
    if expected.is_file():
        from tests.test_corpus_bounces import TRANSIENT_BY_STATUS

        bounces, addresses, kinds = Rate(), Rate(), Rate()
        for name, detections in sorted(json.loads(expected.read_text()).items()):
            msg = email.message_from_bytes((expected.parent / name).read_bytes(),
                                           policy=email.policy.default)
            info = detect_bounce(msg, LIST)
            bounces.add(info is not None, name)
            if info is None:
                continue
            want = {a.lower() for _, found, _ in detections for a in found}
            addresses.add(want <= set(info.addresses) | set(info.sent_to), name, str(info.addresses))
            temporary = detections[-1][2] or name in TRANSIENT_BY_STATUS
            kinds.add(info.permanent is not temporary, name, f"permanent={info.permanent}")
        rates.update({"bounces": bounces, "bounced address": addresses, "hard/soft": kinds})
    return rates


def _print(title: str, rates: dict[str, Rate], misses: bool) -> None:
    print(title)
    for name, rate in rates.items():
        if not rate.count:
            continue
        if name == "human as machine":
            wrong = rate.count - rate.right
            print(f"  {'human replies taken for machine mail':40} {100 * wrong / rate.count:.1f}% "
                  f"({wrong}/{rate.count})")
        elif name == "not readable":
            print(f"  {'messages not readable':40} {rate.count - rate.right}")
        else:
            print(f"  {name:40} {rate}")
        if misses:
            for miss in rate.misses:
                print(f"      miss {miss}")


def max_batch(index: dict) -> int:
    """The number of the newest batch in INDEX.json (0 when no entry has one)."""
    return max((e["batch"] for e in index.values() if "batch" in e), default=0)


def main(argv: list[str]) -> int:
    """Print the rates over the own corpus, then over ../shared/corpus when present."""
    misses = "--misses" in argv
    index = json.loads((OWN / "INDEX.json").read_text(encoding="utf-8"))
    _print(f"Own corpus (tests/corpus_own, {len(index)} messages):", judge_own(index), misses)
    # each batch was written in one go before the readers were changed for it: a test of generality
    for number in sorted({e["batch"] for e in index.values() if "batch" in e}):
        batch = {name: entry for name, entry in index.items() if entry.get("batch") == number}
        _print(f"\n  of which batch {number} ({len(batch)} messages, INDEX 'batch': {number}):",
               judge_own(batch), misses and number == max_batch(index))
    shared = ROOT.parent / "shared" / "corpus"
    if not shared.is_dir():
        shared = Path("/work/shared/corpus")
    if shared.is_dir():
        _print(f"\nShared corpus ({shared}):", judge_shared(shared), misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
