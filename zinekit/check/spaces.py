"""PDF colour spaces (names and arrays, PDF 32000-1:2008, 8.6) to plain `Space` values that
say whether what they paint can be colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from zinekit.errors import DamagedPDFError
from zinekit.i18n import say
from zinekit.pdf import array, dictionary, number, resolved, stream, string_bytes

Family = Literal["gray", "rgb", "cmyk", "lab", "pattern", "other"]


@dataclass(frozen=True)
class Space:
    """A colour space as far as black-only printing cares.

    `neutral` is True when every colour the space makes is grey (DeviceGray, a palette of
    greys, a black spot ink), False when it makes colour whatever the values (a colour spot
    ink), None when it depends on the values (RGB, CMYK, Lab: see `is_grey`).
    """

    name: str
    family: Family
    components: int
    neutral: bool | None


GRAY = Space("DeviceGray", "gray", 1, True)
RGB = Space("DeviceRGB", "rgb", 3, None)
CMYK = Space("DeviceCMYK", "cmyk", 4, None)
PATTERN = Space("Pattern", "pattern", 1, None)

_DEVICE = {
    "/DeviceGray": GRAY,
    "/G": GRAY,
    "/CalGray": GRAY,
    "/DeviceRGB": RGB,
    "/RGB": RGB,
    "/CalRGB": RGB,
    "/DeviceCMYK": CMYK,
    "/CMYK": CMYK,
    "/Pattern": PATTERN,
}
# Inks that print black (or nothing) on a black-only device.
_BLACK_INKS = {"/Black", "/None", "/All"}
# Differences below this (on 0..1 values) are rounding, not colour: under 1/255.
_TOLERANCE = 0.002
# A colour space array too short, or with the wrong kind of value where a number, a name or
# an array belongs, is malformed; so is one whose parts cannot be read.
_MALFORMED = (DamagedPDFError, IndexError, TypeError, ValueError, AttributeError)


def by_count(count: int) -> Space:
    """The device space implied by the number of colour values, when nothing else says."""
    found = {1: GRAY, 3: RGB, 4: CMYK}.get(count)
    return found or Space(say("check.spaces.components", count=count), "other", count, None)


def resolve(value: Any, named: Any = None, depth: int = 0) -> Space:
    """The `Space` of a colour space object; names other than the device spaces are looked up
    in `named` (a resources' /ColorSpace dictionary)."""
    value = resolved(value)
    if depth > 8:  # a colour space built from itself: malformed
        return Space(say("check.spaces.malformed"), "other", 1, False)
    try:
        if isinstance(value, str):  # a name (pypdf's names are strings)
            if str(value) in _DEVICE:
                return _DEVICE[str(value)]
            table = dictionary(named)
            if table is not None and str(value) in table:
                return resolve(table.raw_get(str(value)), named, depth + 1)
            return Space(say("check.spaces.unknown", name=value), "other", 1, None)
        values = array(value)
        if values:
            return _array(values, named, depth)
    except _MALFORMED:
        pass
    return Space(say("check.spaces.malformed"), "other", 1, None)


def _array(value: Any, named: Any, depth: int) -> Space:
    family = str(resolved(value[0]))
    if family in ("/CalGray", "/CalRGB", "/DeviceGray", "/DeviceRGB", "/DeviceCMYK", "/Pattern"):
        if family == "/Pattern" and len(value) > 1:
            return Space("Pattern", "pattern", resolve(value[1], named, depth + 1).components, None)
        return _DEVICE[family]
    if family == "/Lab":
        return Space("Lab", "lab", 3, None)
    if family == "/ICCBased":
        profile = stream(value[1])
        n = int(number(profile.get("/N")) or 0) if profile is not None else 0
        base = by_count(n)
        return Space(say("check.spaces.icc", n=n), base.family, n, base.neutral)
    if family in ("/Indexed", "/I"):
        return _indexed(value, named, depth)
    if family == "/Separation":
        alternate = resolve(value[2], named, depth + 1)
        ink = str(resolved(value[1]))
        neutral = ink in _BLACK_INKS or alternate.family == "gray"
        return Space(f"Separation {ink}", "other", 1, neutral)
    if family == "/DeviceN":
        inks = [str(resolved(v)) for v in resolved(value[1])]
        alternate = resolve(value[2], named, depth + 1)
        neutral = all(ink in _BLACK_INKS for ink in inks) or alternate.family == "gray"
        return Space(f"DeviceN {' '.join(inks)}", "other", len(inks), neutral)
    return Space(say("check.spaces.unknown", name=family), "other", 1, None)


def _indexed(value: Any, named: Any, depth: int) -> Space:
    """A palette is neutral when its base is, or when every entry in it is a grey."""
    base = resolve(value[1], named, depth + 1)
    name = f"Indexed {base.name}"
    if base.neutral is not None:
        return Space(name, "other", 1, base.neutral)
    table = string_bytes(value[3])
    count = int(number(value[2]) or 0) + 1
    size = base.components
    entries = [
        tuple(b / 255 for b in table[i * size : (i + 1) * size])
        for i in range(min(count, len(table) // size))
    ]
    grey = all(is_grey(base, entry) for entry in entries)
    palette = "check.spaces.grey-palette" if grey else "check.spaces.colour-palette"
    return Space(say(palette, name=name), "other", 1, grey)


def is_grey(space: Space, values: tuple[float, ...]) -> bool | None:
    """Whether these values in `space` make a grey; None when it cannot be told."""
    if space.neutral is not None:
        return space.neutral
    if space.family == "rgb" and len(values) == 3:
        return max(values) - min(values) < _TOLERANCE
    if space.family == "cmyk" and len(values) == 4:
        return max(values[:3]) < _TOLERANCE
    if space.family == "lab" and len(values) == 3:
        return abs(values[1]) < _TOLERANCE * 100 and abs(values[2]) < _TOLERANCE * 100
    return None
