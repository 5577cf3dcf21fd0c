"""The `zinekit` command: the typer app, the table of its commands, and `main`, the one place
that turns exceptions into exit codes and printed lines.

Each command lives in its own module (zinekit/cli/<name>.py) and registers itself with
`@app.command(...)` when imported. The app imports a command's module only when that command
runs, so `zinekit --help` and `--version` load no PDF, typesetting or content library, and
each command loads only what it uses. Nothing here imports a command module by name: the
table below names them, and `_Commands` imports them on demand.
"""

from __future__ import annotations

import importlib
import signal
import sys
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any

import typer
import typer.main
from typer.core import TyperCommand

import zinekit
from zinekit import i18n, oserrors
from zinekit.cli import usage
from zinekit.errors import ContentError, ExitCode, ZinekitError
from zinekit.i18n import say

# The commands, in the order `zinekit --help` lists them, each with the module that declares
# it. Their help is in assets/messages/<lang>/help.toml: [NAME] summary is what that list
# shows without importing the command, and with `more` the command's own --help.
COMMANDS: dict[str, str] = {
    "build": "zinekit.cli.build",
    "calibrate": "zinekit.cli.calibrate",
    "check": "zinekit.cli.check",
    "convert": "zinekit.cli.convert",
    "impose": "zinekit.cli.impose",
    "import": "zinekit.cli.import_",
    "layouts": "zinekit.cli.layouts",
    "new": "zinekit.cli.new",
    "schema": "zinekit.cli.schema",
    "studio": "zinekit.cli.studio",
    "themes": "zinekit.cli.themes",
}


# Each command module declares `@app.command(NAME, help=command_help(NAME))`.
command_help = usage.command_help


class _Table(MutableMapping[str, Any]):
    """The root group's commands: every name in COMMANDS, each command built from its module
    the first time it is looked up (to run it, or to show its own --help)."""

    def __init__(self, built: Mapping[str, Any]) -> None:
        self.built = dict(built)  # commands whose modules were imported earlier in-process

    def __getitem__(self, name: str) -> Any:
        if name not in self.built and name in COMMANDS:
            importlib.import_module(COMMANDS[name])  # registers it with `app`
            for info in app.registered_commands:
                if info.name == name:
                    # typer's own class words --help in English; zinekit's in the user's.
                    info.cls = usage.Command
                    self.built[name] = typer.main.get_command_from_info(
                        info,
                        pretty_exceptions_short=app.pretty_exceptions_short,
                        rich_markup_mode=app.rich_markup_mode,
                    )
        return self.built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        del self.built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


class _Commands(usage.Group):
    """The root group: its commands come from COMMANDS, and its --help lists their summaries
    without importing them."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _Table(self.commands)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        limit = formatter.width - 6 - max(map(len, COMMANDS))
        # A bare command carrying the summary shortens it exactly as click would the docstring.
        rows = [
            (name, TyperCommand(name=name, help=usage.summary(name)).get_short_help_str(limit))
            for name in COMMANDS
        ]
        with formatter.section(say("usage.help.commands")):
            formatter.write_dl(rows)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)


app = typer.Typer(
    name="zinekit",
    cls=_Commands,
    help=say("help.zinekit.summary"),
    no_args_is_help=True,
    add_completion=True,
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
        False,
        "--version",
        callback=_version,
        is_eager=True,
        help=say("help.zinekit.options.version"),
    ),
    traceback_: bool = typer.Option(
        False,
        "--traceback",
        help=say("help.zinekit.options.traceback"),
    ),
    lang: str = typer.Option(
        None,
        "--lang",
        metavar="<id|en>",
        help=say("help.zinekit.options.lang"),
    ),
) -> None:
    """Print-ready zines, booklets and handouts from content files and existing PDFs."""


_INTERRUPTED = 130  # the shell's code for a process ended by Ctrl-C (128 + SIGINT)
_TERMINATED = 143  # 128 + SIGTERM
_MISTAKES_SHOWN = 20  # a file with 20000 mistakes prints the first ones and a count


class Terminated(BaseException):
    """SIGTERM arrived: unwinds like Ctrl-C, so that `zinekit.output` removes its temporary
    files, then exits 143. A BaseException, so that no `except Exception` swallows it."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: list[str] | None = None) -> None:
    """Run zinekit; exit 0 when done, 1 on an internal error, 2 on bad input or usage,
    130 on Ctrl-C and 143 on SIGTERM."""
    spoken = i18n.use(None)  # chosen again from this run's --lang and environment
    try:
        _main(argv)
    finally:
        i18n.use(spoken)  # a caller in the same process keeps its own choice
        i18n.ask(None)


