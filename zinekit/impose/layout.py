"""Layout files (TOML, in layouts/ or the user's own) to validated `Layout` values.

The fields are documented in layouts/README.md; errors name the file, the line and what
was expected.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from zinekit.data import data_dir
from zinekit.errors import LayoutError, Location, OptionError
from zinekit.units import paper_size

Kind = Literal["saddle", "sheet", "repeat"]
KINDS: tuple[str, ...] = ("saddle", "sheet", "repeat")

# A cell in a picture: a 1-based page number, optionally followed by "r" (turned 180°).
_CELL = re.compile(r"(\d+)(r?)")


@dataclass(frozen=True)
class Guide:
    """A fold or cut line, its ends as fractions of the sheet (0,0 bottom left, 1,1 top right)."""

    kind: Literal["fold", "cut"]
    start: tuple[float, float]
    end: tuple[float, float]


# The sketches an instruction step can show (zinekit/instructions/draw.py draws them):
# sheet: the flat sheet with its fold and cut lines; fold: a sheet folding in half;
# cut: the cut lines and scissors; nest: folded sheets inside one another, in order;
# nest-halves: the same for a cut stack's top and bottom halves; staple: staples on the
# fold; diamond: a mini-zine's ends pushed together; cover: the finished booklet.
DRAWINGS: tuple[str, ...] = (
    "sheet",
    "fold",
    "cut",
    "nest",
    "nest-halves",
    "staple",
    "diamond",
    "cover",
)
_LANG = re.compile(r"[a-z]{2,3}")


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
class PictureCell:
    page: int  # 0-based page of the layout's fixed page sequence
    turned: bool  # turned 180° on the flat sheet


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


_FIELDS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "name": (str, "a short name"),
    "description": (str, "one line saying what the user gets"),
    "kind": (str, f"one of {', '.join(KINDS)}"),
    "sheet": (str, "a paper name such as A4 or a size such as 210x297mm"),
    "orientation": (str, "landscape or portrait"),
    "columns": (int, "a whole number of cells across"),
    "rows": (int, "a whole number of cells down"),
    "sides": (int, "1 (single-sided) or 2 (double-sided)"),
    "fold": (str, "one line on how to fold and cut"),
    "front": (list, 'a list of rows such as ["5r 4r 3r 2r", "6 7 8 1"]'),
    "back": (list, "a list of rows, like front"),
    "guides": (list, "a list of [[guides]] tables with kind, from, to"),
    "steps": (list, "a list of [[steps]] tables with draw, en and other languages"),
}
_REQUIRED = ("description", "kind", "orientation", "columns", "rows", "fold")


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


def parse_layout(data: bytes, path: Path) -> Layout:
    """Validate a layout file's bytes; every error points at the file and line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LayoutError(
            "layout file is not UTF-8 text", where=Location(path, line), hint="save it as UTF-8"
        ) from exc
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(exc, text, path) from exc
    return _validate(raw, text, path)


def _toml_error(exc: tomllib.TOMLDecodeError, text: str, path: Path) -> LayoutError:
    message = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    where = Location(path)
    if match:
        where = Location(path, int(match.group(1)), int(match.group(2)))
        message = message[: match.start()].strip()
    elif "(at end of document)" in message:
        where = Location(path, len(text.splitlines()) or 1)
        message = message.replace("(at end of document)", "at the end of the file").strip()
    return LayoutError(f"not valid TOML: {message}", where=where, hint="see layouts/README.md")


