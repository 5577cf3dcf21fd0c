"""A layout file's bytes -> a validated `Layout`, or a `LayoutError` that names the file,
line and column, what was expected and a hint, worded by assets/messages/<lang>/layout-errors.toml.

A file is read the way content files are: the TOML reader of `zinekit.validation` gives
values with positions, the pydantic model here (the fields of layouts/README.md) validates
them and parses the pictures. Rules across fields (a picture's cells against `columns`, a
saddle's two columns) are model validators; each says where it belongs by its error's
context (`at`, `offset`, see `zinekit.validation.explain`), so the message points at the
key or cell that is wrong.

pydantic is imported with this module only: `zinekit.impose.layout` comes here when no
valid copy of the file is in the cache (`layout_cache`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from zinekit.errors import LayoutError, OptionError, Problem
from zinekit.i18n import say
from zinekit.impose.layout_values import (
    DRAWINGS,
    KINDS,
    Drawing,
    Guide,
    Kind,
    Layout,
    Picture,
    PictureCell,
    Step,
    readme,
)
from zinekit.units import paper_size
from zinekit.validation.datafile import first_problem, read_model
from zinekit.validation.document import Invalid
from zinekit.validation.explain import Explainer
from zinekit.validation.wording import Messages, quote

_LANG = re.compile(r"[a-z]{2,3}")
# A cell in a picture: a 1-based page number, optionally followed by "r" (turned 180°).
_CELL = re.compile(r"(\d+)(r?)")


def _fraction(value: float) -> float:
    if not 0 <= value <= 1:
        raise PydanticCustomError("fraction", "not a fraction of the sheet")
    return float(value)


def _line(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("string_too_short", "empty")
    return value


def _one_of(*choices: str) -> BeforeValidator:
    """A check that the value is one of `choices`, in place of a `Literal`: pydantic words
    its list of choices in English ("'a' or 'b'"); this one is in the user's language."""

    def check(value: Any) -> Any:
        if not isinstance(value, str) or value not in choices:
            quoted = [quote(choice) for choice in choices]
            expected = say("impose.words.or").join(
                [", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted
            )
            raise PydanticCustomError(
                "literal_error", "not one of the choices", {"expected": expected}
            )
        return value

    return BeforeValidator(check)


Fraction = Annotated[float, AfterValidator(_fraction)]
Point = Annotated[list[Fraction], Field(min_length=2, max_length=2)]
Line = Annotated[str, AfterValidator(_line)]


class _Table(BaseModel):
    # TOML already gives each value its type: "2" is text, never the number 2.
    model_config = ConfigDict(strict=True, extra="forbid", populate_by_name=True)


class GuideTable(_Table):
    kind: Annotated[Literal["fold", "cut"], _one_of("fold", "cut")]
    start: Point = Field(alias="from")
    end: Point = Field(alias="to")


class StepTable(_Table):
    """A step's sketch and its words: `en` and any other language code."""

    model_config = ConfigDict(extra="allow")
    draw: Annotated[Drawing, _one_of(*DRAWINGS)]
    en: Line

    @model_validator(mode="after")
    def _languages(self) -> StepTable:
        for key, value in (self.model_extra or {}).items():
            if not _LANG.fullmatch(key):
                raise PydanticCustomError(
                    "step_key", "unknown key", {"at": (key,), "at_key": True, "name": key}
                )
            if not isinstance(value, str) or not value.strip():
                raise PydanticCustomError("step_text", "not text", {"at": (key,), "name": key})
        return self

    def texts(self) -> tuple[tuple[str, str], ...]:
        """(language, text) pairs, English first, each text on one line."""
        words = {"en": self.en, **(self.model_extra or {})}
        return tuple((lang, " ".join(str(text).split())) for lang, text in words.items())


class LayoutFile(_Table):
    name: str | None = None
    description: str
    kind: Annotated[Kind, _one_of(*KINDS)]
    sheet: str = "A4"
    orientation: Annotated[Literal["landscape", "portrait"], _one_of("landscape", "portrait")]
    columns: Annotated[int, Field(ge=1, le=16)]
    rows: Annotated[int, Field(ge=1, le=16)]
    sides: int = 2
    fold: str
    front: list[str] | None = None
    back: list[str] | None = None
    guides: list[GuideTable] = []
    steps: list[StepTable] = []
    # The front and (when double-sided) back pictures, parsed once they are valid.
    _pictures: tuple[Picture, ...] = PrivateAttr(default=())

    @field_validator("sides", mode="before")
    @classmethod
    def _sides(cls, value: Any) -> Any:
        if isinstance(value, bool) or value not in (1, 2):
            raise PydanticCustomError("sides", "1 or 2")
        return value

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        # The name ends up in the default output's file name: in-<name>.pdf.
        if not value.strip() or "/" in value or "\\" in value:
            raise PydanticCustomError("file_name", "not a file name")
        return value

    @field_validator("sheet")
    @classmethod
    def _sheet(cls, value: str) -> str:
        try:
            paper_size(value)
        except OptionError as exc:
            raise PydanticCustomError("unknown_sheet", "unknown", {"sizes": exc.hint}) from exc
        return value

    @model_validator(mode="after")
    def _saddle(self) -> LayoutFile:
        if self.kind == "saddle" and self.columns != 2:
            raise _error("saddle_columns", "columns")
        if self.kind == "saddle" and self.sides != 2:
            raise _error("saddle_sides", "sides")
        return self

    @model_validator(mode="after")
    def _sheet_pictures(self) -> LayoutFile:
        if self.kind != "sheet":
            for key in ("front", "back"):
                if getattr(self, key) is not None:
                    raise _error("picture_not_sheet", key, at_key=True, layout=self.kind)
            return self
        if self.front is None:
            raise _error("picture_missing", "kind", side="front", what=say("impose.words.sheet"))
        if self.sides == 2 and self.back is None:
            at = "sides" if "sides" in self.model_fields_set else "kind"
            what = say("impose.words.double-sided-sheet")
            raise _error("picture_missing", at, side="back", what=what)
        sides = {"front": self.front}
        if self.sides == 2:
            sides["back"] = self.back or []
        self._pictures = tuple(
            _picture(key, rows, self.columns, self.rows) for key, rows in sides.items()
        )
        _check_pages(self._pictures, sides)
        return self

    @property
    def pictures(self) -> tuple[Picture, ...]:
        """The front and (when double-sided) back pictures; empty unless kind = "sheet"."""
        return self._pictures


def _error(error: str, *at: str | int, at_key: bool = False, **fields: Any) -> PydanticCustomError:
    context: dict[str, Any] = {"at": at, **fields}
    if at_key:
        context["at_key"] = True
    return PydanticCustomError(error, error, context)


def _cells(row: str) -> list[tuple[int, str]]:
    """The cells of a picture row with the offset of each in the row's text."""
    return [(found.start(), found.group()) for found in re.finditer(r"\S+", row)]


def _picture(key: str, rows: list[str], columns: int, count: int) -> Picture:
    if len(rows) != count:
        raise _error(
            "picture_rows", key, found=say("impose.pictures.rows", count=len(rows)), rows=count
        )
    picture = []
    for index, row in enumerate(rows):
        cells = _cells(row)
        if len(cells) != columns:
            raise _error(
                "picture_columns",
                key,
                index,
                offset=0,
                found=say("impose.pictures.cells", count=len(cells)),
                columns=columns,
                row=row,
            )
        parsed = []
        for offset, cell in cells:
            match = _CELL.fullmatch(cell)
            if not match or int(match.group(1)) < 1:
                raise _error("picture_cell", key, index, offset=offset, cell=cell, side=key)
            parsed.append(PictureCell(int(match.group(1)) - 1, match.group(2) == "r"))
        picture.append(tuple(parsed))
    return tuple(picture)


def _check_pages(pictures: tuple[Picture, ...], sides: dict[str, list[str]]) -> None:
    """Every page number from 1 up exactly once; else point at the first page used twice
    (or the highest page, when one is missing)."""
    pages = [cell.page + 1 for picture in pictures for row in picture for cell in row]
    if sorted(pages) == list(range(1, len(pages) + 1)):
        return
    twice = sorted({p for p in pages if pages.count(p) > 1})
    missing = sorted(set(range(1, len(pages) + 1)) - set(pages))
    found = [say("impose.pictures.twice", pages=_pages(twice))] if twice else []
    found += [say("impose.pictures.missing", pages=_pages(missing))] if missing else []
    first = twice[0] if twice else max(pages)
    for key, rows in sides.items():
        for index, row in enumerate(rows):
            for offset, cell in _cells(row):
                if cell.rstrip("r") == str(first):
                    raise _error("picture_pages", key, index, offset=offset, found=_joined(found))
    raise _error("picture_pages", "front", found=_joined(found))


def _pages(numbers: list[int]) -> str:
    key = "impose.pictures.page-list" if len(numbers) == 1 else "impose.pictures.pages-list"
    return say(key, numbers=", ".join(map(str, numbers)))


def _joined(parts: list[str]) -> str:
    return say("impose.pictures.and").join(parts)


_MESSAGES = Messages("layout-errors", lambda: {"readme": str(readme())})
_EXPLAINER = Explainer(LayoutFile, _MESSAGES)


def validate_layout(data: bytes, path: Path) -> tuple[Layout, bool]:
    """Validate a layout file's bytes; an error points at the file, line and column.

    Also says whether the standard library's TOML parser read the file: only then is the
    value fixed by the bytes, this code and Python alone, and may be cached.
    """
    try:
        # Without a name field the file's name is the layout's: checked by the same rule.
        model, _, plain = read_model(
            data, path, LayoutFile, _MESSAGES, _EXPLAINER, {"name": path.stem}
        )
    except Invalid as exc:
        raise _first_mistake(exc.problems) from None
    return _layout(model, path), plain


def _first_mistake(problems: list[Problem]) -> LayoutError:
    """The first mistake in the file: a layout error is one line."""
    first = first_problem(problems)
    return LayoutError(first.message, where=first.where, hint=first.hint)


def _layout(model: LayoutFile, path: Path) -> Layout:
    pictures = model.pictures
    front = pictures[0] if pictures else ()
    back = pictures[1] if len(pictures) > 1 else ()
    return Layout(
        name=model.name or path.stem,
        description=model.description,
        kind=model.kind,
        sheet=model.sheet,
        orientation=model.orientation,
        columns=model.columns,
        rows=model.rows,
        sides=model.sides,
        fold=model.fold,
        guides=tuple(
            Guide(g.kind, (g.start[0], g.start[1]), (g.end[0], g.end[1])) for g in model.guides
        ),
        front=front,
        back=back,
        source=path,
        steps=tuple(Step(step.draw, step.texts()) for step in model.steps),
    )
