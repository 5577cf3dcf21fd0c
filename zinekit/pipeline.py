"""A content file to its PDFs in this process, for `zinekit build`, `build --watch` and the
studio: the steps shared by all three, and `build`, which keeps everything in memory.

`start` reads and validates the content and chooses the layout, theme and plan options;
`Job.typeset` sets the pages and plans the sheets (`Typeset`). `zinekit build` writes the
sheets itself (zinekit/cli/imposing.py, with its previews and instruction page); `build`
imposes them into bytes and turns every mistake into the same `Problem`s the CLI prints.

The content file's kind follows its suffix: `zinekit.content.loader.load_publication` is
the one place that reads it (.yaml today, .md when the Markdown reader lands).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from zinekit.errors import ContentError, Problem, ZinekitError
from zinekit.i18n import say

if TYPE_CHECKING:
    from zinekit.content.model import Publication
    from zinekit.impose.layout import Layout
    from zinekit.impose.marks import Finish
    from zinekit.impose.plan import Duplex, Options, Plan
    from zinekit.impose.target import Padding, PageTarget
    from zinekit.pdf import Source
    from zinekit.themes.load import Theme
    from zinekit.typeset.result import TypesetResult


@dataclass(frozen=True)
class BuildOptions:
    """What the user chose for a build; None leaves the choice to the content file."""

    layout: str | None = None  # a built-in name or a layout file
    theme: str | None = None  # a built-in name or a theme file
    sheet: str | None = None  # "A4", "210x297mm"...
    duplex: str = "long"  # long, short or manual
    pad_at: str | None = None  # before-back or end; None: before-back when there is a back
    signature_sheets: int | None = None
    creep: str | None = None  # paper thickness, "0.1mm"
    bleed: float = 0.0  # points
    shrink: bool = False
    replace_missing: bool = False  # a mark for what no font draws, instead of an error
    fillable: bool = False
    photocopy: bool = False
    dither: bool = False
    allow_outside: bool = False
    guides: bool = False  # fold and cut lines on the sheets `build` imposes


@dataclass(frozen=True)
class Job:
    """A content file read and validated, and what it is to be set on."""

    content: Path
    options: BuildOptions
    publication: Publication
    theme: Theme | None  # None: the content's own theme, or the default
    layout: Layout
    plan_options: Options

    def typeset(
        self, reading: Path | None = None, progress: Callable[[int], None] | None = None
    ) -> Typeset:
        """Set the pages and plan the sheets; `reading` names the reading PDF in messages,
        `progress` is told each page's number as it is set (see `zinekit.typeset.typeset`)."""
        from zinekit.impose.plan import make_plan
        from zinekit.pdf import open_source_bytes
        from zinekit.typeset import typeset

        o = self.options
        # Typeset draws the pages the layout asks for and adds none; the plan adds the blanks.
        # With bleed the pages are as large as the paper that prints past the trim: imposing
        # takes their TrimBox for the cell and their BleedBox at the sheet's edges.
        result = typeset(
            self.publication,
            base_dir=self.content.parent,
            target=self.page_target,
            shrink=o.shrink,
            replace_missing=o.replace_missing,
            fillable=o.fillable,
            photocopy=o.photocopy or o.dither,
            dither=o.dither,
            theme=self.theme,
            progress=progress,
        )
        name = reading if reading is not None else reading_path(self.content.with_suffix(".pdf"))
        source = open_source_bytes(result.pdf, name)
        plan = make_plan(self.layout, len(source.pages), self.plan_options)
        return Typeset(self, result, source, plan)

    @property
    def page_target(self) -> PageTarget:
        from zinekit.impose.target import page_target

        o = self.plan_options
        return page_target(self.layout, o.sheet, o.padding, bleed=self.options.bleed)


@dataclass(frozen=True)
class Typeset:
    """The reading-order pages and the plan of the sheets they go on."""

    job: Job
    result: TypesetResult
    source: Source
    plan: Plan

    @property
    def reading_pdf(self) -> bytes:
        """The PDF to read on screen: with form fields when the job asked for them."""
        fillable = self.result.fillable_pdf
        return fillable if fillable is not None else self.result.pdf

    def impose(self, finish: Finish | None = None) -> list[bytes]:
        """The imposed sheets as PDF bytes: one file, or fronts and backs for manual duplex."""
        from zinekit.impose.sheets import write_sides

        plan = self.plan
        parts = [plan.sides()]
        if plan.duplex == "manual" and plan.backs():
            parts = [plan.fronts(), plan.backs()]
        files = []
        for sides in parts:
            out = io.BytesIO()
            write_sides(
                self.source,
                sides,
                plan.sheet_size,
                out,
                guides=self.job.options.guides,
                finish=finish,
            )
            files.append(out.getvalue())
        return files


