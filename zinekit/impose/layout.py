"""Layout files (TOML, in layouts/ or the user's own) to validated `Layout` values.

The fields are documented in layouts/README.md. A file is read the way content files are:
the TOML reader of `zinekit.validation` gives values with positions, the model in
`layout_file` validates them, and every error names the file, line and column, what was
expected and a hint, worded by assets/messages/layout-errors.toml.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from zinekit.data import data_dir
from zinekit.errors import LayoutError, Location, Problem
from zinekit.impose.layout_file import DRAWINGS, KINDS, Kind, LayoutFile, PictureCell
from zinekit.validation.document import Invalid, decode
from zinekit.validation.explain import Explainer
from zinekit.validation.wording import Messages

__all__ = [
    "DRAWINGS",
    "KINDS",
    "Guide",
    "Kind",
    "Layout",
    "PictureCell",
    "Step",
    "builtin_dir",
    "builtin_names",
    "load_layout",
    "parse_layout",
]


@dataclass(frozen=True)
class Guide:
    """A fold or cut line, its ends as fractions of the sheet (0,0 bottom left, 1,1 top right)."""

    kind: Literal["fold", "cut"]
    start: tuple[float, float]
    end: tuple[float, float]


@dataclass(frozen=True)
class Step:
    """One step of putting the printed sheets together: a sketch and its words per language."""

    draw: str  # one of DRAWINGS
    texts: tuple[tuple[str, str], ...]  # (language, text); English always among them

    def text(self, lang: str) -> str:
        """The step in `lang`, else in English."""
        words = dict(self.texts)
        return words.get(lang, words["en"])


@dataclass(frozen=True)
class Layout:
    name: str
    description: str
    kind: Kind
    sheet: str
    orientation: Literal["landscape", "portrait"]
    columns: int
    rows: int
    sides: int
    fold: str
    guides: tuple[Guide, ...] = ()
    # kind "sheet" only: rows of cells, top row first, each side seen as the reader holds it.
    front: tuple[tuple[PictureCell, ...], ...] = ()
    back: tuple[tuple[PictureCell, ...], ...] = ()
    source: Path | None = None
    # How to fold, cut and staple, step by step, for the --instructions page; may be empty.
    steps: tuple[Step, ...] = ()

    @property
    def cells_per_side(self) -> int:
        return self.columns * self.rows

    @property
    def pages_per_sheet(self) -> int:
        """Distinct pages one sheet carries (a repeat layout carries one page per side)."""
        if self.kind == "repeat":
            return self.sides
        return self.cells_per_side * self.sides

    @property
    def capacity(self) -> int | None:
        """Pages a fixed-sheet layout holds at most; None when sheets are added as needed."""
        if self.kind != "sheet":
            return None
        return 1 + max(c.page for row in (*self.front, *self.back) for c in row)


def builtin_dir() -> Path:
    return data_dir("layouts")


def builtin_names() -> list[str]:
    return sorted(p.stem for p in builtin_dir().glob("*.toml"))


def load_layout(name_or_path: str) -> Layout:
    """A built-in layout by name, or a layout file by path."""
    candidate = Path(name_or_path)
    # A bare built-in name is the built-in, even beside a folder or file of that name.
    looks_like_path = candidate.suffix == ".toml" or "/" in name_or_path or os.sep in name_or_path
    if looks_like_path or (name_or_path not in builtin_names() and candidate.is_file()):
        if not candidate.is_file():
            raise LayoutError(
                "layout file not found",
                where=candidate,
                hint=f"built-in layouts are {', '.join(builtin_names())}",
            )
        return parse_layout(candidate.read_bytes(), candidate)
    path = builtin_dir() / f"{name_or_path}.toml"
    if not path.is_file():
        raise LayoutError(
            f"unknown layout {name_or_path!r}",
            hint=f"choose one of {', '.join(builtin_names())}, or give the path of a layout file"
            " (.toml)",
        )
    return parse_layout(path.read_bytes(), path)


def readme() -> Path:
    """The README that describes the fields, where this zinekit keeps it."""
    return builtin_dir() / "README.md"


_MESSAGES = Messages("layout-errors.toml", lambda: {"readme": str(readme())})
_EXPLAINER = Explainer(LayoutFile, _MESSAGES)


def parse_layout(data: bytes, path: Path) -> Layout:
    """Validate a layout file's bytes; an error points at the file, line and column."""
    try:
        text = decode(data, path, _MESSAGES)
    except Invalid as exc:
        raise _error(exc.problems) from None
    # Most files are fine, and every impose and build reads one: the standard library's
    # parser reads them fast. The reader that keeps positions (tomlkit, pure Python, slower
    # to import and to run) is needed only to say where a mistake is.
    try:
        model = _validate(tomllib.loads(text), path)
    except (tomllib.TOMLDecodeError, ValidationError):
        model = _explained(text, path)
    return _layout(model, path)


def _validate(values: dict[str, Any], path: Path) -> LayoutFile:
    # Without a name field the file's name is the layout's: checked by the same rule.
    return LayoutFile.model_validate({"name": path.stem, **values})


def _explained(text: str, path: Path) -> LayoutFile:
    """Read the file again with positions and raise its first mistake."""
    from zinekit.validation.toml import read_toml  # tomlkit: imported only for mistakes

    try:
        doc = read_toml(text, path, _MESSAGES)
    except Invalid as exc:
        raise _error(exc.problems) from None
    if not doc.data:
        raise _error([_MESSAGES.problem("file_empty", Location(path))])
    try:
        # Fails again and is explained; passes only where tomllib alone refused the text
        # (the two parsers differ on a corner of TOML): tomlkit's reading then stands.
        return _validate(doc.data, path)
    except ValidationError as exc:
        raise _error(_EXPLAINER.explain(exc, doc)) from None


def _error(problems: list[Problem]) -> LayoutError:
    """The first mistake in the file: a layout error is one line."""
    first = min(problems, key=lambda p: _order(p.where))
    return LayoutError(first.message, where=first.where, hint=first.hint)


def _order(where: object) -> tuple[int, int]:
    if isinstance(where, Location):
        return (where.line or 0, where.column or 0)
    return (0, 0)


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
