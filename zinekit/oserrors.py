"""An OS error (or the ValueError of a NUL byte in a path) -> the one clear line the user
reads: what is wrong with the path, in words, and what to do about it.

The one place that classifies them: output writes (`zinekit.output`), input reads (PDFs,
content files, images, fonts) and `zinekit.cli.app.main`, which turns any OS error that
reached it into exit 2 instead of an internal error.
"""

from __future__ import annotations

import errno
from pathlib import Path

from zinekit.errors import InputError, Location, OutputError, ZinekitError, printable

# errno -> (what is wrong, the hint): the causes a user can do something about.
_CAUSES: dict[int, tuple[str, str]] = {
    errno.ENAMETOOLONG: ("the file name is too long", "use a shorter name"),
    errno.ENOSPC: ("the disk is full", "free some space, or write somewhere else with -o"),
    errno.EDQUOT: ("the disk quota is used up", "free some space, or write somewhere else"),
    errno.ENOTDIR: ("a part of the path is a file, not a folder", "check the path"),
    errno.EACCES: ("permission denied", "check the file's permissions"),
    errno.EPERM: ("permission denied", "check the file's permissions"),
    errno.EROFS: ("the disk is read-only", "write somewhere else"),
    errno.ELOOP: ("the path is a loop of symbolic links", "point the link at a real file"),
    errno.ENOENT: ("file not found", "check the path and the spelling"),
    errno.EISDIR: ("this is a folder, not a file", "name a file"),
    errno.EIO: ("the disk reported an input/output error", "check the disk"),
}
_NUL = ("the path contains a NUL byte", "remove the invisible character from the path")


def explain(exc: OSError | ValueError) -> tuple[str, str | None]:
    """(what is wrong, a hint or None) for an OS error or a NUL-byte ValueError."""
    if isinstance(exc, ValueError):
        return _NUL
    cause = _CAUSES.get(exc.errno or 0)
    if cause is not None:
        return cause
    return (exc.strerror or type(exc).__name__).lower(), None


def is_path_error(exc: BaseException) -> bool:
    """Whether `exc` is an OS error the system raised about a path (it has an errno; an
    io.UnsupportedOperation has none and is a bug), or the ValueError of a NUL in a path."""
    if isinstance(exc, OSError):
        return exc.errno is not None
    return isinstance(exc, ValueError) and "null byte" in str(exc)


def reading(exc: OSError | ValueError, where: Location | Path | str) -> ZinekitError:
    """The error to raise when reading the input at `where` failed with `exc`."""
    what, hint = explain(exc)
    return InputError(f"cannot read the file: {what}", where=_shown(where), hint=hint)


def writing(exc: OSError | ValueError, where: Location | Path | str) -> ZinekitError:
    """The error to raise when writing the output at `where` failed with `exc`."""
    what, hint = explain(exc)
    return OutputError(f"cannot write the output: {what}", where=_shown(where), hint=hint)


def _shown(where: Location | Path | str) -> Location | str:
    # A path the user typed can be 300 characters long or hold a newline: one short line.
    if isinstance(where, Location):
        return Location(short(str(where.path)), where.line, where.column)
    return short(str(where))


def short(text: str, limit: int = 80) -> str:
    """`text` escaped onto one printable line and cut to about `limit` characters."""
    return printable(text, limit)
