"""What `zinekit impose` and `zinekit build` share: the imposition options, and writing the
planned sheets (with any companion files, an instruction page and PNG previews) atomically,
then telling the user how to print."""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from zinekit import photocopy
from zinekit.errors import OptionError, OutputError, ZinekitError, notice
from zinekit.impose.layout import Layout
from zinekit.impose.marks import Finish, check_bleed, parse_marks
from zinekit.impose.pdf import BLANK, Source, WholePage, WriteReport, write_sides
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


class Lang(StrEnum):
    id = "id"
    en = "en"


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

InstructionsOption = Annotated[
    bool,
    typer.Option(
        "--instructions",
        help="Add an instruction page: print at 100%, which duplex flip, where to fold, cut and"
        " staple, in words and sketches. Double-sided layouts: first, on a sheet of its own"
        " with a blank back; the mini-zine: after its sheet.",
    ),
]
PreviewOption = Annotated[
    bool,
    typer.Option(
        "--preview",
        help="Also write PNG pictures of the sheets and of the pages in reading order to"
        " OUT.preview/ (needs pypdfium2, pip install 'zinekit[preview]', or pdftoppm).",
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
    instructions: bool = False  # an instruction page; write_imposed then needs the layout
    # The instruction page's language, "id" or "en"; None: the source PDF's /Lang decides
    # (Indonesian when it starts with "id", else English).
    lang: str | None = None
    preview: bool = False  # PNG pictures in OUT.preview/


def require_tools(printing: Printing) -> None:
    """Before any work: the outside tools the chosen options need are there, or an error
    says how to get them (Ghostscript for --photocopy, a renderer for --preview)."""
    if printing.photocopy:
        photocopy.require_ghostscript()
    if printing.preview:
        from zinekit.preview import require_renderer

        require_renderer()


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
    *,
    layout: Layout | None = None,
) -> list[WriteReport]:
    """Write the sheets to `targets` (and each companion file's bytes) all at once, or none.

    With `printing.instructions`, `layout` (the one `plan` was made from) supplies the steps.
    """
    parts = [plan.fronts(), plan.backs()] if len(targets) == 2 else [plan.sides()]
    extras = _instruction_pages(source, plan, targets, printing, layout)
    preview = _Preview(source, plan, targets, extras) if printing.preview else None
    total = sum(len(p) for p in parts)
    progress = _Progress(total) if sys.stderr.isatty() and not printing.quiet else None
    reports = []
    paths = [*targets, *(path for path, _ in companions)]
    if preview:
        paths += preview.paths
    heavy: list[int] = []
    imposed: list[bytes] = []
    folder = preview.writing() if preview else contextlib.nullcontext()
    with folder, atomic_outputs(paths) as files:
        for f, sides, extra in zip(files, parts, extras, strict=False):
            report, data, dark = _impose_file(
                source, plan, sides, extra, f, printing, progress, keep=bool(preview)
            )
            reports.append(report)
            imposed.append(data)
            heavy += dark
        others = files[len(targets) :]
        for f, (_, data) in zip(others, companions, strict=False):
            f.write(data)
        if preview:
            for f, data in zip(others[len(companions) :], preview.images(imposed), strict=True):
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
        _tell(source, plan, targets, reports, printing.actual_size, extras)
        if preview:
            for note in preview.notes:
                notice(note)
            print(
                f"zinekit: wrote {len(preview.paths)} preview images in {preview.folder}",
                file=sys.stderr,
            )
    return reports


Extras = list[tuple[list[WholePage], list[WholePage]]]  # per written file: before, after


def _impose_file(
    source: Source,
    plan: Plan,
    sides: list[Side],
    extra: tuple[list[WholePage], list[WholePage]],
    f,
    printing: Printing,
    progress,
    keep: bool,
) -> tuple[WriteReport, bytes, list[int]]:
    """Impose one file's sides (and pages around them) into `f`; return its report, its bytes
    when they are needed again (`keep`, for previews; else b"") and its heavy-black sides."""
    before, after = extra
    if not (printing.photocopy or keep):
        return _write(source, plan, sides, f, printing, progress, before, after), b"", []
    buffer = io.BytesIO()
    report = _write(source, plan, sides, buffer, printing, progress, before, after)
    data = buffer.getvalue()
    heavy: list[int] = []
    if printing.photocopy:
        data = photocopy.to_gray(data)
        pages = photocopy.heavy_black_pages(photocopy.ink_coverage(data))
        # Sides are counted without the instruction page and its blank back.
        heavy = [n - len(before) for n in pages if 0 < n - len(before) <= len(sides)]
    f.write(data)
    return report, data, heavy


def _instruction_pages(
    source: Source, plan: Plan, targets: list[Path], printing: Printing, layout: Layout | None
) -> Extras:
    """What goes around the sheets in each file: with --instructions, double-sided output
    starts with the instruction page and its blank back (with manual duplex, the page leads
    the fronts file and a blank the backs file), so the sheets still pair up; single-sided
    output ends with the page."""
    none: Extras = [([], []) for _ in targets]
    if not printing.instructions:
        return none
    if layout is None:
        raise ValueError("write_imposed needs the layout to draw the instruction page")
    # Imported here: reportlab is not needed to impose without instructions.
    from zinekit.impose.pdf import open_source_bytes
    from zinekit.instructions import document_lang, instruction_page

    lang = printing.lang or document_lang(source.lang)
    double = bool(plan.backs())
    files = (targets[0].name, targets[1].name) if len(targets) == 2 else None
    data = instruction_page(layout, plan, lang, first=double, files=files)
    page = WholePage(open_source_bytes(data, Path("instructions.pdf")), 0)
    if not double:
        return [([], [page])]
    if len(targets) == 2:
        return [([page], []), ([BLANK], [])]
    return [([page, BLANK], [])]


class _Preview:
    """The PNG pictures of one run: their paths, known before imposing, and their bytes."""

    def __init__(self, source: Source, plan: Plan, targets: list[Path], extras: Extras) -> None:
        # Imported here: a renderer is needed only for previews.
        from zinekit import preview

        self.module = preview
        self.render = preview.require_renderer()
        self.plan, self.extras = plan, extras
        base = targets[0]
        if len(targets) == 2:
            base = base.with_name(base.name.replace("-fronts.pdf", ".pdf"))
        self.folder = base.with_name(f"{base.stem}.preview")
        if self.folder.exists() and not self.folder.is_dir():
            raise OutputError(
                "the preview folder's name is taken by a file",
                where=self.folder,
                hint="move that file away, or choose another output name with -o",
            )
        self.notes: list[str] = []
        # The reading order depends on the source alone: drawn first, so the pictures'
        # names are all known before the atomic write starts.
        try:
            if source.data is None:
                raise ZinekitError("the source PDF is not at hand")
            self.reading = preview.reading_images(self.render, source.data, source.password)
        except ZinekitError as exc:
            self.notes.append(f"the reading-order preview could not be drawn: {exc}")
            self.reading = []
        sheets = len(plan.sheets)
        digits = max(2, len(str(sheets)))
        names = [f"sheet-{n:0{digits}d}.png" for n in range(1, sheets + 1)]
        if self.has_instructions:
            names.append("instructions.png")
        if len(self.reading) == 1:
            names.append("reading.png")
        else:
            width = max(2, len(str(len(self.reading))))
            names += [f"reading-{n:0{width}d}.png" for n in range(1, len(self.reading) + 1)]
        self.paths = [self.folder / name for name in names]

    @property
    def has_instructions(self) -> bool:
        return any(before or after for before, after in self.extras)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """The folder made for the pictures; removed again if the run fails and it was new,
        tidied of an earlier run's extra pictures if the run succeeds."""
        made = not self.folder.exists()
        self.folder.mkdir(exist_ok=True)
        try:
            yield
        except BaseException:
            if made:
                with contextlib.suppress(OSError):
                    self.folder.rmdir()
            raise
        keep = {p.name for p in self.paths}
        for old in self.folder.glob("*.png"):
            if old.name not in keep and old.name.startswith(("sheet-", "reading", "instructions")):
                old.unlink(missing_ok=True)

    def images(self, imposed: list[bytes]) -> list[bytes]:
        """Every picture's bytes, in the order of `paths`."""
        sides: list[tuple[tuple[int, int], tuple[int, int] | None]] = []
        fronts_at = len(self.extras[0][0])
        backs_at = len(self.extras[1][0]) if len(imposed) == 2 else None
        for sheet in self.plan.sheets:
            front, back = (0, fronts_at), None
            fronts_at += 1
            if sheet.back is not None and backs_at is None:
                back, fronts_at = (0, fronts_at), fronts_at + 1
            elif sheet.back is not None and backs_at is not None:
                back, backs_at = (1, backs_at), backs_at + 1
            sides.append((front, back))
        images = self.module.sheet_images(self.render, imposed, sides)
        if self.has_instructions:
            index = 0 if self.extras[0][0] else fronts_at
            images.append(self.module.page_image(self.render, imposed[0], index))
        return images + self.reading


def _write(
    source: Source,
    plan: Plan,
    sides: list[Side],
    f,
    printing: Printing,
    progress,
    before: list[WholePage] = (),
    after: list[WholePage] = (),
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
        before=before,
        after=after,
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
    source: Source,
    plan: Plan,
    targets: list[Path],
    reports: list[WriteReport],
    actual: bool,
    extras: Extras,
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
    before, after = extras[0]
    instructions = ""
    if before:
        instructions = ", after an instruction sheet (blank back) that prints first"
    elif after:
        instructions = ", then an instruction page"
    print(
        f"zinekit: wrote {', '.join(map(str, targets))}: {sheets} of"
        f" {describe_size(*plan.sheet_size)}, {pages}, layout {plan.layout}{instructions}",
        file=sys.stderr,
    )
    if len(targets) == 2:
        fronts = _count(len(plan.fronts()) + len(before), "sheet")
        print(
            "zinekit: manual duplex, no duplex unit needed:\n"
            f"  1. print {targets[0]} ({fronts});\n"
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
