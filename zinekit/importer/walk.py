"""pandoc's syntax tree, pruned to what zinekit Markdown says, with a count of what was lost.

The tree is pandoc's JSON (pandoc-api 1.23). Kept: headings, paragraphs, bold, italic,
bullet and numbered lists, block quotes, simple tables (one line per cell, the first row as
the headings), images saved by `Images`, and links to http, https and mailto addresses.
Other formatting is unwrapped to its words; footnotes, comments, deleted tracked changes
and raw HTML are dropped. Each loss is counted under the words the note will print.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from zinekit.i18n import say
from zinekit.importer.images import Images
from zinekit.importer.source import CHANGES, COLOURS, COMMENTS, Lost, Source

Node = dict[str, Any]
PLAIN: list[Any] = ["", [], []]  # a pandoc Attr with no id, classes or attributes
LINK_SCHEMES = ("http", "https", "mailto")
UNWRAPPED = ("Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps")
CODE: Lost = ("code", "")
RAW: Lost = ("raw", "")


def walk(value: Any) -> list[Node]:
    """Every node inside `value`, at any depth, outermost first."""
    out: list[Node] = []
    if isinstance(value, dict) and "t" in value:
        out.append(value)
        value = value.get("c")
    if isinstance(value, list):
        for item in value:
            out.extend(walk(item))
    return out


def text(value: Any) -> str:
    """The words of inlines or blocks, on one line (notes and raw HTML left out)."""
    parts: list[str] = []

    def collect(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                collect(item)
        elif isinstance(node, dict) and "t" in node:
            kind, content = node["t"], node.get("c", [])
            if kind in ("Str", "MetaString"):
                parts.append(str(content))
            elif kind in ("Space", "SoftBreak", "LineBreak"):
                parts.append(" ")
            elif kind not in ("Note", "RawInline", "RawBlock", "Image", "Code", "Math"):
                collect(content)
            elif kind in ("Code", "Math"):
                parts.append(str(content[1]))

    collect(value)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


class Walker:
    """One document's walk: the blocks and inlines kept, the images saved, what was lost."""

    def __init__(self, source: Source, images: Images) -> None:
        self.source, self.images = source, images
        self.lost: Counter[Lost] = source.silent_losses()
        self.dropped_links: list[str] = []
        self.details: list[str] = []
        self.tables = 0  # tables of headings and empty rows: worksheet tables
        self.data_tables = 0  # tables whose rows hold words: lists

    def notes(self) -> list[str]:
        """What the user should hear about the import, one line each."""
        lost = sorted(
            (say(f"importer.lost.{key}", kind=kind), n) for (key, kind), n in self.lost.items()
        )
        notes = [say("importer.notes.not-carried", what=what, count=n) for what, n in lost if n]
        if self.dropped_links:
            shown = ", ".join(self.dropped_links[:3])
            more = ", ..." if len(self.dropped_links) > 3 else ""
            notes.append(say("importer.notes.links", links=shown + more))
        if self.tables:
            notes.append(say("importer.notes.tables", count=self.tables))
        if self.data_tables:
            notes.append(say("importer.notes.data-tables", count=self.data_tables))
        return notes + self.details

    # -- blocks --------------------------------------------------------------------------

    def blocks(self, blocks: list[Node]) -> list[Node]:
        out: list[Node] = []
        for block in blocks:
            out.extend(self.block(block))
        return out

    def block(self, block: Node) -> list[Node]:
        kind, c = block["t"], block.get("c", [])
        if kind in ("Para", "Plain"):
            inlines = self.inlines(c)
            keep = text(inlines) or any(n["t"] == "Image" for n in walk(inlines))
            return [{"t": kind, "c": inlines}] if keep else []
        if kind == "Header":
            inlines = self.inlines(c[2])
            return [{"t": "Header", "c": [min(c[0], 6), PLAIN, inlines]}] if text(inlines) else []
        if kind == "BlockQuote":
            inner = self.blocks(c)
            return [{"t": "BlockQuote", "c": inner}] if inner else []
        if kind == "BulletList":
            items = [i for i in map(self.item, c) if i]
            return [{"t": "BulletList", "c": items}] if items else []
        if kind == "OrderedList":
            items = [i for i in map(self.item, c[1]) if i]
            start = [c[0][0], {"t": "Decimal"}, {"t": "Period"}]  # what CommonMark can say
            return [{"t": "OrderedList", "c": [start, items]}] if items else []
        if kind == "Div":
            return self.blocks(c[1])
        if kind == "Figure":
            caption = text(c[1][1])
            inner = self.blocks(c[2])
            for node in walk(inner):
                if node["t"] == "Image" and caption:
                    node["c"][2][1] = caption  # ![alt](src "caption")
            return inner
        if kind == "Table":
            return self.table(c)
        if kind == "HorizontalRule":
            self.details.append(say("importer.notes.rule"))
            return [block]
        if kind == "LineBlock":
            lines: list[Node] = []
            for line in c:
                lines += ([{"t": "LineBreak"}] if lines else []) + self.inlines(line)
            return [{"t": "Para", "c": lines}]
        if kind == "CodeBlock":
            self.lost[CODE] += 1
            lines = []
            for line in c[1].splitlines():
                lines += ([{"t": "LineBreak"}] if lines else []) + [{"t": "Str", "c": line}]
            return [{"t": "Para", "c": lines}] if text(lines) else []
        if kind == "DefinitionList":
            out: list[Node] = []
            for term, definitions in c:
                out.append({"t": "Para", "c": [{"t": "Strong", "c": self.inlines(term)}]})
                for definition in definitions:
                    out.extend(self.blocks(definition))
            return out
        self.lost[RAW if kind == "RawBlock" else ("blocks", kind)] += 1
        return []

    def item(self, blocks: list[Node]) -> list[Node]:
        """A list item; one paragraph stays a tight item (no blank lines between items)."""
        inner = self.blocks(blocks)
        if len(inner) == 1 and inner[0]["t"] == "Para":
            return [{"t": "Plain", "c": inner[0]["c"]}]
        return inner

    def table(self, c: list[Any]) -> list[Node]:
        """A pipe table: merged cells split, every row as wide as the widest, the first row
        (the document's heading row, or else its first row) as the headings."""
        _, caption, _, head, bodies, foot = c
        rows = list(head[1])
        for body in bodies:
            rows += body[2] + body[3]
        rows += foot[1]
        grid: list[list[list[Node]]] = []
        covered: dict[int, int] = {}  # column -> rows still covered by a cell above
        merged = False
        for row in rows:
            cells: list[list[Node]] = []
            queue = list(row[1])
            while queue or any(col >= len(cells) for col in covered):
                column = len(cells)
                if covered.get(column, 0) > 0:
                    covered[column] -= 1
                    if not covered[column]:
                        del covered[column]
                    cells.append([])
                    continue
                if not queue:
                    break
                _, _, rowspan, colspan, content = queue.pop(0)
                merged = merged or rowspan > 1 or colspan > 1
                cells.append(self.cell(content))
                cells += [[] for _ in range(colspan - 1)]
                for extra in range(colspan if rowspan > 1 else 0):
                    covered[column + extra] = rowspan - 1
            grid.append(cells)
        grid = [row for row in grid if any(text(cell) for cell in row)]
        if not grid:
            return []
        width = max(len(row) for row in grid)
        grid = [row + [[] for _ in range(width - len(row))] for row in grid]
        if merged:
            self.lost[("merged-cells", "")] += 1
        title = text(caption[1])
        if any(text(cell) for row in grid[1:] for cell in row):
            return self.table_as_list(title, grid)
        self.tables += 1

        def row_of(cells: list[list[Node]]) -> list[Any]:
            one = [[PLAIN, {"t": "AlignDefault"}, 1, 1, [{"t": "Plain", "c": x}]] for x in cells]
            return [PLAIN, one]

        specs = [[{"t": "AlignDefault"}, {"t": "ColWidthDefault"}] for _ in range(width)]
        body = [PLAIN, 0, [], [row_of(r) for r in grid[1:]]]
        table = [PLAIN, [None, []], specs, [PLAIN, [row_of(grid[0])]], [body], [PLAIN, []]]
        above = [{"t": "Para", "c": [{"t": "Strong", "c": [{"t": "Str", "c": title}]}]}]
        return (above if title else []) + [{"t": "Table", "c": table}]

    def table_as_list(self, title: str, grid: list[list[list[Node]]]) -> list[Node]:
        """A table whose rows hold words: zinekit prints a table only as a worksheet with
        empty rows to fill in, so its words would be lost there. It becomes its heading row
        in bold, then one list item a row, the cells joined by " · "."""
        self.data_tables += 1

        def joined(cells: list[list[Node]]) -> list[Node]:
            out: list[Node] = []
            for cell in (c for c in cells if text(c)):
                out += ([{"t": "Str", "c": " · "}] if out else []) + cell
            return out

        heading = joined(grid[0])
        if title:
            heading = [{"t": "Str", "c": f"{title}: "}, *heading]
        items = [[{"t": "Plain", "c": joined(row)}] for row in grid[1:] if joined(row)]
        return [
            {"t": "Para", "c": [{"t": "Strong", "c": heading}]},
            {"t": "BulletList", "c": items},
        ]

    def cell(self, blocks: list[Node]) -> list[Node]:
        """A table cell's blocks as one line of inlines (a pipe table cell holds no more)."""
        out: list[Node] = []
        for node in walk(self.blocks(blocks)):
            if node["t"] in ("Para", "Plain"):
                inlines = [
                    {"t": "Space"} if i["t"] in ("LineBreak", "SoftBreak") else i for i in node["c"]
                ]
                out += ([{"t": "Space"}] if out else []) + inlines
        return out

    # -- inlines -------------------------------------------------------------------------

    def inlines(self, inlines: list[Node]) -> list[Node]:
        out: list[Node] = []
        for node in inlines:
            out.extend(self.inline(node))
        return out

    def inline(self, node: Node) -> list[Node]:
        kind, c = node["t"], node.get("c", [])
        if kind in ("Str", "Space", "SoftBreak", "LineBreak"):
            return [node]
        if kind in ("Emph", "Strong"):
            return [{"t": kind, "c": self.inlines(c)}]
        if kind == "Quoted":
            return [{"t": "Quoted", "c": [c[0], self.inlines(c[1])]}]
        if kind in UNWRAPPED:
            self.lost[(kind.lower(), "")] += 1  # underline, strikeout... in importer.toml
            return self.inlines(c)
        if kind == "Cite":
            return self.inlines(c[1])
        if kind in ("Code", "Math"):
            self.lost[CODE if kind == "Code" else ("formulas", "")] += 1
            return [{"t": "Str", "c": c[1]}]
        if kind == "Span":
            return self.span(c)
        if kind == "Link":
            return self.link(c)
        if kind == "Image":
            return self.image(c)
        known: dict[str, Lost] = {"Note": ("footnotes", ""), "RawInline": RAW}
        self.lost[known.get(kind, ("elements", kind))] += 1
        return []

    def span(self, c: list[Any]) -> list[Node]:
        (_, classes, attributes), inner = c
        if "comment-start" in classes:  # pandoc --track-changes=all, .docx only
            self.lost[COMMENTS] += 1
            return []
        if "comment-end" in classes:
            return []
        if "deletion" in classes:
            self.lost[CHANGES] += 1
            return []
        if "insertion" in classes:
            self.lost[CHANGES] += 1
        if any(key == "style" and "color" in value for key, value in attributes):
            self.lost[COLOURS] += 1
        return self.inlines(inner)

    def link(self, c: list[Any]) -> list[Node]:
        words = self.inlines(c[1])
        url = str(c[2][0]).strip()
        plain = url.isprintable() and not any(ch.isspace() for ch in url)
        if plain and urlsplit(url).scheme.lower() in LINK_SCHEMES:
            return [{"t": "Link", "c": [PLAIN, words, [url, ""]]}]
        if not url.startswith("#"):  # a link to a place inside the document just goes
            self.dropped_links.append(url[:60])
        return words

    def image(self, c: list[Any]) -> list[Node]:
        src = str(c[2][0])
        data = self.source.image(src)
        saved = self.images.save(data) if data is not None else None
        if saved is None:
            self.lost[("images", "")] += 1
            self.details.append(say("importer.notes.image", src=src[:60]))
            return []
        # pandoc's image titles are names the word processor made up; a caption comes from
        # the figure around the image (see `block`).
        return [{"t": "Image", "c": [PLAIN, self.inlines(c[1]), [saved, ""]]}]
