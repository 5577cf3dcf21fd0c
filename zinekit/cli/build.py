"""`zinekit build`: a content file to an imposed, print-ready PDF and a reading-order PDF."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from zinekit.cli.app import app, command_help
from zinekit.cli.imposing import check_pdf_target, sheet_targets, write_imposed
from zinekit.cli.options import (
    BleedOption,
    CreepOption,
    DitherOption,
    Duplex,
    DuplexOption,
    GuidesOption,
    InstructionsOption,
    LayoutOption,
    MarksOption,
    PadAt,
    PhotocopyOption,
    PreviewOption,
    Printing,
    QuietOption,
    SheetOption,
    SignatureOption,
    finish_options,
    require_tools,
)
from zinekit.cli.telling import Typesetting
from zinekit.errors import notice
from zinekit.i18n import say


def default_output(content: Path, own: str, chosen: str) -> Path:
    """OUT.pdf beside the content file; NAME-LAYOUT.pdf when --layout chose another layout
    than the file's own, so that a mini-zine tried from a booklet's file never replaces the
    booklet built before it (the name `zinekit impose` gives: <input>-<layout>.pdf)."""
    if chosen in (own, Path(own).stem):
        return content.with_suffix(".pdf")
    return content.with_name(f"{content.stem}-{chosen}.pdf")


@app.command("build", help=command_help("build"))
def build_command(
    content: Annotated[
        Path, typer.Argument(help=say("help.build.options.content"), show_default=False)
    ],
    layout: LayoutOption = None,
    theme: Annotated[
        str | None,
        typer.Option(
            "--theme",
            help=say("help.build.options.theme"),
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=say("help.build.options.output"),
        ),
    ] = None,
    sheet: SheetOption = None,
    duplex: DuplexOption = Duplex.long,
    guides: GuidesOption = False,
    pad_at: Annotated[
        PadAt | None,
        typer.Option(
            "--pad-at",
            help=say("help.build.options.pad-at"),
        ),
    ] = None,
    signature_sheets: SignatureOption = None,
    marks: MarksOption = None,
    bleed: BleedOption = None,
    creep: CreepOption = None,
    photocopy: PhotocopyOption = False,
    dither: DitherOption = False,
    instructions: InstructionsOption = False,
    preview: PreviewOption = False,
    shrink: Annotated[
        bool,
        typer.Option(
            "--shrink",
            help=say("help.build.options.shrink"),
        ),
    ] = False,
    replace_missing: Annotated[
        bool,
        typer.Option("--replace-missing", help=say("help.build.options.replace-missing")),
    ] = False,
    allow_outside: Annotated[
        bool,
        typer.Option(
            "--allow-outside",
            help=say("help.build.options.allow-outside"),
        ),
    ] = False,
    fillable: Annotated[
        bool,
        typer.Option(
            "--fillable",
            help=say("help.build.options.fillable"),
        ),
    ] = False,
    quiet: QuietOption = False,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch",
            help=say("help.build.options.watch"),
        ),
    ] = False,
) -> None:
    """Typeset a content file and impose it: OUT.pdf to print, OUT.reading.pdf for screens."""
    if watch:  # this command again after every save, with the same arguments
        again = {**locals(), "watch": False, "quiet": True}
        from zinekit.cli.watching import watch_build

        watch_build(content, output, lambda: build_command(**again))
        return
    # Imported here so `zinekit --help` and `zinekit impose` start without them.
    from zinekit.pipeline import BuildOptions, reading_path, start

    printing = Printing(
        guides=guides,
        quiet=quiet,
        finish=finish_options(marks, bleed),
        photocopy=photocopy or dither,
        instructions=instructions,
        preview=preview,
        black_pages=True,  # typeset black-only below when asked: Ghostscript is not needed
    )
    require_tools(printing)
    job = start(
        content,
        BuildOptions(
            layout=layout,
            theme=theme,
            sheet=sheet,
            duplex=duplex.value,
            pad_at=pad_at.value if pad_at else None,
            signature_sheets=signature_sheets,
            creep=creep,
            bleed=printing.finish.bleed,
            shrink=shrink,
            replace_missing=replace_missing,
            fillable=fillable,
            photocopy=printing.photocopy,
            dither=dither,
            allow_outside=allow_outside,
        ),
    )
    target = (
        output
        if output is not None
        else default_output(content, job.publication.layout, job.layout.name)
    )
    reading = reading_path(target)
    check_pdf_target(target, inputs=(content,))
    check_pdf_target(reading, inputs=(content,))

    # A long build shows which page it is setting, on a terminal only (never in a log).
    counter = Typesetting() if sys.stderr.isatty() and not quiet else None
    try:
        done = job.typeset(reading, progress=counter.page if counter else None)
    finally:
        if counter:
            counter.done()
    result, source, plan, chosen = done.result, done.source, done.plan, job.layout
    targets = sheet_targets(target, plan, inputs=(content,))
    if not quiet:
        for note in result.notes:
            notice(note)
    if fillable and not quiet:
        # Imposition copies pages, not the form fields that sit over them.
        notice(say("cli.build.print-only", target=target, reading=reading))
    write_imposed(
        source, plan, targets, printing, companions=[(reading, done.reading_pdf)], layout=chosen
    )
    if not quiet:
        pages = say("cli.count.pages", count=len(source.pages))
        print(say("cli.build.wrote-reading", path=reading, pages=pages), file=sys.stderr)
