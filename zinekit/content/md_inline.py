"""Pieces of a Markdown content file smaller than a block: inline text, handed on in the
inline syntax a YAML text uses (**bold**, _italic_, [text](url)), so both inputs typeset
alike; options in braces (`{lines=5 pitch=10mm}`), read by mdit-py-plugins' attribute
parser; and option values typed as YAML would type them (`5` a number, `true` true/false).
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.attrs.parse import ParseError
from mdit_py_plugins.attrs.parse import parse as parse_attributes
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

# The characters the typesetter's inline markup reads as markup; escaped ones stay escaped.
_MARKUP = set("\\*_[]()")
# A bare option value with a dot or a slash (`width=0.8`, `src=images/a.png`), which the
# attribute syntax wants quoted: quoted here before it is parsed.
_BARE_VALUE = re.compile(r'(?<=[=])([^\s"{}]*[./][^\s"{}]*)')


class InlineError(Exception):
    """Something inside a paragraph that is not text: an image inside a sentence. `what`
    is the key that names it in the content catalog, worded when it is reported."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def inline_text(node: SyntaxTreeNode) -> str:
    """The inline content of a paragraph, heading or cell as zinekit's inline markup."""
    return "".join(_piece(child) for child in node.children).strip()


def _piece(node: SyntaxTreeNode) -> str:
    kind = node.type
    if kind == "text":
        return node.content
    if kind == "text_special":
        if node.info == "escape" and node.content in _MARKUP:
            return "\\" + node.content
        return node.content
    if kind in ("softbreak", "hardbreak"):
        return "\n"
    if kind == "em":
        return "_" + inline_text(node) + "_"
    if kind == "strong":
        return "**" + inline_text(node) + "**"
    if kind == "link":
        href = str(node.attrs.get("href", ""))
        if node.markup == "autolink":
            return href.removeprefix("mailto:") if href.startswith("mailto:") else href
        return f"[{inline_text(node)}]({href})"
    if kind == "code_inline":
        return node.content
    if kind == "html_inline":
        # A comment is a note to whoever edits the file; the checkbox of `- [ ]` is markup.
        content = node.content
        return "" if content.startswith("<!--") or "task-list-item" in content else content
    if kind == "image":
        raise InlineError("content.markdown.image-in-paragraph")
    return node.content


def attributes(text: str) -> tuple[dict[str, str], int]:
    """The options in braces at the start of `text` (`{lines=5}`) and the length they take;
    raises `ValueError` with the column of the mistake (0-based, into `text`)."""
    prepared = _BARE_VALUE.sub(lambda m: '"' + m[1] + '"', text)
    try:
        end, found = parse_attributes(prepared)
    except ParseError as exc:
        raise ValueError(str(exc).split(" at position")[0], _unshift(text, exc.pos)) from None
    found = {name: _unescape(value) for name, value in found.items()}
    found.pop("id", None)
    found.pop("class", None)
    return found, end - (len(prepared) - len(text))


def _unescape(value: str) -> str:
    # The parser keeps the backslash of an escaped character; the character is what is meant.
    return re.sub(r'\\([\\"{}])', r"\1", value)


def _unshift(text: str, pos: int) -> int:
    # Quotes added by _BARE_VALUE move positions by two per quoted value before `pos`.
    added = sum(2 for m in _BARE_VALUE.finditer(text) if m.end() + 2 <= pos)
    return max(0, min(len(text) - 1, pos - added))


def typed(value: str) -> Any:
    """An option's value as YAML reads a plain value: `5` is 5, `true` is true, `0.8` is 0.8;
    anything else stays the text it is."""
    try:
        loaded = YAML(typ="safe", pure=True).load(value)
    except YAMLError:
        return value
    if isinstance(loaded, bool | int | float) or loaded is None and value.strip() == "":
        return loaded
    return value
