"""The font family a publication is set in: TrueType files registered with reportlab (always
embedded, never the standard 14 PDF fonts), and the check that every character drawn has a
glyph, since reportlab would silently draw an empty box.
"""

from __future__ import annotations

import functools
import hashlib
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from zinekit import oserrors
from zinekit.content.model import Fonts
from zinekit.errors import FontError, Location, MissingGlyphError, printable
from zinekit.fontfile import font_problem
from zinekit.i18n import say
from zinekit.themes import Theme
from zinekit.themes.model import BODY_ROLES, ROLES
from zinekit.typeset.markup import Run

Style = tuple[bool, bool]  # (bold, italic)
_STYLES: dict[Style, str] = {
    (False, False): "regular",
    (True, False): "bold",
    (False, True): "italic",
    (True, True): "bold_italic",
}
_ROLE_OF = {style: key.replace("_", "-") for style, key in _STYLES.items()}


@dataclass(frozen=True)
class _Face:
    name: str  # as registered with reportlab
    path: Path
    chars: frozenset[int]


@dataclass(frozen=True)
class FontSet:
    """The body text's four registered faces (a missing style falls back to regular) under
    one family, and the face of every role of the theme (heading, display, mono, and the
    body roles themselves). A role face that is not a body face is a family of its own:
    **bold** or _italic_ inside a heading set in it stays in that face."""

    family: str
    faces: dict[Style, _Face]
    roles: dict[str, _Face]

    def name(self, bold: bool = False, italic: bool = False) -> str:
        return self.faces[bold, italic].name

    def role(self, role: str) -> str:
        """The registered name of a role's face ("heading", "display", "mono", "bold"...)."""
        return self.roles[role].name

    def style_of(self, name: str) -> Style:
        """(bold, italic) of a registered face name, for styles that start bold or italic;
        a role face of its own counts as regular."""
        return next(
            (style for style, face in self.faces.items() if face.name == name), (False, False)
        )

    def common_chars(self) -> frozenset[int]:
        """The characters every face of the set can draw."""
        faces = [*self.faces.values(), *self.roles.values()]
        return frozenset.intersection(*(face.chars for face in faces))

    def _own(self, name: str | None) -> _Face | None:
        """The role face registered as `name` when it is not one of the body faces."""
        if name is None or any(face.name == name for face in self.faces.values()):
            return None
        return next((face for face in self.roles.values() if face.name == name), None)

    def check(
        self, runs: Iterable[Run], *, where: Location | None, what: str, font: str | None = None
    ) -> None:
        """Raise `MissingGlyphError` for the first character a run's face cannot draw;
        `font` is the registered name of the style's face, when it may be a role face."""
        own = self._own(font)
        for run in runs:
            face = own or self.faces[run.bold, run.italic]
            for char in run.text:
                if ord(char) not in face.chars and not _invisible(char):
                    raise MissingGlyphError(
                        say(
                            "fonts.glyph.missing",
                            font=face.path.name,
                            char=repr(char),
                            code=f"{ord(char):04X}",
                            what=what,
                        ),
                        where=where,
                        hint=say(
                            "fonts.glyph.emoji-hint" if _emoji(char) else "fonts.glyph.missing-hint"
                        ),
                    )


# Emoji pasted from a chat: pictographs, symbols and dingbats, flags, and the joiners and
# modifiers that build them (Unicode's emoji blocks; no font zinekit ships draws them).
_EMOJI = (
    (0x1F000, 0x1FAFF),
    (0x2600, 0x27BF),
    (0x2B00, 0x2BFF),
    (0xFE00, 0xFE0F),
    (0x200D, 0x200D),
    (0xE0020, 0xE007F),
)


def _emoji(char: str) -> bool:
    return any(low <= ord(char) <= high for low, high in _EMOJI)


def _invisible(char: str) -> bool:
    # Spaces and line breaks are not drawn as glyphs; a soft hyphen becomes "-" (checked
    # separately) or nothing.
    return char.isspace() or char == "\u00ad"


def load_fonts(theme: Theme, fonts: Fonts | None, base_dir: Path) -> FontSet:
    """The theme's font for every role, overridden by the publication's own TrueType files
    under `fonts:` (relative to `base_dir`). A publication that names its own regular face
    sets the body in its own four (a missing style falls back to its regular), and a role
    the theme gives to a body face (heading = "bold") follows that face."""
    paths = dict(theme.fonts)
    given = {
        role: _user_path(value, base_dir)
        for role in ROLES
        if fonts is not None and (value := getattr(fonts, role.replace("-", "_")))
    }
    if "regular" in given:
        for role in BODY_ROLES:
            paths[role] = given.get(role, given["regular"])
    else:
        paths.update({role: path for role, path in given.items() if role in BODY_ROLES})
    named = theme.spec.fonts.model_dump(by_alias=True)
    for role in ROLES:
        if role in BODY_ROLES:
            continue
        if role in given:
            paths[role] = given[role]
        elif named[role] in BODY_ROLES:
            paths[role] = paths[named[role]]
    roles = {role: _face(path) for role, path in paths.items()}
    faces = {style: roles[role] for style, role in _ROLE_OF.items()}
    body = {face.name for face in faces.values()}
    for face in roles.values():
        if face.name not in body:
            pdfmetrics.registerFontFamily(
                face.name, normal=face.name, bold=face.name, italic=face.name, boldItalic=face.name
            )
    # The body family last: a face shared with a role maps back to its body style.
    family = faces[False, False].name
    pdfmetrics.registerFontFamily(
        family,
        normal=family,
        bold=faces[True, False].name,
        italic=faces[False, True].name,
        boldItalic=faces[True, True].name,
    )
    return FontSet(family, faces, roles)


def _user_path(given: str, base_dir: Path) -> Path:
    path = (base_dir / given).resolve()
    if not path.is_file():
        raise FontError(
            say("fonts.file.not-found", name=repr(given), folder=str(base_dir)),
            hint=say("fonts.file.not-found-hint"),
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
        wrong = font_problem(Path(path).read_bytes())
    except OSError as exc:
        raise FontError(
            say("fonts.file.unreadable", error=oserrors.explain(exc)[0]), where=path
        ) from None
    if wrong is not None:
        # font_problem's verdicts ("damaged", "restricted") are keys of fonts.toml [file].
        raise FontError(
            say(f"fonts.file.{wrong}"), where=Path(path), hint=say(f"fonts.file.{wrong}-hint")
        )
    try:
        font = TTFont(name, path)
    except (TTFError, OSError, ValueError, KeyError, IndexError, struct.error) as exc:
        raise FontError(
            say("fonts.file.not-embeddable", error=printable(str(exc), 120)),
            where=Path(path),
            hint=say("fonts.file.not-embeddable-hint"),
        ) from None
    pdfmetrics.registerFont(font)
    return _Face(name, Path(path), frozenset(font.face.charToGlyph))
