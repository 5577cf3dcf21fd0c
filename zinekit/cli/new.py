"""`zinekit new`: start a content file from a commented starter (assets/starters/), in
Markdown (the default: prose written as prose) or YAML."""

from __future__ import annotations

import shlex
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from zinekit.cli.app import app, command_help
from zinekit.content.wording import nearest
from zinekit.data import data_dir
from zinekit.errors import OptionError, OutputError


def starter_dir() -> Path:
    return data_dir("assets") / "starters"


class Format(StrEnum):
    md = "md"
    yaml = "yaml"


_SUFFIXES = {".md": Format.md, ".markdown": Format.md, ".yaml": Format.yaml, ".yml": Format.yaml}


def starter_kinds() -> list[str]:
    """The kinds `zinekit new` knows: one starter file each, in each format."""
    return sorted(p.stem for p in starter_dir().glob("*.yaml"))


@app.command("new", help=command_help("new"))
def new_command(
    kind: Annotated[
        str,
        typer.Argument(
            help="What to start: agreements, affirmations, resources or zine.", show_default=False
        ),
    ],
    path: Annotated[
        Path | None,
        typer.Argument(
            help="Where to write it ('-' for stdout). Default: KIND.md (or KIND.yaml) in this"
            " folder.",
            show_default=False,
        ),
    ] = None,
    format_: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="md (Markdown: headings, paragraphs and lists as you would type them) or yaml."
            " Default: the ending of PATH, else md.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write a starter content file to edit, with comments explaining every key."""
    kinds = starter_kinds()
    if kind not in kinds:
        guess = nearest(kind, kinds)
        raise OptionError(
            f"unknown kind {kind!r}",
            hint=(f"did you mean {guess!r}? " if guess else "")
            + f"choose one of {', '.join(kinds)}",
        )
    given = _SUFFIXES.get(path.suffix.lower()) if path is not None else None
    if format_ is not None and given is not None and given is not format_:
        raise OptionError(
            f"--format {format_.value} does not match the name {str(path)!r}",
            hint=f"end the name with .{format_.value}, or leave out --format",
        )
    chosen = format_ or given or Format.md
    name = f"{kind}.{chosen.value}"
    text = (starter_dir() / name).read_text(encoding="utf-8")
    if path is not None and str(path) == "-":
        sys.stdout.write(text)
        return
    target = path if path is not None else Path(name)
    if target.is_dir():
        target = target / name
    _write_new(target, text, kind, chosen.value)
    print(
        f"zinekit: wrote {target}; edit it, then run: zinekit build {shlex.quote(str(target))}",
        file=sys.stderr,
    )


def _write_new(target: Path, text: str, kind: str, suffix: str) -> None:
    """Write a file that does not exist yet; never replace one (it may hold a day's work)."""
    if not target.parent.is_dir():
        raise OutputError(
            f"the folder {str(target.parent)!r} does not exist",
            where=target,
            hint="create it first, or give another path",
        )
    try:
        # "x" creates the file only if it does not exist, in one step: no window in which
        # another program's new file could be replaced.
        with target.open("x", encoding="utf-8", newline="\n") as f:
            f.write(text)
    except FileExistsError:
        raise OutputError(
            "this file already exists; zinekit new never replaces a file",
            where=target,
            hint=f"give another path, e.g. zinekit new {kind} {kind}-2.{suffix}",
        ) from None
    except OSError as exc:
        raise OutputError(
            f"cannot write the file: {exc.strerror}", where=target, hint="choose another folder"
        ) from None
