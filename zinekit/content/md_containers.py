"""Reading the `:::` containers of a Markdown content file, and what every block reader
shares: positions, the problems it finds, list items and pipe tables.

`::: KEY {option=value ...}` up to a line `:::` is the block whose YAML key is KEY (any kind
in the registry); the options are its keys (`continue:lines=4` for a key inside a key) and
the body fills its main value (`BlockKind.main`): text from paragraphs; a list from list
items (a table's columns from its heading row), with a paragraph above it for the title
(`lead_field`); titled items from headings, each followed by `- key: value` lines and its
text. The result is the block's long form (`zinekit.content.long_form`).
"""

from __future__ import annotations

from typing import Any

from markdown_it.rules_block.table import escapedSplit
from markdown_it.tree import SyntaxTreeNode
from pydantic import BaseModel

from zinekit.content.base import BlockKind
from zinekit.content.md_inline import InlineError, attributes, inline_text, typed
from zinekit.content.md_shapes import lead_field, shape
from zinekit.content.registry import KINDS
from zinekit.content.wording import nearest, phrase, problem, quote
from zinekit.errors import Location
from zinekit.i18n import entry, say
from zinekit.validation.document import Document, KeyPath

_BY_KEY = {kind.key: kind for kind in KINDS}
# The field of a titled item (an agreement, a resource) its paragraphs fill.
_PROSE = ("text", "note")


