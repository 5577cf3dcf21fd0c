"""`build --replace-missing`: characters no font of the publication can draw (an emoji
pasted from a chat, a letter of another script) replaced by a visible mark, each named in
a note, instead of stopping the build.

Done once, on the publication, before anything is set: every piece of text then reaches
every typesetter (paragraphs, posters, drop capitals, covers, slogans) already replaced,
and no typesetter needs to know. Values that are not printed text (file names, links,
layout and theme names) are never touched.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from zinekit.content.base import Located
from zinekit.content.texts import NOT_TEXT
from zinekit.errors import Location
from zinekit.i18n import say
from zinekit.typeset.fonts import FontSet

# The mark put in place of what cannot be drawn: the first one every font has.
_MARKS = ("\u25a1", "\ufffd", "?")


@dataclass
class _Found:
    chars: dict[str, Location | None] = field(default_factory=dict)  # char -> first place


def replace_missing(pub: Any, fonts: FontSet) -> tuple[Any, list[str]]:
    """`pub` with every character none of `fonts` can draw replaced by a mark (a run of
    them, such as an emoji with its joiners, by one mark), and the notes that say which."""
    drawable = fonts.common_chars()
    mark = next(m for m in _MARKS if ord(m) in drawable)
    found = _Found()
    replaced = _walk(pub, drawable, mark, found, None)
    if not found.chars:
        return pub, []
    listed = ", ".join(
        f"{char} (U+{ord(char):04X} {unicodedata.name(char, '').lower()})".replace(" )", ")")
        for char in list(found.chars)[:8]
    )
    first = next(iter(found.chars.values()))
    note = say(
        "fonts.replaced.note",
        count=len(found.chars),
        chars=listed,
        mark=mark,
        where=str(first) if first is not None else say("typeset.blocks.content"),
    )
    return replaced, [note]


def _walk(value: Any, drawable: frozenset[int], mark: str, found: _Found, where: Any) -> Any:
    if isinstance(value, Located) and value.where is not None:
        where = value.where
    if isinstance(value, BaseModel):
        changes = {}
        for name in type(value).model_fields:
            if name in NOT_TEXT:
                continue
            old = getattr(value, name)
            # A key's own place when the part knows it (the title's line), else the part's.
            at = value.where_of(name) or where if isinstance(value, Located) else where
            new = _walk(old, drawable, mark, found, at)
            if new is not old:
                changes[name] = new
        # model_copy keeps the private attributes: where each part was written.
        return value.model_copy(update=changes) if changes else value
    if isinstance(value, list):
        items = [_walk(item, drawable, mark, found, where) for item in value]
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if isinstance(value, tuple):
        items = [_walk(item, drawable, mark, found, where) for item in value]
        same = all(a is b for a, b in zip(items, value, strict=True))
        return value if same else tuple(items)
    if isinstance(value, dict):
        return {k: _walk(v, drawable, mark, found, where) for k, v in value.items()}
    if isinstance(value, str):
        return _replaced(value, drawable, mark, found, where)
    return value


def _replaced(
    text: str, drawable: frozenset[int], mark: str, found: _Found, where: Location | None
) -> str:
    out: list[str] = []
    glued = False  # the character before was a zero-width joiner inside a replaced emoji
    for char in text:
        # A joiner, selector or skin tone after a replaced character belongs to it, and so
        # does whatever a zero-width joiner glues on (the pieces of one emoji): one mark for
        # all, even where the font has the joiner.
        joining = unicodedata.category(char) in ("Mn", "Me", "Cf", "Sk")
        tone = 0x1F3FB <= ord(char) <= 0x1F3FF
        if out and out[-1] == mark and (joining or tone or glued):
            if ord(char) not in drawable and not joining and not tone:
                found.chars.setdefault(char, where)
            glued = char == "\u200d"
            continue
        glued = False
        if ord(char) in drawable or char.isspace() or char == "\u00ad":
            out.append(char)
            continue
        if not joining:
            found.chars.setdefault(char, where)
        out.append(mark)
    result = "".join(out)
    return text if result == text else result
