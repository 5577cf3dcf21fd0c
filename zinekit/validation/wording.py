"""The words for mistakes in hand-written files, read from a table in assets/messages/<lang>/.

The wording is data so that it can be improved (or translated) without touching the code
that finds the mistakes; a `Messages` table only looks entries up and fills in their blanks.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from zinekit.errors import Location, Problem
from zinekit.i18n import catalog, current, say


@dataclass(frozen=True)
class Wording:
    message: str
    hint: str = ""
    example: bool = True  # follow the hint with an example of a valid value


class Messages:
    """One table of wording, such as assets/messages/<lang>/content-errors.toml,
    named without its folder and suffix ("content-errors").

    `blanks` fills blanks every entry may use (a path that is only known at run time);
    it is called once, the first time a message is worded.
    """

    def __init__(self, name: str, blanks: Callable[[], dict[str, str]] | None = None) -> None:
        self.name = name
        self._blanks = blanks

    @property
    def table(self) -> dict[str, Any]:
        """The table in the user's language (read once per language)."""
        return catalog(current(), self.name)

    @cached_property
    def common(self) -> dict[str, str]:
        return self._blanks() if self._blanks else {}

    def wording(self, kind: str) -> Wording:
        """The entry for a kind of problem; an unlisted kind gets the generic entry."""
        entries = self.table["types"]
        return Wording(**entries.get(kind, entries["other"]))

    def example(self, model: str | None, key: str | None) -> str | None:
        """A valid line for `key`, preferring the one written for that model ("Resource.year")."""
        if key is None:
            return None
        examples = self.table["examples"]
        return examples.get(f"{model}.{key}") or examples.get(key)

    def key_hint(self, model: str | None, key: str | None) -> str | None:
        """Advice that belongs to one key whatever is wrong with it, from [hints]."""
        hints = self.table.get("hints", {})
        found = hints.get(f"{model}.{key}") or hints.get(key or "")
        return found.format_map(_Blanks(self.common)) if found else None

    def place(self, model: str | None) -> str:
        """Where a key sits, in words: "in a resource"."""
        return self.table["places"].get(model or "") or say("content.name.here")

    def phrase(self, name: str, **fields: object) -> str:
        """A piece of wording from [phrases], such as the "did you mean" hint, blanks filled."""
        return self.table["phrases"][name].format_map(_Blanks(self.common, **fields))

    def problem(
        self,
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

        `key` picks the example and fills {key}, unless `label` says it otherwise ("item 2
        of 'list'"); `hint` replaces the table's hint (a "did you mean" suggestion is more
        useful than the general advice); `fields` fill the other blanks, such as {input}.
        """
        entry = self.wording(kind)
        blanks = _Blanks(self.common, key=label or (quote(key) if key else say("content.name.it")))
        blanks["place"] = self.place(model)
        blanks.update(fields)
        text = entry.message.format_map(blanks)
        advice = hint if hint is not None else entry.hint.format_map(blanks)
        valid = self.example(model, key) if entry.example else None
        if valid and advice:
            advice = say("content.join.example", advice=advice, example=valid)
        elif valid:
            advice = say("content.join.example-alone", example=valid)
        return Problem(text, where, advice or None)


class _Blanks(dict[str, object]):
    # A blank the caller did not fill stays visible rather than crashing the report.
    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


def spoken_choices(expected: str) -> str:
    """pydantic's English list of choices ("'a', 'b' or 'c'") in the user's language."""
    first, sep, last = expected.rpartition(" or ")
    return say("content.join.choices", first=first, last=last) if sep else expected


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
