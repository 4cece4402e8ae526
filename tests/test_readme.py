"""The README is the contract: every command, every settings key and every `--json` key is documented there."""
from __future__ import annotations

import argparse
import json
import re
import typing
from pathlib import Path

from pydantic import BaseModel

from convenor.cli import build_parser
from convenor.settings import Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def command_parsers(parser: argparse.ArgumentParser, prefix: str = "convenor"):
    """(command, its parser) for every command the CLI has."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from command_parsers(sub, f"{prefix} {name}")
            return
    yield prefix, parser


def commands(parser: argparse.ArgumentParser):
    return (name for name, _ in command_parsers(parser))


def settings_keys(model: type[BaseModel], prefix: str = ""):
    for name, field in model.model_fields.items():
        if field.exclude:
            continue
        annotation = field.annotation
        inner = typing.get_args(annotation)[0] if typing.get_origin(annotation) is list else annotation
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            yield from settings_keys(inner, f"{prefix}{name}.")
        else:
            yield prefix + name


def test_every_cli_command_is_in_the_readme():
    missing = [c for c in commands(build_parser()) if f"`{c}" not in README]
    assert missing == []


def test_every_settings_key_is_in_the_readme():
    def documented(key: str) -> bool:
        """In backticks, in a table row of its section, or as a line of a TOML example of its section."""
        section, _, leaf = key.rpartition(".")
        top = key.split(".")[0]
        rows = [line for line in README.splitlines() if line.startswith(f"| `{top}.") or f"`{section}." in line]
        in_toml_example = False
        for header in (f"[{section}]", f"[[{section}]]"):
            start = README.find("\n" + header + "\n")
            block_end = README.find("```", start)
            if start >= 0 and f"\n{leaf} =" in README[start:block_end]:
                in_toml_example = True
        return f"`{key}`" in README or any(leaf in row for row in rows) or in_toml_example

    missing = [k for k in settings_keys(Settings) if not documented(k)]
    assert missing == []


# --- every `--json` command's keys, as the README documents them --------------------------------

def json_commands(parser: argparse.ArgumentParser):
    """Every command that takes --json."""
    return (name for name, sub in command_parsers(parser) if any("--json" in a.option_strings for a in sub._actions))


def documented_json() -> dict[str, dict]:
    """The README's "JSON keys" section: for each command, its tree of keys ({} = keys chosen by
    the data, e.g. option labels; None = a plain value)."""
    start = README.index("\n### JSON keys")
    section = README[start:README.index("\n## ", start + 1)]
    bodies = {}
    for entry in re.split(r"\n- (?=`convenor )", section)[1:]:
        head, _, body = entry.partition("`:")
        body = re.sub(r"the keys of `([a-z ]+)`", lambda m: bodies["convenor " + m.group(1)], body)
        for command in re.findall(r"`(convenor [a-z]+(?: [a-z]+)*)", head):
            bodies[command] = body
    return {command: key_tree(body) for command, body in bodies.items()}


def key_tree(text: str) -> dict:
    """Keys are in backticks; "`key` (…)" right after a key holds that key's own keys."""
    root: dict = {}
    stack, groups = [root], []
    last_key, last_end = None, 0
    for m in re.finditer(r"`([^`]+)`|[()]", text):
        token = m.group(0)
        if token == "(":
            child = last_key is not None and not text[last_end:m.start()].strip()
            if child:
                stack[-1][last_key] = stack[-1][last_key] or {}
                stack.append(stack[-1][last_key])
            groups.append(child)
            last_key = None
        elif token == ")":
            if groups.pop():
                stack.pop()
            last_key = None
        elif re.fullmatch(r"[a-z_][a-z0-9_]*", m.group(1)):
            last_key = m.group(1)
            stack[-1].setdefault(last_key, None)
        else:
            last_key = None
        last_end = m.end()
    return root


