"""What `zinekit impose` and `zinekit build` share: the imposition options, and writing the
planned sheets (with any companion files) atomically, then telling the user how to print."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from zinekit import photocopy
from zinekit.errors import OptionError, notice
from zinekit.impose.marks import Finish, check_bleed, parse_marks
from zinekit.impose.pdf import Source, WriteReport, write_sides
from zinekit.impose.plan import Options, Plan, Side
from zinekit.output import atomic_outputs, check_target
from zinekit.units import describe_size, paper_size, parse_length


class Duplex(StrEnum):
    long = "long"
    short = "short"
    manual = "manual"


class PadAt(StrEnum):
    before_back = "before-back"
    end = "end"


LayoutOption = Annotated[
    str | None,
    typer.Option(
        "--layout", "-l", help="A built-in layout (see `zinekit layouts`) or a layout file."
    ),
]
SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        help="Paper: A4, A3, Letter, Legal, F4 (Folio, 215x330mm) or WIDTHxHEIGHT"
        " such as 210x297mm. Default: the layout's.",
    ),
]
DuplexOption = Annotated[
    Duplex,
    typer.Option(
        "--duplex",
        help="long: the printer flips on the long edge (most printers' default); short: on the"
        " short edge; manual: no duplex unit, write fronts and backs as two files.",
    ),
]
GuidesOption = Annotated[
    bool, typer.Option("--guides", help="Draw light dotted fold lines and dashed cut lines.")
]
PadAtOption = Annotated[
    PadAt,
    typer.Option(
        "--pad-at",
        help="Where blank pages go to fill the last sheet: before the back cover, or at the end.",
    ),
]
SignatureOption = Annotated[
    int | None,
    typer.Option(
        "--signature-sheets",
        min=1,
        help="Split a thick booklet into sections of this many sheets, each folded on its own.",
    ),
]
ActualSizeOption = Annotated[
    bool,
    typer.Option(
        "--actual-size", help="Place pages at 100% instead of scaling them to fit the cell."
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
MarksOption = Annotated[
    str | None,
    typer.Option(
        "--marks",
        help="Printer's marks outside the trimmed sheet: crop (corners and cut lines),"
        " fold, or crop,fold.",
    ),
]
BleedOption = Annotated[
    str | None,
    typer.Option(
        "--bleed",
        help="How far pages at the sheet's outer edges print past the trim, e.g. 3mm"
        " (a page's own BleedBox supplies the picture).",
    ),
]
PhotocopyOption = Annotated[
    bool,
    typer.Option(
        "--photocopy",
        help="Black only, for photocopiers: every colour converted to grey (needs Ghostscript"
        " for PDFs zinekit did not draw); warns about heavy solid black.",
    ),
]
CreepOption = Annotated[
    str | None,
    typer.Option(
        "--creep",
        help="Paper thickness, e.g. 0.1mm: each nested sheet's pages move toward the spine"
        " by that much per sheet outside it, so the fore-edges line up after folding.",
    ),
]


@dataclass(frozen=True)
class Printing:
    """How the user asked for the sheets to be drawn and reported."""

    guides: bool = False
    actual_size: bool = False
    quiet: bool = False
    finish: Finish = field(default_factory=Finish)
    photocopy: bool = False  # black only, through Ghostscript


def plan_options(
    sheet: str | None,
    duplex: Duplex,
    pad_at: PadAt,
    signature_sheets: int | None,
    creep: str | None = None,
) -> Options:
    return Options(
        sheet=paper_size(sheet) if sheet is not None else None,
        duplex=duplex.value,
        padding=pad_at.value,
        signature_sheets=signature_sheets,
        creep=parse_length(creep, what="--creep") if creep else 0.0,
    )


def finish_options(marks: str | None, bleed: str | None) -> Finish:
    return Finish(
        marks=parse_marks(marks),
        bleed=check_bleed(parse_length(bleed, what="--bleed")) if bleed else 0.0,
    )


def check_pdf_target(target: Path, inputs: tuple[Path, ...]) -> None:
    if target.suffix.lower() != ".pdf":
        raise OptionError(
            f"the output {str(target)!r} must end in .pdf", hint="name it like out.pdf"
        )
    check_target(target, inputs=inputs)


def sheet_targets(target: Path, plan: Plan, inputs: tuple[Path, ...]) -> list[Path]:
    """The imposed file, or the fronts and backs files for manual duplex; all checked."""
    targets = [target]
    if plan.duplex == "manual" and plan.backs():
        targets = [_suffixed(target, "fronts"), _suffixed(target, "backs")]
    for t in targets:
        check_pdf_target(t, inputs)
    return targets


def write_imposed(
    source: Source,
    plan: Plan,
    targets: list[Path],
    printing: Printing,
    companions: list[tuple[Path, bytes]] = (),
) -> list[WriteReport]:
    """Write the sheets to `targets` (and each companion file's bytes) all at once, or none."""
    parts = [plan.fronts(), plan.backs()] if len(targets) == 2 else [plan.sides()]
    total = sum(len(p) for p in parts)
    progress = _Progress(total) if sys.stderr.isatty() and not printing.quiet else None
    reports = []
    paths = [*targets, *(path for path, _ in companions)]
    heavy: list[int] = []
    with atomic_outputs(paths) as files:
        for f, sides in zip(files, parts, strict=False):
            if printing.photocopy:
                imposed = io.BytesIO()
                reports.append(_write(source, plan, sides, imposed, printing, progress))
                gray = photocopy.to_gray(imposed.getvalue())
                heavy += photocopy.heavy_black_pages(photocopy.ink_coverage(gray))
                f.write(gray)
            else:
                reports.append(_write(source, plan, sides, f, printing, progress))
        for f, (_, data) in zip(files[len(targets) :], companions, strict=True):
            f.write(data)
    if progress:
        progress.done()
    if not printing.quiet:
        if heavy:
            sides = ", ".join(map(str, sorted(set(heavy))))
            notice(
                f"sheet side{'s' if len(heavy) > 1 else ''} {sides}"
                f" {'are' if len(heavy) > 1 else 'is'} more than"
                f" {photocopy.HEAVY_BLACK:.0%} solid black: copiers smear and streak large black"
                " areas and use much toner"
            )
        _tell(source, plan, targets, reports, printing.actual_size)
    return reports


def _write(
    source: Source, plan: Plan, sides: list[Side], f, printing: Printing, progress
) -> WriteReport:
    return write_sides(
        source,
        sides,
        plan.sheet_size,
        f,
        scaling="actual" if printing.actual_size else "fit",
        guides=printing.guides,
        finish=printing.finish,
        progress=progress.step if progress else None,
    )


def _suffixed(target: Path, part: str) -> Path:
    return target.with_name(f"{target.stem}-{part}{target.suffix}")


class _Progress:
    """A one-line counter on a terminal's stderr; silent when stderr is a file or pipe."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0

    def step(self, _: int, __: int) -> None:
        self.count += 1
        if self.count % 16 == 0 or self.count == self.total:
            print(f"\rzinekit: imposing side {self.count}/{self.total}", end="", file=sys.stderr)

    def done(self) -> None:
        print("\r\033[K", end="", file=sys.stderr)


def _tell(
    source: Source, plan: Plan, targets: list[Path], reports: list[WriteReport], actual: bool
) -> None:
    if source.repairs:
        notice(f"{source.path} is damaged; it was repaired on reading ({source.repairs[0]})")
    if plan.blanks_added:
        where = "before the back cover" if plan.page_count >= 2 else "after the only page"
        if plan.padding == "end":
            where = "at the end"
        s = "s" if plan.blanks_added != 1 else ""
        notice(f"added {plan.blanks_added} blank page{s} {where} to fill the last sheet")
    scaled = set().union(*(r.scaled_pages for r in reports))
    if scaled:
        notice(
            f"{len(scaled)} of {plan.page_count} pages differ from the"
            f" {describe_size(*plan.cell_size)} page cell and were scaled to fit"
            " (use --actual-size to place them at 100%)"
        )
    overflowing = set().union(*(r.overflowing_pages for r in reports))
    if overflowing and actual:
        notice(
            f"{len(overflowing)} pages are larger than their cell at 100% and were cut at its edge"
        )
    flattened = sum(r.flattened_annotations for r in reports)
    if flattened:
        notice(f"drew {flattened} printable annotations (form fields, stamps) into the pages")
    sheets = _count(len(plan.sheets), "sheet")
    pages = _count(plan.page_count, "page")
    print(
        f"zinekit: wrote {', '.join(map(str, targets))}: {sheets} of"
        f" {describe_size(*plan.sheet_size)}, {pages}, layout {plan.layout}",
        file=sys.stderr,
    )
    if len(targets) == 2:
        print(
            "zinekit: manual duplex, no duplex unit needed:\n"
            f"  1. print {targets[0]} ({len(plan.fronts())} sheets);\n"
            "  2. put the printed stack back in the paper tray to print on the blank side,\n"
            "     without reordering it, so the sheet printed first is fed first (most trays:\n"
            "     printed side up, top edge in first; test with one sheet);\n"
            f"  3. print {targets[1]}.\n"
            "  If the backs come out upside down, turn the stack end over end before step 3.",
            file=sys.stderr,
        )
    elif plan.backs():
        print(
            f"zinekit: print double-sided, flip on {plan.duplex} edge, at 100% (actual size)",
            file=sys.stderr,
        )
    else:
        print("zinekit: print single-sided at 100% (actual size)", file=sys.stderr)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"
