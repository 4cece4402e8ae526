"""Every whole message of the real-world corpus (../shared/corpus: flufl.bounce and Mailman's
broken MIME) goes through the pipeline and through `convenor inspect` without an unhandled
exception. Skipped when the corpus is absent. (Reply-reading and bounce figures per folder are in
test_corpus_replies.py and test_corpus_bounces.py.)"""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from convenor.cli import main as cli_main
from tests.robust_figures import record
from tests.robust_harness import Harness

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
WHOLE = sorted(CORPUS.glob("flufl.bounce/*.txt")) + sorted(CORPUS.glob("mailman3/*.eml"))
pytestmark = [pytest.mark.corpus,
              pytest.mark.skipif(not WHOLE, reason="../shared/corpus is absent")]


def test_every_whole_corpus_message_goes_through_the_pipeline_and_inspect(tmp_path, capsys):
    logging.disable(logging.CRITICAL)
    h = Harness(tmp_path, open_items=False)
    try:
        states, inspect_failures = {}, []
        for path in WHOLE:
            result = h.feed(path.read_bytes())
            states[result.state] = states.get(result.state, 0) + 1
            code = cli_main(["--config", str(h.net.config), "inspect", str(path)])
            capsys.readouterr()
            if code not in (0, 1):
                inspect_failures.append((path.name, code))
        bounces = h.db.execute("SELECT count(*) FROM inbound WHERE handler = 'bounce'").fetchone()[0]
    finally:
        logging.disable(logging.NOTSET)
        h.close()
    record("corpus_pipeline", messages=len(WHOLE), crashes=0, handled=states.get("handled", 0),
           quarantined=states.get("quarantined", 0), duplicates=states.get("duplicate", 0),
           taken_as_bounces=bounces, inspect_failures=len(inspect_failures))
    assert inspect_failures == []
    assert sum(states.values()) == len(WHOLE)
