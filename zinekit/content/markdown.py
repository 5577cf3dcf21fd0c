"""A Markdown content file (.md) to the same `Document` a YAML content file gives: plain
values with the line and column of every key and value, which then go through the same
model and the same explainer.

The text is CommonMark, parsed by markdown-it-py with mdit-py-plugins (front matter,
containers, task lists) and markdown-it's table rule; see `zinekit.content.md_blocks` for
how each piece of Markdown becomes a block. YAML front matter holds what a YAML content file
has at its top (title, lang, layout, cover, back...), read by the YAML reader with its
positions kept. Imported only when a .md file is read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from zinekit.content.md_blocks import CONTAINER, Blocks
from zinekit.content.reader import read_text, read_yaml
from zinekit.content.wording import problem
from zinekit.errors import ContentError, Location
from zinekit.validation.document import Document

__all__ = ["CONTAINER", "parser", "read_markdown"]
_FENCE_LINE = re.compile(r"^---[ \t]*$")


def parser() -> MarkdownIt:
    """CommonMark with tables, front matter, `:::` containers and `- [ ]` task lists.
    Links and image paths are kept as written (no percent-encoding)."""
    md = (
        MarkdownIt("commonmark")
        .enable("table")
        .use(front_matter_plugin)
        .use(container_plugin, name=CONTAINER, validate=lambda params, markup: True)
        .use(tasklists_plugin)
    )
    # Backslash escapes stay tokens of their own, so they can be handed on as written.
    md.disable("text_join")
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    return md


def read_markdown(path: Path) -> Document:
    """Read a Markdown content file; raise `ContentError` if it cannot be read at all."""
    text = read_text(path)
    root = SyntaxTreeNode(parser().parse(text))
    doc = Document(path, {})
    doc.values[()] = Location(path, 1, 1)
    nodes = list(root.children)
    if nodes and nodes[0].type == "front_matter":
        _front_matter(doc, nodes.pop(0), text)
    elif text.lstrip("\ufeff").startswith("---") and _FENCE_LINE.match(text.splitlines()[0]):
        # A first line of --- opens front matter; without the closing --- there is none.
        raise ContentError([problem("md_front_matter_unclosed", Location(path, 1, 1))])
    blocks = Blocks(doc, text.splitlines())
    doc.data["blocks"] = blocks.read(nodes)
    if not doc.data["blocks"] and doc.problems:
        doc.dropped.add(("blocks",))  # "no blocks" would only repeat the mistakes
    doc.values[("blocks",)] = blocks.first or Location(path, 1, 1)
    return doc


def _front_matter(doc: Document, node: SyntaxTreeNode, text: str) -> None:
    start, end = node.map or (0, 0)
    lines = text.splitlines()
    if end - 1 >= len(lines) or not _FENCE_LINE.match(lines[end - 1]):
        raise ContentError([problem("md_front_matter_unclosed", Location(doc.path, 1, 1))])
    body = "\n".join(lines[start + 1 : end - 1])
    if not body.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in lines[start + 1 : end - 1]
    ):
        return
    # Blank lines for the lines before it: the YAML reader then gives the file's positions.
    front = read_yaml("\n" * (start + 1) + body + "\n", doc.path)
    doc.keys.update(front.keys)
    doc.values.update((path, at) for path, at in front.values.items() if path)
    doc.texts.update(front.texts)
    doc.problems += front.problems
    doc.dropped |= front.dropped
    data: dict[str, Any] = front.data
    if "blocks" in data:
        doc.problems.append(problem("md_front_matter_blocks", front.keys[("blocks",)]))
        doc.dropped.add(("blocks",))
        del data["blocks"]
    doc.data.update(data)
