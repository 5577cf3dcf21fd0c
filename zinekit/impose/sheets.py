"""A plan's sheet sides and the source PDF -> the imposed PDF, written to `out`.

Each side becomes one output page: its boxes come from `marks.frame`, and its content
stream clips each cell and places the cell's page there with the transform `geometry`
gives, then draws guides and printer's marks. `zinekit.pdf.SheetWriter` does the PDF
writing (pages by reference, as Form XObjects). Whole pages of another PDF (an instruction
page) or blank sheet sides can go before or after the sides (`WholePage`).
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO

import zinekit
from zinekit.errors import DamagedPDFError
from zinekit.impose.geometry import Scaling, displayed_size, placement
from zinekit.impose.marks import Finish, cell_clip, frame, mark_lines
from zinekit.impose.plan import Cell, Line, Side
from zinekit.pdf import Source, SourcePage

if TYPE_CHECKING:
    from zinekit.pdf import SheetWriter


@dataclass(frozen=True)
class WholePage:
    """A page of `source` printed on a sheet side of its own, at 100% from the trimmed sheet's
    bottom left corner (its /Rotate not applied: meant for pages zinekit drew at the sheet's
    size, such as the instruction page), or a blank sheet side when `source` is None."""

    source: Source | None = None
    index: int = 0


BLANK = WholePage()


@dataclass
class WriteReport:
    scaled_pages: set[int] = field(default_factory=set)  # pages drawn at a scale other than 1
    overflowing_pages: set[int] = field(default_factory=set)  # pages larger than the cell at 100%
    flattened_annotations: int = 0


def write_sides(
    source: Source,
    sides: list[Side],
    sheet_size: tuple[float, float],
    out: BinaryIO,
    *,
    scaling: Scaling = "fit",
    guides: bool = False,
    finish: Finish | None = None,
    progress: Callable[[int, int], None] | None = None,
    before: Sequence[WholePage] = (),
    after: Sequence[WholePage] = (),
) -> WriteReport:
    """Draw `sides` (one output page each) from `source` into `out`, with the `before` pages
    ahead of them and the `after` pages behind them."""
    from zinekit.pdf import SheetWriter, collect_repairs

    report = WriteReport()
    finish = finish or Finish()
    # The objects built here live until the end of the run; collecting them midway only
    # costs time (about a tenth of a large job).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        with collect_repairs(source.repairs):
            writer = SheetWriter(_nums)
            for whole in before:
                _add_whole(writer, whole, sheet_size, finish)
            for number, side in enumerate(sides):
                _add_side(writer, source, side, sheet_size, finish, scaling, guides, report)
                if progress:
                    progress(number + 1, len(sides))
            for whole in after:
                _add_whole(writer, whole, sheet_size, finish)
            report.flattened_annotations = writer.flattened_annotations
            writer.write(
                out,
                producer=f"zinekit {zinekit.__version__}",
                title=source.title,
                author=source.author,
                lang=source.lang,
            )
    except DamagedPDFError as exc:
        raise exc.located(source.path) from exc.__cause__
    finally:
        if gc_was_enabled:
            gc.enable()
    return report


def _add_whole(
    writer: SheetWriter, whole: WholePage, sheet_size: tuple[float, float], finish: Finish
) -> None:
    """A sheet side of the same size and boxes as the imposed ones, carrying one page of
    another PDF (as a Form XObject, like any placed page), or nothing."""
    sheet = frame(sheet_size, finish)
    ops: list[bytes] = []
    forms = {}
    if whole.source is not None:
        forms["/W0"] = (whole.source, whole.index)
        box = whole.source.pages[whole.index].box
        ops.append(
            b"q %s re W n 1 0 0 1 %s cm /W0 Do Q"
            % (
                _nums((sheet.margin, sheet.margin, sheet_size[0], sheet_size[1])),
                _nums((sheet.margin - box[0], sheet.margin - box[1])),
            )
        )
    bleed = sheet.bleed if finish.bleed or finish.marks else None
    writer.add_side(sheet.media, sheet.trim, bleed, b"\n".join(ops), forms)


def _add_side(
    writer: SheetWriter,
    source: Source,
    side: Side,
    sheet_size: tuple[float, float],
    finish: Finish,
    scaling: Scaling,
    guides: bool,
    report: WriteReport,
) -> None:
    sheet = frame(sheet_size, finish)
    ops: list[bytes] = []
    if sheet.margin:
        # Everything below is drawn in trimmed-sheet coordinates.
        ops.append(b"q 1 0 0 1 %s cm" % _nums((sheet.margin, sheet.margin)))
    if guides:
        ops.append(_guide_ops(side.guides))
    forms: dict[str, tuple[Source, int]] = {}
    for cell in side.cells:
        if cell.page is None:
            continue
        src = source.pages[cell.page]
        name = f"/P{len(forms)}"  # by cell, not page: equal sides share one content stream
        forms[name] = (source, cell.page)
        matrix, factor = placement(src.box, src.rotate, cell, scaling)
        if abs(factor - 1) > 0.005:
            report.scaled_pages.add(cell.page)
        r = cell_clip(cell.rect, sheet_size, finish.bleed)
        # Clip to the cell so a page placed at 100% never spills into its neighbour.
        ops.append(
            b"q %s re W n %s cm %s Do Q"
            % (_nums((r.x, r.y, r.width, r.height)), _nums(matrix), name.encode())
        )
        if scaling == "actual" and _overflows(src, cell):
            report.overflowing_pages.add(cell.page)
    if finish.marks:
        ops.append(_mark_ops(mark_lines(sheet_size, side.guides, finish)))
    if sheet.margin:
        ops.append(b"Q")
    bleed = sheet.bleed if finish.bleed or finish.marks else None
    writer.add_side(sheet.media, sheet.trim, bleed, b"\n".join(ops), forms)


def _overflows(src: SourcePage, cell: Cell) -> bool:
    w, h = displayed_size(src.box, src.rotate + cell.turn)
    return w > cell.rect.width + 0.5 or h > cell.rect.height + 0.5


@functools.lru_cache(maxsize=4096)
def _nums(values: tuple[float, ...]) -> bytes:
    # Cached: a job places the same few cells and transforms over and over.
    return b" ".join(_num(v) for v in values)


def _num(value: float) -> bytes:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return (text if text not in ("-0", "") else "0").encode()


def _mark_ops(lines: list[tuple[str, tuple[float, float], tuple[float, float]]]) -> bytes:
    """Thin solid black (K only) crop and cut marks, dashed fold marks."""
    ops = [b"q 0 G 0.25 w 0 J"]
    for kind in ("cut", "crop", "fold"):
        chosen = [(a, b) for k, a, b in lines if k == kind]
        if chosen:
            ops.append(b"[3 2] 0 d" if kind == "fold" else b"[] 0 d")
            ops.extend(b"%s m %s l S" % (_nums(a), _nums(b)) for a, b in chosen)
    ops.append(b"Q")
    return b"\n".join(ops)


def _guide_ops(lines: tuple[Line, ...]) -> bytes:
    """Light grey (DeviceGray, so it stays black-only) dotted folds and dashed cuts.

    Drawn before the pages, so they show in the margins and gaps but never over content.
    """
    ops = [b"q 0.55 G 0.4 w 1 J"]
    for kind in ("fold", "cut"):
        chosen = [line for line in lines if line.kind == kind]
        if not chosen:
            continue
        ops.append(b"[0 2.5] 0 d" if kind == "fold" else b"[5 3] 0 d")
        for line in chosen:
            ops.append(b"%s m %s l S" % (_nums(line.start), _nums(line.end)))
    ops.append(b"Q")
    return b"\n".join(ops)
