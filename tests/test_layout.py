"""The layout holds: the rooms import only downwards, no module imports itself back through
others (no import circle, counting imports inside functions), and no file name in workflows/
carries a workflow prefix."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("mailer", "store", "workflows", "convenor")
# what each room may import of the others (DESIGN.md: directions of imports)
ALLOWED = {"mailer": set(), "store": set(), "workflows": {"mailer", "store"},
           "convenor": {"mailer", "store", "workflows"}}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name and not name.startswith(target + "."):
                    graph[name].add(target)
    return graph


def test_each_room_imports_only_the_rooms_below_it():
    wrong = [(a, b) for a, deps in _graph().items() for b in deps
             if b.split(".")[0] != a.split(".")[0] and b.split(".")[0] not in ALLOWED[a.split(".")[0]]]
    assert wrong == []


def test_there_is_no_import_circle():
    graph = _graph()
    circles, state = [], {}

    def visit(node, stack):
        state[node] = "open"
        for dep in sorted(graph[node]):
            if state.get(dep) == "open":
                circles.append(stack[stack.index(dep):] + [dep])
            elif dep not in state:
                visit(dep, stack + [dep])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert circles == []


def test_workflow_files_carry_no_workflow_prefix():
    concerns = [p.name for p in (ROOT / "workflows").iterdir() if p.is_dir() and not p.name.startswith("_")]
    prefixed = [str(p.relative_to(ROOT)) for p in (ROOT / "workflows").rglob("*.py")
                if any(p.stem.startswith(c.rstrip("s")) and p.stem != "__init__" for c in concerns)]
    assert prefixed == []


def test_workflows_get_mail_already_read():
    """Reading raw mail is the pipeline's (outside the write transaction, one way for every
    message): a workflow is handed an InboundMail, or the caller's reader in its Context."""
    readers = {"mailer.parse", "mailer.simple_parse", "mailer.reply", "mailer.html_text", "mailer.token_scan"}
    wrong = [(a, b) for a, deps in _graph().items() if a.startswith("workflows.") for b in deps if b in readers]
    assert wrong == []
