"""The registry of block kinds: the one list of every kind a content file may use, in the
order messages list them. The union in the model (and so the JSON Schema), the names of the
kinds, the files to check and how messages point at a block all derive from it.

Adding a block kind: declare its models and its `BlockKind` in a module of
`zinekit.content.blocks`, add it to `KINDS` here, and register its typesetter in
`zinekit.typeset.story.TYPESETTERS`.
"""

from __future__ import annotations

import functools
import operator
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Discriminator, Tag

from zinekit.content.base import BlockKind, Located
from zinekit.content.blocks import image, page_break, resources, text, worksheet
from zinekit.i18n import say

KINDS: tuple[BlockKind[Any], ...] = (
    text.HEADING,
    text.TEXT,
    text.LEDE,
    text.LIST,
    text.AGREEMENTS,
    text.AFFIRMATIONS,
    resources.RESOURCES,
    text.QUOTE,
    text.PULLQUOTE,
    text.POSTER,
    image.IMAGE,
    worksheet.WRITE_IN,
    worksheet.BOX,
    worksheet.CHECKLIST,
    worksheet.SCALE,
    worksheet.FIELDS,
    worksheet.TABLE,
    text.COLUMNS,
    page_break.PAGE_BREAK,
)

# The key each kind starts with -> its model, in registry order.
BLOCK_KEYS: dict[str, type[Located]] = {kind.key: kind.model for kind in KINDS}
BY_MODEL: dict[type[Located], BlockKind[Any]] = {kind.model: kind for kind in KINDS}


def block_kind(value: Any) -> str | None:
    """Which block a YAML value (or a validated block) is: the first key it has that names
    a block."""
    if isinstance(value, str):
        return next((kind.key for kind in KINDS if kind.bare and value == kind.key), None)
    if isinstance(value, dict):
        return next((key for key in BLOCK_KEYS if key in value), None)
    if isinstance(value, Located):
        return next((k for k, cls in BLOCK_KEYS.items() if isinstance(value, cls)), None)
    return None


def describe(block: Located) -> str:
    """A block as the user would point at it: its kind and its first words."""
    kind = BY_MODEL.get(type(block))
    name = block_kind(block) or "block"
    if kind is None or kind.words is None:
        return say("content.name.block", kind=name)
    words = " ".join(kind.words(block).split())
    if len(words) > 40:
        words = words[:39].rstrip() + "\u2026"
    return say("content.name.block-words", kind=name, words=words)


def file_paths() -> list[tuple[str, tuple[str, ...]]]:
    """("image" or "font", where inside a block) for every file any kind may name."""
    return list(dict.fromkeys(ref for kind in KINDS for ref in kind.files))


if TYPE_CHECKING:
    # To the type checker a block is any located model; typesetters dispatch on its class.
    Block = Located
else:
    # A tagged union over KINDS: the block's kind picks its model, so a mistake is
    # reported against that model alone, not against every member of the union.
    Block = Annotated[
        functools.reduce(operator.or_, (Annotated[k.model, Tag(k.key)] for k in KINDS)),
        Discriminator(
            block_kind,
            custom_error_type="unknown_block",
            custom_error_message="a block starts with one of: " + ", ".join(BLOCK_KEYS),
        ),
    ]
