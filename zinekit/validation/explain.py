"""pydantic's validation errors to problems that point into the file: file, line, column, a
plain message, a hint and an example of what is valid.

pydantic says where an error is as a path of keys and indexes (its `loc`); `Explainer`
follows that path through the values read from the file to find the line and column, and
through the model to know which keys were valid there.

A check written in a model (a cross-field rule in a model validator) can say more than its
`loc` by the context of its `PydanticCustomError`: `at`, a path below the loc to point at;
`offset`, characters into that text value; `at_key`, point at the key, not its value.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from zinekit.errors import Problem
from zinekit.i18n import say
from zinekit.validation.document import Document, KeyPath, describe, shown
from zinekit.validation.wording import Messages, nearest, quote, spoken_choices

# Context entries that place an error rather than fill a blank of its wording.
_PLACING = {"at", "offset", "at_key", "error"}


@dataclass(frozen=True)
class Spot:
    """Where a pydantic `loc` lands in the file and in the model."""

    path: KeyPath  # keys and indexes of the value in the file, union tags left out
    owner: type[BaseModel] | None  # the model whose key the last part of the path is
    outer: type[BaseModel] | None  # the model that holds `owner`, one level up
    key: str | None  # the last key on the path ("year"), for the wording and the example
    label: str | None  # how to name the value when the path ends at a list item


class Explainer:
    """Explains the errors of one root model through one wording table. Subclasses add
    what only their file format knows (tagged unions, their own kinds of error)."""

    def __init__(self, root: type[BaseModel], messages: Messages) -> None:
        self.root = root
        self.messages = messages

    def explain(self, exc: ValidationError, doc: Document) -> list[Problem]:
        """One problem per validation error, except those inside values already reported
        (a forbidden tag leaves a hole that would otherwise be reported twice)."""
        errors = []
        for error in exc.errors(include_url=False):
            below = (error.get("ctx") or {}).get("at", ())
            errors.append((error, self.follow((*error["loc"], *below))))
        typos = self._typos(errors)
        problems = []
        for error, spot in errors:
            if any(spot.path[: len(hole)] == hole for hole in doc.dropped):
                continue
            if error["type"] == "missing" and spot.path in typos:
                continue  # "unknown key 'titel' (did you mean 'title'?)" already says it
            problems.append(self.word(error, spot, doc))
        return problems

    def _typos(self, errors: list[tuple[Any, Spot]]) -> set[KeyPath]:
        """Paths of missing keys that an unknown key beside them is a misspelling of."""
        found = set()
        for error, spot in errors:
            if error["type"] == "extra_forbidden" and spot.key is not None:
                suggestion = nearest(spot.key, valid_keys(spot.owner))
                if suggestion is not None:
                    found.add((*spot.path[:-1], suggestion))
        return found

    def follow(self, loc: tuple[str | int, ...]) -> Spot:
        path: list[str | int] = []
        model: type[BaseModel] | None = self.root
        owner: type[BaseModel] | None = None
        outer: type[BaseModel] | None = None
        key: str | None = None
        label: str | None = None
        parts = list(loc)
        while parts:
            part = parts.pop(0)
            if isinstance(part, int):
                path.append(part)
                label = say("content.name.item", number=part + 1, key=quote(key)) if key else None
                model = self.union_member(tuple(path), parts, model)
                continue
            path.append(part)
            if model is not owner:
                outer = owner
            owner, key, label = model, part, None
            model = field_model(model, part)
        return Spot(tuple(path), owner, outer, key, label)

    def union_member(
        self, path: KeyPath, rest: list[str | int], model: type[BaseModel] | None
    ) -> type[BaseModel] | None:
        """The model of a list item. A tagged union puts its tag after the index in `loc`
        (no key in the file): a subclass that has one takes the tag off `rest` here."""
        return model

    def word(self, error: Any, spot: Spot, doc: Document) -> Problem:
        kind: str = error["type"]
        value = error["input"]
        owner = spot.owner.__name__ if spot.owner else None
        context = error.get("ctx") or {}
        if kind == "extra_forbidden":
            return self.unknown_key(spot, doc)
        hint = self.messages.key_hint(owner, spot.key)
        if kind == "missing":
            where = doc.at(spot.path[:-1])
            return self.messages.problem("missing", where, model=owner, key=spot.key, hint=hint)
        if value is None and kind.endswith("_type"):  # `key:` with nothing after the colon
            kind = "empty_value"
        if "offset" in context:
            where = doc.inside(spot.path, context["offset"])
        else:
            where = doc.at(spot.path, key=bool(context.get("at_key")))
        if "at" in context:  # a model's own rule: the value is the one it points at
            value = _below(value, context["at"])
        fields: dict[str, object] = {
            "input": shown(value),
            "got": describe(value),
            "error": str(context.get("error") or error["msg"]),
        }
        fields.update((name, str(given)) for name, given in context.items() if name not in _PLACING)
        if kind == "literal_error" and "expected" in fields:  # "'left' or 'right'": English
            fields["expected"] = spoken_choices(str(fields["expected"]))
        return self.messages.problem(
            kind, where, model=owner, key=spot.key, label=spot.label, hint=hint, **fields
        )

    def unknown_key(self, spot: Spot, doc: Document) -> Problem:
        where = doc.at(spot.path, key=True)
        key = spot.key or ""
        valid = valid_keys(spot.owner)
        suggestion = nearest(key, valid)
        hint = None
        if suggestion is not None:
            shown_valid = ", ".join(valid)
            hint = self.messages.phrase(
                "did_you_mean", suggestion=quote(suggestion), valid=shown_valid
            )
        # A valid key at the wrong depth is an indentation slip, more likely than a typo.
        home = next(
            (field for field in valid if key in valid_keys(field_model(spot.owner, field))), None
        )
        if home is not None:
            hint = self.messages.phrase("belongs_deeper", home=home)
        elif key in valid_keys(spot.outer):
            hint = self.messages.phrase("belongs_higher")
        owner = spot.owner.__name__ if spot.owner else None
        return self.messages.problem(
            "extra_forbidden", where, model=owner, key=key, hint=hint, valid=", ".join(valid)
        )


def _below(value: Any, path: KeyPath) -> Any:
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def field_model(model: type[BaseModel] | None, alias: str) -> type[BaseModel] | None:
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


def valid_keys(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]