def _validate(raw: dict[str, Any], text: str, path: Path) -> Layout:
    def where(key: str, nth: int = 0, then: str | None = None) -> Location:
        """The `nth` line that sets `key` (or opens its [table]); with `then`, the first line
        from there on that matches the pattern `then`, such as one row of a picture."""
        lines = text.splitlines()
        starts = [
            number
            for number, line in enumerate(lines)
            if re.match(rf"\s*(\[\[?)?\s*{re.escape(key)}\s*(=|\]\]?)", line)
        ]
        if nth >= len(starts):
            return Location(path)
        start = starts[nth]
        for number in range(start, len(lines) if then else start + 1):
            found = re.search(then or r"\S", lines[number])
            if found:
                return Location(path, number + 1, found.start() + 1)
        return Location(path, start + 1, len(lines[start]) - len(lines[start].lstrip()) + 1)

    def fail(
        key: str, message: str, hint: str | None = None, *, nth: int = 0, then: str | None = None
    ) -> LayoutError:
        hint = hint or "see layouts/README.md"
        return LayoutError(message, where=where(key, nth, then), hint=hint)

    for key in raw:
        if key not in _FIELDS:
            raise fail(key, f"unknown field {key!r}", f"valid fields are {', '.join(_FIELDS)}")
    for key in _REQUIRED:
        if key not in raw:
            raise LayoutError(
                f"missing field {key!r}: {_FIELDS[key][1]}",
                where=Location(path),
                hint="see layouts/README.md",
            )
    for key, value in raw.items():
        expected, meaning = _FIELDS[key]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            shown = str(value).lower() if isinstance(value, bool) else repr(value)  # TOML's true
            raise fail(key, f"{key} must be {meaning}, not {shown}")

    kind = raw["kind"]
    if kind not in KINDS:
        raise fail("kind", f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    orientation = raw["orientation"]
    if orientation not in ("landscape", "portrait"):
        raise fail("orientation", f"orientation must be landscape or portrait, not {orientation!r}")
    columns, rows = raw["columns"], raw["rows"]
    for key, value in (("columns", columns), ("rows", rows)):
        if not 1 <= value <= 16:
            raise fail(key, f"{key} must be between 1 and 16, not {value}")
    sides = raw.get("sides", 2)
    if sides not in (1, 2):
        raise fail("sides", f"sides must be 1 or 2, not {sides}")
    if kind == "saddle":
        if columns != 2:
            raise fail("columns", "a saddle layout has columns = 2 (the two halves of a spread)")
        if sides != 2:
            raise fail("sides", "a saddle layout is printed on both sides (sides = 2)")
    name = raw.get("name", path.stem)
    if not name.strip() or "/" in name or "\\" in name:
        # The name ends up in the default output's file name: in-<name>.pdf.
        raise fail(
            "name",
            f"name {name!r} cannot be part of a file name",
            "use letters, digits and dashes, such as folded-card",
        )
    sheet = raw.get("sheet", "A4")
    try:
        paper_size(sheet)
    except OptionError as exc:
        raise fail("sheet", f"unknown sheet {sheet!r}", exc.hint) from exc

    front: tuple[tuple[PictureCell, ...], ...] = ()
    back: tuple[tuple[PictureCell, ...], ...] = ()
    if kind == "sheet":
        if "front" not in raw:
            raise fail("kind", "a sheet layout needs front = [...] rows of page numbers")
        front = _picture(raw["front"], columns, rows, "front", fail)
        if sides == 2:
            if "back" not in raw:
                raise fail("sides", "a double-sided sheet layout needs back = [...] rows too")
            back = _picture(raw["back"], columns, rows, "back", fail)
        pages = [c.page + 1 for r in (*front, *back) for c in r]
        if sorted(pages) != list(range(1, len(pages) + 1)):
            twice = sorted({p for p in pages if pages.count(p) > 1})
            missing = sorted(set(range(1, len(pages) + 1)) - set(pages))
            found = [f"{_pages(twice)} used more than once"] if twice else []
            found += [f"{_pages(missing)} missing"] if missing else []
            first = twice[0] if twice else max(pages)
            raise fail(
                "front" if first in pages[: len(front) * columns] else "back",
                "the pictures must use each page number from 1 up exactly once: "
                + ", ".join(found),
                then=rf"(?<![0-9]){first}r?(?![0-9])",
            )
    else:
        for key in ("front", "back"):
            if key in raw:
                raise fail(key, f'{key} is only for kind = "sheet"; {kind} layouts compute it')

    guides = tuple(_guide(g, n, fail) for n, g in enumerate(raw.get("guides", [])))
    steps = tuple(_step(t, n, fail) for n, t in enumerate(raw.get("steps", [])))
    return Layout(
        name=name,
        description=raw["description"],
        kind=kind,
        sheet=sheet,
        orientation=orientation,
        columns=columns,
        rows=rows,
        sides=sides,
        fold=raw["fold"],
        guides=guides,
        front=front,
        back=back,
        source=path,
        steps=steps,
    )


def _pages(numbers: list[int]) -> str:
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(map(str, numbers))


def _picture(rows_text: list[Any], columns: int, rows: int, key: str, fail: Any):
    if len(rows_text) != rows:
        count = f"{len(rows_text)} row{'s' if len(rows_text) != 1 else ''}"
        raise fail(key, f"{key} has {count}; the layout has rows = {rows}")
    picture = []
    for row in rows_text:
        if not isinstance(row, str):
            raise fail(key, f'each row of {key} must be a string such as "6 7 8 1"')
        at_row = re.escape(row)
        cells = row.split()
        if len(cells) != columns:
            count = f"{len(cells)} cell{'s' if len(cells) != 1 else ''}"
            raise fail(
                key, f"row {row!r} has {count}; the layout has columns = {columns}", then=at_row
            )
        parsed = []
        for cell in cells:
            match = _CELL.fullmatch(cell)
            if not match or int(match.group(1)) < 1:
                raise fail(
                    key,
                    f"cell {cell!r} in {key} is not a page number",
                    'write a page number from 1, with "r" after it for a page turned 180°: 5r',
                    then=at_row,
                )
            parsed.append(PictureCell(int(match.group(1)) - 1, match.group(2) == "r"))
        picture.append(tuple(parsed))
    return tuple(picture)


def _guide(raw: Any, nth: int, fail: Any) -> Guide:
    """The `nth` [[guides]] table; errors point into that table, not the first one."""
    if not isinstance(raw, dict):
        raise fail("guides", "each [[guides]] table has exactly kind, from and to", nth=nth)
    if set(raw) != {"kind", "from", "to"}:
        extra = sorted(set(raw) - {"kind", "from", "to"})
        missing = [key for key in ("kind", "from", "to") if key not in raw]
        raise fail(
            "guides",
            "each [[guides]] table has exactly kind, from and to; "
            + (f"unknown field {extra[0]!r}" if extra else f"missing field {missing[0]!r}"),
            nth=nth,
            then=rf"{re.escape(extra[0])}\s*=" if extra else None,
        )
    if raw["kind"] not in ("fold", "cut"):
        message = f"a guide's kind is fold or cut, not {raw['kind']!r}"
        raise fail("guides", message, nth=nth, then=r"kind\s*=")
    ends = []
    for key in ("from", "to"):
        point = raw[key]
        if (
            not isinstance(point, list)
            or len(point) != 2
            or not all(isinstance(v, int | float) and 0 <= v <= 1 for v in point)
        ):
            raise fail(
                "guides",
                f"a guide's {key} is [x, y] with fractions of the sheet from 0 to 1, not {point!r}",
                nth=nth,
                then=rf"{key}\s*=",
            )
        ends.append((float(point[0]), float(point[1])))
    return Guide(raw["kind"], ends[0], ends[1])


def _step(raw: Any, nth: int, fail: Any) -> Step:
    """The `nth` [[steps]] table: a sketch name and the step's words in English and more."""
    if not isinstance(raw, dict):
        raise fail("steps", "each [[steps]] table has draw, en and other languages", nth=nth)
    for key, value in raw.items():
        if key != "draw" and not _LANG.fullmatch(key):
            raise fail(
                "steps",
                f"unknown field {key!r} in a [[steps]] table",
                "a step has draw and one text per language code: en, id...",
                nth=nth,
                then=rf"{re.escape(key)}\s*=",
            )
        if not isinstance(value, str) or not value.strip():
            raise fail(
                "steps",
                f"a step's {key} must be a line of text, not {value!r}",
                nth=nth,
                then=rf"{re.escape(key)}\s*=",
            )
    if "draw" not in raw:
        raise fail("steps", "a [[steps]] table needs draw, the sketch to show", nth=nth)
    if "en" not in raw:
        raise fail(
            "steps",
            "a [[steps]] table needs en, the step in English",
            "other languages are optional; English is shown when one is missing",
            nth=nth,
        )
    if raw["draw"] not in DRAWINGS:
        raise fail(
            "steps",
            f"a step's draw is one of {', '.join(DRAWINGS)}, not {raw['draw']!r}",
            nth=nth,
            then=r"draw\s*=",
        )
    texts = tuple((key, " ".join(value.split())) for key, value in raw.items() if key != "draw")
    return Step(raw["draw"], texts)
