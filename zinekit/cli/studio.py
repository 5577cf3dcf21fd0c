"""`zinekit studio`: a page in the browser to write a zine in, with its preview beside it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Annotated

import typer

from zinekit.cli.app import app, command_help
from zinekit.errors import OptionError
from zinekit.i18n import say

STUDIO_LIBRARIES = ("starlette", "uvicorn", "watchfiles")


def require_studio(
    what: str = "zinekit studio", libraries: tuple[str, ...] = STUDIO_LIBRARIES
) -> None:
    """The studio's libraries are installed, or one line says how to get them."""
    missing = [name for name in libraries if importlib.util.find_spec(name) is None]
    if missing:
        raise OptionError(
            say("studio.command.missing", what=what, names=", ".join(missing), count=len(missing)),
            hint=say("studio.command.missing-hint"),
        )


@app.command("studio", help=command_help("studio"))
def studio_command(
    path: Annotated[
        Path | None,
        typer.Argument(
            help=say("studio.options.path"),
            show_default=False,
        ),
    ] = None,
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help=say("studio.options.port"))
    ] = 0,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help=say("studio.options.host"),
        ),
    ] = "127.0.0.1",
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help=say("studio.options.no-browser"))
    ] = False,
) -> None:
    """Open a page in the browser to write a zine: the file, its preview, and the PDFs."""
    require_studio()
    from zinekit.studio.files import SUFFIXES
    from zinekit.studio.server import Studio, listen, serve

    target = Path(path) if path is not None else Path.cwd()
    current = None
    if not target.exists():
        raise OptionError(
            say("studio.command.no-such-path"), hint=say("studio.command.no-such-path-hint")
        )
    if target.is_file():
        if target.suffix.lower() not in SUFFIXES:
            raise OptionError(
                say("studio.command.not-content", name=str(target)),
                hint=say(
                    "studio.command.not-content-hint",
                    endings=say("studio.command.or").join(SUFFIXES),
                ),
            )
        current, target = target, target.parent
    sock = listen(host, port)
    studio = Studio(target, current=current, host=host, port=sock.getsockname()[1])
    print(studio.url, flush=True)
    print(say("studio.command.running", folder=studio.folder.root), file=sys.stderr)
    if not no_browser:
        import webbrowser

        webbrowser.open(studio.url)
    serve(studio, sock)
