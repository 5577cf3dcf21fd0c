"""What a layout is, once its file has been validated: `Layout` and the values it holds, and
their plain JSON form, which the cache of validated layouts (`layout_cache`) stores; and
where the built-in layout files and their README are.

Nothing here imports pydantic: every `zinekit impose` reads a layout, and validating one
with the model in `layout_file` is needed only when no valid copy of that file is cached.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from zinekit.data import data_dir

Kind = Literal["saddle", "sheet", "repeat"]
KINDS: tuple[str, ...] = typing.get_args(Kind)

# The sketches an instruction step can show (zinekit/instructions/draw.py draws them):
# sheet: the flat sheet with its fold and cut lines; fold: a sheet folding in half;
# cut: the cut lines and scissors; nest: folded sheets inside one another, in order;
# nest-halves: the same for a cut stack's top and bottom halves; staple: staples on the
# fold; diamond: a mini-zine's ends pushed together; cover: the finished booklet.
Drawing = Literal["sheet", "fold", "cut", "nest", "nest-halves", "staple", "diamond", "cover"]
DRAWINGS: tuple[str, ...] = typing.get_args(Drawing)


def builtin_dir() -> Path:
    return data_dir("layouts")


def readme() -> Path:
    """The README that describes the fields, where this zinekit keeps it."""
    return builtin_dir() / "README.md"


@dataclass(frozen=True)
class PictureCell:
    page: int  # 0-based page of the layout's fixed page sequence
    turned: bool  # turned 180° on the flat sheet


Picture = tuple[tuple[PictureCell, ...], ...]  # rows of cells, top row first


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
    front: Picture = ()
    back: Picture = ()
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


def to_plain(layout: Layout) -> dict[str, Any]:
    """The layout as JSON values, all but its source (the file it was read from)."""
    return {
        "name": layout.name,
        "description": layout.description,
        "kind": layout.kind,
        "sheet": layout.sheet,
        "orientation": layout.orientation,
        "columns": layout.columns,
        "rows": layout.rows,
        "sides": layout.sides,
        "fold": layout.fold,
        "guides": [[g.kind, list(g.start), list(g.end)] for g in layout.guides],
        "front": _plain_picture(layout.front),
        "back": _plain_picture(layout.back),
        "steps": [[s.draw, [list(pair) for pair in s.texts]] for s in layout.steps],
    }


def from_plain(values: dict[str, Any], source: Path) -> Layout:
    """The layout `to_plain` gave, read from `source`. Values of the wrong shape raise
    (KeyError, TypeError, ValueError); their types are not checked again: `layout_cache`
    reads only entries whose checksum it verified."""
    return Layout(
        name=str(values["name"]),
        description=str(values["description"]),
        kind=values["kind"],
        sheet=str(values["sheet"]),
        orientation=values["orientation"],
        columns=int(values["columns"]),
        rows=int(values["rows"]),
        sides=int(values["sides"]),
        fold=str(values["fold"]),
        guides=tuple(
            Guide(kind, (float(a[0]), float(a[1])), (float(b[0]), float(b[1])))
            for kind, a, b in values["guides"]
        ),
        front=_picture(values["front"]),
        back=_picture(values["back"]),
        source=source,
        steps=tuple(
            Step(str(draw), tuple((str(lang), str(text)) for lang, text in texts))
            for draw, texts in values["steps"]
        ),
    )


def _plain_picture(picture: Picture) -> list[list[list[int | bool]]]:
    return [[[cell.page, cell.turned] for cell in row] for row in picture]


def _picture(rows: list[list[list[Any]]]) -> Picture:
    return tuple(
        tuple(PictureCell(int(page), bool(turned)) for page, turned in row) for row in rows
    )
