"""The words zinekit uses for mistakes in content files, read from
assets/messages/content-errors.toml.

The wording is data so that it can be improved (or translated) without touching the code
that finds the mistakes; this module only looks entries up and fills in their blanks.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from zinekit.data import data_dir
from zinekit.errors import Location, Problem


@dataclass(frozen=True)
class Wording:
    message: str
    hint: str = ""
    example: bool = True  # follow the hint with an example of a valid value


@dataclass(frozen=True)
class SyntaxRule:
    """How to say one of the YAML parser's complaints in plain words."""

    problem: str  # a piece of the parser's own text that picks this rule
    context: str  # ... and of its context ("" matches any)
    at: str  # "problem" or "context": which of the parser's two marks to point at
    message: str
    hint: str


@cache
def _table() -> dict[str, Any]:
    path = data_dir("assets") / "messages" / "content-errors.toml"
    with path.open("rb") as f:
        return tomllib.load(f)


def wording(kind: str) -> Wording:
    """The entry for a kind of problem; an unlisted kind gets the generic entry."""
    entries = _table()["types"]
    return Wording(**entries.get(kind, entries["other"]))


def example(model: str | None, key: str | None) -> str | None:
    """A valid line for `key`, preferring the one written for that model ("Resource.year")."""
    if key is None:
        return None
    examples = _table()["examples"]
    return examples.get(f"{model}.{key}") or examples.get(key)


def place(model: str | None) -> str:
    """Where a key sits, in words: "in a resource"."""
    return _table()["places"].get(model or "", "here")


def phrase(name: str, **fields: object) -> str:
    """A piece of wording from [phrases], such as the "did you mean" hint, blanks filled."""
    return _table()["phrases"][name].format_map(_Blanks(fields))


def syntax_rules() -> list[SyntaxRule]:
    return [SyntaxRule(**rule) for rule in _table()["syntax"]]


def problem(
    kind: str,
    where: Location,
    *,
    model: str | None = None,
    key: str | None = None,
    label: str | None = None,
    hint: str | None = None,
    **fields: object,
) -> Problem:
    """A problem worded through the table: message, hint, then an example of what is valid.

    `key` picks the example and fills {key}, unless `label` says it otherwise ("item 2 of
    'list'"); `hint` replaces the table's hint (a "did you mean" suggestion is more useful
    than the general advice); `fields` fill the other blanks, such as {input}.
    """
    entry = wording(kind)
    blanks = _Blanks(key=label or (quote(key) if key else "it"), place=place(model))
    blanks.update(fields)
    text = entry.message.format_map(blanks)
    advice = hint if hint is not None else entry.hint.format_map(blanks)
    valid = example(model, key) if entry.example else None
    if valid and advice:
        advice = f"{advice}, e.g. {valid}"
    elif valid:
        advice = f"e.g. {valid}"
    return Problem(text, where, advice or None)


class _Blanks(dict):
    # A blank the caller did not fill stays visible rather than crashing the report.
    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


def quote(text: str) -> str:
    return "'" + text.replace("'", "\\'") + "'"


def nearest(word: str, choices: list[str]) -> str | None:
    """The choice a typo most likely meant, if any is close enough to suggest."""
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not found:
        # Case slips ("Title") and kebab/snake mix-ups ("page_numbers") are common and
        # cheap to catch before giving up.
        folded = word.lower().replace("_", "-").replace(" ", "-")
        found = [c for c in choices if c == folded]
    return found[0] if found else None
