"""The Markdown below the front matter to the list of blocks, with positions.

- `#` and `##` headings are headings of level 1 and 2; paragraphs in a row are one text
  block; `-` and `1.` lists are lists; a list of `- [ ]` items is a checklist; a pipe table
  is a worksheet table (its empty rows count as `rows`); a block quote is a quote whose
  last line, when it starts with "—", is `by`; a paragraph that is only an image,
  `![alt](src "caption"){width=0.8}`, is an image; `***` (or `---` after a blank line) is
  a page break; an HTML comment is a note that is not printed.
- Every kind in the registry is also a container, `::: KEY {option=value ...}` up to a
  line `:::`: KEY is the block's YAML key, the options are its keys (`continue:lines=4`
  for a key inside a key), and the body fills its main value (`BlockKind.main`): text
  from paragraphs, a list from list items (or, for a table, the heading row), a list of
  titled items from headings, each followed by its text and by `- key: value` lines.
  The container is read as the block's long form (`zinekit.content.long_form`).
"""

from __future__ import annotations

import types
import typing
from typing import Any

from markdown_it.rules_block.table import escapedSplit
from markdown_it.tree import SyntaxTreeNode
from pydantic import BaseModel

from zinekit.content.base import BlockKind
from zinekit.content.md_inline import InlineError, attributes, inline_text, typed
from zinekit.content.registry import KINDS
from zinekit.content.wording import nearest, phrase, problem, quote
from zinekit.errors import Location
from zinekit.validation.document import Document, KeyPath

CONTAINER = "zinekit"  # the one container rule: `::: KEY {options}` for every block kind
_BY_KEY = {kind.key: kind for kind in KINDS}
_ATTRIBUTION = ("\u2014", "--")  # "— Siapa" or "-- Siapa" on the last line of a quote
# The field of a titled item (an agreement, a resource) its paragraphs fill.
_PROSE = ("text", "note")


