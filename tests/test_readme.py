"""The README is the contract: every command and every settings key is documented there."""
from __future__ import annotations

import argparse
import typing
from pathlib import Path

from pydantic import BaseModel

from convenor.cli import build_parser
from convenor.settings import Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def commands(parser: argparse.ArgumentParser, prefix: str = "convenor"):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, f"{prefix} {name}")
            return
    yield prefix


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