def start(content: Path, options: BuildOptions) -> Job:
    """Read and validate `content`, load the layout and theme and choose the plan options;
    raises `ContentError` (every mistake in the file) or another `ZinekitError`."""
    from zinekit.content.loader import load_publication
    from zinekit.impose.layout import load_layout
    from zinekit.impose.plan import Options
    from zinekit.themes import load_theme
    from zinekit.units import paper_size, parse_length

    publication = load_publication(content, allow_outside=options.allow_outside)
    look = load_theme(options.theme) if options.theme else None
    chosen = load_layout(options.layout or beside(publication.layout, content))
    # Without a back cover the last page is just more content: blanks follow it.
    padding = options.pad_at or ("before-back" if publication.back else "end")
    sheet = options.sheet or publication.sheet
    plan_options = Options(
        sheet=paper_size(sheet) if sheet is not None else None,
        duplex=cast("Duplex", options.duplex),
        padding=cast("Padding", padding),
        signature_sheets=options.signature_sheets,
        creep=parse_length(options.creep, what="--creep") if options.creep else 0.0,
    )
    return Job(content, options, publication, look, chosen, plan_options)


def beside(layout: str, content: Path) -> str:
    """A layout file named in a content file is found relative to that file."""
    if layout.endswith(".toml") or "/" in layout:
        return str(content.parent / layout)
    return layout


def reading_path(target: Path) -> Path:
    """OUT.reading.pdf beside OUT.pdf."""
    return target.with_name(f"{target.stem}.reading.pdf")


@dataclass(frozen=True)
class BuildOutput:
    """One in-memory build: the PDFs, or the problems that stopped it."""

    content: Path
    problems: tuple[Problem, ...] = ()  # empty when the build succeeded
    imposed: tuple[bytes, ...] = ()  # the sheets: one PDF, or fronts and backs (manual)
    reading: bytes = b""
    notes: tuple[str, ...] = ()  # what `zinekit build` prints as "zinekit: note: ..."
    typeset: Typeset | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def printing(self) -> str:
        """How to print the sheets, worded as `zinekit build` says it."""
        if self.typeset is None:
            return ""
        return printing_line(self.typeset.plan)


class Cancelled(Exception):
    """`build` stopped between two steps because its `cancelled()` said so."""


def build(
    content: Path,
    options: BuildOptions = BuildOptions(),
    *,
    cancelled: Callable[[], bool] | None = None,
) -> BuildOutput:
    """Build `content` in memory; a mistake (in the file, an option, a missing font...) is
    returned in `problems`, worded as the CLI prints it, never raised. `cancelled` is asked
    after each step (reading, typesetting): when it says True, `Cancelled` is raised."""

    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled

    try:
        job = start(content, options)
        check()
        done = job.typeset()
        check()
        imposed = done.impose()
    except ZinekitError as exc:
        return BuildOutput(content, problems=problems_of(exc))
    notes = list(done.result.notes)
    blanks = done.plan.blanks_note()
    if blanks:
        notes.append(blanks)
    return BuildOutput(
        content,
        imposed=tuple(imposed),
        reading=done.reading_pdf,
        notes=tuple(notes),
        typeset=done,
    )


def problems_of(exc: ZinekitError) -> tuple[Problem, ...]:
    """The problems a `ZinekitError` stands for: each of a content file's, else itself."""
    if isinstance(exc, ContentError):
        return exc.problems
    return (Problem(exc.message, where=exc.where, hint=exc.hint),)


def printing_line(plan: Plan) -> str:
    """How to print the sheets, in one line, for the studio."""
    if plan.duplex == "manual" and plan.backs():
        return say("cli.plan.print-manual")
    if plan.backs():
        return say("cli.plan.print-double", edge=say(f"cli.edge.{plan.duplex}"))
    return say("cli.plan.print-single")
