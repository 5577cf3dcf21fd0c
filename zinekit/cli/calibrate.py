"""`zinekit calibrate`: a two-sided test sheet that tells which --duplex the printer needs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from zinekit import i18n
from zinekit.cli.app import app, command_help
from zinekit.cli.imposing import check_pdf_target
from zinekit.i18n import say


@app.command("calibrate", help=command_help("calibrate"))
def calibrate_command(
    sheet: Annotated[
        str,
        typer.Option(
            "--sheet",
            help=say("help.calibrate.options.sheet"),
        ),
    ] = "A4",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=say("help.calibrate.options.output")),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=say("help.options.quiet"))] = False,
) -> None:
    """Write a test sheet: print it once double-sided, turn it over like a book page, and
    the half of the back that reads upright says --duplex long or --duplex short."""
    from zinekit.instructions.calibrate import calibration_sheet
    from zinekit.output import write_atomically
    from zinekit.units import paper_names, paper_size

    size = paper_size(sheet)
    if output is None:
        named = {name.lower(): name for name in paper_names()}
        name = named.get(sheet.strip().lower(), "".join(sheet.split()).replace("/", "-"))
        output = Path(f"calibrate-{name}.pdf")
    check_pdf_target(output, inputs=())
    # `zinekit --lang id calibrate` prints one language; without --lang the sheet has both.
    asked = i18n.asked()
    data = calibration_sheet(size, (asked,) if asked else ("id", "en"))
    write_atomically(output, lambda f: f.write(data))
    if not quiet:
        print(say("cli.calibrate.wrote", path=output), file=sys.stderr)
