"""Blocks of running text: headings, paragraphs, lists, agreements, affirmations, quotes."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator

from zinekit.content.base import BlockKind, Located, Model, NonEmpty


class Heading(Located):
    heading: NonEmpty = Field(description="A heading; it stays on the page with what follows.")
    level: Literal[1, 2] = Field(1, description="1 for a section, 2 for a subsection.")


class Text(Located):
    text: NonEmpty = Field(
        description="One or more paragraphs (separate them with a blank line). Inline:"
        " **bold**, _italic_, [link text](https://...)."
    )


class ListBlock(Located):
    items: Annotated[list[NonEmpty], Field(min_length=1)] = Field(
        alias="list", description="Items of a bulleted list (numbered with `numbered: true`)."
    )
    numbered: bool = Field(False, description="Number the items 1. 2. 3. instead of bullets.")
    title: str | None = Field(None, description="An optional title above the list.")


class Agreement(Model):
    title: NonEmpty = Field(description="The agreement in a few words.")
    text: str | None = Field(None, description="What it means, in a sentence or two.")


class Agreements(Located):
    agreements: Annotated[list[Agreement], Field(min_length=1)] = Field(
        description="Titled agreements, e.g. for a meeting."
    )
    numbered: bool = Field(True, description="Number the agreements.")


class Continue(Model):
    prompt: str | None = Field(
        None, description='Prompt above the lines; defaults to "Tulislah dan lanjutkan sendiri..."'
    )
    lines: int = Field(6, ge=0, le=60, description="How many ruled lines to write on by hand.")


class AffirmationSet(Model):
    pattern: NonEmpty = Field(
        description='A sentence with {} where each item goes: "JIKA KAMU MERASA {}, TAK APA-APA".'
    )
    items: Annotated[list[NonEmpty], Field(min_length=1)] = Field(
        description="The words that fill the pattern, one line each."
    )
    continue_: Continue | None = Field(
        None, alias="continue", description="Ruled lines after the list, to continue by hand."
    )

    @field_validator("pattern")
    @classmethod
    def _one_placeholder(cls, value: str) -> str:
        if value.count("{}") != 1:
            raise ValueError(
                f"needs exactly one {{}} where each item goes, not {value.count('{}')}"
            )
        return value


class Affirmations(Located):
    affirmations: AffirmationSet = Field(description="One pattern repeated over a list.")


class QuoteSpec(Model):
    text: NonEmpty = Field(description="The quotation.")
    by: str | None = Field(None, description="Who said or wrote it.")


class Quote(Located):
    quote: QuoteSpec = Field(description="A large pull quote.")


HEADING = BlockKind("heading", Heading, lambda b: b.heading, main="text")
TEXT = BlockKind("text", Text, lambda b: b.text, main="text")
LIST = BlockKind("list", ListBlock, lambda b: b.title or b.items[0], main="items")
AGREEMENTS = BlockKind("agreements", Agreements, lambda b: b.agreements[0].title, main="items")
AFFIRMATIONS = BlockKind(
    "affirmations", Affirmations, lambda b: b.affirmations.pattern, main="items"
)
QUOTE = BlockKind("quote", Quote, lambda b: b.quote.text, main="text")
