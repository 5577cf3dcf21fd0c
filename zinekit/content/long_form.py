"""The long form of a block: its main value and its options in one mapping under its key.

A kind whose key holds its main value directly (`write-in: PROMPT` with `lines: 5` beside
it, the short form) may also be written as `write-in: {prompt: PROMPT, lines: 5}`, as
`quote: {text: ..., by: ...}` is; the name of the main value is the kind's `main`
(`zinekit.content.base.BlockKind`). `unfold` turns every long form of a read `Document`
into the short form, moving the positions with the values, before the model sees it: one
model, and every message still points at the key as written.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from zinekit.content.base import BlockKind
from zinekit.content.registry import KINDS, block_kind
from zinekit.content.wording import nearest, phrase, problem, quote
from zinekit.validation.document import Document, KeyPath

_BY_KEY = {kind.key: kind for kind in KINDS}


def has_short_form(kind: BlockKind[Any]) -> bool:
    """Whether the kind's key holds its main value itself (text, a list), not a mapping."""
    if kind.main is None or kind.bare:
        return False
    for name, info in kind.model.model_fields.items():
        if (info.alias or name) == kind.key:
            held = info.annotation
            return not (isinstance(held, type) and issubclass(held, BaseModel))
    return False


def unfold(doc: Document) -> None:
    """Rewrite, in place, every block written in its long form into its short form."""
    blocks = doc.data.get("blocks") if isinstance(doc.data, dict) else None
    if not isinstance(blocks, list):
        return
    for index, block in enumerate(blocks):
        key = block_kind(block) if isinstance(block, dict) else None
        kind = _BY_KEY.get(key) if key else None
        if kind is None or not has_short_form(kind) or not isinstance(block[kind.key], dict):
            continue
        blocks[index] = _unfold_block(doc, ("blocks", index), block, kind)


def _unfold_block(
    doc: Document, at: KeyPath, block: dict[str, Any], kind: BlockKind[Any]
) -> dict[str, Any]:
    assert kind.main is not None
    inner: dict[str, Any] = block[kind.key]
    if kind.main not in inner:
        typo = next((name for name in inner if nearest(str(name), [kind.main])), None)
        where = doc.at((*at, kind.key, typo) if typo else (*at, kind.key), key=True)
        hint = phrase("did_you_mean", suggestion=quote(kind.main)) if typo else None
        doc.problems.append(
            problem(
                "long_form_missing", where, key=kind.main, name=kind.main, block=kind.key, hint=hint
            )
        )
        doc.dropped.add((*at, kind.key))
        return block
    unfolded: dict[str, Any] = {kind.key: inner[kind.main]}
    moves: dict[KeyPath, KeyPath] = {(*at, kind.key, kind.main): (*at, kind.key)}
    for name, value in inner.items():
        if name != kind.main:
            unfolded[name] = value
            moves[(*at, kind.key, name)] = (*at, name)
    for name, value in block.items():
        if name != kind.key and name not in unfolded:
            unfolded[name] = value
    for table in (doc.keys, doc.values, doc.texts):
        _move(table, moves, keep_key=table is doc.keys)
    doc.dropped = {_moved(path, moves) for path in doc.dropped}
    return unfolded


def _move(table: dict[KeyPath, Any], moves: dict[KeyPath, KeyPath], *, keep_key: bool) -> None:
    main = next(iter(moves))
    for path in sorted(table, key=len):
        if keep_key and path == main:
            del table[path]  # the block's key stays where `write-in:` is written
            continue
        new = _moved(path, moves)
        if new != path:
            table[new] = table.pop(path)


def _moved(path: KeyPath, moves: dict[KeyPath, KeyPath]) -> KeyPath:
    for old, new in moves.items():
        if path[: len(old)] == old:
            return (*new, *path[len(old) :])
    return path
