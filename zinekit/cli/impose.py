"""`zinekit impose`: someone else's PDF to imposed, print-ready master sheets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from zinekit import i18n
from zinekit.cli.app import app, command_help
from zinekit.cli.imposing import check_pdf_target, sheet_targets, write_imposed
from zinekit.cli.options import (
    ActualSizeOption,
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
    PadAtOption,
    PhotocopyOption,
    PreviewOption,
    Printing,
    QuietOption,
    SheetOption,
    SignatureOption,
    finish_options,
    plan_options,
    require_tools,
)
from zinekit.errors import OptionError
from zinekit.i18n import say


@app.command("impose", help=command_help("impose"))
def impose_command(
    input: Annotated[
        Path, typer.Argument(help=say("help.impose.options.input"), show_default=False)
    ],
    layout: LayoutOption = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=say("help.impose.options.output")),
    ] = None,
    sheet: SheetOption = None,
    duplex: DuplexOption = Duplex.long,
    guides: GuidesOption = False,
    pad_at: PadAtOption = PadAt.before_back,
    signature_sheets: SignatureOption = None,
    actual_size: ActualSizeOption = False,
    marks: MarksOption = None,
    bleed: BleedOption = None,
    creep: CreepOption = None,
    photocopy: PhotocopyOption = False,
    dither: DitherOption = False,
    instructions: InstructionsOption = False,
    preview: PreviewOption = False,
    password: Annotated[
        str | None, typer.Option("--password", help=say("help.impose.options.password"))
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Impose a PDF into a folded booklet, a one-sheet mini-zine or n-up handout masters.

    The layout defaults to booklet.
    """
    from zinekit.impose.layout import load_layout
    from zinekit.impose.plan import make_plan
    from zinekit.pdf import open_source

    if dither:
        # Screening a finished PDF's pictures would need their pixels at their printed size
        # (and to leave its other contents alone): zinekit does it where it places them.
        raise OptionError(say("cli.impose.dither"), hint=say("cli.impose.dither-hint"))
    chosen = load_layout(layout or "booklet")
    options = plan_options(sheet, duplex, pad_at, signature_sheets, creep)
    printing = Printing(
        guides,
        actual_size,
        quiet,
        finish_options(marks, bleed),
        photocopy,
        instructions=instructions,
        # The --instructions page speaks the PDF's own language (its /Lang), unless the user
        # named one with --lang.
        lang=i18n.asked(),
        preview=preview,
    )
    require_tools(printing)  # before any work: the user asked for black only, or pictures
    target = output if output is not None else input.with_name(f"{input.stem}-{chosen.name}.pdf")
    check_pdf_target(target, inputs=(input,))
    source = open_source(input, password)
    plan = make_plan(chosen, len(source.pages), options)
    targets = sheet_targets(target, plan, inputs=(input,))
    write_imposed(source, plan, targets, printing, layout=chosen)
