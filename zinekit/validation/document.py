"""A hand-written file read as plain values (dicts, lists, text, numbers), with the line and
column where every key and value was written; and the decoding of its bytes that every
reader shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zinekit.errors import Location, Problem
from zinekit.i18n import say
from zinekit.validation.wording import Messages, quote

KeyPath = tuple[str | int, ...]  # keys and list indexes from the top of the file to a value


class Invalid(Exception):
    """A file that cannot be read at all; the caller raises its own error family with
    these problems (a content file and a layout file fail differently)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(str(problems[0]))
        self.problems = problems


@dataclass
class Document:
    """A file read as plain values, with positions for messages."""

    path: Path
    data: Any
    keys: dict[KeyPath, Location] = field(default_factory=dict)  # where each key is written
    values: dict[KeyPath, Location] = field(default_factory=dict)  # where each value starts
    # Where the characters of a one-line text value start, for text written exactly as it
    # reads (no escapes): a mistake inside the text can then point at its own column.
    texts: dict[KeyPath, Location] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    dropped: set[KeyPath] = field(default_factory=set)  # values replaced by None (bad tags)

    def at(self, path: KeyPath, *, key: bool = False) -> Location:
        """The closest known position: the key's or value's own, else its parent's."""
        table = self.keys if key else self.values
        while path:
            if path in table:
                return table[path]
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), Location(self.path, 1, 1))

    def inside(self, path: KeyPath, offset: int) -> Location:
        """The position `offset` characters into the text at `path`, else the value's own."""
        start = self.texts.get(path)
        if start is None or start.column is None:
            return self.at(path)
        return Location(start.path, start.line, start.column + offset)


def decode(data: bytes, path: Path, messages: Messages) -> str:
    """A file's bytes as text; raise `Invalid` pointing at the first byte that is not UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Invalid([messages.problem("not_utf8_utf16", Location(path, 1, 1))])
    try:
        # utf-8-sig: a byte-order mark (Windows Notepad writes one) is not part of the text.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        raise Invalid([messages.problem("not_utf8", Location(path, line, column))]) from None


def describe(value: Any) -> str:
    """What kind of value the user wrote, in words: for "must be text, not a list"."""
    if value is None:
        return say("content.value.nothing")
    if isinstance(value, bool):
        return say("content.value.true-false")
    if isinstance(value, int | float):
        return say("content.value.number")
    if isinstance(value, str):
        return say("content.value.text")
    if isinstance(value, list):
        return say("content.value.list")
    if isinstance(value, dict):
        return say("content.value.group")
    return say("content.value.other")


def shown(value: Any, limit: int = 40) -> str:
    """A value as the user wrote it, short enough for a one-line message."""
    if isinstance(value, str):
        # Escaped, so that a newline or a control character cannot break the line apart.
        text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in value)
        return quote(text if len(text) <= limit else text[: limit - 1] + "…")
    if isinstance(value, bool):
        return "true" if value else "false"  # as YAML and TOML write them, in any language
    if value is None:
        return say("content.value.nothing")
    if isinstance(value, int) and abs(value).bit_length() > 3 * limit:
        return say("content.value.digits-about", digits=int(abs(value).bit_length() * 0.30103))
    if isinstance(value, int | float):
        text = repr(value)
        return text if len(text) <= limit else say("content.value.digits", digits=len(text))
    return describe(value)
