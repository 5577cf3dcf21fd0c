"""pydantic's validation errors to problems that point at the YAML: file, line, column, a
plain message, a hint and an example of what is valid.

pydantic says where an error is as a path of keys and indexes (its `loc`); this module
follows that path through the values read from the file to find the line and column, and
through the model to know which keys were valid there.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from zinekit.content.model import BLOCK_KEYS, Publication
from zinekit.content.reader import Document, KeyPath, describe, shown
from zinekit.content.wording import nearest, phrase, problem, quote
from zinekit.errors import Problem


@dataclass(frozen=True)
class _Spot:
    """Where a pydantic `loc` lands in the file and in the model."""

    path: KeyPath  # keys and indexes of the value in the file, union tags left out
    owner: type[BaseModel] | None  # the model whose key the last part of the path is
    outer: type[BaseModel] | None  # the model that holds `owner`, one level up
    key: str | None  # the last key on the path ("year"), for the wording and the example
    label: str | None  # how to name the value when the path ends at a list item


def explain(exc: ValidationError, doc: Document) -> list[Problem]:
    """One problem per validation error, except those inside values already reported
    (a forbidden tag leaves a hole that would otherwise be reported twice)."""
    errors = [(error, _follow(error["loc"])) for error in exc.errors(include_url=False)]
    typos = _typos(errors)
    problems = []
    for error, spot in errors:
        if any(spot.path[: len(hole)] == hole for hole in doc.dropped):
            continue
        if error["type"] == "missing" and spot.path in typos:
            continue  # "unknown key 'titel' (did you mean 'title'?)" already says it
        problems.append(_word(error, spot, doc))
    return problems


def _typos(errors: list[tuple[Any, _Spot]]) -> set[KeyPath]:
    """Paths of missing keys that an unknown key beside them is a misspelling of."""
    found = set()
    for error, spot in errors:
        if error["type"] == "extra_forbidden" and spot.key is not None:
            suggestion = nearest(spot.key, _valid_keys(spot.owner))
            if suggestion is not None:
                found.add((*spot.path[:-1], suggestion))
    return found


def _follow(loc: tuple[str | int, ...]) -> _Spot:
    path: list[str | int] = []
    model: type[BaseModel] | None = Publication
    owner: type[BaseModel] | None = None
    outer: type[BaseModel] | None = None
    key: str | None = None
    label: str | None = None
    parts = list(loc)
    while parts:
        part = parts.pop(0)
        if isinstance(part, int):
            path.append(part)
            label = f"item {part + 1} of {quote(key)}" if key else None
            # `blocks` is a tagged union: pydantic puts the block's tag after its index
            # ("blocks", 2, "resources", "resources", 0, ...). The tag is no key in the file.
            if path == ["blocks", part] and parts:
                model = BLOCK_KEYS.get(str(parts.pop(0)), model)
            continue
        path.append(part)
        if model is not owner:
            outer = owner
        owner, key, label = model, part, None
        model = _field_model(model, part)
    return _Spot(tuple(path), owner, outer, key, label)


def _field_model(model: type[BaseModel] | None, alias: str) -> type[BaseModel] | None:
    """The model a field holds (through Optional and list), or None for a plain value."""
    if model is None:
        return None
    for name, info in model.model_fields.items():
        if (info.alias or name) == alias:
            return _find_model(info.annotation)
    return None


def _find_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            found = _find_model(arg)
            if found is not None:
                return found
    return None


def _valid_keys(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


def _word(error: Any, spot: _Spot, doc: Document) -> Problem:
    kind: str = error["type"]
    value = error["input"]
    owner = spot.owner.__name__ if spot.owner else None
    if kind == "extra_forbidden":
        return _unknown_key(spot, doc)
    if kind == "missing":
        return problem("missing", doc.at(spot.path[:-1]), model=owner, key=spot.key)
    if kind == "unknown_block":
        return _unknown_block(value, spot, doc)
    if value is None and kind.endswith("_type"):  # `key:` with nothing after the colon
        kind = "empty_value"
    fields = {
        name: str(given) for name, given in (error.get("ctx") or {}).items() if name != "error"
    }
    error_text = (error.get("ctx") or {}).get("error") or error["msg"]
    return problem(
        kind,
        doc.at(spot.path),
        model=owner,
        key=spot.key,
        label=spot.label,
        input=shown(value),
        got=describe(value),
        error=str(error_text),
        **fields,
    )


def _unknown_key(spot: _Spot, doc: Document) -> Problem:
    where = doc.at(spot.path, key=True)
    key = spot.key or ""
    owner = spot.owner.__name__ if spot.owner else None
    if spot.owner in BLOCK_KEYS.values() and key in BLOCK_KEYS:
        return problem("second_block", where, key=key, bare_key=key)
    valid = _valid_keys(spot.owner)
    suggestion = nearest(key, valid)
    hint = phrase("did_you_mean", suggestion=quote(suggestion)) if suggestion else None
    # A valid key at the wrong depth is an indentation slip, more likely than a typo.
    home = next(
        (field for field in valid if key in _valid_keys(_field_model(spot.owner, field))), None
    )
    if spot.owner is Publication and key in BLOCK_KEYS:
        hint = phrase("block_at_top", key=key)
    elif home is not None:
        hint = phrase("belongs_deeper", home=home)
    elif key in _valid_keys(spot.outer):
        hint = phrase("belongs_higher")
    return problem(
        "extra_forbidden", where, model=owner, key=key, hint=hint, valid=", ".join(valid)
    )


def _unknown_block(value: Any, spot: _Spot, doc: Document) -> Problem:
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
