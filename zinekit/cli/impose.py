"""`zinekit impose`: someone else's PDF to imposed, print-ready master sheets."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from zinekit.cli import app
from zinekit.errors import OptionError, notice
from zinekit.impose.layout import load_layout
from zinekit.impose.pdf import Source, WriteReport, open_source, write_sides
from zinekit.impose.plan import Options, Plan, Side, make_plan
from zinekit.output import atomic_outputs, check_target
from zinekit.units import describe_size, paper_size


class Duplex(StrEnum):
    long = "long"
    short = "short"
    manual = "manual"


class PadAt(StrEnum):
    before_back = "before-back"
    end = "end"


@app.command("impose")
def impose_command(
    input: Annotated[Path, typer.Argument(help="The PDF to impose.", show_default=False)],
    layout: Annotated[
        str,
        typer.Option(
            "--layout", "-l", help="A built-in layout (see `zinekit layouts`) or a layout file."
        ),
    ] = "booklet",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Output PDF. Default: <input>-<layout>.pdf beside the input."
        ),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet",
            help="Paper: A4, A3, Letter, Legal, F4 (Folio, 215x330mm) or WIDTHxHEIGHT"
            " such as 210x297mm."
            " Default: the layout's.",
        ),
    ] = None,
    duplex: Annotated[
        Duplex,
        typer.Option(
            "--duplex",
            help="long: the printer flips on the long edge (most printers' default); short: on the"
            " short edge; manual: no duplex unit, write fronts and backs as two files.",
        ),
    ] = Duplex.long,
    guides: Annotated[
        bool, typer.Option("--guides", help="Draw light dotted fold lines and dashed cut lines.")
    ] = False,
    pad_at: Annotated[
        PadAt,
        typer.Option(
            "--pad-at",
            help="Where blank pages go to fill the last sheet: before the back cover,"
            " or at the end.",
        ),
    ] = PadAt.before_back,
    signature_sheets: Annotated[
        int | None,
        typer.Option(
            "--signature-sheets",
            min=1,
            help="Split a thick booklet into sections of this many sheets, each folded on its own.",
        ),
    ] = None,
    actual_size: Annotated[
        bool,
        typer.Option(
            "--actual-size", help="Place pages at 100% instead of scaling them to fit the cell."
        ),
    ] = False,
    password: Annotated[
        str | None, typer.Option("--password", help="Password of an encrypted input PDF.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Impose a PDF into a folded booklet, a one-sheet mini-zine or n-up handout masters."""
    chosen = load_layout(layout)
    options = Options(
        sheet=paper_size(sheet) if sheet is not None else None,
        duplex=duplex.value,
        padding=pad_at.value,
        signature_sheets=signature_sheets,
    )
    target = output if output is not None else input.with_name(f"{input.stem}-{chosen.name}.pdf")
    if target.suffix.lower() != ".pdf":
        raise OptionError(
            f"the output {str(target)!r} must end in .pdf", hint="name it like out.pdf"
        )
    check_target(target, inputs=(input,))
    source = open_source(input, password)
    plan = make_plan(chosen, len(source.pages), options)

    if plan.duplex == "manual" and plan.backs():
        targets = [_suffixed(target, "fronts"), _suffixed(target, "backs")]
        for t in targets:
            check_target(t, inputs=(input,))
        parts = [plan.fronts(), plan.backs()]
    else:
        targets, parts = [target], [plan.sides()]

    progress = _Progress(sum(len(p) for p in parts)) if sys.stderr.isatty() and not quiet else None
    reports = []
    with atomic_outputs(targets) as files:
        for f, sides in zip(files, parts, strict=True):
            reports.append(_write(source, plan, sides, f, actual_size, guides, progress))
    if progress:
        progress.done()
    if not quiet:
        _tell(source, plan, targets, reports, actual_size)


def _write(
    source: Source, plan: Plan, sides: list[Side], f, actual: bool, guides: bool, progress
) -> WriteReport:
    return write_sides(
        source,
        sides,
        plan.sheet_size,
        f,
        scaling="actual" if actual else "fit",
        guides=guides,
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
