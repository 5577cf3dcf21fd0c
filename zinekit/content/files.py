"""The files a content file names (images, fonts, a theme): present, usable, and inside its folder.

Paths are relative to the content file's folder. A path that leads outside it (through
`..`, an absolute path or a symlink) is refused unless the user allows it: a content file
from someone else should not be able to pull arbitrary files from your disk into a PDF
you then hand out.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from zinekit import oserrors
from zinekit.content.reader import Document, KeyPath, shown
from zinekit.content.registry import file_paths
from zinekit.content.wording import problem
from zinekit.errors import Problem
from zinekit.fontfile import font_problem
from zinekit.i18n import say
from zinekit.pictures import PictureError, open_picture
from zinekit.themes.load import builtin_names as theme_names
from zinekit.themes.load import is_path as is_theme_path

FONT_STYLES = ("regular", "bold", "italic", "bold-italic", "heading", "display", "mono")
# The first four bytes of a font file: TrueType outlines (which reportlab embeds), a
# TrueType collection, and OpenType with PostScript outlines (which it cannot).
_TRUETYPE = (b"\x00\x01\x00\x00", b"true", b"ttcf")
_CFF = b"OTTO"


def check_files(doc: Document, *, allow_outside: bool = False) -> list[Problem]:
    """A problem for every image, font, theme or layout file that is missing, unreadable or
    (unless allowed) outside the content file's folder; reported at the key that names it."""
    folder = doc.path.parent.resolve()
    problems = []
    for what, path, src in file_references(doc.data):
        if any(path[: len(hole)] == hole for hole in doc.dropped):
            continue
        try:
            wrong = _check(what, src, folder, allow_outside)
        except (OSError, ValueError, RuntimeError) as exc:
            # A name too long, a loop of symbolic links (RuntimeError from resolve() before
            # Python 3.13), a NUL byte: said at the key that names the file.
            error, advice = oserrors.explain(_as_os_error(exc))
            problems.append(
                problem(
                    "asset_bad_path",
                    doc.at(path),
                    what=say(f"content.file.{what}"),
                    input=shown(src, limit=60),
                    error=error,
                    advice=advice or say("content.file.check-path"),
                )
            )
            continue
        except PictureError as exc:
            problems.append(
                problem("image_refused", doc.at(path), input=shown(src, limit=60), error=exc.reason)
            )
            continue
        if wrong is not None:
            problems.append(
                problem(
                    wrong,
                    doc.at(path),
                    what=say(f"content.file.{what}"),
                    input=shown(src, limit=60),
                )
            )
    return problems


def _as_os_error(exc: Exception) -> OSError | ValueError:
    if isinstance(exc, OSError | ValueError):
        return exc
    return OSError(errno.ELOOP, str(exc))  # pathlib's "Symlink loop from ..."


def file_references(data: Any) -> Iterator[tuple[str, KeyPath, str]]:
    """("image", "font", "theme" or "layout", where in the file, path as written) for every
    file named (a theme given by name rather than path is checked by `check_theme`).

    Works on the values as read, not on the validated model, so that a missing image is
    reported together with every other mistake in the file.
    """
    if not isinstance(data, dict):
        return
    theme = data.get("theme")
    if isinstance(theme, str) and theme.strip() and is_theme_path(theme.strip()):
        yield "theme", ("theme",), theme.strip()
    layout = data.get("layout")
    # A layout file obeys the same rule: `layout: /etc/passwd` must not be read and quoted.
    if isinstance(layout, str) and _is_layout_path(layout.strip()):
        yield "layout", ("layout",), layout.strip()
    fonts = data.get("fonts")
    if isinstance(fonts, dict):
        for style in FONT_STYLES:
            if _is_path(fonts.get(style)):
                yield "font", ("fonts", style), fonts[style].strip()
    cover = data.get("cover")
    if isinstance(cover, dict) and _is_path(cover.get("image")):
        yield "image", ("cover", "image"), cover["image"].strip()
    blocks = data.get("blocks")
    # Every place any kind names a file is looked at, whatever kind the block turns out to
    # be: a block with other mistakes still has its files checked.
    places = file_paths()
    for index, block in enumerate(blocks if isinstance(blocks, list) else []):
        for what, inside in places:
            value = _at(block, inside)
            if _is_path(value):
                yield what, ("blocks", index, *inside), value.strip()


def _at(value: Any, keys: tuple[str, ...]) -> Any:
    """The value at `keys` in nested mappings, or None."""
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _is_layout_path(value: str) -> bool:
    # As `zinekit.cli.build` tells a layout file from a built-in layout's name.
    return value.endswith(".toml") or "/" in value


def _is_path(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _check(what: str, src: str, folder: Path, allow_outside: bool) -> str | None:
    """The kind of problem with one file, or None when it is fine."""
    target = (folder / src).resolve()
    # Checked before existence, so that a refused path reveals nothing about what is there.
    if not allow_outside and not target.is_relative_to(folder):
        return "asset_outside"
    if target.is_dir():
        return "asset_is_folder"
    if not target.is_file():
        return "asset_missing"
    if what == "image":
        return _image_problem(target)
    return _font_problem(target) if what == "font" else None


def check_theme(doc: Document) -> list[Problem]:
    """A problem at `theme:` when it names no built-in theme (a path is a file reference)."""
    name = doc.data.get("theme") if isinstance(doc.data, dict) else None
    if not isinstance(name, str) or not name.strip() or is_theme_path(name.strip()):
        return []
    if name.strip() in theme_names():
        return []
    valid = ", ".join(theme_names())
    return [problem("unknown_theme", doc.at(("theme",)), input=shown(name), valid=valid)]


def check_layout(doc: Document) -> list[Problem]:
    """A problem at `layout:` when it names no built-in layout (a path is a file reference,
    checked by `check_files`): said here, with its line and column, rather than when the
    layout is loaded, where the content file is no longer in sight."""
    name = doc.data.get("layout") if isinstance(doc.data, dict) else None
    if isinstance(name, int | float) and not isinstance(name, bool):
        name = str(name)  # `layout: 5` is read as the text "5", as the model reads it
    if not isinstance(name, str) or not name.strip() or _is_layout_path(name.strip()):
        return []
    from zinekit.impose.layout import builtin_names as layout_names

    if name.strip() in layout_names():
        return []
    valid = ", ".join(layout_names())
    return [problem("unknown_layout", doc.at(("layout",)), input=shown(name), valid=valid)]


def check_sheet(doc: Document) -> list[Problem]:
    """A problem at `sheet:` when it names no paper zinekit knows (or a size out of range),
    worded as `--sheet` is, but said at its line and column in the content file."""
    name = doc.data.get("sheet") if isinstance(doc.data, dict) else None
    if not isinstance(name, str) or not name.strip():
        return []
    from zinekit.errors import OptionError
    from zinekit.units import paper_size

    try:
        paper_size(name)
    except OptionError as exc:
        return [Problem(exc.message, doc.at(("sheet",)), exc.hint)]
    return []


def _image_problem(path: Path) -> str | None:
    """None for a picture that opens and verifies; raises `PictureError` for one refused
    by its format or size."""
    try:
        with open_picture(path) as picture:
            picture.verify()
    except (OSError, SyntaxError, ValueError):
        return "image_unreadable"
    return None


def _font_problem(path: Path) -> str | None:
    try:
        data = path.read_bytes()
    except OSError:
        return "asset_unreadable"
    magic = data[:4]
    if magic == _CFF:
        return "font_cff"
    if magic not in _TRUETYPE:
        return "font_not_truetype"
    wrong = font_problem(data)
    return None if wrong is None else f"font_{wrong}"
