"""Blocks of running text: headings, paragraphs, lists, agreements, affirmations, quotes."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from zinekit.content.base import BlockKind, Lang, Located, Model, NonEmpty, OneOrTwo
from zinekit.content.blocks.worksheet import LinesOrNone


class Heading(Located):
    heading: NonEmpty = Field(description="A heading; it stays on the page with what follows.")
    level: OneOrTwo = Field(1, description="1 for a section, 2 for a subsection.")
    kicker: str | None = Field(
        None,
        description='A small section label above the heading, e.g. "TERAPI" or "EDITORIAL";'
        " set in letter-spaced capitals.",
    )


class Text(Located):
    text: NonEmpty = Field(
        description="One or more paragraphs (separate them with a blank line). Inline:"
        " **bold**, _italic_, [link text](https://...)."
    )
    dropcap: bool = Field(
        False, description="Open the first paragraph with a drop capital three lines tall."
    )
    lang: Lang | None = Field(
        None,
        description="id or en: the block's words are hyphenated by that language (else by"
        " the publication's `lang`).",
    )


class Lede(Located):
    lede: NonEmpty = Field(
        description="A standfirst: the paragraph that opens an article, set larger than the"
        " text. Inline: **bold**, _italic_, [link text](https://...)."
    )
    lang: Lang | None = Field(
        None,
        description="id or en: the block's words are hyphenated by that language (else by"
        " the publication's `lang`).",
    )


class Pullquote(Located):
    pullquote: NonEmpty = Field(
        description="A sentence from the article set large inside it, between rules."
    )
    by: str | None = Field(None, description="Who said it, set under the quote.")
    side: Literal["left", "right"] | None = Field(
        None,
        description="Set the quote in a narrower column at the left or right with the text"
        " that follows running beside it; the text beside must keep 45 mm.",
    )


class Poster(Located):
    poster: NonEmpty = Field(
        description="A slogan set large and centred, as big as its longest word allows;"
        " lines break between words only (a line break in the text starts a new line)."
    )


class Columns(Located):
    columns: OneOrTwo = Field(
        description="2: the blocks from here on are set in two columns, until `columns: 1`,"
        " a page break or the end. Each column needs 45 mm (an A5 page, not an A6 or A7 one)."
    )


class ListBlock(Located):
    items: Annotated[list[NonEmpty], Field(min_length=1)] = Field(
        alias="list", description="Items of a bulleted list (numbered with `numbered: true`)."
    )
    numbered: bool = Field(False, description="Number the items 1. 2. 3. instead of bullets.")
    title: str | None = Field(None, description="An optional title above the list.")
    lang: Lang | None = Field(
        None,
        description="id or en: the block's words are hyphenated by that language (else by"
        " the publication's `lang`).",
    )


class Agreement(Model):
    title: NonEmpty | None = Field(
        None, description="The agreement in a few words; without it, the text stands alone."
    )
    text: str | None = Field(None, description="What it means, in a sentence or two.")

    @model_validator(mode="after")
    def _title_or_text(self) -> Agreement:
        if not self.title and not self.text:
            # Worded by [types.agreement_empty] of content-errors.toml.
            raise PydanticCustomError("agreement_empty", "needs a title, a text or both")
        return self


class Agreements(Located):
    agreements: Annotated[list[Agreement], Field(min_length=1)] = Field(
        description="Titled agreements, e.g. for a meeting."
    )
    numbered: bool = Field(True, description="Number the agreements.")
    lang: Lang | None = Field(
        None,
        description="id or en: the block's words are hyphenated by that language (else by"
        " the publication's `lang`).",
    )


class Continue(Model):
    prompt: str | None = Field(
        None, description='Prompt above the lines; defaults to "Tulislah dan lanjutkan sendiri..."'
    )
    lines: LinesOrNone = Field(
        6,
        description="How many ruled lines to write on by hand (0 for none), or `fill` for"
        " lines down to the foot of the page or panel.",
    )


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
    align: Literal["left", "center"] = Field(
        "left", description="`center` to centre each line (as `style: poster` does)."
    )
    style: Literal["list", "poster"] = Field(
        "list",
        description="`poster`: the affirmations centred in large bold type, fitted to the"
        " page's width and height, lines broken between words only.",
    )

    @field_validator("pattern")
    @classmethod
    def _one_placeholder(cls, value: str) -> str:
        if value.count("{}") != 1:
            # Worded by [types.pattern_placeholders] of content-errors.toml.
            raise PydanticCustomError(
                "pattern_placeholders",
                "needs exactly one {} where each item goes, not {found}",
                {"found": value.count("{}")},
            )
        return value


class Affirmations(Located):
    affirmations: AffirmationSet = Field(description="One pattern repeated over a list.")


class QuoteSpec(Model):
    text: NonEmpty = Field(description="The quotation.")
    by: str | None = Field(None, description="Who said or wrote it.")


class Quote(Located):
    quote: QuoteSpec = Field(description="A large pull quote.")
    lang: Lang | None = Field(
        None,
        description="id or en: the block's words are hyphenated by that language (else by"
        " the publication's `lang`).",
    )


HEADING = BlockKind("heading", Heading, lambda b: b.heading, main="text")
TEXT = BlockKind("text", Text, lambda b: b.text, main="text")
LIST = BlockKind("list", ListBlock, lambda b: b.title or b.items[0], main="items")
AGREEMENTS = BlockKind(
    "agreements",
    Agreements,
    lambda b: b.agreements[0].title or b.agreements[0].text or "",
    main="items",
)
AFFIRMATIONS = BlockKind(
    "affirmations", Affirmations, lambda b: b.affirmations.pattern, main="items"
)
QUOTE = BlockKind("quote", Quote, lambda b: b.quote.text, main="text")
LEDE = BlockKind("lede", Lede, lambda b: b.lede, main="text")
PULLQUOTE = BlockKind("pullquote", Pullquote, lambda b: b.pullquote, main="text")
POSTER = BlockKind("poster", Poster, lambda b: b.poster, main="text")
# A marker, not text: its long form is `columns: {count: 2}`, in Markdown a container
# holding the number.
COLUMNS = BlockKind("columns", Columns, lambda b: f"columns: {b.columns}", main="count")
