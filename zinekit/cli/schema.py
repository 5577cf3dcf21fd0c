"""`zinekit schema`: the JSON Schema of content files, for editor completion and checks."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from zinekit.cli.app import app, command_help
from zinekit.content.schema import content_schema
from zinekit.i18n import say
from zinekit.output import atomic_outputs, check_target


@app.command("schema", help=command_help("schema"))
def schema_command(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=say("help.schema.options.output")),
    ] = None,
) -> None:
    """Print the JSON Schema of content files.

    Save it beside your content files and name it in their first line, e.g.
    `zinekit schema -o zinekit.schema.json` and
    `# yaml-language-server: $schema=zinekit.schema.json`.
    """
    text = json.dumps(content_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    check_target(output)
    with atomic_outputs([output]) as (f,):
        f.write(text.encode("utf-8"))
    print(say("cli.wrote.file", path=output), file=sys.stderr)
