"""What the body of a `:::` container fills, read from a kind's model: text, a list of
texts, or titled items of a model; and the text key a paragraph above its list fills."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from zinekit.content.base import BlockKind


def shape(kind: BlockKind[Any]) -> tuple[str, type[BaseModel] | None]:
    """What a container's body fills: "text", a plain "value", a "list" of texts, or "items"
    of a model."""
    annotation = _annotation(kind.model, kind.key)
    held = _bare(annotation)
    if isinstance(held, type) and issubclass(held, BaseModel):
        annotation = _annotation(held, kind.main or "")
    held = _bare(annotation)
    if typing.get_origin(held) is list:
        (member,) = typing.get_args(held)
        member = _bare(member)
        if isinstance(member, type) and issubclass(member, BaseModel):
            return "items", member
        return "list", None
    if typing.get_origin(held) is typing.Literal:
        return "value", None  # a number or a word the body holds (`columns`), typed as YAML
    return "text", None


def lead_field(kind: BlockKind[Any]) -> str | None:
    """The text key a paragraph above a container's list or table fills: a list's or a
    table's `title`, the `pattern` of affirmations (the first text key after the main one)."""
    model: Any = kind.model
    held = _bare(_annotation(model, kind.key))
    skip = {kind.key}
    if isinstance(held, type) and issubclass(held, BaseModel):
        model, skip = held, {kind.main or ""}
    for name, info in model.model_fields.items():
        alias = info.alias or name
        if alias not in skip and _bare(info.annotation) is str:
            return alias
    return None


def _annotation(model: type[BaseModel], alias: str) -> Any:
    for name, info in model.model_fields.items():
        if (info.alias or name) == alias:
            return info.annotation
    return str


def _bare(annotation: Any) -> Any:
    """The type inside Annotated[...] and Optional[...]."""
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif (
            isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union
        ):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation
