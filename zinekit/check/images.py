"""Image placements -> the `images` check: effective resolution at the size each image is
drawn, in pixels per inch along both of its axes.

An image's pixels span its unit square, which the current matrix stretches to the placed
size: its x axis to the length of (a, b), its y axis to the length of (c, d), in points.
"""

from __future__ import annotations

import math
from collections import defaultdict

from zinekit.check.report import Detail, Result, Status, pages_text, plural
from zinekit.check.walk import Drawing, Placement, unreadable
from zinekit.i18n import say
from zinekit.units import MINIMUM_PPI, MINIMUM_PPI_ONE_BIT

NAME = "images"


def resolution(placement: Placement) -> tuple[float, float]:
    """Pixels per inch along the image's width and height as placed; inf when flat."""
    a, b, c, d, _, _ = placement.matrix
    across, down = math.hypot(a, b) / 72, math.hypot(c, d) / 72
    info = placement.info
    return (
        info.width / across if across else math.inf,
        info.height / down if down else math.inf,
    )


def check_images(drawings: list[Drawing]) -> Result:
    low: dict[tuple[str, str, int], set[int]] = defaultdict(set)
    images: set[object] = set()
    for number, drawing in enumerate(drawings, start=1):
        for placement in drawing.images:
            info = placement.info
            images.add(placement.key or info)  # inline images: one per kind, a fair count
            across, down = resolution(placement)
            if info.width <= 0 or info.height <= 0 or math.inf in (across, down):
                continue  # no pixels, or drawn flat: nothing shows
            minimum = MINIMUM_PPI_ONE_BIT if info.one_bit else MINIMUM_PPI
            # Judged as shown, to the unit: an image sized for 300 ppi comes out at 299.99.
            if round(min(across, down)) >= minimum:
                continue
            what = placement.described()
            low[(what, _ppi(across, down), minimum)].add(number)

    rule = say("check.images.rule", ppi=MINIMUM_PPI, one_bit=MINIMUM_PPI_ONE_BIT)
    details: tuple[Detail, ...] = ()
    if low:
        status = Status.FAIL
        count = len({what for what, _, _ in low})
        message = say("check.images.blurred", images=plural(count, "image"), rule=rule)
        details = tuple(
            Detail(
                say("check.images.detail", what=what, ppi=ppi, pages=pages_text(pages)),
                tuple(sorted(pages)),
            )
            for (what, ppi, _), pages in sorted(low.items(), key=lambda item: min(item[1]))
        )
    elif images:
        message = say("check.images.fine", images=plural(len(images), "image"), rule=rule)
        status = Status.PASS
    else:
        status, message = Status.PASS, say("check.images.none")
    problems = tuple(
        Detail(f"{pages_text(p)}: {text}", tuple(p)) for text, p in unreadable(drawings).items()
    )
    if problems and status == Status.PASS:
        status, message = Status.WARN, say("check.images.unreadable", message=message)
    return Result(NAME, status, message, details + problems)


def _ppi(across: float, down: float) -> str:
    """ "72" when both axes agree to the unit, else "72 x 150"; the lower one decides."""
    first, second = round(across), round(down)
    return f"{first}" if first == second else f"{first} x {second}"
