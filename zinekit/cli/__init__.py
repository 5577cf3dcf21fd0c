"""The command line: one small module per command; the only place that knows every stage.

`main` is the one place that turns exceptions into exit codes and printed lines.
"""

from __future__ import annotations

import sys
import traceback

import typer

import zinekit
from zinekit.errors import ContentError, ExitCode, ZinekitError

app = typer.Typer(
    name="zinekit",
    help="Print-ready zines, booklets and handouts from content files and existing PDFs.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"zinekit {zinekit.__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
    traceback_: bool = typer.Option(
        False,
        "--traceback",
        help="On an internal error, print the full traceback (for bug reports).",
    ),
) -> None:
    """Print-ready zines, booklets and handouts from content files and existing PDFs."""


from zinekit.cli import build as _build  # noqa: E402,F401  (each import registers a command)
from zinekit.cli import calibrate as _calibrate  # noqa: E402,F401
from zinekit.cli import check as _check  # noqa: E402,F401
from zinekit.cli import convert as _convert  # noqa: E402,F401
from zinekit.cli import impose as _impose  # noqa: E402
from zinekit.cli import layouts as _layouts  # noqa: E402,F401
from zinekit.cli import new as _new  # noqa: E402,F401
from zinekit.cli import schema as _schema  # noqa: E402,F401

_ = _impose


def main(argv: list[str] | None = None) -> None:
    """Run zinekit; exit 0 when done, 1 on an internal error, 2 on bad input or usage."""
    args = list(sys.argv[1:] if argv is None else argv)
    # --traceback works anywhere on the line, so that "rerun with --traceback" can mean
    # adding it at the end; an argument after "--" is a file name, never the flag.
    end = args.index("--") if "--" in args else len(args)
    show_traceback = "--traceback" in args[:end]
    if show_traceback:
        args = [a for a in args[:end] if a != "--traceback"] + args[end:]
    try:
        app(args=args, prog_name="zinekit", standalone_mode=False)
    except ContentError as exc:  # every mistake in a content file, one line each
        for problem in exc.problems:
            print(f"zinekit: error: {problem}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except ZinekitError as exc:
        print(f"zinekit: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except typer.TyperException as exc:  # typer's usage errors: bad option, missing argument
        ctx = getattr(exc, "ctx", None)
        if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
            print(ctx.get_help(), file=sys.stderr)
        else:
            command = ctx.command_path if ctx is not None else "zinekit"
            # typer words bad choices through pydantic ("Value error, 'x' is not one of ...").
            message = exc.format_message().replace("Value error, ", "")
            print(f"zinekit: error: {message} (see '{command} --help')", file=sys.stderr)
        sys.exit(ExitCode.BAD_INPUT)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        print("zinekit: interrupted", file=sys.stderr)
        sys.exit(130)
    except KeyboardInterrupt:
        print("zinekit: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(ExitCode.OK)
    except Exception as exc:  # the last resort for bugs: a short message, not a traceback
        if show_traceback:
            traceback.print_exc()
        print(
            f"zinekit: internal error: {type(exc).__name__}: {exc}"
            " (this is a bug in zinekit: rerun with --traceback and report the output)",
            file=sys.stderr,
        )
        sys.exit(ExitCode.INTERNAL)
