"""`zinekit new`: start a content file from a commented starter, in Markdown (the default:
prose written as prose) or YAML, its comments in the user's language.

The starters are assets/starters/<lang>/<kind>.<md|yaml>: in every language the same
content (Indonesian, as the zines are), only the comments that explain it differ."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Annotated

import typer

from zinekit import i18n
from zinekit.cli.app import app, command_help
from zinekit.compat import StrEnum
from zinekit.content.wording import nearest
from zinekit.data import data_dir
from zinekit.errors import OptionError, OutputError
from zinekit.i18n import say


def starter_dir(lang: str | None = None) -> Path:
    """The folder of the starters commented in `lang` (default: the user's language)."""
    return data_dir("assets") / "starters" / (lang or i18n.current())


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
        typer.Argument(help=say("new.options.kind"), show_default=False),
    ],
    path: Annotated[
        Path | None,
        typer.Argument(
            help=say("new.options.path"),
            show_default=False,
        ),
    ] = None,
    format_: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help=say("new.options.format"),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write a starter content file to edit, with comments explaining every key."""
    kinds = starter_kinds()
    if kind not in kinds:
        guess = nearest(kind, kinds)
        listed = ", ".join(kinds)
        raise OptionError(
            say("new.new.unknown-kind", kind=kind),
            hint=say("new.new.unknown-kind-guess", guess=guess, kinds=listed)
            if guess
            else say("new.new.unknown-kind-hint", kinds=listed),
        )
    given = _SUFFIXES.get(path.suffix.lower()) if path is not None else None
    if format_ is not None and given is not None and given is not format_:
        raise OptionError(
            say("new.new.format-mismatch", format=format_.value, name=str(path)),
            hint=say("new.new.format-mismatch-hint", format=format_.value),
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
    command = f"zinekit build {shlex.quote(str(target))}"
    print(say("new.new.wrote", target=target, command=command), file=sys.stderr)


def _write_new(target: Path, text: str, kind: str, suffix: str) -> None:
    """Write a file that does not exist yet; never replace one (it may hold a day's work)."""
    if not target.parent.is_dir():
        raise OutputError(
            say("new.new.no-folder", folder=str(target.parent)),
            where=target,
            hint=say("new.new.no-folder-hint"),
        )
    try:
        # "x" creates the file only if it does not exist, in one step: no window in which
        # another program's new file could be replaced.
        with target.open("x", encoding="utf-8", newline="\n") as f:
            f.write(text)
    except FileExistsError:
        raise OutputError(
            say("new.new.exists"),
            where=target,
            hint=say("new.new.exists-hint", example=f"zinekit new {kind} {kind}-2.{suffix}"),
        ) from None
    except OSError as exc:
        raise OutputError(
            say("new.new.cannot-write", reason=exc.strerror),
            where=target,
            hint=say("new.new.cannot-write-hint"),
        ) from None
