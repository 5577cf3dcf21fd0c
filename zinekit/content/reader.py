"""A content file's bytes (YAML) to a `Document`: plain Python values (dicts, lists, text,
numbers), with the line and column where every key and value was written.

Loading is safe by construction: ruamel.yaml only *composes* the node tree here, and this
module builds the values itself from a short list of plain tags, so no tag can ever make
the parser create an object. A tag outside that list is reported where it is written.
"""

from __future__ import annotations

import os
import re
import stat
import warnings
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, ReusedAnchorWarning
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from zinekit import oserrors
from zinekit.content.wording import CONTENT, problem, quote, syntax_rules
from zinekit.errors import ContentError, Location, Problem
from zinekit.i18n import say
from zinekit.validation.document import Document, Invalid, KeyPath, decode, describe, shown

# Document, KeyPath, describe and shown are part of this module's interface.
__all__ = [
    "MAX_BYTES",
    "MAX_VALUES",
    "Document",
    "KeyPath",
    "describe",
    "read_document",
    "read_text",
    "read_yaml",
    "shown",
]

_STD = "tag:yaml.org,2002:"
_PLAIN_SCALARS = {f"{_STD}{name}" for name in ("int", "float", "bool", "null")}
# Nothing in the content model is a date, so a date-like value stays the text it was written as
# ("footer: 2020-06-01" prints as written, not as a reformatted date object).
_TEXT_SCALARS = {f"{_STD}str", f"{_STD}timestamp"}
_COLLECTIONS = {f"{_STD}map", f"{_STD}seq"}
# A billion-laughs file (aliases of aliases) would otherwise expand without end.
MAX_VALUES = 100_000
# A zine's text is a few hundred kilobytes; a 20 MB value would take minutes to set.
MAX_BYTES = 5_000_000


def read_document(path: Path) -> Document:
    """Read a content file; raise `ContentError` if it cannot be read as YAML at all."""
    return read_yaml(read_text(path), path)


def read_yaml(text: str, path: Path) -> Document:
    """YAML text read from `path` (a content file, or the front matter of a Markdown file
    with blank lines in place of the lines before it, so that positions are the file's)."""
    yaml = YAML(typ="safe", pure=True)
    try:
        with warnings.catch_warnings():
            # YAML allows an anchor name to be reused; the later one wins, nothing to report.
            warnings.simplefilter("ignore", ReusedAnchorWarning)
            root = yaml.compose(text)
    except MarkedYAMLError as exc:
        raise ContentError([_syntax_problem(exc, path, text)]) from None
    except ReaderError as exc:
        where = _offset_location(path, text, exc.position)
        raise ContentError(
            [problem("control_character", where, input=hex(exc.character))]
        ) from None
    except RecursionError:
        raise ContentError([problem("too_deep", Location(path))]) from None
    if root is None:
        raise ContentError([problem("file_empty", Location(path))])
    if not isinstance(root, MappingNode) or root.tag != f"{_STD}map":
        where = _mark(path, root)
        if root.tag not in _COLLECTIONS | _PLAIN_SCALARS | _TEXT_SCALARS:
            raise ContentError([problem("tag", where, input=_shown_tag(root.tag))])
        got = say(
            {SequenceNode: "content.value.list", ScalarNode: "content.value.single"}.get(
                type(root), "content.value.other"
            )
        )
        raise ContentError([problem("not_mapping", where, got=got)])
    return _Builder(path, yaml, text).build(root)


