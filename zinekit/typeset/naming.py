"""How the typesetter's messages point at a block (its kind and its first words, worded by
the block registry, which declares each kind's first words once) and write a type size,
in the user's language."""

from __future__ import annotations

from zinekit.content.registry import describe, first_words
from zinekit.i18n import say

# `describe` and `first_words` are the registry's (each kind declares its first words
# there); the typesetters import them from here with `points`.
__all__ = ["describe", "first_words", "points"]


def points(size: float) -> str:
    """A type size as the user's language writes a number: "8.25" in English, "8,25" in
    Indonesian."""
    return f"{size:g}".replace(".", say("typeset.numbers.decimal"))
