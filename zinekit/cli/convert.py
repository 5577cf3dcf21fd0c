"""`zinekit convert`: a content file from YAML to Markdown or back, saying the same."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from zinekit.cli.app import app, command_help
from zinekit.errors import OptionError, OutputError, ZinekitError
from zinekit.i18n import say

_FORMATS = {".yaml": "yaml", ".yml": "yaml", ".md": "md", ".markdown": "md"}


@app.command("convert", help=command_help("convert"))
def convert_command(
    source: Annotated[
        Path, typer.Argument(help=say("help.convert.options.source"), show_default=False)
    ],
    output: Annotated[
        Path,
        typer.Argument(
            help=say("help.convert.options.output"),
            show_default=False,
        ),
    ],
    force: Annotated[bool, typer.Option("--force", help=say("help.convert.options.force"))] = False,
    allow_outside: Annotated[
        bool,
        typer.Option("--allow-outside", help=say("help.convert.options.allow-outside")),
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
                say("cli.convert.not-content", path=repr(str(path))),
                hint=say("cli.convert.not-content-hint"),
            )
    check_target(output, inputs=(source,))
    if output.exists() and not force:
        raise OutputError(
            say("cli.convert.exists"), where=output, hint=say("cli.convert.exists-hint")
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
            say("cli.convert.differs"), where=source, hint=say("cli.convert.differs-hint")
        )
    with atomic_outputs([output]) as (f,):
        f.write(text.encode("utf-8"))
    print(say("cli.wrote.file", path=output), file=sys.stderr)
