"""The pydantic model of a theme file (themes/README.md describes every field).

Keys are kebab-case as written in TOML (`bold-italic`, `letter-spacing`); every table
forbids unknown keys, so a typo is an error at its line and column. Sizes are factors of
the body size, spaces factors of the body leading, so a theme scales with the page.
"""

from __future__ import annotations

import re
import typing
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

# The font roles a theme names: the body text's four faces, then the faces of headings,
# display type (cover titles, posters) and monospaced text (addresses).
BODY_ROLES = ("regular", "bold", "italic", "bold-italic")
Role = Literal["regular", "bold", "italic", "bold-italic", "heading", "display", "mono"]
ROLES: tuple[str, ...] = typing.get_args(Role)

RuleStyle = Literal["none", "line", "dotted", "rough", "bar"]
RULE_STYLES: tuple[str, ...] = typing.get_args(RuleStyle)
Case = Literal["as-written", "upper"]
Template = Literal["stacked", "knockout", "type"]
TEMPLATES: tuple[str, ...] = typing.get_args(Template)

_BLANK = re.compile(r"\{([^{}]*)\}")


def _kebab(name: str) -> str:
    return name.replace("_", "-")


def _font(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("string_too_short", "empty")
    if value in BODY_ROLES:
        return value  # a reference to one of the body faces
    if not value.lower().endswith(".ttf"):
        raise PydanticCustomError("font_name", "not a .ttf file name")
    return value


def _folio_format(value: str) -> str:
    blanks = _BLANK.findall(value)
    if "n" not in blanks or any(blank not in ("n", "label") for blank in blanks):
        raise PydanticCustomError("folio_format", "needs {n}")
    return value


FontName = Annotated[str, AfterValidator(_font)]
Factor = Annotated[float, Field(gt=0, le=8)]


class _Table(BaseModel):
    # TOML gives each value its type: "2" is text, never the number 2.
    model_config = ConfigDict(
        strict=True, extra="forbid", alias_generator=_kebab, populate_by_name=True, frozen=True
    )


class FontRoles(_Table):
    """A TrueType file (in assets/fonts/, or beside the theme file) per role; heading,
    display and mono may name one of the body roles instead ("bold")."""

    regular: FontName
    bold: FontName
    italic: FontName
    bold_italic: FontName
    heading: FontName = "bold"
    display: FontName = "bold"
    mono: FontName = "regular"


class TypeScale(_Table):
    """Sizes as factors of the body size; `body` of the size zinekit derives from the page."""

    body: Annotated[float, Field(ge=0.6, le=1.6)] = 1.0
    leading: Annotated[float, Field(ge=1.0, le=2.0)] = 1.38
    h1: Factor = 1.6
    h2: Factor = 1.2
    small: Annotated[float, Field(ge=0.5, le=1.0)] = 0.85
    caption: Annotated[float, Field(ge=0.5, le=1.2)] = 0.85
    quote: Factor = 1.4
    title: Factor = 2.8  # the cover title, before it is fitted to the page


class Spacing(_Table):
    """Spaces as factors of the body leading."""

    paragraph: Annotated[float, Field(ge=0, le=3)] = 0.55  # after a paragraph
    block: Annotated[float, Field(ge=0, le=3)] = 1.0  # scales the space around headings, quotes


class Rule(_Table):
    """A drawn rule: `line`, `dotted`, `rough` (a hand-drawn, jittered line), `bar` (heavy)."""

    style: RuleStyle = "none"
    weight: Annotated[float, Field(ge=0.2, le=12)] = 0.6  # points
    width: Annotated[float, Field(gt=0, le=1)] = 1.0  # share of the column


class TextStyle(_Table):
    """How headings are set: font role, case, a rule, and letter-spacing (em, added after
    every letter; a heading's lines are broken so that, spaced, they stay in the column)."""

    font: Role = "heading"
    case: Case = "as-written"
    rule: Rule = Rule()
    letter_spacing: Annotated[float, Field(ge=0, le=0.5)] = 0.0


class KickerStyle(TextStyle):
    """How kickers are set: a heading's keys and a size (of the body size); a kicker is
    one line."""

    size: Factor = 1.0


class CoverStyle(_Table):
    template: Template = "stacked"
    font: Role = "bold"  # the cover title
    case: Case = "as-written"
    rule: Rule = Rule()  # between the title and what follows it


class PageNumbers(_Table):
    position: Literal["auto", "outer", "centre"] = "auto"
    format: Annotated[str, AfterValidator(_folio_format)] = "{n}"
    font: Role = "regular"


class TextRoles(_Table):
    links: Role = "regular"  # the role resource addresses are set in


class ThemeFile(_Table):
    name: str | None = None
    description: str
    fonts: FontRoles
    scale: TypeScale = TypeScale()
    spacing: Spacing = Spacing()
    heading: TextStyle = TextStyle()
    kicker: KickerStyle = KickerStyle(font="bold", case="upper", size=0.8)
    cover: CoverStyle = CoverStyle()
    page_numbers: PageNumbers = PageNumbers()
    text: TextRoles = TextRoles()
