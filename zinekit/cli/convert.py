"""`zinekit convert`: a content file from YAML to Markdown or back, saying the same."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from zinekit.cli.app import app, command_help
from zinekit.errors import OptionError, OutputError, ZinekitError

_FORMATS = {".yaml": "yaml", ".yml": "yaml", ".md": "md", ".markdown": "md"}


@app.command("convert", help=command_help("convert"))
def convert_command(
    source: Annotated[
        Path, typer.Argument(help="The content file to read (.yaml or .md).", show_default=False)
    ],
    output: Annotated[
        Path,
        typer.Argument(
            help="The content file to write; its ending (.md or .yaml) picks the format.",
            show_default=False,
        ),
    ],
    force: Annotated[bool, typer.Option("--force", help="Replace OUTPUT if it exists.")] = False,
    allow_outside: Annotated[
        bool,
        typer.Option("--allow-outside", help="Allow images and fonts outside the file's folder."),
    ] = False,
) -> None:
    """Write a content file in the other format (YAML or Markdown) with the same content.

    Comments are not carried over. The new file is read back before it is written: zinekit
    writes it only when it gives the same publication.
    """
    # Imported here so `zinekit --help` starts without pydantic, ruamel and markdown-it.
    from zinekit.content.loader import load_content, read_content
    from zinekit.content.model import Publication
    from zinekit.content.writer import to_markdown, to_yaml
    from zinekit.output import atomic_outputs, check_target

    for path in (source, output):
        if path.suffix.lower() not in _FORMATS:
            raise OptionError(
                f"{str(path)!r} is neither a .yaml nor a .md file",
                hint="name content files with .yaml (or .yml) or .md",
            )
    check_target(output, inputs=(source,))
    if output.exists() and not force:
        raise OutputError(
            "this file already exists; zinekit convert replaces a file only with --force",
            where=output,
            hint="give another name, or add --force",
        )
    publication, doc = load_content(source, allow_outside=allow_outside)
    form = _FORMATS[output.suffix.lower()]
    text = to_markdown(doc.data) if form == "md" else to_yaml(doc.data)
    with tempfile.TemporaryDirectory() as folder:
        check = Path(folder) / output.name
        check.write_text(text, encoding="utf-8")
        again = Publication.model_validate(read_content(check).data)
    if again.model_dump() != publication.model_dump():
        raise ZinekitError(
            "the converted file would not say exactly the same; nothing was written",
            where=source,
            hint="this is a bug in zinekit convert: please report it with the file",
        )
    with atomic_outputs([output]) as (f,):
        f.write(text.encode("utf-8"))
    print(f"zinekit: wrote {output}", file=sys.stderr)