class Reader:
    """Positions and problems for one Markdown file, and the containers in it."""

    def __init__(self, doc: Document, lines: list[str]) -> None:
        self.doc = doc
        self.lines = lines
        self.blocks: list[Any] = []
        self.first: Location | None = None
        self.pending_rows = 0  # empty rows of a pipe table inside a container

    # --- positions -------------------------------------------------------------------

    def at(self, line: int, column: int | None = None) -> Location:
        """Line `line` (0-based), at `column` (0-based) or its first character."""
        text = self.lines[line] if line < len(self.lines) else ""
        if column is None:
            column = len(text) - len(text.lstrip())
        return Location(self.doc.path, line + 1, column + 1)

    def item_at(self, line: int) -> Location:
        """Where a list item's text starts, after its marker (and its `[ ]`)."""
        text = self.lines[line] if line < len(self.lines) else ""
        stripped = text.lstrip()
        marker = len(stripped) - len(stripped.lstrip("-*+0123456789.)"))
        rest = stripped[marker:]
        column = len(text) - len(stripped) + marker + (len(rest) - len(rest.lstrip()))
        if text[column:].startswith(("[ ]", "[x]", "[X]")):
            column += 3 + (len(text[column + 3 :]) - len(text[column + 3 :].lstrip()))
        return self.at(line, column)

    def _place(self, path: KeyPath, where: Location, key: bool = True) -> None:
        if key:
            self.doc.keys[path] = where
        self.doc.values[path] = where

    def _fail(self, kind: str, where: Location, **fields: Any) -> None:
        self.doc.problems.append(problem(kind, where, **fields))

    # --- blocks ----------------------------------------------------------------------

    def _add(self, value: Any, where: Location, key: str | None, main: Location) -> KeyPath:
        path: KeyPath = ("blocks", len(self.blocks))
        self.blocks.append(value)
        self.doc.values[path] = where
        self.first = self.first or where
        if key is not None:
            self.doc.keys[(*path, key)] = where
            self.doc.values[(*path, key)] = main
        return path

    def _paragraphs(self, nodes: list[SyntaxTreeNode]) -> str:
        return "\n\n".join(t for t in (self._inline(n.children[0], line_of(n)) for n in nodes) if t)

    def _inline(self, node: SyntaxTreeNode, line: int) -> str:
        try:
            return inline_text(node)
        except InlineError as exc:
            self._fail("md_unsupported", self.at(line), what=say(exc.what))
            return ""

    def _items(self, node: SyntaxTreeNode) -> list[tuple[str, Location]]:
        found = []
        for item in node.children:
            line = line_of(item)
            parts = []
            for child in item.children:
                if child.type == "paragraph":
                    parts.append(self._inline(child.children[0], line_of(child)))
                else:
                    self._fail(
                        "md_unsupported",
                        self.at(line_of(child)),
                        what=say("content.markdown.list-in-item"),
                    )
            found.append(("\n\n".join(parts), self.item_at(line)))
        return found

    def _table(self, node: SyntaxTreeNode) -> tuple[list[str], int]:
        head, *body = node.children
        (header,) = head.children
        columns = [inline_text(cell.children[0]) for cell in header.children]
        rows = 0
        for section in body:
            for row in section.children:
                rows += 1
                line = line_of(row)
                cells = escapedSplit(self.lines[line].strip().strip("|"))
                if len(cells) != len(columns):
                    self._fail(
                        "md_ragged_row", self.at(line), cells=len(cells), columns=len(columns)
                    )
                filled = [inline_text(c.children[0]) for c in row.children if c.children]
                text = next((t for t in filled if t), None)
                if text is not None:  # one line per row is enough to see the mistake
                    column = max(0, self.lines[line].find(text))
                    self._fail("md_table_cell", self.at(line, column), input=quote(text))
        return columns, rows

    # --- containers ------------------------------------------------------------------

    def _container(self, node: SyntaxTreeNode, where: Location) -> None:
        line = line_of(node)
        info = node.info.strip()
        name, _, rest = info.partition(" ")
        name = name.strip("{}")
        kind = _BY_KEY.get(name)
        if kind is None:
            names = list(_BY_KEY)
            guess = nearest(name, names)
            hint = phrase("did_you_mean", suggestion=quote(guess)) if guess else None
            self._fail(
                "md_unknown_container",
                self.at(line, self.lines[line].find(name) if name else None),
                key=name or "",
                hint=hint,
                valid=", ".join(names),
            )
            return
        end = (node.map or (0, 0))[1]
        closing = self.lines[end].strip() if end < len(self.lines) else ""
        opening = self.lines[line].lstrip()
        marker = opening[: len(opening) - len(opening.lstrip(":"))]
        if not (closing.startswith(marker) and not closing.strip(":")):
            self._fail("md_unclosed_container", where, key=name, marker=marker)
            return
        if kind.bare:
            self._add(kind.key, where, None, where)
            return
        inner: dict[str, Any] = {}
        path = self._add({kind.key: inner}, where, kind.key, where)
        column = self.lines[line].find(rest.strip()[:1], self.lines[line].find(name) + len(name))
        if rest.strip():
            self._options(rest.strip(), line, column, (*path, kind.key), inner)
        if kind.main is None:  # a kind without a main value: its options are all it says
            self._no_other(node.children, [], kind)
            return
        self.pending_rows = 0
        self.lead: tuple[str, str] | None = None
        body = self._body(kind, node.children, (*path, kind.key, kind.main), where)
        if self.pending_rows and "rows" not in inner:
            inner["rows"] = self.pending_rows
            self.doc.keys[(*path, kind.key, "rows")] = self.doc.values[(*path, kind.key, "rows")]
        if self.lead is not None and self.lead[0] not in inner:
            inner[self.lead[0]] = self.lead[1]
        if body is not None:
            inner[kind.main] = body
            # The main value first, as in the long form written by hand.
            inner_items = list(inner.items())
            inner.clear()
            inner[kind.main] = body
            inner.update((k, v) for k, v in inner_items if k != kind.main)

    def _options(
        self, text: str, line: int, column: int, at: KeyPath, into: dict[str, Any]
    ) -> None:
        try:
            found, _ = attributes(text)
        except ValueError as exc:
            error, offset = exc.args
            self._fail(
                "md_bad_options",
                self.at(line, column + offset),
                input=quote(text),
                error=options_error(error),
            )
            return
        source = self.lines[line]
        for name, value in found.items():
            col = source.find(name + "=", column)
            place = self.at(line, col if col >= 0 else column)
            value_at = (
                self.at(
                    line,
                    col
                    + len(name)
                    + 1
                    + (source[col + len(name) + 1 : col + len(name) + 2] == '"'),
                )
                if col >= 0
                else place
            )
            outer, _, inner_name = name.partition(":")
            if inner_name:  # `continue:lines=4`: a key inside a key
                group = into.setdefault(outer, {})
                if isinstance(group, dict):
                    group[inner_name] = typed(value)
                    self.doc.keys.setdefault((*at, outer), place)
                    self.doc.values.setdefault((*at, outer), place)
                    self.doc.keys[(*at, outer, inner_name)] = place
                    self.doc.values[(*at, outer, inner_name)] = value_at
                continue
            into[name] = typed(value)
            self.doc.keys[(*at, name)] = place
            self.doc.values[(*at, name)] = value_at

    def _body(
        self, kind: BlockKind[Any], nodes: list[SyntaxTreeNode], path: KeyPath, where: Location
    ) -> Any:
        form, item = shape(kind)
        nodes = [
            n
            for n in nodes
            if not (n.type == "html_block" and n.content.lstrip().startswith("<!--"))
        ]
        if not nodes:
            return None
        self.doc.values[path] = self.at(line_of(nodes[0]))
        if form in ("text", "value"):
            paragraphs = [n for n in nodes if n.type in ("paragraph", "heading")]
            self._no_other(nodes, paragraphs, kind)
            text = "\n\n".join(self._inline(n.children[0], line_of(n)) for n in paragraphs)
            return typed(text) if form == "value" else text
        if form == "list":
            lead = lead_field(kind)
            if (
                lead
                and len(nodes) > 1
                and nodes[0].type == "paragraph"
                and nodes[1].type == "table"
            ):
                self.lead = (lead, self._inline(nodes[0].children[0], line_of(nodes[0])))
                self.doc.keys[(*path[:-1], lead)] = self.at(line_of(nodes[0]))
                self.doc.values[(*path[:-1], lead)] = self.at(line_of(nodes[0]))
                nodes = nodes[1:]
            if nodes[0].type == "table":
                columns, rows = self._table(nodes[0])
                self._no_other(nodes, nodes[:1], kind)
                if rows:  # empty rows drawn in the file count as `rows`
                    self.doc.values[(*path[:-1], "rows")] = self.at(line_of(nodes[0]) + 2)
                    self.pending_rows = rows
                return columns
            lists = [n for n in nodes if n.type in ("bullet_list", "ordered_list")]
            lead = lead_field(kind)
            if lead and nodes[0].type == "paragraph" and lists:  # the title above a list
                self.lead = (lead, self._inline(nodes[0].children[0], line_of(nodes[0])))
                self.doc.keys[(*path[:-1], lead)] = self.at(line_of(nodes[0]))
                self.doc.values[(*path[:-1], lead)] = self.at(line_of(nodes[0]))
                nodes = nodes[1:]
            self._no_other(nodes, lists[:1], kind)
            items = self._items(lists[0]) if lists else []
            for index, (_, at) in enumerate(items):
                self.doc.values[(*path, index)] = at
            return [text for text, _ in items]
        return self._titled(nodes, path, item)

    def _no_other(
        self, nodes: list[SyntaxTreeNode], used: list[SyntaxTreeNode], kind: BlockKind[Any]
    ) -> None:
        for node in nodes:
            if node not in used:
                self._fail(
                    "md_container_body",
                    self.at(line_of(node)),
                    key=kind.key,
                    what=piece(node.type),
                )
                return

    def _titled(
        self, nodes: list[SyntaxTreeNode], path: KeyPath, model: type[BaseModel] | None
    ) -> list[Any]:
        """Items that each start with a heading: `## Title`, then `- key: value` lines and
        paragraphs of text."""
        fields = [
            info.alias or name for name, info in (model.model_fields.items() if model else [])
        ]
        title = fields[0] if fields else "title"
        prose = next((name for name in _PROSE if name in fields), None)
        items: list[dict[str, Any]] = []
        for node in nodes:
            line = line_of(node)
            if node.type == "heading":
                at = (*path, len(items))
                heading = self._inline(node.children[0], line) if node.children else ""
                self.doc.values[at] = self.at(line)
                if not heading.strip():  # a bare "##": an item without a title
                    items.append({})
                    continue
                items.append({title: heading})
                self._place(
                    (*at, title),
                    self.at(
                        line, len(self.lines[line]) - len(self.lines[line].lstrip("# ").lstrip())
                    ),
                )
            elif not items:
                self._fail("md_item_without_heading", self.at(line))
                return items
            elif node.type == "paragraph" and prose is not None:
                at = (*path, len(items) - 1, prose)
                text = self._inline(node.children[0], line)
                previous = items[-1].get(prose)
                items[-1][prose] = f"{previous}\n\n{text}" if previous else text
                self.doc.keys.setdefault(at, self.at(line))
                self.doc.values.setdefault(at, self.at(line))
            elif node.type == "bullet_list":
                for child in node.children:
                    self._field(child, (*path, len(items) - 1), items[-1])
            else:
                self._fail("md_item_body", self.at(line), what=piece(node.type))
        return items

    def _field(self, item: SyntaxTreeNode, at: KeyPath, into: dict[str, Any]) -> None:
        line = line_of(item)
        where = self.item_at(line)
        text = "\n".join(
            self._inline(c.children[0], line_of(c)) for c in item.children if c.type == "paragraph"
        )
        name, colon, value = text.partition(":")
        if not colon or not name.strip() or " " in name.strip():
            self._fail("md_field_line", where, input=quote(text))
            return
        name = name.strip()
        into[name] = typed(value.strip())
        self.doc.keys[(*at, name)] = where
        source = self.lines[line]
        self.doc.values[(*at, name)] = self.at(
            line,
            source.find(":", where.column - 1 if where.column else 0)
            + 1
            + (len(value) - len(value.lstrip())),
        )


