"""The font family a publication is set in: TrueType files registered with reportlab (always
embedded, never the standard 14 PDF fonts), and the check that every character drawn has a
glyph, since reportlab would silently draw an empty box.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from zinekit.content.model import Fonts
from zinekit.data import data_dir
from zinekit.errors import FontError, Location, MissingGlyphError
from zinekit.typeset.markup import Run

Style = tuple[bool, bool]  # (bold, italic)
_STYLES: dict[Style, str] = {
    (False, False): "regular",
    (True, False): "bold",
    (False, True): "italic",
    (True, True): "bold_italic",
}
_DEFAULT_FILES = {
    "regular": "NotoSans-Regular.ttf",
    "bold": "NotoSans-Bold.ttf",
    "italic": "NotoSans-Italic.ttf",
    "bold_italic": "NotoSans-BoldItalic.ttf",
}


@dataclass(frozen=True)
class _Face:
    name: str  # as registered with reportlab
    path: Path
    chars: frozenset[int]


@dataclass(frozen=True)
class FontSet:
    """Four registered faces (a missing style falls back to regular) under one family."""

    family: str
    faces: dict[Style, _Face]

    def name(self, bold: bool = False, italic: bool = False) -> str:
        return self.faces[bold, italic].name

    def style_of(self, name: str) -> Style:
        """(bold, italic) of a registered face name, for styles that start bold or italic."""
        return next(style for style, face in self.faces.items() if face.name == name)

    def check(self, runs: Iterable[Run], *, where: Location | None, what: str) -> None:
        """Raise `MissingGlyphError` for the first character a run's face cannot draw."""
        for run in runs:
            face = self.faces[run.bold, run.italic]
            for char in run.text:
                if ord(char) not in face.chars and not _invisible(char):
                    raise MissingGlyphError(
                        f"the font {face.path.name} has no glyph for {char!r}"
                        f" (U+{ord(char):04X}) in {what}",
                        where=where,
                        hint="remove or replace the character, or name a font that has it"
                        " under fonts: in the content file",
                    )


def _invisible(char: str) -> bool:
    # Spaces and line breaks are not drawn as glyphs; a soft hyphen becomes "-" (checked
    # separately) or nothing.
    return char.isspace() or char == "\u00ad"


def load_fonts(fonts: Fonts | None, base_dir: Path) -> FontSet:
    """The publication's own TrueType files (relative to `base_dir`), else Noto Sans."""
    if fonts is None:
        folder = data_dir("assets") / "fonts"
        paths = {style: folder / _DEFAULT_FILES[key] for style, key in _STYLES.items()}
    else:
        regular = _user_path(fonts.regular, base_dir)
        paths = {}
        for style, key in _STYLES.items():
            given = getattr(fonts, key)
            paths[style] = _user_path(given, base_dir) if given else regular
    faces = {style: _face(path) for style, path in paths.items()}
    family = faces[False, False].name
    pdfmetrics.registerFontFamily(
        family,
        normal=family,
        bold=faces[True, False].name,
        italic=faces[False, True].name,
        boldItalic=faces[True, True].name,
    )
    return FontSet(family, faces)


def _user_path(given: str, base_dir: Path) -> Path:
    path = (base_dir / given).resolve()
    if not path.is_file():
        raise FontError(
            f"font file {given!r} not found (looked in {base_dir})",
            hint="font paths are relative to the content file",
        )
    return path


def _face(path: Path) -> _Face:
    stat = path.stat()
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@functools.cache
def _load(path: str, mtime_ns: int, size: int) -> _Face:
    # Cached on the file's identity: parsing a font takes milliseconds, a build many times.
    digest = hashlib.sha1(f"{path}\0{mtime_ns}\0{size}".encode()).hexdigest()[:12]
    name = f"zk-{Path(path).stem}-{digest}"
    try:
        font = TTFont(name, path)
    except (TTFError, OSError, ValueError, KeyError, IndexError) as exc:
        raise FontError(
            f"cannot embed this font: {exc}",
            where=Path(path),
            hint="zinekit needs TrueType fonts (.ttf with glyf outlines) that allow embedding;"
            " OpenType CFF (.otf) fonts cannot be used",
        ) from None
    pdfmetrics.registerFont(font)
    return _Face(name, Path(path), frozenset(font.face.charToGlyph))
