"""Colours set and images drawn -> the `colour` check for black-only printing (--photocopy).

Greys in DeviceGray (g/G), CMYK with only K, and 1-bit or grey images print the same on
any device. RGB greys (r = g = b) look grey but a colour printer may mix them from colour
inks: a warning. Any other colour, or an image in a colour space, fails.
"""

from __future__ import annotations

from collections import defaultdict

from zinekit.check.report import Detail, Result, Status, pages_text, plural, worst
from zinekit.check.spaces import is_grey
from zinekit.check.walk import Drawing, Paint, Placement, unreadable
from zinekit.i18n import say

NAME = "colour"


def check_colour(drawings: list[Drawing]) -> Result:
    findings: dict[tuple[Status, str], set[int]] = defaultdict(set)
    # One line per kind of colour, with one example: a gradient drawn in a thousand RGB
    # steps is one finding, not a thousand.
    examples: dict[tuple[Status, str], set[str]] = defaultdict(set)
    for number, drawing in enumerate(drawings, start=1):
        for paint in drawing.paints:
            found = _paint(paint)
            if found is not None:
                status, text, example = found
                findings[(status, text)].add(number)
                if example:
                    examples[(status, text)].add(example)
        for placement in drawing.images:
            image = _image(placement)
            if image is not None:
                findings[image].add(number)
    for problem, numbers in unreadable(drawings).items():
        findings[(Status.WARN, say("check.colour.unreadable", problem=problem))] = set(numbers)

    if not findings:
        return Result(NAME, Status.PASS, say("check.colour.clean"))
    status = worst(s for s, _ in findings)
    ordered = sorted(findings.items(), key=lambda item: (item[0][0] != Status.FAIL, min(item[1])))
    details = tuple(
        Detail(
            say(
                "check.colour.detail",
                finding=key[1],
                example=_example(examples[key]),
                pages=pages_text(numbers),
            ),
            tuple(sorted(numbers)),
        )
        for key, numbers in ordered
    )
    pages = {n for (s, _), numbers in findings.items() if s == status for n in numbers}
    if status == Status.FAIL:
        message = say("check.colour.fails", pages=plural(len(pages), "page"))
    else:
        message = say("check.colour.warns", pages=plural(len(pages), "page"))
    return Result(NAME, status, message, details)


def _example(examples: set[str]) -> str:
    if not examples:
        return ""
    if len(examples) > 1:
        return say("check.colour.more-examples", first=min(examples), count=len(examples) - 1)
    return say("check.colour.example", first=min(examples))


def _paint(paint: Paint) -> tuple[Status, str, str] | None:
    if paint.operator == "sh" or not paint.values:
        role = say("check.colour.shading")
    else:
        role = say("check.colour.fill" if paint.operator.islower() else "check.colour.stroke")
    example = " ".join([*(f"{v:g}" for v in paint.values), paint.operator])
    grey = is_grey(paint.space, paint.values)
    if grey and paint.space.family == "rgb":
        return Status.WARN, say("check.colour.rgb-grey", role=role), example
    if grey:
        return None
    if grey is None:
        return Status.WARN, say("check.colour.unknown", role=role, space=paint.space.name), ""
    return Status.FAIL, say("check.colour.coloured", role=role, space=paint.space.name), example


def _image(placement: Placement) -> tuple[Status, str] | None:
    space = placement.info.space
    if placement.info.mask or space is None or space.neutral:
        return None  # a stencil mask paints in the fill colour, checked where it is set
    what = placement.described()
    if space.neutral is None and space.family == "other":
        return Status.WARN, say("check.colour.image-unknown", what=what, space=space.name)
    return Status.FAIL, say("check.colour.image-coloured", what=what, space=space.name)
