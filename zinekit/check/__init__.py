"""Preflight: any PDF (and, optionally, a layout) -> a `Report` of checks, each passed,
warned, failed or skipped with a reason. Reads only; writes nothing.

Each check family is one module: `structure` (repairs, qpdf), `boxes`, `fonts`, `images`
(effective resolution), `colour` and `ink` (black-only printing), `pagecount`. `walk`
reads content streams once for the checks that need them; `report` holds the results.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from zinekit.check.boxes import PageSize, check_boxes
from zinekit.check.colour import check_colour
from zinekit.check.fonts import check_fonts
from zinekit.check.images import check_images
from zinekit.check.ink import check_ink
from zinekit.check.pagecount import check_page_count
from zinekit.check.report import Report, Result, Status
from zinekit.check.structure import check_qpdf, check_structure
from zinekit.check.walk import Walker
from zinekit.errors import DamagedPDFError
from zinekit.i18n import say
from zinekit.impose.layout import load_layout
from zinekit.pdf import collect_repairs, open_source

__all__ = ["Report", "Result", "Status", "run_checks"]

T = TypeVar("T")


def run_checks(
    path: Path,
    *,
    photocopy: bool = False,
    layout: str | None = None,
    password: str | None = None,
) -> Report:
    """Check the PDF at `path`. Raises `InputError` when it cannot be opened at all, and
    `LayoutError` for an unknown layout (both before reading the pages)."""
    chosen = load_layout(layout) if layout is not None else None
    source = open_source(path, password)
    reader, count = source.reader, len(source.pages)
    messages: list[str] = []
    with collect_repairs(messages):
        read = _guarded("boxes", lambda: check_boxes(reader))
        unknown: list[PageSize | None] = [None] * count
        boxes, sizes = (read, unknown) if isinstance(read, Result) else read
        fonts = _guarded("fonts", lambda: check_fonts(reader))
        walker = Walker(reader, colours=photocopy)
        drawings = _guarded("images", lambda: [walker.page(i) for i in range(count)])
        if isinstance(drawings, Result):  # the content could not be walked
            images, colour = drawings, Result("colour", drawings.status, drawings.message)
        else:
            images, colour = check_images(drawings), check_colour(drawings)
    only_photocopy = say("check.report.only-photocopy")
    # qpdf and Ghostscript would decode the same stream in full (their memory is capped too).
    bomb = walker.over_budget
    results = [
        check_structure([*source.repairs, *messages]),
        _skipped("qpdf", say("check.report.qpdf-bomb", reason=bomb))
        if bomb
        else check_qpdf(path, password),
        boxes,
        fonts,
        images,
        colour if photocopy else _skipped("colour", only_photocopy),
        _skipped("ink", say("check.report.gs-bomb", reason=bomb) if bomb else only_photocopy)
        if bomb or not photocopy
        else check_ink(path, password, count),
        check_page_count(chosen, sizes)
        if chosen is not None
        else _skipped("page-count", say("check.report.no-layout")),
    ]
    return Report(str(path), count, results)


def _skipped(name: str, reason: str) -> Result:
    return Result(name, Status.SKIP, say("check.report.skipped", reason=reason))


def _guarded(name: str, check: Callable[[], T]) -> T | Result:
    """Run one check; when pypdf fails on a damaged part of the file, that check fails with
    the reason and the others still run. Any other error is zinekit's bug."""
    try:
        return check()
    except DamagedPDFError as exc:
        message = say("check.report.damaged", detail=exc.detail)
        return Result(name, Status.FAIL, message)
