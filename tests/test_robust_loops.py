"""Loops: machine mail carrying a ballot token is never answered and never counted; ordinary
Outlook mail with only X-Auto-Response-Suppress is still a member's vote."""
from __future__ import annotations

from tests.robust_figures import record
from tests.robust_harness import Harness

MACHINE = [
    "Auto-Submitted: auto-replied\r\n", "Auto-Submitted: auto-generated\r\n", "Precedence: bulk\r\n",
    "Precedence: junk\r\n", "Precedence: list\r\n", "X-Autoreply: yes\r\n", "X-Autorespond: yes\r\n",
    "List-Id: <other.lists.example.net>\r\n", "X-Mailman-Version: 2.1.39\r\n",
    "List-Unsubscribe: <mailto:leave@lists.example.net>\r\nPrecedence: list\r\n",
]  # List-Unsubscribe alone is not list traffic (some personal mail carries it): see test_autoreply
SUBJECTS = ["Out of Office: ballot", "Automatic reply: ballot", "Réponse automatique : bulletin",
            "Absence : bulletin", "Autoreply: ballot", "Abwesenheitsnotiz: ballot"]


def test_machine_replies_are_neither_answered_nor_counted(tmp_path):
    h = Harness(tmp_path)
    try:
        owners = {addr: tok for tok, addr, kind in h.tokens if kind == "vote"}
        h.net.step()
        h.net.new_messages()
        tries = []
        for addr, tok in owners.items():
            for extra in MACHINE:
                tries.append((addr, tok, "Re: [Vote 1] ballot", extra))
            for subject in SUBJECTS:
                tries.append((addr, tok, subject, ""))
        tries.append(("network@example.org", next(iter(owners.values())), "Re: [Vote 1]", ""))  # ourselves
        for i, (addr, tok, subject, extra) in enumerate(tries):
            h.feed((f"From: {addr}\r\nTo: network+{tok}@example.org\r\nSubject: {subject}\r\n"
                    f"Message-ID: <loop{i}@mx.example.net>\r\n{extra}\r\nI am away until Monday. YES\r\n").encode())
        h.net.step()
        answered = len(h.net.new_messages())
        counted = h.db.execute("SELECT count(*) FROM vote_events").fetchone()[0]
        record("loops", machine_messages=len(tries), answered=answered, counted=counted)
        assert answered == 0 and counted == 0
        addr, tok = next(iter(owners.items()))
        h.feed((f"From: {addr}\r\nTo: network+{tok}@example.org\r\nSubject: RE: [Vote 1] ballot\r\n"
                f"X-Auto-Response-Suppress: All\r\nThread-Topic: ballot\r\n\r\nYES\r\n").encode())
        assert h.db.execute("SELECT count(*) FROM vote_choices").fetchone()[0] == 1
    finally:
        h.close()
