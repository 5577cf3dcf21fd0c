"""A TOML file's text to a `Document`: plain values, with the line and column of every key,
value and [table] header.

tomlkit parses the file; it keeps every piece of the text (whitespace, comments, the key as
written) so exactly that it renders the file back byte for byte. The position of an item is
therefore the length of all that renders before it: the walk below adds up the rendered
pieces in file order, and checks at each key that the text there is that key. A construct
the walk cannot follow (dotted keys, tables nested under implicit parents) ends the walk:
what lies after it is placed at its parent, never at a wrong line.
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

import tomlkit
from tomlkit.container import Container
from tomlkit.exceptions import ParseError, UnexpectedCharError
from tomlkit.items import AoT, Array, InlineTable, Item, Key, String, Table

from zinekit.errors import Location, Problem
from zinekit.validation.document import Document, Invalid, KeyPath
from zinekit.validation.wording import Messages


def read_toml(text: str, path: Path, messages: Messages) -> Document:
    """Parse TOML text; raise `Invalid` with one problem at the line and column of a
    syntax error, worded through `messages` ([toml] entries)."""
    try:
        parsed = tomlkit.parse(text)
    except ParseError as exc:
        raise Invalid([_syntax_problem(exc, path, messages)]) from None
    doc = Document(path, parsed.unwrap())
    doc.values[()] = Location(path)  # a key missing at the top belongs to no line
    walk = _Walk(doc, text)
    try:
        end = walk.body(parsed, (), 0, None)
    except _Lost:
        return doc
    if end != len(text):  # a piece the walk did not see: trust no position
        doc.keys.clear()
        doc.values = {(): Location(path)}
        doc.texts.clear()
    return doc


def _syntax_problem(exc: ParseError, path: Path, messages: Messages) -> Problem:
    """The parser's complaint, worded by its kind: [types.toml_NAME] for tomlkit's
    exception NAME, else [types.syntax] with tomlkit's own words."""
    # tomlkit counts lines from 1 and columns from 0, and ends its message with them.
    where = Location(path, exc.line, exc.col + 1)
    said = str(exc).rsplit(" at line ", 1)[0]
    kind = f"toml_{type(exc).__name__}"
    if isinstance(exc, UnexpectedCharError) and said.endswith(("'\\n'", "'\\r'")):
        kind = "toml_end_of_line"  # `columns =` with nothing after it
    elif isinstance(exc, UnexpectedCharError) and said.endswith("'\\x00'"):
        kind = "toml_end_of_file"  # tomlkit reads the end of the text as a NUL
    if kind not in messages.table["types"]:
        kind = "syntax"
    return messages.problem(kind, where, error=said)


class _Lost(Exception):
    """The text at a position is not what the parsed item renders as."""


class _Walk:
    def __init__(self, doc: Document, text: str) -> None:
        self.doc = doc
        self.text = text
        self.line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def at(self, offset: int) -> Location:
        line = bisect_right(self.line_starts, offset)
        return Location(self.doc.path, line, offset - self.line_starts[line - 1] + 1)

    def expect(self, offset: int, piece: str) -> int:
        if not self.text.startswith(piece, offset):
            raise _Lost
        return offset + len(piece)

    def body(self, container: Container, path: KeyPath, offset: int, name: str | None) -> int:
        """The items of a container (the file, or a table under its header `name`)."""
        for key, item in container.body:
            if key is None:  # blank lines and comments
                offset = self.expect(offset, item.as_string())
            elif isinstance(item, AoT):
                offset = self.tables(key, item, path, offset, name)
            elif isinstance(item, Table):
                offset = self.table(key, item, path, offset, name)
            else:
                offset = self.item(key, item, path, offset)
        return offset

    def header(self, table: Table, brackets: tuple[str, str], name: str, offset: int) -> int:
        trivia = table.trivia
        offset = self.expect(offset, trivia.indent + brackets[0] + name + brackets[1])
        return self.expect(offset, trivia.comment_ws + trivia.comment + trivia.trail)

    def table(self, key: Key, table: Table, path: KeyPath, offset: int, outer: str | None) -> int:
        if key.is_dotted():
            raise _Lost
        name = table.display_name or (f"{outer}.{key.as_string()}" if outer else key.as_string())
        here = (*path, key.key)
        if table.is_super_table():
            # [a.b] with no [a]: `a` is written only as the start of its children's headers,
            # so it is where its first child is.
            if table.trivia.indent == "\n":
                offset = self.expect(offset, "\n")
            offset = self.body(table.value, here, offset, name)
            first = next((k.key for k, _ in table.value.body if k is not None), None)
            if first is not None and (*here, first) in self.doc.keys:
                self.doc.keys[here] = self.doc.values[here] = self.doc.keys[(*here, first)]
            return offset
        self.doc.keys[here] = self.doc.values[here] = self.at(offset + len(table.trivia.indent))
        offset = self.header(table, ("[", "]"), name, offset)
        return self.body(table.value, here, offset, name)

    def tables(self, key: Key, aot: AoT, path: KeyPath, offset: int, outer: str | None) -> int:
        """An array of tables: one [[name]] header per table."""
        name = f"{outer}.{key.as_string()}" if outer else key.as_string()
        for index, table in enumerate(aot.body):
            here = (*path, key.key, index)
            start = self.at(offset + len(table.trivia.indent))
            self.doc.values[here] = start
            if index == 0:
                self.doc.keys[here[:-1]] = self.doc.values[here[:-1]] = start
            offset = self.header(table, ("[[", "]]"), name, offset)
            offset = self.body(table.value, here, offset, name)
        return offset

    def item(self, key: Key, item: Item, path: KeyPath, offset: int) -> int:
        """`key = value`, its comment and its line end."""
        if key.is_dotted():
            raise _Lost
        here = (*path, key.key)
        offset = self.expect(offset, item.trivia.indent)
        self.doc.keys[here] = self.at(offset)
        offset = self.expect(offset, key.as_string() + key.sep)
        offset = self.value(item, here, offset)
        trivia = item.trivia
        return self.expect(offset, trivia.comment_ws + trivia.comment + trivia.trail)

    def value(self, item: Item, here: KeyPath, offset: int) -> int:
        written = item.as_string()
        self.doc.values[here] = self.at(offset)
        if isinstance(item, String) and written[1:-1] == item.value and "\n" not in written:
            self.doc.texts[here] = self.at(offset + 1)  # after the one quote mark
        if isinstance(item, Array) and not isinstance(item, InlineTable):
            self.elements(item, here, offset)
        return self.expect(offset, written)

    def elements(self, array: Array, here: KeyPath, offset: int) -> None:
        """The position of each element of `[a, b, c]`. Between elements TOML allows only
        whitespace, newlines, comments and one comma; anything else means the walk is lost."""
        offset = self.expect(offset, "[")
        for index, element in enumerate(array):
            offset = self.skip(offset)
            offset = self.value(element, (*here, index), offset)
            offset = self.skip(offset)
            if self.text.startswith(",", offset):
                offset += 1

    def skip(self, offset: int) -> int:
        while offset < len(self.text):
            char = self.text[offset]
            if char == "#":
                end = self.text.find("\n", offset)
                offset = len(self.text) if end < 0 else end
            elif char in " \t\r\n":
                offset += 1
            else:
                break
        return offset
