"""The command line's own words in the user's language: the frame of every --help (usage,
sections, defaults) and the usage errors typer raises (an unknown option, a missing
argument, a value not among the choices).

typer words these in English inside its own code, with no catalog to translate them
through, so zinekit words them itself from assets/messages/<lang>/usage.toml: the help by
formatting it here, the errors by reading each exception's attributes (the option, the
parameter) or, where typer keeps only a sentence, by recognising that sentence.
tests/i18n/test_usage.py runs typer's real errors through `explain`, so a typer that words
them differently fails there, not in front of a user.
"""

from __future__ import annotations

import re
from typing import Any

from typer.core import TyperCommand, TyperGroup

from zinekit.i18n import current, entry, reworded, say

# A typer help record ends with its extras in brackets: "...  [default: long; required]".
_EXTRAS = re.compile(r"^(?P<help>.*?)(?:\s{2})?\[(?P<extras>[^\[\]]*)\]$", re.DOTALL)

# typer's sentences for values it refuses, and the key that words each in zinekit's words.
_VALUE_SENTENCES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?P<value>.*) is not one of (?P<choices>.*)\.$", re.DOTALL), "not-one-of"),
    (re.compile(r"^(?P<value>.*) is not (?P<choices>'[^']*')\.$", re.DOTALL), "not-one-of"),
    (
        re.compile(r"^(?P<value>.*) is not a valid int(?:eger)?(?: range)?\.$", re.DOTALL),
        "not-whole",
    ),
    (re.compile(r"^(?P<value>.*) is not a valid float(?: range)?\.$", re.DOTALL), "not-number"),
    (re.compile(r"^(?P<value>.*) is not a valid boolean\..*$", re.DOTALL), "not-boolean"),
    (re.compile(r"^(?P<value>.*) is not in the range (?P<range>.*)\.$", re.DOTALL), "not-in-range"),
)
_USAGE_SENTENCES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Option (?P<name>'[^']*') requires an argument\.$"), "needs-value"),
    (re.compile(r"^Option (?P<name>'[^']*') requires \d+ arguments\.$"), "needs-value"),
    (re.compile(r"^Option (?P<name>'[^']*') does not take a value\.$"), "takes-no-value"),
    (re.compile(r"^Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)$"), "extra-args"),
    (re.compile(r"^No such command (?P<name>'[^']*')\.(?: Did you mean (?P<like>.*)\?)?$"), ""),
    (re.compile(r"^Missing command\.$"), "missing-command"),
)


# The options typer adds itself, and the key of their help in usage.toml.
_TYPER_OPTIONS = {
    "help": "help-option",
    "install_completion": "install-completion",
    "show_completion": "show-completion",
}


def summary(name: str) -> str:
    """The one line `zinekit --help` shows for command `name`, in the user's language."""
    return say(f"help.{name}.summary")


def command_help(name: str) -> str:
    """The whole help of command `name` (help.toml [NAME] summary, then more), for
    `@app.command(name, help=command_help(name))`; worded again each time it is shown."""
    more = say(f"help.{name}.more") if "more" in entry(current(), f"help.{name}") else ""
    return f"{summary(name)}\n\n{more}" if more else summary(name)


class Worded:
    """The help of a zinekit command in the user's language; mixed into typer's classes."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        # The help was worded when the command's module was imported, perhaps in another
        # language than this --help's (in one process: a test run, the studio).
        setattr(self, "help", command_help(self.name))  # type: ignore[attr-defined]  # noqa: B010
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if isinstance(param.help, str):
                param.help = reworded(param.help)
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        worded = {
            "[OPTIONS]": say("usage.help.options-metavar"),
            "COMMAND [ARGS]...": say("usage.help.command-metavar"),
        }
        found = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        pieces = [worded.get(piece, piece) for piece in found]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=say("usage.help.usage"))

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is None:
                continue
            names, text = record
            if param.name in _TYPER_OPTIONS:  # typer's own options, with typer's English help
                text = say(f"usage.help.{_TYPER_OPTIONS[param.name]}")
            record = (names, _worded_extras(text))
            (arguments if param.param_type_name == "argument" else options).append(record)
        for title, rows in (("arguments", arguments), ("options", options)):
            if rows:
                with formatter.section(say(f"usage.help.{title}")):
                    formatter.write_dl(rows)


class Command(Worded, TyperCommand):
    """Every zinekit command: typer's, with its help worded by zinekit."""


class Group(Worded, TyperGroup):
    """The root command: typer's group, with its help worded by zinekit."""


def _worded_extras(text: str) -> str:
    found = _EXTRAS.match(text)
    if not found:
        return text
    worded = []
    for extra in found["extras"].split("; "):
        if extra == "required":
            worded.append(say("usage.help.required"))
        elif extra.startswith("default: "):
            worded.append(say("usage.help.default", value=extra.removeprefix("default: ")))
        else:
            worded.append(extra)  # a range such as "1<=x<=99" speaks no language
    shown = found["help"].rstrip()
    return f"{shown}  [{'; '.join(worded)}]" if shown else f"[{'; '.join(worded)}]"


def explain(exc: Any) -> str:
    """One line, in the user's language, for a usage error typer raised."""
    kind = type(exc).__name__
    ctx = getattr(exc, "ctx", None)
    param = getattr(exc, "param", None)
    if kind == "NoSuchOption":
        text = say("usage.errors.no-such-option", name=exc.option_name)
        if exc.possibilities:
            like = ", ".join(sorted(exc.possibilities))
            text = say("usage.errors.possible", message=text, options=like)
        return text
    if kind == "MissingParameter" and param is not None and ctx is not None:
        what = "missing-argument" if param.param_type_name == "argument" else "missing-option"
        return say(f"usage.errors.{what}", name=param.get_error_hint(ctx))
    if kind == "BadParameter":
        name = param.get_error_hint(ctx) if param is not None and ctx is not None else None
        name = name or exc.param_hint or "?"
        if isinstance(name, (list, tuple)):
            name = " / ".join(f"'{n}'" for n in name)
        return say("usage.errors.bad-value", name=name, problem=_value_problem(exc.message))
    message = exc.format_message()
    for pattern, key in _USAGE_SENTENCES:
        found = pattern.match(message)
        if found is None:
            continue
        if not key:  # no such command, with or without a suggestion
            text = say("usage.errors.no-such-command", name=found["name"])
            if found["like"]:
                text = say("usage.errors.did-you-mean", message=text, like=found["like"])
            return text
        return say(f"usage.errors.{key}", **found.groupdict())
    return str(message)


def _value_problem(message: str) -> str:
    for pattern, key in _VALUE_SENTENCES:
        found = pattern.match(message)
        if found:
            fields = found.groupdict()
            if "choices" in fields:
                fields["choices"] = _or_list(fields["choices"])
            return say(f"usage.values.{key}", **fields)
    return message  # one of zinekit's own callbacks, worded already


def _or_list(choices: str) -> str:
    """ "'long', 'short', 'manual'" → "'long', 'short' or 'manual'", in the user's language."""
    items = [c.strip() for c in choices.split(",")]
    if len(items) < 2:
        return choices
    return say("usage.values.or", first=", ".join(items[:-1]), last=items[-1])
