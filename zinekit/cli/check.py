"""`zinekit check`: a preflight of any PDF before it goes to print: one line per check,
or JSON; exit 0 when nothing failed, 3 when something did, 2 when the PDF cannot be read."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from zinekit.cli.app import app, command_help
from zinekit.errors import ExitCode
from zinekit.i18n import say


@app.command("check", help=command_help("check"))
def check_command(
    input: Annotated[
        Path, typer.Argument(help=say("help.check.options.input"), show_default=False)
    ],
    photocopy: Annotated[
        bool,
        typer.Option(
            "--photocopy",
            help=say("help.check.options.photocopy"),
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help=say("help.check.options.json"))] = False,
    layout: Annotated[
        str | None,
        typer.Option(
            "--layout",
            "-l",
            help=say("help.check.options.layout"),
        ),
    ] = None,
    password: Annotated[
        str | None, typer.Option("--password", help=say("help.check.options.password"))
    ] = None,
) -> None:
    """Preflight a PDF: structure, page boxes, fonts embedded, image resolution, and with
    --photocopy black-only colour; exit 3 when a check fails."""
    from zinekit.check import run_checks

    report = run_checks(input, photocopy=photocopy, layout=layout, password=password)
    if as_json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(report.as_text())
    if report.failed:
        # typer.Exit is swallowed outside standalone mode; SystemExit reaches `main`.
        sys.exit(ExitCode.CHECK_FAILED)
