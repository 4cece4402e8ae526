"""The message class a received mail is parsed into: the email package's, with its content type
worked out once.

Convenor's readers (body, attachments, bounces, feedback reports, attached copies) each walk
the parts and ask each one its content type: ~11 times a part, each parsing the Content-Type
header again (~4 µs). A message of 200 parts spent a third of its reading there. The answer
depends only on the part's headers and default type, so it is kept until either changes; so is
the file name (asked twice a part), and so are the header caches of `mailer.header_text`.
"""
from __future__ import annotations

import re
from email.message import Message
from email.policy import compat32

from mailer.header_text import forget_headers_read


_NOT_READ = object()
_NONE = object()  # no file name
# `attachment; filename="a.pdf"` (or `filename=a.pdf`): a disposition and one file name holding
# nothing the package would unquote, unescape or decode (no backslash, quote, angle bracket,
# semicolon, line end or RFC 2231 star; unquoted, no white space; folded or not): the package
# gives that name
_PLAIN_FILENAME = re.compile(r'\s*([!#$%&\'*+.^_`|~0-9A-Za-z-]+)\s*;\s*(?i:filename)\s*=\s*'
                             r'(?:"([^"\\<>;\r\n]*)"|([^"\\<>;\s]*))\s*', re.ASCII)


class ReadMessage(Message):
    """`email.message.Message` whose `get_content_type` and `get_filename` are computed once per
    header state."""

    _content_type: str | None = None
    _filename: object = _NOT_READ
    forgets_headers_read = True  # every change of a header below calls `header_text.forget_headers_read`

    def get_content_type(self) -> str:
        """The part's content type, as `Message.get_content_type` gives it (kept until a header
        or the default type changes)."""
        if self._content_type is None:
            self._content_type = _declared_type(self) or super().get_content_type()
        return self._content_type

    def get_filename(self, failobj=None):
        """The part's file name, as `Message.get_filename` gives it (kept until a header changes;
        asked by the body and the attached-copies readers: its parameter parsing is ~10 µs)."""
        if self._filename is _NOT_READ:
            self._filename = _plain_filename(self)
            if self._filename is _NOT_READ:
                self._filename = super().get_filename(_NONE)  # a broken parameter raises, each time asked
        return failobj if self._filename is _NONE else self._filename

    def walk(self):
        """`Message.walk`: this part, then each subpart's walk in order; a subpart that is no
        multipart is yielded itself (what its walk yields) without a generator of its own (the
        readers walk a message of 200 parts ~5 times: ~1,000 generators)."""
        yield self
        if self.is_multipart():
            for subpart in self.get_payload():
                if subpart.is_multipart():
                    yield from subpart.walk()
                else:
                    yield subpart

    def _changed(self) -> None:
        self._content_type = None
        self._filename = _NOT_READ
        forget_headers_read(self)

    def __setitem__(self, name, val) -> None:
        self._changed()
        super().__setitem__(name, val)

    def __delitem__(self, name) -> None:
        self._changed()
        super().__delitem__(name)

    def set_raw(self, name, value) -> None:
        self._changed()
        super().set_raw(name, value)

    def add_header(self, _name, _value, **_params) -> None:
        self._changed()
        super().add_header(_name, _value, **_params)

    def replace_header(self, _name, _value) -> None:
        self._changed()
        super().replace_header(_name, _value)

    def set_default_type(self, ctype) -> None:
        self._changed()
        super().set_default_type(ctype)

    def set_param(self, *args, **kwargs) -> None:
        self._changed()
        super().set_param(*args, **kwargs)

    def del_param(self, *args, **kwargs) -> None:
        self._changed()
        super().del_param(*args, **kwargs)

    def set_type(self, *args, **kwargs) -> None:
        self._changed()
        super().set_type(*args, **kwargs)

    def set_boundary(self, boundary) -> None:
        # rewrites `_headers` itself, past every method above
        self._changed()
        super().set_boundary(boundary)


def _declared_type(part: Message) -> str | None:
    """`Message.get_content_type()` of a compat32 part whose first Content-Type is ASCII text (the
    package hands that value back as it is: no surrogates to wrap), read straight from the header
    list (the package's way, through `get`, the policy and `_splitparam`, cost ~10,000
    instructions a part); None for any other part (no Content-Type: the default type)."""
    if part.policy is not compat32:
        return None
    for name, value in part._headers:  # noqa: SLF001 - read as the package's own `get` reads it
        if name.lower() == "content-type":
            if type(value) is not str or not value.isascii():  # noqa: E721
                return None
            ctype = value.partition(";")[0].strip().lower()
            return ctype if ctype.count("/") == 1 else "text/plain"
    return None


def _plain_filename(part: Message) -> object:
    """The file name of a plain `attachment; filename="a.pdf"` (or unquoted) Content-Disposition (what
    `Message.get_filename` gives, without its parameter parsing and RFC 2231 decoding: ~10 µs a
    part, a third of reading a message of 100 attachments), else _NOT_READ (the package reads
    it). Compared with the package on the corpus and generated values in
    tests/test_worst_read_fast_paths.py."""
    value = part.get("content-disposition")
    if type(value) is not str or not value.isascii():  # noqa: E721 - a structured header goes the package's way
        return _NOT_READ
    match = _PLAIN_FILENAME.fullmatch(value)
    if match is None or match.group(1).lower() == "filename":  # "filename; filename=…": the package reads the first
        return _NOT_READ
    return (match.group(2) if match.group(3) is None else match.group(3)).strip()
