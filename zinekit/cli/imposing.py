"""Writing planned sheets for `zinekit impose` and `zinekit build`: all output files (with
companion files, an instruction page and PNG previews) atomically, then telling the user
how to print."""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from zinekit import photocopy
from zinekit.cli.options import Printing
from zinekit.cli.previews import Extras, Previews
from zinekit.cli.telling import Progress, heavy_black_notice, tell
from zinekit.errors import InputError, OptionError, notice
from zinekit.i18n import say
from zinekit.impose.layout import Layout
from zinekit.impose.marks import frame
from zinekit.impose.plan import Plan, Side
from zinekit.impose.sheets import BLANK, WholePage, WriteReport, write_sides
from zinekit.output import atomic_outputs, check_target
from zinekit.pdf import Source


def check_pdf_target(target: Path, inputs: tuple[Path, ...]) -> None:
    if target.suffix.lower() != ".pdf":
        raise OptionError(
            say("cli.imposing.not-pdf", path=repr(str(target))),
            hint=say("cli.imposing.not-pdf-hint"),
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
    companions: Sequence[tuple[Path, bytes]] = (),
    *,
    layout: Layout | None = None,
) -> list[WriteReport]:
    """Write the sheets to `targets` (and each companion file's bytes) all at once, or none.

    With `printing.instructions`, `layout` (the one `plan` was made from) supplies the steps.
    """
    parts = [plan.fronts(), plan.backs()] if len(targets) == 2 else [plan.sides()]
    # Previews and the heavy-black measure render the sheets, and with them every stream
    # of the source in full: a decompression bomb is refused before anything is written.
    unrenderable = None
    if printing.preview or printing.photocopy:
        from zinekit.pdf import render_problem

        unrenderable = render_problem(source.reader)
    if unrenderable and printing.preview:
        raise InputError(
            say("cli.imposing.cannot-preview", reason=unrenderable),
            where=source.path,
            hint=say("cli.imposing.cannot-preview-hint"),
        )
    extras = _instruction_pages(source, plan, targets, printing, layout)
    preview = Previews(source, plan, targets, extras) if printing.preview else None
    total = sum(len(p) for p in parts)
    progress = Progress(total) if sys.stderr.isatty() and not printing.quiet else None
    reports = []
    paths = [*targets, *(path for path, _ in companions)]
    if preview:
        paths += preview.paths
    heavy: list[int] = []
    measured: set[str | None] = set()  # how heavy black was measured in each file
    imposed: list[bytes] = []
    folder = preview.writing() if preview else contextlib.nullcontext()
    with folder, atomic_outputs(paths) as files:
        for f, sides, extra in zip(files, parts, extras, strict=False):
            report, data, dark = _impose_file(
                source,
                plan,
                sides,
                extra,
                f,
                printing,
                progress,
                keep=bool(preview),
                measure=unrenderable is None,
            )
            reports.append(report)
            imposed.append(data)
            if dark is not None:
                heavy += dark.sides
                measured.add(dark.how)
        others = files[len(targets) :]
        for f, (_, data) in zip(others, companions, strict=False):
            f.write(data)
        if preview:
            for f, data in zip(others[len(companions) :], preview.images(imposed), strict=True):
                f.write(data)
    if progress:
        progress.done()
    if not printing.quiet:
        if unrenderable:
            notice(say("cli.imposing.unchecked-black", reason=unrenderable))
        elif heavy:
            # The usual measure goes unnamed, and None is a file no tool could measure.
            named = {how for how in measured if how is not None and how != photocopy.RENDERED}
            heavy_black_notice(heavy, named)
        elif None in measured:
            notice(say("cli.imposing.no-black-measure"))
        media = frame(plan.sheet_size, printing.finish).media
        larger = media[0] > plan.sheet_size[0] + 0.01
        tell(
            source, plan, targets, reports, printing.actual_size, extras, media if larger else None
        )
        if preview:
            for note in preview.notes:
                notice(note)
            print(
                say("cli.imposing.wrote-previews", count=len(preview.paths), folder=preview.folder),
                file=sys.stderr,
            )
    return reports


@dataclass(frozen=True)
class _Dark:
    """One file's sheet sides with heavy solid black, and how that was measured (None: it
    could not be, no tool is installed)."""

    sides: list[int]
    how: str | None


def _impose_file(
    source: Source,
    plan: Plan,
    sides: list[Side],
    extra: tuple[list[WholePage], list[WholePage]],
    f: BinaryIO,
    printing: Printing,
    progress: Progress | None,
    keep: bool,
    measure: bool = True,
) -> tuple[WriteReport, bytes, _Dark | None]:
    """Impose one file's sides (and pages around them) into `f`; return its report, its bytes
    when they are needed again (`keep`, for previews; else b"") and, with --photocopy and
    `measure`, its heavy-black sides."""
    before, after = extra
    if not (printing.photocopy or keep):
        return _write(source, plan, sides, f, printing, progress, before, after), b"", None
    buffer = io.BytesIO()
    report = _write(source, plan, sides, buffer, printing, progress, before, after)
    data = buffer.getvalue()
    dark = None
    if printing.photocopy:
        if not printing.black_pages:
            data = photocopy.to_gray(data)
        coverage = photocopy.black_coverage(data) if measure else None
        dark = _Dark([], None) if measure else None
        if coverage is not None:
            pages = photocopy.heavy_black_pages(coverage[0])
            # Sides are counted without the instruction page and its blank back.
            heavy = [n - len(before) for n in pages if 0 < n - len(before) <= len(sides)]
            dark = _Dark(heavy, coverage[1])
    f.write(data)
    return report, data, dark


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
    from zinekit.instructions import document_lang, instruction_page
    from zinekit.pdf import open_source_bytes

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


def _write(
    source: Source,
    plan: Plan,
    sides: list[Side],
    f: BinaryIO,
    printing: Printing,
    progress: Progress | None,
    before: Sequence[WholePage] = (),
    after: Sequence[WholePage] = (),
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
