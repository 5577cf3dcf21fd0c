"""The content model: one definition that validates content files and generates their JSON
Schema (`zinekit schema`).

Keys are written in kebab-case in YAML (`page-numbers`, `bold-italic`); every model forbids
unknown keys so a typo is an error, not silently ignored text. Descriptions here become the
inline documentation editors show.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from zinekit.errors import Location, OptionError
from zinekit.units import POINTS_PER, mm, parse_length

Lang = Literal["id", "en"]
ResourceKind = Literal["film", "zine", "book", "site", "podcast", "article", "music", "other"]


def _kebab(name: str) -> str:
    return name.rstrip("_").replace("_", "-")


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        alias_generator=_kebab,
        populate_by_name=False,
        str_strip_whitespace=True,
        # YAML reads `title: 1984` or `length: 90` as numbers; they are meant as text.
        coerce_numbers_to_str=True,
    )


class Located(Model):
    """A part of a content file that remembers where it was written, for messages."""

    _where: Location | None = PrivateAttr(default=None)

    @property
    def where(self) -> Location | None:
        return self._where


NonEmpty = Annotated[str, Field(min_length=1)]


class Fonts(Model):
    """Your own TrueType fonts (paths relative to the content file). All four styles are
    optional; a missing style falls back to regular."""

    regular: NonEmpty = Field(description="Path of the regular .ttf font.")
    bold: NonEmpty | None = Field(None, description="Path of the bold .ttf font.")
    italic: NonEmpty | None = Field(None, description="Path of the italic .ttf font.")
    bold_italic: NonEmpty | None = Field(None, description="Path of the bold italic .ttf font.")


class Cover(Located):
    """A front cover page. Without `cover`, there is no cover page: the first page opens
    with the title and subtitle (right for one- and two-page handouts)."""

    title: NonEmpty | None = Field(None, description="Cover title; defaults to `title`.")
    subtitle: str | None = Field(None, description="Cover subtitle; defaults to `subtitle`.")
    footer: str | None = Field(
        None, description='Small line at the foot, e.g. "Edisi 3 · Juni 2020".'
    )
    image: NonEmpty | None = Field(None, description="Path of a cover image (JPEG or PNG).")
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


# --- blocks ---------------------------------------------------------------------------------


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


class Resource(Model):
    title: NonEmpty = Field(description="Title of the film, zine, book, site...")
    kind: ResourceKind = Field("other", description="What it is; shown as a translated label.")
    by: str | None = Field(None, description="Author, director or publisher.")
    year: int | None = Field(None, ge=1000, le=2999, description="Year it came out.")
    length: str | None = Field(None, description='Pages or duration: "38 hlm", "90 min".')
    link: str | None = Field(
        None,
        pattern=r"^(https?://|mailto:)\S+$",
        description="Where to find it (http(s):// or mailto:); printed with a QR code.",
    )
    note: str | None = Field(None, description="A sentence on why it is worth it.")


class Resources(Located):
    resources: Annotated[list[Resource], Field(min_length=1)] = Field(
        description="A list of films, zines, books and sites."
    )
    title: str | None = Field(None, description="An optional title above the list.")


class QuoteSpec(Model):
    text: NonEmpty = Field(description="The quotation.")
    by: str | None = Field(None, description="Who said or wrote it.")


class Quote(Located):
    quote: QuoteSpec = Field(description="A large pull quote.")


class ImageSpec(Model):
    src: NonEmpty = Field(description="Path of a JPEG or PNG, relative to the content file.")
    caption: str | None = Field(None, description="A caption under the image.")
    alt: str | None = Field(None, description="What the image shows, for screen readers.")
    width: float = Field(1.0, gt=0, le=1, description="Share of the text width, 0 to 1.")


class Image(Located):
    image: ImageSpec = Field(description="An image with an optional caption.")


# --- worksheets: places to write, tick and rate by hand ----------------------------------
#
# Counts that may also be a word ("lines: fill") and lengths with units ("pitch: 10mm") are
# checked by the validators below, so that each mistake is one error with its own wording
# (assets/messages/content-errors.toml) rather than one error per branch of a union.

FILL = "fill"  # lines or rows down to the foot of the page
REST = "rest"  # a box down to the foot of the page
_MAX_LINES = 60


def _count_or_word(word: str, low: int, high: int) -> Any:
    """A whole number from `low` to `high`, or `word`."""

    def check(value: Any) -> Any:
        if value is None:
            raise PydanticCustomError("empty_value", "empty")
        if isinstance(value, str) and value.strip().lower() == word:
            return word
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise PydanticCustomError(
                "count_or_word",
                "a whole number from {low} to {high}, or {word}",
                {"low": low, "high": high, "word": word},
            )
        return value

    schema = {"anyOf": [{"type": "integer", "minimum": low, "maximum": high}, {"const": word}]}
    return Annotated[int | str, BeforeValidator(check), WithJsonSchema(schema)]


def _length(low_mm: float, high_mm: float, sample: str, word: str | None = None) -> Any:
    """A length with its unit ("10mm", "1.5cm") from `low_mm` to `high_mm`, in points; or
    `word`."""

    def check(value: Any) -> Any:
        if value is None:
            raise PydanticCustomError("empty_value", "empty")
        if word is not None and isinstance(value, str) and value.strip().lower() == word:
            return word
        try:
            if not isinstance(value, str):
                raise OptionError("not text")
            points = parse_length(value)
        except OptionError:
            raise PydanticCustomError(
                "length_parsing",
                "a length such as {sample}",
                {"sample": sample, "alternative": f", or {word}" if word else ""},
            ) from None
        if not mm(low_mm) - 1e-6 <= points <= mm(high_mm) + 1e-6:
            raise PydanticCustomError(
                "length_range",
                "from {low} to {high}",
                {"low": f"{low_mm:g} mm", "high": f"{high_mm:g} mm"},
            )
        return points

    units = "|".join(POINTS_PER)
    text = {"type": "string", "pattern": rf"^\s*[0-9]*\.?[0-9]+\s*({units})\s*$"}
    schema = {"anyOf": [text, {"const": word}]} if word else text
    return Annotated[float | str, BeforeValidator(check), WithJsonSchema(schema)]


LineCount = _count_or_word(FILL, 1, _MAX_LINES)
Pitch = _length(5, 25, "10mm")
BoxHeight = _length(10, 250, "40mm", REST)

# Handwriting needs about this much height per line (adults), more for large handwriting.
PITCH = mm(8.5)
LARGE_PITCH = mm(11)


def _pitch_field() -> Any:
    return Field(
        None,
        description="Distance between the lines, e.g. 10mm (5mm at the least); default 8.5mm,"
        " or 11mm with `large`.",
    )


def _large_field() -> Any:
    return Field(False, description="Wider lines (11 mm) and larger type, for large handwriting.")


class WriteIn(Located):
    write_in: NonEmpty = Field(
        description="A prompt with ruled lines under it to write on by hand, e.g."
        ' "Tanda-tanda awal bahwa aku mulai goyah".'
    )
    lines: LineCount = Field(
        4, description="How many ruled lines, or `fill` for lines down to the foot of the page."
    )
    pitch: Pitch | None = _pitch_field()
    large: bool = _large_field()

    @property
    def line_pitch(self) -> float:
        """The distance between the lines, in points."""
        return _line_pitch(self.pitch, self.large)


def _line_pitch(pitch: float | str | None, large: bool) -> float:
    if isinstance(pitch, float):
        return pitch
    return LARGE_PITCH if large else PITCH


class Box(Located):
    box: NonEmpty = Field(
        description='The label of a bordered space to write or draw in, e.g. "Gambar tempat'
        ' amanmu".'
    )
    height: BoxHeight = Field(
        "40mm",
        validate_default=True,
        description="Height of the box, e.g. 40mm, or `rest` for the rest of the page.",
    )


class Checklist(Located):
    checklist: Annotated[list[NonEmpty], Field(min_length=1)] = Field(
        description="Items with a box to tick by hand."
    )
    title: str | None = Field(None, description="An optional title above the items.")


class Scale(Located):
    scale: NonEmpty = Field(
        description="A question answered by circling one of a row of numbers, e.g."
        ' "Seberapa berat hari ini?".'
    )
    count: int = Field(5, ge=2, le=10, description="How many points on the scale (2 to 10).")
    low: str | None = Field(None, description='The words under 1, e.g. "sangat berat".')
    high: str | None = Field(None, description='The words under the last number, e.g. "ringan".')


class Fields(Located):
    fields: Annotated[list[NonEmpty], Field(min_length=1, max_length=6)] = Field(
        description="Labels of short lines side by side, e.g. [Nama, Tanggal, Kelompok]."
    )
    rows: int = Field(
        1, ge=1, le=30, description="How many times the row repeats (a list of contacts)."
    )


class Table(Located):
    table: Annotated[list[NonEmpty], Field(min_length=1, max_length=8)] = Field(
        description="Column headings of a grid to fill in by hand, e.g. [Hari, Apa yang"
        " kulakukan, Bagaimana rasanya]."
    )
    rows: LineCount = Field(
        5, description="How many empty rows, or `fill` for rows down to the foot of the page."
    )
    title: str | None = Field(None, description="An optional title above the table.")
    pitch: Pitch | None = _pitch_field()
    large: bool = _large_field()

    @property
    def line_pitch(self) -> float:
        """The height of a row, in points."""
        return _line_pitch(self.pitch, self.large)


class PageBreak(Located):
    """Written as the bare string `page-break`."""

    page_break: Literal[True] = True

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"page-break": True} if value == "page-break" else value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        # In YAML a page break is the bare string, not a mapping.
        return {"const": "page-break", "description": "Start a new page here."}


BLOCK_KEYS: dict[str, type[Located]] = {
    "heading": Heading,
    "text": Text,
    "list": ListBlock,
    "agreements": Agreements,
    "affirmations": Affirmations,
    "resources": Resources,
    "quote": Quote,
    "image": Image,
    "write-in": WriteIn,
    "box": Box,
    "checklist": Checklist,
    "scale": Scale,
    "fields": Fields,
    "table": Table,
    "page-break": PageBreak,
}


def block_kind(value: Any) -> str | None:
    """Which block a YAML value is: the first key it has that names a block."""
    if value == "page-break" or isinstance(value, PageBreak):
        return "page-break"
    if isinstance(value, dict):
        return next((key for key in BLOCK_KEYS if key in value), None)
    if isinstance(value, Located):
        return next((k for k, cls in BLOCK_KEYS.items() if isinstance(value, cls)), None)
    return None


Block = Annotated[
    Annotated[Heading, Tag("heading")]
    | Annotated[Text, Tag("text")]
    | Annotated[ListBlock, Tag("list")]
    | Annotated[Agreements, Tag("agreements")]
    | Annotated[Affirmations, Tag("affirmations")]
    | Annotated[Resources, Tag("resources")]
    | Annotated[Quote, Tag("quote")]
    | Annotated[Image, Tag("image")]
    | Annotated[WriteIn, Tag("write-in")]
    | Annotated[Box, Tag("box")]
    | Annotated[Checklist, Tag("checklist")]
    | Annotated[Scale, Tag("scale")]
    | Annotated[Fields, Tag("fields")]
    | Annotated[Table, Tag("table")]
    | Annotated[PageBreak, Tag("page-break")],
    Discriminator(
        block_kind,
        custom_error_type="unknown_block",
        custom_error_message="a block starts with one of: " + ", ".join(BLOCK_KEYS),
    ),
]


class Publication(Model):
    """One zine, handout or booklet."""

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
    fonts: Fonts | None = Field(None, description="Your own TrueType fonts instead of the default.")
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
