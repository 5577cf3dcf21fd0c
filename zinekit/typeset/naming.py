"""How the typesetter's messages point at a block (its kind and its first words) and write
a type size, in the user's language (typeset.toml [blocks], [numbers]). The kind and the
words come from the block registry, which declares each kind's first words once."""

from __future__ import annotations

from zinekit.content.base import Located
from zinekit.content.registry import BY_MODEL, block_kind
from zinekit.i18n import say

# First words longer than this are cut, with an ellipsis.
_WORDS = 40


def describe(block: Located) -> str:
    """A block as the user would point at it: 'the checklist block "Tanda bahaya"'."""
    kind = BY_MODEL.get(type(block))
    name = block_kind(block) or "block"
    if kind is None or kind.words is None:
        return say("typeset.blocks.unnamed", kind=name)
    return say("typeset.blocks.named", kind=name, words=first_words(kind.words(block)))


def points(size: float) -> str:
    """A type size as the user's language writes a number: "8.25" in English, "8,25" in
    Indonesian."""
    return f"{size:g}".replace(".", say("typeset.numbers.decimal"))


def first_words(text: str, limit: int = _WORDS) -> str:
    """`text` on one line, cut at about `limit` characters."""
    words = " ".join(text.split())
    if len(words) > limit:
        words = words[: limit - 1].rstrip() + "\u2026"
    return words