def line_of(node: SyntaxTreeNode) -> int:
    """The node's first line, 0-based."""
    return (node.map or (0, 0))[0]


def piece(node_type: str) -> str:
    """A piece of Markdown named in the user's language ("bullet_list": "a list"), by the
    name of markdown-it's node ([markdown] of the content catalog)."""
    name = node_type.replace("_", "-")
    if name.startswith("container-"):
        name = "container"
    try:
        entry("en", f"content.markdown.{name}")
    except KeyError:
        name = "other"
    return say(f"content.markdown.{name}")


# mdit-py-plugins' complaints about options in braces, to our own words: "Unexpected
# character whilst scanning quoted value: }" names where it was scanning and the character.
_SCANNING = "Unexpected character whilst scanning"


def options_error(said: str) -> str:
    """The attribute parser's English complaint as a reason in the user's language."""
    if said.startswith("Attributes not terminated"):
        return say("content.markdown.options.not-closed")
    if said.startswith("Attributes must start with"):
        return say("content.markdown.options.no-brace")
    if said.startswith(_SCANNING):
        inside, _, char = said[len(_SCANNING) :].rpartition(":")
        name = inside.strip().replace(" ", "-") or "any"
        try:
            entry("en", f"content.markdown.inside.{name}")
        except KeyError:
            name = "any"
        return say(
            "content.markdown.options.unexpected",
            char=quote(char.strip()),
            inside=say(f"content.markdown.inside.{name}"),
        )
    return say("content.markdown.options.other")
