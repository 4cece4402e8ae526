"""Rendering messages from Jinja2 templates, one per kind and language, with dates for each reader.

A template `templates/<lang>/<kind>.txt` defines `{% block subject %}` and `{% block body %}`;
an optional `<kind>.html` gives an HTML alternative. A network can point `templates.folder` at
its own folder: a template found there wins over the shipped one.
"""
from __future__ import annotations

import functools
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import jinja2
from babel.dates import format_date, format_datetime

from workflows.routing import locale

SHIPPED = Path(__file__).resolve().parents[2] / "templates"
LANGUAGES = ("en", "fr")
_DICT_ATTRIBUTES = frozenset(dir(dict))  # what `getattr` finds on a plain dict (its methods)


class _Environment(jinja2.Environment):
    """Jinja's environment with `member.name` on a plain dict (a store row) read as the item at
    once: Jinja tries the attribute first and reads the item after an AttributeError (~1 µs
    each, a dozen a message). A name `getattr` finds on a dict (`items`, `keys` …) still goes
    Jinja's way, so what a template reads is exactly what Jinja's own lookup gives."""

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute in obj and attribute not in _DICT_ATTRIBUTES:
            return obj[attribute]
        return super().getattr(obj, attribute)


class Renderer:
    """Renders (subject, text, html) for a message kind in a language."""

    def __init__(self, override_folder: str | Path | None = None, timezone: str = "UTC"):
        folders = [str(override_folder)] if override_folder else []
        folders.append(str(SHIPPED))
        self.env = _Environment(
            loader=jinja2.FileSystemLoader(folders),
            undefined=jinja2.StrictUndefined,
            autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
            keep_trailing_newline=True,
            auto_reload=False,  # templates do not change under a running daemon: no stat per message
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.timezone = timezone
        self._html: dict[tuple[str, str], jinja2.Template | None] = {}
        self._filters_lang: str | None = None  # the language whose filters env.filters holds now
        self._globals: dict[jinja2.Template, dict] = {}  # each template's globals, as one plain dict

    def render(self, kind: str, lang: str, **variables) -> tuple[str, str, str | None]:
        """Return (subject, plain text, HTML or None) of message `kind` in `lang` (falls back to en)."""
        lang = lang if lang in LANGUAGES else "en"
        variables.setdefault("lang", lang)
        if self._filters_lang != lang:  # a run of messages in one language sets them once
            self.env.filters.update(self._language_filters(lang))
            self._filters_lang = lang
        template = self.env.get_template(f"{lang}/{kind}.txt")
        context = self._context(template, variables)
        subject = "".join(template.blocks["subject"](context)).strip()
        body = "".join(template.blocks["body"](context)).strip() + "\n"
        html_t = self._html_template(lang, kind)
        html = html_t.render(**variables) if html_t is not None else None
        return " ".join(subject.split()), body, html

    def _language_filters(self, lang: str) -> dict:
        """The filters that write for a reader of `lang` (dates, references, numbers, problems)."""
        return {
            "when": lambda dt, fmt="full": format_when(dt, lang, self.timezone, fmt),
            "day": lambda dt: format_day(dt, lang, self.timezone),
            "on": lambda d: format_date(d, "full", locale=lang),  # a plain date (a due date)
            "ref": lambda ref: locale.item_ref(ref, lang),        # "Poll 1" → "Sondage 1"
            "number": lambda n: locale.number(n, lang),           # "1 234"
            "percent": lambda x: locale.percent(x, lang),         # 66.67 → "66,7 %"
            "say": lambda text: locale.sentence(text, lang),      # a problem, in the reader's language
        }

    def _context(self, template: jinja2.Template, variables: dict):
        """What `template.new_context(variables)` makes, without reading the template's globals
        (a ChainMap over the environment's) twice a message: they are copied once per template."""
        flat = self._globals.get(template)
        if flat is None:
            flat = self._globals[template] = dict(template.globals)
        return self.env.context_class(self.env, {**flat, **variables}, template.name, template.blocks, globals=flat)

    def _html_template(self, lang: str, kind: str):
        """The HTML alternative of a kind, or None; a missing one is remembered as missing."""
        key = (lang, kind)
        if key not in self._html:
            try:
                self._html[key] = self.env.get_template(f"{lang}/{kind}.html")
            except jinja2.TemplateNotFound:
                self._html[key] = None
        return self._html[key]

    def kinds(self, lang: str = "en") -> list[str]:
        """Every message kind with a template in `lang`."""
        return sorted(n.split("/", 1)[1][:-4] for n in self.env.list_templates()
                      if n.startswith(f"{lang}/") and n.endswith(".txt"))


@functools.lru_cache(maxsize=4096)
def format_when(moment: datetime, lang: str, timezone: str, fmt: str = "full") -> str:
    """A date and time for a reader: in the network's zone, in their language, zone named."""
    local = moment.astimezone(ZoneInfo(timezone))
    pattern = {"full": "EEEE d MMMM y, HH:mm", "short": "d MMM y, HH:mm"}.get(fmt, fmt)
    if lang == "en":
        pattern = {"full": "EEEE, MMMM d, y, h:mm a", "short": "MMM d, y, h:mm a"}.get(fmt, fmt)
    text = format_datetime(local, pattern, locale=lang)
    return f"{text} ({local.tzname()}, {timezone})"


@functools.lru_cache(maxsize=4096)
def format_day(moment: datetime, lang: str, timezone: str) -> str:
    """A date alone, in the reader's language, e.g. 'Friday, January 15, 2027'."""
    local = moment.astimezone(ZoneInfo(timezone))
    return format_date(local.date(), "full", locale=lang)
