"""What a flowable taller than any page is, for the message that says so.

reportlab reports such a flowable in its own terms (`Flowable <TickItem at 0x7fa1…>`);
a typesetter instead tags the flowables it makes with the part of the block they set (an
item of a checklist, the prompt of a write-in), and the build words the error from the tag
of the flowable it was placing (`pages.ZineDoc.placing`), as typeset.toml [too-large] says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from reportlab.platypus import Flowable, KeepTogether

import zinekit.typeset.reportlab_shim as shim

_ATTRIBUTE = "zinekit_part"
F = TypeVar("F", bound=Flowable)


@dataclass(frozen=True)
class Part:
    """`kind` names the message (typeset.toml [too-large]: block, item, prompt, question,
    label, picture); `fields` fill its blanks; `at` is the path of keys inside the block
    where the part is written (("checklist", 1) for its second item), when it has one."""

    kind: str
    fields: dict[str, object] = field(default_factory=dict)
    at: tuple[str | int, ...] | None = None


def tag(flowable: F, part: Part) -> F:
    """Mark `flowable` as setting `part` of its block; returns it."""
    setattr(flowable, _ATTRIBUTE, part)
    return flowable


def find(flowable: Flowable | None) -> tuple[Part, float]:
    """The tagged part in `flowable` (itself, or a member of a group kept together) that
    measured tallest, with that height in points; the whole block when nothing in it is
    tagged."""
    if flowable is None:
        return Part("block"), 0.0
    best: tuple[Part, float] | None = None
    for member in _members(flowable):
        part = getattr(member, _ATTRIBUTE, None)
        if isinstance(part, Part):
            height = float(getattr(member, "height", 0.0) or 0.0)
            if best is None or height > best[1]:
                best = (part, height)
    if best is None:
        return Part("block"), float(getattr(flowable, "height", 0.0) or 0.0)
    return best


def _members(flowable: Flowable) -> list[Flowable]:
    out = [flowable]
    if isinstance(flowable, KeepTogether):
        for member in shim.kept_flowables(flowable):
            out += _members(member)
    return out
