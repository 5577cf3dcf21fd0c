"""`zinekit import`: a .docx, .odt or .html document to a zinekit Markdown content file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from zinekit.cli.app import app, command_help
from zinekit.errors import notice
from zinekit.i18n import say


@app.command("import", help=command_help("import"))
def import_command(
    document: Annotated[
        Path,
        typer.Argument(
            help=say("importer.options.document"),
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=say("importer.options.output"),
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help=say("importer.options.force")),
    ] = False,
) -> None:
    """Bring a document from a word processor into a zinekit Markdown content file (its
    help, in the user's language, is help.toml [import])."""
    from zinekit.importer import import_document  # pandoc only when it runs

    target = output if output is not None else document.with_suffix(".md")
    for note in import_document(document, target, force=force):
        notice(f"{document}: {note}")
    print(say("importer.command.wrote", target=target), file=sys.stderr)
