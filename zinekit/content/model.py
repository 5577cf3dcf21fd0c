"""The content model: one definition that validates content files and generates their JSON
Schema (`zinekit schema`).

Keys are written in kebab-case in YAML (`page-numbers`, `bold-italic`); every model forbids
unknown keys so a typo is an error, not silently ignored text. Descriptions here become the
inline documentation editors show. This module holds the publication and its covers; the
blocks are declared in `zinekit.content.blocks` and listed in `zinekit.content.registry`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from zinekit.content.base import Lang, Located, Model, NonEmpty
from zinekit.content.blocks.image import Image, ImageSpec
from zinekit.content.blocks.page_break import PageBreak
from zinekit.content.blocks.resources import Resource, ResourceKind, Resources
from zinekit.content.blocks.text import (
    Affirmations,
    AffirmationSet,
    Agreement,
    Agreements,
    Continue,
    Heading,
    ListBlock,
    Quote,
    QuoteSpec,
    Text,
)
from zinekit.content.blocks.worksheet import (
    FILL,
    PITCH,
    REST,
    Box,
    Checklist,
    Fields,
    Scale,
    Table,
    WriteIn,
)
from zinekit.content.registry import BLOCK_KEYS, Block, block_kind

# The registry's names, and (for code written before the registry) the block models of
# the first kinds. A new kind is named from its own module in zinekit.content.blocks.
__all__ = [
    "BLOCK_KEYS",
    "FILL",
    "PITCH",
    "REST",
    "AffirmationSet",
    "Affirmations",
    "Agreement",
    "Agreements",
    "Back",
    "Block",
    "Box",
    "Checklist",
    "Continue",
    "Cover",
    "Fields",
    "Fonts",
    "Heading",
    "Image",
    "ImageSpec",
    "ListBlock",
    "Located",
    "Model",
    "NonEmpty",
    "PageBreak",
    "Publication",
    "Quote",
    "QuoteSpec",
    "Resource",
    "ResourceKind",
    "Resources",
    "Scale",
    "Table",
    "Text",
    "WriteIn",
    "block_kind",
]

CoverTemplate = Literal["stacked", "knockout", "type"]


class Fonts(Model):
    """Your own TrueType fonts (paths relative to the content file), over the theme's. With
    `regular`, the body is set in your four styles (a missing one falls back to your
    regular); without it, each style you name replaces the theme's. `heading`, `display`
    (cover titles) and `mono` (addresses) replace the theme's font for that role."""

    regular: NonEmpty | None = Field(None, description="Path of the regular .ttf font.")
    bold: NonEmpty | None = Field(None, description="Path of the bold .ttf font.")
    italic: NonEmpty | None = Field(None, description="Path of the italic .ttf font.")
    bold_italic: NonEmpty | None = Field(None, description="Path of the bold italic .ttf font.")
    heading: NonEmpty | None = Field(None, description="Path of the .ttf font for headings.")
    display: NonEmpty | None = Field(
        None, description="Path of the .ttf font for display type: cover titles."
    )
    mono: NonEmpty | None = Field(
        None, description="Path of the monospaced .ttf font (for addresses, where a theme uses it)."
    )


class Cover(Located):
    """A front cover page. Without `cover`, there is no cover page: the first page opens
    with the title and subtitle (right for one- and two-page handouts)."""

    title: NonEmpty | None = Field(None, description="Cover title; defaults to `title`.")
    subtitle: str | None = Field(None, description="Cover subtitle; defaults to `subtitle`.")
    footer: str | None = Field(
        None, description='Small line at the foot, e.g. "Edisi 3 · Juni 2020".'
    )
    image: NonEmpty | None = Field(None, description="Path of a cover image (JPEG or PNG).")
    template: CoverTemplate | None = Field(
        None,
        description="stacked (title, picture, footer), knockout (the title in white on a"
        " black panel over a full-bleed picture) or type (big type only); default: the"
        " theme's.",
    )
    full_width: bool = Field(
        False,
        description="Spread the cover image over the page's whole width, edge to edge (into"
        " the bleed with --bleed); cut at top and bottom when taller than the room left.",
    )


class Back(Located):
    """The back cover: a closing text, contact and licence."""

    text: str | None = Field(
        None, description="Closing text; inline **bold**, _italic_, [links](url)."
    )
    contact: str | None = Field(None, description="How to reach the collective.")
    license: str | None = Field(None, description='E.g. "Bebas difotokopi dan dibagikan."')
    slogan: str | None = Field(
        None,
        description="A slogan stacked large across the back cover, as a `poster` block is"
        " set; a line break in it starts a new line.",
    )


class Publication(Located):
    """One zine, handout or booklet; `where_of("title")` is where its title was written."""

    title: NonEmpty = Field(description="Title; also the PDF's title metadata.")
    subtitle: str | None = Field(None, description="Subtitle, shown on the cover.")
    author: str | None = Field(None, description="Author or collective; the PDF's author metadata.")
    lang: Lang = Field("id", description="id or en: hyphenation, generated labels, PDF /Lang.")
    layout: NonEmpty = Field(
        "booklet",
        description="Default imposition: a built-in layout (zinekit layouts) or a layout file;"
        " `--layout` overrides it. The page size follows the layout.",
    )
    sheet: str | None = Field(None, description="Paper, e.g. A4 or F4; `--sheet` overrides it.")
    page_numbers: bool = Field(True, description="Print page numbers (not on the covers).")
    theme: NonEmpty | None = Field(
        None,
        description="How it looks: a built-in theme (zinekit themes: sans, serif, typewriter,"
        " poster) or a theme file (.toml) relative to this file; `--theme` overrides it."
        " Default: sans.",
    )
    fonts: Fonts | None = Field(None, description="Your own TrueType fonts over the theme's.")
    cover: Cover | None = Field(
        None, description="A front cover page; without it the first page opens with the title."
    )
    blocks: Annotated[list[Block], Field(min_length=1)] = Field(
        description="The content, in reading order."
    )
    back: Back | None = Field(None, description="The back cover.")

    @property
    def cover_title(self) -> str:
        return (self.cover.title if self.cover and self.cover.title else None) or self.title

    @property
    def cover_subtitle(self) -> str | None:
        return (
            self.cover.subtitle if self.cover and self.cover.subtitle else None
        ) or self.subtitle
