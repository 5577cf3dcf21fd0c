"""`zinekit studio`: a page in the browser to write a zine in, with its preview beside it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Annotated

import typer

from zinekit.cli.app import app, command_help
from zinekit.errors import OptionError

STUDIO_LIBRARIES = ("starlette", "uvicorn", "watchfiles")


def require_studio(
    what: str = "zinekit studio", libraries: tuple[str, ...] = STUDIO_LIBRARIES
) -> None:
    """The studio's libraries are installed, or one line says how to get them."""
    missing = [name for name in libraries if importlib.util.find_spec(name) is None]
    if missing:
        raise OptionError(
            f"{what} needs {', '.join(missing)}, which {'is' if len(missing) == 1 else 'are'}"
            " not installed",
            hint="pip install 'zinekit[studio]'",
        )


@app.command("studio", help=command_help("studio"))
def studio_command(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="A content file (.md or .yaml) or a folder of them. Default: this folder,"
            " with the `zinekit new` starters to begin from.",
            show_default=False,
        ),
    ] = None,
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="The port. Default: a free one.")
    ] = 0,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Where to listen. Other computers can reach the studio (with the printed"
            " address and its token) only when this is not 127.0.0.1.",
        ),
    ] = "127.0.0.1",
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Do not open the page in a browser.")
    ] = False,
) -> None:
    """Open a page in the browser to write a zine: the file, its preview, and the PDFs."""
    require_studio()
    from zinekit.studio.files import SUFFIXES
    from zinekit.studio.server import Studio, listen, serve

    target = Path(path) if path is not None else Path.cwd()
    current = None
    if not target.exists():
        raise OptionError("there is no such file or folder", hint="check the name")
    if target.is_file():
        if target.suffix.lower() not in SUFFIXES:
            raise OptionError(
                f"{str(target)!r} is not a content file",
                hint=f"open a {' or '.join(SUFFIXES)} file, or a folder",
            )
        current, target = target, target.parent
    sock = listen(host, port)
    studio = Studio(target, current=current, host=host, port=sock.getsockname()[1])
    print(studio.url, flush=True)
    print(f"zinekit: studio for {studio.folder.root}; stop it with Ctrl-C", file=sys.stderr)
    if not no_browser:
        import webbrowser

        webbrowser.open(studio.url)
    serve(studio, sock)
