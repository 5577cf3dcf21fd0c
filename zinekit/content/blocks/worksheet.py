"""Worksheet blocks: places to write, tick and rate by hand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, NamedTuple

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from zinekit.content.base import BlockKind, Located, NonEmpty
from zinekit.errors import OptionError
from zinekit.i18n import say
from zinekit.units import POINTS_PER, mm, parse_length

# Counts that may also be a word ("lines: fill") and lengths with units ("pitch: 10mm") are
# checked by the validators below, so that each mistake is one error with its own wording
# (assets/messages/<lang>/content-errors.toml) rather than one error per branch of a union.

FILL = "fill"  # lines or rows down to the foot of the page
REST = "rest"  # a box down to the foot of the page
_MAX_LINES = 60


class _Rule(NamedTuple):
    """A check for a value pydantic's types cannot express, and its JSON Schema."""

    check: Callable[[Any], Any]
    schema: dict[str, Any]


def _count_or_word(word: str, low: int, high: int) -> _Rule:
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
    return _Rule(check, schema)


def _length(low_mm: float, high_mm: float, sample: str, word: str | None = None) -> _Rule:
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
                {
                    "sample": sample,
                    "alternative": say("content.join.or-word", word=word) if word else "",
                },
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
    return _Rule(check, schema)


_LINES = _count_or_word(FILL, 1, _MAX_LINES)
_PITCH = _length(5, 25, "10mm")
_BOX_HEIGHT = _length(10, 250, "40mm", REST)
_LINES_OR_NONE = _count_or_word(FILL, 0, _MAX_LINES)
LineCount = Annotated[int | str, BeforeValidator(_LINES.check), WithJsonSchema(_LINES.schema)]
# Lines after a list of affirmations: also none at all.
LinesOrNone = Annotated[
    int | str, BeforeValidator(_LINES_OR_NONE.check), WithJsonSchema(_LINES_OR_NONE.schema)
]
Pitch = Annotated[float | str, BeforeValidator(_PITCH.check), WithJsonSchema(_PITCH.schema)]
BoxHeight = Annotated[
    float | str, BeforeValidator(_BOX_HEIGHT.check), WithJsonSchema(_BOX_HEIGHT.schema)
]

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


WRITE_IN = BlockKind("write-in", WriteIn, lambda b: b.write_in, main="prompt")
BOX = BlockKind("box", Box, lambda b: b.box, main="label")
CHECKLIST = BlockKind("checklist", Checklist, lambda b: b.title or b.checklist[0], main="items")
SCALE = BlockKind("scale", Scale, lambda b: b.scale, main="prompt")
FIELDS = BlockKind("fields", Fields, lambda b: " / ".join(b.fields), main="labels")
TABLE = BlockKind("table", Table, lambda b: b.title or " / ".join(b.table), main="columns")
