"""`zinekit import`: a .docx, .odt or .html document to a zinekit Markdown content file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from zinekit.cli.app import app, command_help
from zinekit.errors import notice


@app.command("import", help=command_help("import"))
def import_command(
    document: Annotated[
        Path,
        typer.Argument(
            help="The document: .docx (Word, Google Docs), .odt (LibreOffice) or .html.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="The Markdown content file to write, e.g. zine.md; its images go into"
            " zine-images/ beside it. Default: the document's name with .md.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace the output (and its images) if they exist."),
    ] = False,
) -> None:
    """Bring a document from a word processor into a zinekit Markdown content file.

    Export it from Google Docs (File > Download > .docx) or LibreOffice (Save As .odt), then
    e.g. `zinekit import catatan.docx -o zine.md` and `zinekit build zine.md`. Needs the
    import extra: pip install 'zinekit[import]'.
    """
    from zinekit.importer import import_document  # pandoc only when it runs

    target = output if output is not None else document.with_suffix(".md")
    for note in import_document(document, target, force=force):
        notice(f"{document}: {note}")
    print(f"zinekit: wrote {target}", file=sys.stderr)