class Blocks:
    """Reads the top-level nodes of a Markdown file into block values in `doc`."""

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

    def read(self, nodes: list[SyntaxTreeNode]) -> list[Any]:
        prose: list[SyntaxTreeNode] = []
        for node in nodes:
            if node.type == "paragraph" and not _image_only(node):
                prose.append(node)
                continue
            self._text(prose)
            prose = []
            self._block(node)
        self._text(prose)
        return self.blocks

    def _add(self, value: Any, where: Location, key: str | None, main: Location) -> KeyPath:
        path: KeyPath = ("blocks", len(self.blocks))
        self.blocks.append(value)
        self.doc.values[path] = where
        self.first = self.first or where
        if key is not None:
            self.doc.keys[(*path, key)] = where
            self.doc.values[(*path, key)] = main
        return path

    def _text(self, paragraphs: list[SyntaxTreeNode]) -> None:
        if paragraphs:
            where = self.at(_line(paragraphs[0]))
            self._add({"text": self._paragraphs(paragraphs)}, where, "text", where)

    def _paragraphs(self, nodes: list[SyntaxTreeNode]) -> str:
        return "\n\n".join(t for t in (self._inline(n.children[0], _line(n)) for n in nodes) if t)

    def _inline(self, node: SyntaxTreeNode, line: int) -> str:
        try:
            return inline_text(node)
        except InlineError as exc:
            self._fail("md_unsupported", self.at(line), what=exc.what)
            return ""

    def _block(self, node: SyntaxTreeNode) -> None:
        line = _line(node)
        where = self.at(line)
        kind = node.type
        if kind == "heading":
            level = int(node.tag[1:])
            path = self._add(
                {"heading": self._inline(node.children[0], line)},
                where,
                "heading",
                self.at(line, len(self.lines[line]) - len(self.lines[line].lstrip("# ").lstrip())),
            )
            if level != 1:
                self.blocks[-1]["level"] = level
                self._place((*path, "level"), where)
        elif kind in ("bullet_list", "ordered_list"):
            self._list(node, where)
        elif kind == "paragraph":
            self._image(node, where)
        elif kind == "blockquote":
            self._quote(node, where)
        elif kind == "hr":
            self._add("page-break", where, None, where)
        elif kind == "table":
            value, rows = self._table(node)
            path = self._add({"table": value}, where, "table", where)
            if rows:
                self.blocks[-1]["rows"] = rows
                self._place((*path, "rows"), self.at(line + 2))
        elif kind == f"container_{CONTAINER}":
            self._container(node, where)
        elif kind == "html_block" and node.content.lstrip().startswith("<!--"):
            pass
        else:
            what = {
                "fence": "a code block",
                "code_block": "an indented code block",
                "html_block": "HTML",
            }.get(kind, kind.replace("_", " "))
            self._fail("md_unsupported", where, what=what)

    def _list(self, node: SyntaxTreeNode, where: Location) -> None:
        items = self._items(node)
        tasks = all("task-list-item" in str(item.attrs.get("class", "")) for item in node.children)
        key = "checklist" if tasks else "list"
        path = self._add({key: [text for text, _ in items]}, where, key, where)
        for index, (_, at) in enumerate(items):
            self.doc.values[(*path, key, index)] = at
        if node.type == "ordered_list" and not tasks:
            self.blocks[-1]["numbered"] = True
            self._place((*path, "numbered"), where)

    def _items(self, node: SyntaxTreeNode) -> list[tuple[str, Location]]:
        found = []
        for item in node.children:
            line = _line(item)
            parts = []
            for child in item.children:
                if child.type == "paragraph":
                    parts.append(self._inline(child.children[0], _line(child)))
                else:
                    self._fail(
                        "md_unsupported", self.at(_line(child)), what="a list inside a list item"
                    )
            found.append(("\n\n".join(parts), self.item_at(line)))
        return found

    def _image(self, node: SyntaxTreeNode, where: Location) -> None:
        inline = node.children[0]
        image, *rest = inline.children
        spec: dict[str, Any] = {"src": str(image.attrs.get("src", ""))}
        alt = inline_text(image) if image.children else ""
        if alt:
            spec["alt"] = alt
        if image.attrs.get("title"):
            spec["caption"] = str(image.attrs["title"])
        path = self._add({"image": spec}, where, "image", where)
        for name in spec:
            self._place((*path, "image", name), where)
        tail = "".join(child.content for child in rest).strip()
        if tail:
            line = _line(node)
            column = self.lines[line].find(tail[:1], self.lines[line].find(")"))
            self._options(tail, line, column, (*path, "image"), spec)

    def _quote(self, node: SyntaxTreeNode, where: Location) -> None:
        paragraphs = [child for child in node.children if child.type == "paragraph"]
        for child in node.children:
            if child.type != "paragraph":
                self._fail("md_unsupported", self.at(_line(child)), what="this inside a quote")
        text = self._paragraphs(paragraphs)
        spec: dict[str, Any] = {"text": text}
        by_line = None
        last = text.rsplit("\n", 1)
        if len(last) == 2 and last[1].startswith(_ATTRIBUTION) or text.startswith(_ATTRIBUTION):
            body, by = (last[0], last[1]) if len(last) == 2 else ("", last[0])
            spec = {"text": body.strip(), "by": by.lstrip("\u2014-").strip()}
            by_line = (paragraphs[-1].map or (0, 1))[1] - 1
        path = self._add({"quote": spec}, where, "quote", where)
        self._place(
            (*path, "quote", "text"), self.at(_line(paragraphs[0])) if paragraphs else where
        )
        if by_line is not None:
            self._place(
                (*path, "quote", "by"),
                self.at(by_line, self.lines[by_line].find(spec["by"][:1] or "\u2014")),
            )

    def _table(self, node: SyntaxTreeNode) -> tuple[list[str], int]:
        head, *body = node.children
        (header,) = head.children
        columns = [inline_text(cell.children[0]) for cell in header.children]
        rows = 0
        for section in body:
            for row in section.children:
                rows += 1
                line = _line(row)
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
        line = _line(node)
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
        assert kind.main is not None
        inner: dict[str, Any] = {}
        path = self._add({kind.key: inner}, where, kind.key, where)
        column = self.lines[line].find(rest.strip()[:1], self.lines[line].find(name) + len(name))
        if rest.strip():
            self._options(rest.strip(), line, column, (*path, kind.key), inner)
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
                "md_bad_options", self.at(line, column + offset), input=quote(text), error=error
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
        self.doc.values[path] = self.at(_line(nodes[0]))
        if form == "text":
            paragraphs = [n for n in nodes if n.type in ("paragraph", "heading")]
            self._no_other(nodes, paragraphs, kind)
            return "\n\n".join(self._inline(n.children[0], _line(n)) for n in paragraphs)
        if form == "list":
            lead = lead_field(kind)
            if (
                lead
                and len(nodes) > 1
                and nodes[0].type == "paragraph"
                and nodes[1].type == "table"
            ):
                self.lead = (lead, self._inline(nodes[0].children[0], _line(nodes[0])))
                self.doc.keys[(*path[:-1], lead)] = self.at(_line(nodes[0]))
                self.doc.values[(*path[:-1], lead)] = self.at(_line(nodes[0]))
                nodes = nodes[1:]
            if nodes[0].type == "table":
                columns, rows = self._table(nodes[0])
                self._no_other(nodes, nodes[:1], kind)
                if rows:  # empty rows drawn in the file count as `rows`
                    self.doc.values[(*path[:-1], "rows")] = self.at(_line(nodes[0]) + 2)
                    self.pending_rows = rows
                return columns
            lists = [n for n in nodes if n.type in ("bullet_list", "ordered_list")]
            lead = lead_field(kind)
            if lead and nodes[0].type == "paragraph" and lists:  # the title above a list
                self.lead = (lead, self._inline(nodes[0].children[0], _line(nodes[0])))
                self.doc.keys[(*path[:-1], lead)] = self.at(_line(nodes[0]))
                self.doc.values[(*path[:-1], lead)] = self.at(_line(nodes[0]))
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
                    self.at(_line(node)),
                    key=quote(kind.key),
                    what=node.type.replace("_", " "),
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
            line = _line(node)
            if node.type == "heading":
                at = (*path, len(items))
                items.append({title: self._inline(node.children[0], line)})
                self.doc.values[at] = self.at(line)
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
                self._fail(
                    "md_container_body", self.at(line), key="this", what=node.type.replace("_", " ")
                )
        return items

    def _field(self, item: SyntaxTreeNode, at: KeyPath, into: dict[str, Any]) -> None:
        line = _line(item)
        where = self.item_at(line)
        text = "\n".join(
            self._inline(c.children[0], _line(c)) for c in item.children if c.type == "paragraph"
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


def _line(node: SyntaxTreeNode) -> int:
    return (node.map or (0, 0))[0]


def _image_only(node: SyntaxTreeNode) -> bool:
    """A paragraph that is one image, with only options in braces after it."""
    children = node.children[0].children if node.children else []
    if not children or children[0].type != "image":
        return False
    tail = "".join(
        child.content if child.type == "text" else "\0" for child in children[1:]
    ).strip()
    return tail == "" or tail.startswith("{") and tail.endswith("}")


def shape(kind: BlockKind[Any]) -> tuple[str, type[BaseModel] | None]:
    """What a container's body fills: "text", a "list" of texts, or "items" of a model."""
    annotation = _annotation(kind.model, kind.key)
    held = _bare(annotation)
    if isinstance(held, type) and issubclass(held, BaseModel):
        annotation = _annotation(held, kind.main or "")
    held = _bare(annotation)
    if typing.get_origin(held) is list:
        (member,) = typing.get_args(held)
        member = _bare(member)
        if isinstance(member, type) and issubclass(member, BaseModel):
            return "items", member
        return "list", None
    return "text", None


def lead_field(kind: BlockKind[Any]) -> str | None:
    """The text key a paragraph above a container's list or table fills: a list's or a
    table's `title`, the `pattern` of affirmations (the first text key after the main one)."""
    model: Any = kind.model
    held = _bare(_annotation(model, kind.key))
    skip = {kind.key}
    if isinstance(held, type) and issubclass(held, BaseModel):
        model, skip = held, {kind.main or ""}
    for name, info in model.model_fields.items():
        alias = info.alias or name
        if alias not in skip and _bare(info.annotation) is str:
            return alias
    return None


def _annotation(model: type[BaseModel], alias: str) -> Any:
    for name, info in model.model_fields.items():
        if (info.alias or name) == alias:
            return info.annotation
    return str


def _bare(annotation: Any) -> Any:
    """The type inside Annotated[...] and Optional[...]."""
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif (
            isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union
        ):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation
