"""The words zinekit uses for mistakes in content files, read from
assets/messages/<lang>/content-errors.toml (see `zinekit.validation.wording` for the table format);
and the plain wording of the YAML parser's own complaints, which only content files have.
"""

from __future__ import annotations

from dataclasses import dataclass

from zinekit.validation.wording import Messages, Wording, nearest, quote

CONTENT = Messages("content-errors")

wording = CONTENT.wording
example = CONTENT.example
place = CONTENT.place
phrase = CONTENT.phrase
problem = CONTENT.problem

__all__ = [
    "CONTENT",
    "SyntaxRule",
    "Wording",
    "example",
    "nearest",
    "phrase",
    "place",
    "problem",
    "quote",
    "syntax_rules",
    "wording",
]


@dataclass(frozen=True)
class SyntaxRule:
    """How to say one of the YAML parser's complaints in plain words."""

    problem: str  # a piece of the parser's own text that picks this rule
    context: str  # ... and of its context ("" matches any)
    at: str  # "problem" or "context": which of the parser's two marks to point at
    message: str
    hint: str


def syntax_rules() -> list[SyntaxRule]:
    return [SyntaxRule(**rule) for rule in CONTENT.table["syntax"]]