def _main(argv: list[str] | None) -> None:
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread (a test runner may call main elsewhere)
        _run(argv)
        return
    try:
        _run(argv)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(argv: list[str] | None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    # --traceback works anywhere on the line, so that "rerun with --traceback" can mean
    # adding it at the end; an argument after "--" is a file name, never the flag.
    end = args.index("--") if "--" in args else len(args)
    show_traceback = "--traceback" in args[:end]
    if show_traceback:
        args = [a for a in args[:end] if a != "--traceback"] + args[end:]
        end = args.index("--") if "--" in args else len(args)
    try:
        args = _speak(args, end)
    except _LangError as exc:
        print(say("common.line.error", message=exc), file=sys.stderr)
        sys.exit(ExitCode.BAD_INPUT)
    try:
        # Outside standalone mode typer returns the code of a typer.Exit instead of raising
        # it, and turns Ctrl-C into typer.Exit(130): an exit code to pass on, not success.
        code = app(args=args, prog_name="zinekit", standalone_mode=False)
        if code == _INTERRUPTED:
            raise KeyboardInterrupt
        if isinstance(code, int) and code:
            sys.exit(code)
    except ContentError as exc:  # every mistake in a content file, one line each
        for problem in exc.problems[:_MISTAKES_SHOWN]:
            print(say("common.line.error", message=problem), file=sys.stderr)
        if len(exc.problems) > _MISTAKES_SHOWN:
            rest = len(exc.problems) - _MISTAKES_SHOWN
            print(say("common.line.more", count=rest), file=sys.stderr)
        sys.exit(exc.exit_code)
    except ZinekitError as exc:
        print(say("common.line.error", message=exc), file=sys.stderr)
        sys.exit(exc.exit_code)
    except typer.TyperException as exc:  # typer's usage errors: bad option, missing argument
        ctx = getattr(exc, "ctx", None)
        if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
            print(ctx.get_help(), file=sys.stderr)
        else:
            command = ctx.command_path if ctx is not None else _command_named(args)
            message = say("common.line.usage", message=usage.explain(exc), command=command)
            print(say("common.line.error", message=message), file=sys.stderr)
        sys.exit(ExitCode.BAD_INPUT)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        print(say("common.line.interrupted"), file=sys.stderr)
        sys.exit(_INTERRUPTED)
    except Terminated:
        print(say("common.line.terminated"), file=sys.stderr)
        sys.exit(_TERMINATED)
    except BrokenPipeError:
        sys.exit(ExitCode.OK)
    except (OSError, ValueError) as exc:
        # A path no reader classified on the way (a name too long, a loop of links, a NUL
        # byte): still the user's to fix, not a bug. A ValueError of any other kind is one.
        if not oserrors.is_path_error(exc):
            _internal(exc, show_traceback)
        what, hint = oserrors.explain(exc)
        name = getattr(exc, "filename", None)
        where = f"{oserrors.short(str(name))}: " if name is not None else ""
        message = f"{where}{what}"
        if hint:
            message = say("common.line.hint", message=message, hint=hint)
        print(say("common.line.error", message=message), file=sys.stderr)
        sys.exit(ExitCode.BAD_INPUT)
    except Exception as exc:  # the last resort for bugs: a short message, not a traceback
        _internal(exc, show_traceback)


def _command_named(args: list[str]) -> str:
    """`zinekit build` when the line names the build command: the help to point at when
    typer's parser raises an error without saying in which command it was."""
    named = next((a for a in args if a in COMMANDS), None)
    return f"zinekit {named}" if named else "zinekit"


class _LangError(Exception):
    """`--lang` or ZINEKIT_LANG is wrong: said before anything else runs."""


def _speak(args: list[str], end: int) -> list[str]:
    """Choose the user's language before any command is imported (their help texts are
    worded when their modules load) and return `args` without `--lang`.

    `--lang` works anywhere before "--", like --traceback, so that `zinekit build --lang id`
    and `zinekit --lang id build` mean the same; the root command declares it for --help."""
    flag: str | None = None
    kept: list[str] = []
    i = 0
    while i < end:
        arg = args[i]
        if arg == "--lang":
            if i + 1 >= end:
                raise _LangError(say("common.lang.missing"))
            flag = args[i + 1]
            i += 2
            continue
        if arg.startswith("--lang="):
            flag = arg.removeprefix("--lang=")
        else:
            kept.append(arg)
        i += 1
    try:
        i18n.use(i18n.choose(flag))
        i18n.ask(flag)
    except i18n.UnknownLanguage as exc:
        problem = say("common.lang.unknown", source=exc.source, value=repr(exc.value))
        raise _LangError(
            say("common.line.hint", message=problem, hint=say("common.lang.unknown-hint"))
        ) from None
    return kept + args[end:]


def _internal(exc: Exception, show_traceback: bool) -> None:
    if show_traceback:
        import traceback

        traceback.print_exception(exc)
    print(say("common.line.internal", kind=type(exc).__name__, detail=exc), file=sys.stderr)
    sys.exit(ExitCode.INTERNAL)