def output_tree(value):
    """The keys a JSON value holds: dicts by key, lists by the union of their elements."""
    if isinstance(value, dict):
        return {k: output_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        tree = None
        for element in value:
            tree = merge(tree, output_tree(element))
        return tree
    return None


def merge(a, b):
    if not isinstance(a, dict) or not isinstance(b, dict):
        return a if isinstance(a, dict) else b
    return {k: merge(a.get(k), b.get(k)) for k in a.keys() | b.keys()}


def differences(doc, out, path: str = "") -> list[str]:
    """What the output holds that the README does not say, and what the README says that the
    output never held."""
    if doc == {}:  # keys chosen by the data (labels, ids, kinds)
        return []
    out = out or {}
    if doc is None:
        return [f"{path}.{k} is not documented" for k in out]
    found = [f"{path}.{k} is not documented" for k in out.keys() - doc.keys()]
    found += [f"{path}.{k} is documented but never printed" for k in doc.keys() - out.keys()]
    for k in doc.keys() & out.keys():
        if isinstance(doc[k], dict) and doc[k] and out[k] is None:
            found.append(f"{path}.{k} is documented with keys but was never printed with any")
        else:
            found += differences(doc[k], out[k], f"{path}.{k}")
    return found


def test_key_tree_reads_nested_keys_and_leaves_prose_alone():
    tree = key_tree("`a`, `b` (`c`, `d` (label → count)), (see `convenor status`) `e` = \"x\" (a note)")
    assert tree == {"a": None, "b": {"c": None, "d": {}}, "e": None}
    assert differences({"a": None, "b": {"c": None}}, {"a": None, "b": {"c": None, "z": None}, "y": None}) == \
        [".y is not documented", ".b.z is not documented"]
    assert differences({"a": {"c": None}}, {"a": None}) == [".a is documented with keys but was never printed with any"]


def test_every_json_command_prints_the_keys_the_readme_documents(network, capsys, monkeypatch, tmp_path):
    """Every --json command, run on a populated store, prints exactly the keys the README lists."""
    from tests.cli_populated import populate, run, run_json
    from tests.dsn import delivery_report

    net = network
    received = populate(net, capsys, monkeypatch)
    outputs: dict[str, list] = {}

    def take(command: str, *argv) -> None:
        outputs.setdefault(command, []).append(run_json(net, capsys, *argv))

    for command in ("status", "members list", "drafts list", "votes list", "decisions list", "actions list",
                    "attendance"):
        take(command, *command.split())
    take("members list", "members", "list", "--all")
    take("meetings list", "meetings", "list", "--all")
    take("drafts show", "drafts", "show", "1")
    for number in ("1", "2", "3"):
        take("votes show", "votes", "show", number)
    for number in ("1", "2"):
        take("decisions show", "decisions", "show", number)
    for number in ("1", "2"):
        take("meetings show", "meetings", "show", number)
    take("actions show", "actions", "show", "1")
    take("purge", "purge", "--dry-run", "--days", "0")
    for name, msg in received.items():   # a reply to each kind of item, and a bounce
        eml = tmp_path / f"{name}.eml"
        answer = "1, 2?\nPlaces: A" if name == "poll" else "Yes"
        eml.write_bytes(bytes(net.compose(msg.to, f"Re: {msg.subject}", answer, to=msg.reply_to,
                                          headers={"In-Reply-To": msg.message_id},
                                          attachments=[("notes.txt", "text/plain", b"notes")])))
        take("inspect", "inspect", str(eml))
    eml = tmp_path / "bounce.eml"
    eml.write_bytes(delivery_report(net.list_address, "li@example.org", "5.1.1", bytes(received["ballot"].msg)))
    take("inspect", "inspect", str(eml))
    take("inspect", "inspect", str(Path(__file__).parent / "corpus_own" / "feedback" / "b4m_arf_yahoo_cfl_abuse.eml"))
    capsys.readouterr()
    from convenor import cli
    cli.main(["--config", str(net.config), "check", "--json"])   # exit 1: the only coordinator is unreachable
    outputs["check"] = [json.loads(capsys.readouterr().out)]

    documented = documented_json()
    assert sorted(documented) == sorted(json_commands(build_parser())), "each --json command has one entry"
    assert sorted(outputs) == sorted(c.removeprefix("convenor ") for c in documented)
    problems = []
    for command, printed in outputs.items():
        tree = None
        for value in printed:
            tree = merge(tree, output_tree(value))
        for problem in differences(documented["convenor " + command], tree, ""):
            if problem not in ONLY_IN_OTHER_CASES.get(command, ()):
                problems.append(f"convenor {command} --json: {problem.lstrip('.')}")
    assert problems == [], "\n".join(problems)


# Keys printed only in cases a populated store on the test stack cannot show; each is still documented.
ONLY_IN_OTHER_CASES = {
    "check": (".passwords is documented but never printed", ".subaddressing is documented but never printed",
              ".mailbox.error is documented but never printed", ".mailbox.path is documented but never printed",
              ".sending.error is documented but never printed", ".sending.path is documented but never printed",
              ".store.error is documented but never printed", ".trust.warnings is documented but never printed"),
}
