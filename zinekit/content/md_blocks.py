"""The Markdown below the front matter to the list of blocks, with positions.

- `#` and `##` headings are headings of level 1 and 2; paragraphs in a row are one text
  block; `-` and `1.` lists are lists; a list of `- [ ]` items is a checklist; a pipe table
  is a worksheet table (its empty rows count as `rows`); a block quote is a quote whose
  last line, when it starts with "—", is `by`; a paragraph that is only an image,
  `![alt](src "caption"){width=0.8}`, is an image; `***` (or `---` after a blank line) is
  a page break; an HTML comment is a note that is not printed.
- Every kind in the registry is also a container, `::: KEY {option=value ...}` up to a
  line `:::` (`zinekit.content.md_containers`).
"""

from __future__ import annotations

from typing import Any

from markdown_it.tree import SyntaxTreeNode

from zinekit.content.md_containers import Reader, line_of, piece
from zinekit.content.md_inline import inline_text
from zinekit.errors import Location
from zinekit.i18n import say

CONTAINER = "zinekit"  # the one container rule: `::: KEY {options}` for every block kind
_ATTRIBUTION = ("\u2014", "--")  # "— Siapa" or "-- Siapa" on the last line of a quote


class Blocks(Reader):
    """Reads the top-level nodes of a Markdown file into block values in `doc`."""

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

    def _text(self, paragraphs: list[SyntaxTreeNode]) -> None:
        if paragraphs:
            where = self.at(line_of(paragraphs[0]))
            self._add({"text": self._paragraphs(paragraphs)}, where, "text", where)

    def _block(self, node: SyntaxTreeNode) -> None:
        line = line_of(node)
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
            self._fail("md_unsupported", where, what=piece(kind))

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
            line = line_of(node)
            column = self.lines[line].find(tail[:1], self.lines[line].find(")"))
            self._options(tail, line, column, (*path, "image"), spec)

    def _quote(self, node: SyntaxTreeNode, where: Location) -> None:
        paragraphs = [child for child in node.children if child.type == "paragraph"]
        for child in node.children:
            if child.type != "paragraph":
                self._fail(
                    "md_unsupported",
                    self.at(line_of(child)),
                    what=say("content.markdown.in-quote"),
                )
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
            (*path, "quote", "text"), self.at(line_of(paragraphs[0])) if paragraphs else where
        )
        if by_line is not None:
            self._place(
                (*path, "quote", "by"),
                self.at(by_line, self.lines[by_line].find(spec["by"][:1] or "\u2014")),
            )


def _image_only(node: SyntaxTreeNode) -> bool:
    """A paragraph that is one image, with only options in braces after it."""
    children = node.children[0].children if node.children else []
    if not children or children[0].type != "image":
        return False
    tail = "".join(
        child.content if child.type == "text" else "\0" for child in children[1:]
    ).strip()
    return tail == "" or tail.startswith("{") and tail.endswith("}")
