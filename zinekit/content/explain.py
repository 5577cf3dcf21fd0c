"""pydantic's validation errors in a content file to problems that point at the YAML.

The generic part (following pydantic's `loc` to a line and column, the wording) is
`zinekit.validation.explain`; this module adds what only content files have: the tagged
union of blocks, whose tag pydantic puts in `loc` although no key in the file holds it,
and the mistakes that are about blocks.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from zinekit.content.model import BLOCK_KEYS, Publication
from zinekit.content.wording import CONTENT, nearest, phrase, problem, quote
from zinekit.errors import Problem
from zinekit.validation.document import Document, KeyPath, shown
from zinekit.validation.explain import Explainer, Spot, valid_keys


class _ContentExplainer(Explainer):
    def union_member(
        self, path: KeyPath, rest: list[str | int], model: type[BaseModel] | None
    ) -> type[BaseModel] | None:
        # `blocks` is a tagged union: ("blocks", 2, "resources", "resources", 0, ...).
        if len(path) == 2 and path[0] == "blocks" and rest:
            return BLOCK_KEYS.get(str(rest.pop(0)), model)
        return model

    def word(self, error: Any, spot: Spot, doc: Document) -> Problem:
        if error["type"] == "unknown_block":
            return _unknown_block(error["input"], spot, doc)
        dashed = _dashed_key(error["input"]) if error["type"] == "list_type" else None
        if dashed is not None:  # `blocks:` then `  -heading: ...`: a group, not a list
            where = doc.at((*spot.path, dashed), key=True)
            return problem("dash_without_space", where, word=dashed[1:])
        return super().word(error, spot, doc)

    def unknown_key(self, spot: Spot, doc: Document) -> Problem:
        where = doc.at(spot.path, key=True)
        key = spot.key or ""
        if spot.owner in BLOCK_KEYS.values() and key in BLOCK_KEYS:
            return problem("second_block", where, key=key, bare_key=key)
        if key.startswith("-") and key[1:] in BLOCK_KEYS:  # `-text: ...` under a block
            return problem("dash_without_space", where, word=key[1:])
        if key.startswith("-") and key[1:] in valid_keys(spot.owner):  # `-level: 2`
            valid = ", ".join(valid_keys(spot.owner))
            hint = phrase("stray_dash", key=key[1:])
            model = spot.owner.__name__ if spot.owner else None
            return problem("extra_forbidden", where, model=model, key=key, hint=hint, valid=valid)
        if spot.owner is Publication and key in BLOCK_KEYS:
            valid = ", ".join(valid_keys(Publication))
            hint = phrase("block_at_top", key=key)
            return problem(
                "extra_forbidden", where, model="Publication", key=key, hint=hint, valid=valid
            )
        return super().unknown_key(spot, doc)


_EXPLAINER = _ContentExplainer(Publication, CONTENT)


def explain(exc: ValidationError, doc: Document) -> list[Problem]:
    """One problem per validation error of a content file, in the order pydantic found them."""
    return _EXPLAINER.explain(exc, doc)


def _dashed_key(value: Any) -> str | None:
    """The first key of a group written where a list was meant, if it starts with "-"."""
    if isinstance(value, dict):
        found = (k for k in value if isinstance(k, str) and k.startswith("-") and k[1:2].strip("-"))
        return next(found, None)
    return None


def _unknown_block(value: Any, spot: Spot, doc: Document) -> Problem:
    names = list(BLOCK_KEYS)
    valid = ", ".join(names)
    if isinstance(value, dict) and value:
        # Report the key most like a block name: in {"title": .., "heding": ..} the typo is
        # the second key, not the first.
        guesses = [(key, nearest(str(key), names)) for key in value]
        key, suggestion = next(((k, s) for k, s in guesses if s), guesses[0])
        hint = phrase("did_you_mean", suggestion=quote(suggestion)) if suggestion else None
        where = doc.at((*spot.path, key), key=True)
        return problem("unknown_block", where, key=str(key), hint=hint, valid=valid)
    where = doc.at(spot.path)
    if isinstance(value, str) and nearest(value, ["page-break"]):
        hint = phrase("did_you_mean", suggestion=quote("page-break"))
        return problem("unknown_block", where, key=value, hint=hint)
    if value is None or value == {}:
        return problem("block_is_empty", where)
    if isinstance(value, list):
        return problem("block_is_list", where)
    return problem("block_is_text", where, input=shown(value), valid=valid)
