"""Bench row 6 (a CLI write beside a busy daemon): a handler importing a reader on first use did so
inside the first batch's write transaction, and the import (its patterns compiled, their gates
derived) held the store's write lock 0.3–1.2 s. The daemon imports them when it starts
(`convenor.daemon.load_readers`); this keeps the list whole as handlers gain lazy imports."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imported_in_functions() -> set[str]:
    """The workflows/mailer modules some function of the message path imports on first use."""
    found = set()
    for folder in ("workflows", "mailer"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for func in ast.walk(tree):
                if isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    for node in ast.walk(func):
                        if isinstance(node, ast.ImportFrom) and node.module and \
                                node.module.split(".")[0] in ("workflows", "mailer"):
                            found.add(node.module)
    return found


def test_the_daemon_imports_every_reader_a_handler_imports_on_first_use():
    lazy = _imported_in_functions()
    assert lazy, "no lazy import found: the scan is broken"
    code = ("import json, sys; import convenor.daemon as d; d.load_readers(); "
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('workflows', 'mailer'))))")
    loaded = set(json.loads(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                                           text=True, check=True).stdout))
    assert lazy <= loaded, sorted(lazy - loaded)
