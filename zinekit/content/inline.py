"""The inline parser every text of a content file is read with (YAML text, and Markdown
paragraphs handed on in the same syntax): markdown-it-py's CommonMark inline rules for
emphasis, links, autolinks, escapes and line breaks, with mdit-py-plugins' attribute spans
(`[Support Groups]{lang=en}`, `[Sahabat Mental]{nobreak}`). The loader reads the links of
a text with it (`zinekit.content.links`), the typesetter its runs (`zinekit.typeset.markup`).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# `{nobreak}` is not attribute syntax (a bare word); it means the class `{.nobreak}`.
_BARE_NOBREAK = re.compile(r"\]\{\s*nobreak\s*\}")


@functools.cache
def _parser() -> MarkdownIt:
    # Imported here: `zinekit --help` and imposing never need markdown-it.
    from markdown_it import MarkdownIt
    from mdit_py_plugins.attrs import attrs_plugin

    md = MarkdownIt("zero").enable(["emphasis", "link", "escape", "newline", "autolink"])
    md.use(attrs_plugin, spans=True)
    # Every link is parsed, whatever its scheme, so that the loader can refuse it with its
    # place rather than have it printed as typed; addresses are kept as written.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    md.normalizeLinkText = lambda link: link  # type: ignore[method-assign]
    return md


def tokens(text: str) -> list[Token]:
    """The inline tokens of `text`, in order (text, em_open, link_open, span_open...)."""
    found = _parser().parseInline(_BARE_NOBREAK.sub("]{.nobreak}", text))
    return list(found[0].children or []) if found else []


def links(text: str) -> list[str]:
    """The address of every link written in `text` ([..](..) or <..>), allowed or not."""
    return [str(t.attrs.get("href", "")) for t in tokens(text) if t.type == "link_open"]
