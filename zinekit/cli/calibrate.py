"""`zinekit calibrate`: a two-sided test sheet that tells which --duplex the printer needs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from zinekit import i18n
from zinekit.cli.app import app, command_help
from zinekit.cli.imposing import check_pdf_target


@app.command("calibrate", help=command_help("calibrate"))
def calibrate_command(
    sheet: Annotated[
        str,
        typer.Option(
            "--sheet",
            help="The paper you print zines on: A4, A3, Letter, Legal, F4 or WIDTHxHEIGHT.",
        ),
    ] = "A4",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Output PDF. Default: calibrate-<sheet>.pdf in this folder."
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
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
        print(
            f"zinekit: wrote {output}: print it once, double-sided at 100%, with your printer's"
            " usual settings, and turn the sheet over like a book page: the half of the back"
            " that reads upright says which --duplex to use",
            file=sys.stderr,
        )