def read_text(path: Path) -> str:
    """A content file's text; raise `ContentError` if it cannot be read, is larger than
    `MAX_BYTES` or is not UTF-8."""
    where = Location(path)
    try:
        with path.open("rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise ContentError([problem("file_is_folder", where)])
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ContentError([problem("file_not_found", where)]) from None
    except IsADirectoryError:
        raise ContentError([problem("file_is_folder", where)]) from None
    except (OSError, ValueError) as exc:
        if oserrors.is_path_error(exc) and path.is_dir():  # Windows: "permission denied"
            raise ContentError([problem("file_is_folder", where)]) from None
        if not oserrors.is_path_error(exc):
            raise
        error, _ = oserrors.explain(exc)
        raise ContentError([problem("file_unreadable", where, error=error)]) from None
    if len(data) > MAX_BYTES:
        size = max(path.stat().st_size, len(data)) / 1e6
        raise ContentError(
            [problem("file_too_large", where, size=f"{size:.0f}", limit=MAX_BYTES // 1_000_000)]
        )
    try:
        return decode(data, path, CONTENT)
    except Invalid as exc:
        raise ContentError(exc.problems) from None


def _syntax_problem(exc: MarkedYAMLError, path: Path, text: str) -> Problem:
    said, context = exc.problem or "", exc.context or ""
    dash = _dash_without_space(exc, text)
    if dash is not None:
        line, column, word = dash
        return problem("dash_without_space", Location(path, line, column), word=word)
    for rule in syntax_rules():
        if rule.problem in said and rule.context in context:
            mark = exc.context_mark if rule.at == "context" else exc.problem_mark
            mark = mark or exc.problem_mark or exc.context_mark
            return Problem(rule.message, _from_mark(path, mark), rule.hint or None)
    where = _from_mark(path, exc.problem_mark or exc.context_mark)
    # The parser's own words (English) stand inside ours; no context, no hint.
    return problem(
        "syntax", where, error=said or context, context=context, hint=None if context else ""
    )


# `-heading: ...`: a list item's "-" written without the space after it.
_DASH_WORD = re.compile(r"^(\s*)-(?P<word>[^\s:-][^\s:]*)")


def _dash_without_space(exc: MarkedYAMLError, text: str) -> tuple[int, int, str] | None:
    """(line, column, the word after it) of a "-" with no space after it, on a line the
    parser complains about or on the line before it: YAML reads `-heading:` as a key named
    "-heading", and the parser's complaint (an indentation slip) comes on that line or the
    next one."""
    lines = text.splitlines()
    marks = [m for m in (exc.problem_mark, exc.context_mark) if m is not None]
    candidates = sorted({m.line for m in marks} | {m.line - 1 for m in marks if m.line > 0})
    for number in candidates:
        if number < len(lines):
            found = _DASH_WORD.match(lines[number])
            if found:
                return number + 1, len(found[1]) + 1, found["word"]
    return None


def _from_mark(path: Path, mark: Any) -> Location:
    if mark is None:
        return Location(path)
    return Location(path, mark.line + 1, mark.column + 1)


def _mark(path: Path, node: Node) -> Location:
    return _from_mark(path, node.start_mark)


def _offset_location(path: Path, text: str, offset: int) -> Location:
    line = text.count("\n", 0, offset) + 1
    return Location(path, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def _shown_tag(tag: str | None) -> str:
    tag = tag or ""
    return "!!" + tag[len(_STD) :] if tag.startswith(_STD) else tag


def _is_empty(node: Node) -> bool:
    """`key:` with nothing after it: the message should point at the key, not past it."""
    return isinstance(node, ScalarNode) and node.value == "" and node.tag == f"{_STD}null"


class _Builder:
    def __init__(self, path: Path, yaml: YAML, text: str) -> None:
        self.doc = Document(path, None)
        self.constructor = yaml.constructor
        self.text = text
        self.count = 0
        self.seen: set[int] = set()  # the nodes built so far: one met again is an alias
        self.open: set[int] = set()  # the collections being built: one met again is a loop

    def build(self, root: MappingNode) -> Document:
        self.doc.values[()] = _mark(self.doc.path, root)
        self.doc.data = self._value(root, ())
        return self.doc

    def _value(self, node: Node, path: KeyPath) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            kind = "too_big" if len(self.seen) < self.count - 1 else "too_many_values"
            raise ContentError([problem(kind, self.doc.values[()], limit=MAX_VALUES)])
        if id(node) in self.open:
            raise ContentError([self._loop(node)])
        self.seen.add(id(node))
        if isinstance(node, MappingNode | SequenceNode):
            self.open.add(id(node))
            try:
                return self._collection(node, path)
            finally:
                self.open.discard(id(node))
        return self._scalar(node, path)

    def _loop(self, node: Node) -> Problem:
        """The problem of an alias inside the value its anchor names (`blocks: &b [*b]`),
        at the alias: the first `*name` written inside that value."""
        name = str(node.anchor)
        start, end = node.start_mark.index, node.end_mark.index
        found = re.compile(rf"\*{re.escape(name)}(?![^\s,\]}}])").search(self.text, start, end)
        where = (
            _offset_location(self.doc.path, self.text, found.start())
            if found
            else _mark(self.doc.path, node)
        )
        return problem("alias_loop", where, name=name)

    def _collection(self, node: MappingNode | SequenceNode, path: KeyPath) -> Any:
        tag = node.tag
        if isinstance(node, MappingNode) and tag == f"{_STD}map":
            return self._mapping(node, path)
        if isinstance(node, SequenceNode) and tag == f"{_STD}seq":
            return [self._item(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _text_start(self, node: ScalarNode, path: KeyPath) -> None:
        """Note where a one-line text's characters start, when it is written exactly as it
        reads (plain, or in quotes without escapes): a mistake inside it can then point at
        its own column."""
        raw = self.text[node.start_mark.index : node.end_mark.index]
        value = str(node.value)
        if "\n" in raw or not value:
            return
        where = _mark(self.doc.path, node)
        if raw == value:
            self.doc.texts[path] = where
        elif raw in (f'"{value}"', f"'{value}'") and where.column is not None:
            self.doc.texts[path] = Location(where.path, where.line, where.column + 1)

    def _scalar(self, node: Node, path: KeyPath) -> Any:
        tag = node.tag
        if isinstance(node, ScalarNode) and tag in _TEXT_SCALARS:
            self._text_start(node, path)
            return node.value
        if isinstance(node, ScalarNode) and tag in _PLAIN_SCALARS:
            try:
                return self.constructor.construct_object(node, deep=True)
            except (ValueError, KeyError):  # an explicit tag that does not fit: !!int abc
                where = _mark(self.doc.path, node)
                self.doc.problems.append(
                    problem("tag_mismatch", where, input=quote(node.value), tag=_shown_tag(tag))
                )
                self.doc.dropped.add(path)
                return None
        where = _mark(self.doc.path, node)
        if tag in _PLAIN_SCALARS | _TEXT_SCALARS | _COLLECTIONS:  # !!str on a group of keys
            if isinstance(node, MappingNode):
                input = say("content.value.this-group")
            elif isinstance(node, SequenceNode):
                input = say("content.value.this-list")
            else:
                input = quote(str(node.value))
            self.doc.problems.append(
                problem("tag_mismatch", where, input=input, tag=_shown_tag(tag))
            )
        else:
            # Anything else would construct an object or needs a constructor zinekit does
            # not run (!!python/..., !!binary, !!set, a custom !tag).
            self.doc.problems.append(problem("tag", where, input=_shown_tag(tag)))
        self.doc.dropped.add(path)
        return None

    def _item(self, node: Node, path: KeyPath) -> Any:
        self.doc.values[path] = _mark(self.doc.path, node)
        return self._value(node, path)

    def _mapping(self, node: MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_at = _mark(self.doc.path, key_node)
            if key_node.tag == f"{_STD}merge":
                self.doc.problems.append(problem("merge_key", key_at))
                continue
            if not isinstance(key_node, ScalarNode):
                got = say(
                    "content.value.list"
                    if isinstance(key_node, SequenceNode)
                    else "content.value.group"
                )
                self.doc.problems.append(problem("key_not_text", key_at, got=got))
                continue
            # Keys are compared as written: "2019:" is the key '2019', not a number.
            key = key_node.value
            if key in result:
                first = self.doc.keys[(*path, key)]
                self.doc.problems.append(
                    problem(
                        "duplicate_key",
                        key_at,
                        key=key,
                        model=None,
                        first_line=first.line,
                        place=say("content.name.in-group" if path else "content.name.at-top"),
                    )
                )
                continue
            self.doc.keys[(*path, key)] = key_at
            self.doc.values[(*path, key)] = (
                key_at if _is_empty(value_node) else _mark(self.doc.path, value_node)
            )
            result[key] = self._value(value_node, (*path, key))
        return result
