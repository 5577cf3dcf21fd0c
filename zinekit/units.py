"""Lengths and paper sizes to PDF points (1/72 inch): the only place that converts units."""

from __future__ import annotations

import functools
import re

from zinekit.compat import tomllib
from zinekit.data import data_dir
from zinekit.errors import OptionError
from zinekit.i18n import say

POINTS_PER = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}

# Pixels per inch at the printed size that print shops ask for: photos and greys, and 1-bit
# line art, whose jagged edges show below 600. `zinekit check` fails a picture under them,
# and `zinekit build` says so when it places one.
MINIMUM_PPI = 300
MINIMUM_PPI_ONE_BIT = 600

_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*(pt|mm|cm|in)\s*", re.IGNORECASE)
_SIZE = re.compile(
    r"\s*([0-9]*\.?[0-9]+)\s*(pt|mm|cm|in)?\s*[x×]\s*([0-9]*\.?[0-9]+)\s*(pt|mm|cm|in)\s*",
    re.IGNORECASE,
)


def mm(value: float) -> float:
    """Millimetres to points."""
    return value * POINTS_PER["mm"]


def to_mm(points: float) -> float:
    """Points to millimetres, for messages."""
    return points / POINTS_PER["mm"]


def parse_length(text: str, *, what: str | None = None) -> float:
    """Parse "3mm", "0.5 in", "12pt" into points. A bare number is an error: units matter.
    `what` names the value in the message (an option such as "--bleed"); None: "length"."""
    match = _LENGTH.fullmatch(text)
    if not match:
        raise OptionError(
            say("cli.units.not-length", what=what or say("cli.units.length"), value=repr(text)),
            hint=say("cli.units.not-length-hint"),
        )
    return float(match.group(1)) * POINTS_PER[match.group(2).lower()]


@functools.cache
def _paper_table() -> tuple[dict[str, tuple[float, float]], dict[str, str]]:
    with open(data_dir("assets") / "paper-sizes.toml", "rb") as f:
        table = tomllib.load(f)
    sizes = {name: (mm(w), mm(h)) for name, (w, h) in table["sizes"].items()}
    aliases = dict(table.get("aliases", {}))
    return sizes, aliases


def paper_names() -> list[str]:
    """Names accepted by `paper_size`, canonical spelling, aliases included."""
    sizes, aliases = _paper_table()
    return [*sizes, *aliases]


def paper_size(text: str) -> tuple[float, float]:
    """A paper name (A4, F4, Letter...) or "WIDTHxHEIGHT" with units, to (width, height) points.

    Named sizes come back portrait; explicit sizes come back as written.
    """
    sizes, aliases = _paper_table()
    by_lower = {name.lower(): name for name in sizes}
    by_lower.update({alias.lower(): target for alias, target in aliases.items()})
    name = by_lower.get(text.strip().lower())
    if name is not None:
        return sizes[name]
    match = _SIZE.fullmatch(text)
    if match:
        w, w_unit, h, h_unit = match.groups()
        width = float(w) * POINTS_PER[(w_unit or h_unit).lower()]
        height = float(h) * POINTS_PER[h_unit.lower()]
        if width > 0 and height > 0:
            _check_sheet(text, width, height)
            return width, height
    raise OptionError(
        say("cli.units.unknown-sheet", value=repr(text)),
        hint=say("cli.units.unknown-sheet-hint", names=", ".join(paper_names())),
    )


# PDF viewers and printers refuse pages over 200 inches (14400 pt) a side; below 2 cm
# nothing useful folds.
_SMALLEST, _LARGEST = mm(20), 14400.0


def _check_sheet(text: str, width: float, height: float) -> None:
    if min(width, height) < _SMALLEST or max(width, height) > _LARGEST:
        raise OptionError(
            say("cli.units.out-of-range", value=repr(text)),
            hint=say("cli.units.out-of-range-hint"),
        )


def snap_to_paper(size: tuple[float, float], tolerance: float = mm(1)) -> tuple[float, float]:
    """A named paper size within `tolerance` of `size` (same orientation), else `size`.

    Half an A4 sheet is 148.5 x 210 mm: a booklet's pages are typeset on true A5 (148 x 210)
    so the reading copy is a standard size; imposition keeps them against the spine.
    """
    sizes, _ = _paper_table()
    width, height = size
    for w, h in sizes.values():
        if width > height:
            w, h = h, w
        if abs(w - width) <= tolerance and abs(h - height) <= tolerance:
            return (w, h)
    return size


def smallest_paper(width: float, height: float) -> str | None:
    """The smallest named paper a `width` x `height` page fits on, either way round (the
    sheet with printer's marks around it, say); None when none is large enough. A sizes
    come first: the paper sold almost everywhere outside North America."""
    sizes, _ = _paper_table()
    small, large = sorted((width, height))
    fits = [
        (not re.fullmatch(r"A\d+", name), w * h, name)
        for name, (w, h) in sizes.items()
        if w >= small - 0.1 and h >= large - 0.1
    ]
    return min(fits)[2] if fits else None


def describe_size(width: float, height: float) -> str:
    """ "210 x 297 mm (A4)" for messages and listings."""
    sizes, _ = _paper_table()
    text = f"{to_mm(width):.0f} x {to_mm(height):.0f} mm"
    for name, (w, h) in sizes.items():
        if {round(w, 1), round(h, 1)} == {round(width, 1), round(height, 1)}:
            return f"{name} ({text})"
    return text
