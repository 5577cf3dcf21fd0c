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
from zinekit.cli.telling import count


@app.command("build", help=command_help("build"))
def build_command(
    content: Annotated[
        Path, typer.Argument(help="The content file (.yaml) to build.", show_default=False)
    ],
    layout: LayoutOption = None,
    theme: Annotated[
        str | None,
        typer.Option(
            "--theme",
            help="A built-in theme (see `zinekit themes`) or a theme file; overrides the"
            " content file's `theme:`.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="The imposed PDF, OUT.pdf; the reading-order PDF goes beside it as"
            " OUT.reading.pdf. Default: the content file's name with .pdf.",
        ),
    ] = None,
    sheet: SheetOption = None,
    duplex: DuplexOption = Duplex.long,
    guides: GuidesOption = False,
    pad_at: Annotated[
        PadAt | None,
        typer.Option(
            "--pad-at",
            help="Where blank pages go to fill the last sheet: before the back cover, or at the"
            " end. Default: before the back cover when the content has one (`back:`), else at"
            " the end.",
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
            help="When the content does not fit a fixed layout (the mini-zine's 8 pages),"
            " make the type smaller, down to 7 pt, before giving up.",
        ),
    ] = False,
    allow_outside: Annotated[
        bool,
        typer.Option(
            "--allow-outside",
            help="Allow images and fonts outside the content file's folder.",
        ),
    ] = False,
    fillable: Annotated[
        bool,
        typer.Option(
            "--fillable",
            help="Put form fields over the worksheet blocks (write-in lines, boxes, tick"
            " boxes, scales, fields, tables) of OUT.reading.pdf, to fill in on screen."
            " The imposed OUT.pdf stays print-only.",
        ),
    ] = False,
    quiet: QuietOption = False,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch",
            help="Build again on every save, one line per build, until Ctrl-C (needs"
            " watchfiles, pip install 'zinekit[studio]').",
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
            fillable=fillable,
            photocopy=printing.photocopy,
            dither=dither,
            allow_outside=allow_outside,
        ),
    )
    target = output if output is not None else content.with_suffix(".pdf")
    reading = reading_path(target)
    check_pdf_target(target, inputs=(content,))
    check_pdf_target(reading, inputs=(content,))

    done = job.typeset(reading)
    result, source, plan, chosen = done.result, done.source, done.plan, job.layout
    targets = sheet_targets(target, plan, inputs=(content,))
    if not quiet:
        for note in result.notes:
            print(f"zinekit: note: {note}", file=sys.stderr)
    if fillable and not quiet:
        # Imposition copies pages, not the form fields that sit over them.
        print(
            f"zinekit: note: the imposed {target} is print-only; fields are in {reading}",
            file=sys.stderr,
        )
    write_imposed(
        source, plan, targets, printing, companions=[(reading, done.reading_pdf)], layout=chosen
    )
    if not quiet:
        print(
            f"zinekit: wrote {reading}: {count(len(source.pages), 'page')} to read on screen",
            file=sys.stderr,
        )
