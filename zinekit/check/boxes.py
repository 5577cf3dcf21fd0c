"""Page boxes -> the `boxes` check: sizes in mm with paper names, and boxes out of order.

The rules are PDF 32000-1:2008, 14.11.2, read as a print shop does (PDF/X): the CropBox
defaults to the MediaBox, the BleedBox and TrimBox to the CropBox; the finished page (TrimBox)
lies within the BleedBox, and the BleedBox within the MediaBox, which is all that prints.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from zinekit.check.report import Detail, Result, Status, pages_text, plural, worst
from zinekit.i18n import say
from zinekit.pdf import Box, box, number, rotation
from zinekit.units import describe_size, to_mm

if TYPE_CHECKING:
    from zinekit.pdf import Reader

NAME = "boxes"
_NAMES = ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox")
_SLACK = 0.1  # points: writers round box corners; a tenth of a point is not a misprint


@dataclass(frozen=True)
class PageSize:
    """What a page finishes as, turned as a viewer shows it."""

    width: float
    height: float


def check_boxes(reader: Reader) -> tuple[Result, list[PageSize | None]]:
    """The result, and each page's finished size (None when its boxes are unusable)."""
    problems: dict[tuple[Status, str], list[int]] = defaultdict(list)
    groups: dict[str, list[int]] = defaultdict(list)
    sizes: list[PageSize | None] = []
    for page_number, page in enumerate(reader.pages, start=1):
        found, description, size = _page(page)
        for status, text in found:
            problems[(status, text)].append(page_number)
        if description:
            groups[description].append(page_number)
        sizes.append(size)

    distinct = {(round(to_mm(s.width)), round(to_mm(s.height))) for s in sizes if s}
    if len(distinct) > 1:
        names = sorted({describe_size(s.width, s.height) for s in sizes if s})
        problems[(Status.WARN, say("check.boxes.mixed", sizes=", ".join(names)))] = []
    ordered = sorted(problems.items(), key=_failures_first)
    details = [
        Detail(f"{pages_text(pages)}: {text}" if pages else text, tuple(pages))
        for (_, text), pages in ordered
    ]
    if problems or len(groups) > 1:  # else the message says it all
        details += [Detail(f"{pages_text(p)}: {d}", tuple(p)) for d, p in groups.items()]
    status = worst(s for s, _ in problems)
    if ordered:
        (_, first), pages = ordered[0]
        message = first
        if pages:
            message = say("check.boxes.on-pages", problem=first, pages=plural(len(pages), "page"))
        if len(problems) > 1:
            more = plural(len(problems) - 1, "more problem")
            message = say("check.boxes.and-more", message=message, more=more)
    else:
        message = next(iter(groups)) if len(groups) == 1 else say("check.boxes.in-order")
    return Result(NAME, status, message, tuple(details)), sizes


def _failures_first(item: tuple[tuple[Status, str], list[int]]) -> bool:
    return item[0][0] != Status.FAIL


def _page(page: Any) -> tuple[list[tuple[Status, str]], str | None, PageSize | None]:
    found: list[tuple[Status, str]] = []
    present = {name: box(page.get(name)) for name in _NAMES if name in page}
    for name, rect in present.items():
        if rect is None:
            found.append((Status.FAIL, say("check.boxes.not-numbers", box=name[1:])))
        elif rect[2] - rect[0] < 1 or rect[3] - rect[1] < 1:
            found.append((Status.FAIL, say("check.boxes.no-area", box=name[1:])))
            present[name] = None
    media = present.get("/MediaBox")
    if media is None:
        return found, None, None
    crop = present.get("/CropBox") or media
    bleed = present.get("/BleedBox")
    trim = present.get("/TrimBox")

    if not _overlap(crop, media):
        found.append((Status.FAIL, say("check.boxes.crop-outside")))
        crop = media
    elif not _inside(crop, media):
        found.append((Status.WARN, say("check.boxes.crop-beyond")))
    if bleed is not None and not _inside(bleed, media):
        found.append((Status.FAIL, say("check.boxes.bleed-beyond")))
    if trim is not None:
        if not _inside(trim, media):
            found.append((Status.FAIL, say("check.boxes.trim-beyond", box="MediaBox")))
        elif not _inside(trim, bleed or crop):
            outer = "BleedBox" if bleed is not None else say("check.boxes.crop-no-bleed")
            found.append((Status.FAIL, say("check.boxes.trim-beyond", box=outer)))
    elif bleed is not None and "/TrimBox" not in page:
        found.append((Status.WARN, say("check.boxes.bleed-no-trim")))

    finished = trim or crop
    unit = number(page.get("/UserUnit")) or 1.0
    # An invalid /Rotate is ignored, as viewers do (the structure check says so).
    turned = (rotation(page.get("/Rotate", 0)) or 0) % 180 == 90
    size = _size(finished, unit, turned)
    description = _describe(size, media, unit, turned, finished, bleed or crop, "/TrimBox" in page)
    return found, description, size


def _size(rect: Box, unit: float, turned: bool) -> PageSize:
    width, height = (rect[2] - rect[0]) * unit, (rect[3] - rect[1]) * unit
    return PageSize(height, width) if turned else PageSize(width, height)


def _describe(
    size: PageSize, media: Box, unit: float, turned: bool, finished: Box, bleed: Box, trim: bool
) -> str:
    parts = [describe_size(size.width, size.height)]
    media_size = _size(media, unit, turned)
    if abs(media_size.width - size.width) > 1 or abs(media_size.height - size.height) > 1:
        parts.append(
            say("check.boxes.media", size=describe_size(media_size.width, media_size.height))
        )
    margins = [
        finished[0] - max(bleed[0], media[0]),
        finished[1] - max(bleed[1], media[1]),
        min(bleed[2], media[2]) - finished[2],
        min(bleed[3], media[3]) - finished[3],
    ]
    low, high = (round(to_mm(max(0.0, m) * unit), 1) for m in (min(margins), max(margins)))
    if high > 0:
        parts.append(
            say("check.boxes.bleed", mm=f"{low:g}")
            if low == high
            else say("check.boxes.bleed-range", low=f"{low:g}", high=f"{high:g}")
        )
    if not trim:
        parts.append(say("check.boxes.no-trim"))
    return ", ".join(parts)


def _inside(inner: Box, outer: Box) -> bool:
    return (
        inner[0] >= outer[0] - _SLACK
        and inner[1] >= outer[1] - _SLACK
        and inner[2] <= outer[2] + _SLACK
        and inner[3] <= outer[3] + _SLACK
    )


def _overlap(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) >= 1 and min(a[3], b[3]) - max(a[1], b[1]) >= 1
