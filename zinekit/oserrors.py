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
from zinekit.i18n import say

# errno -> the table of os.toml [cause] that words it (what is wrong, and the hint): the
# causes a user can do something about.
_CAUSES: dict[int, str] = {
    errno.ENAMETOOLONG: "name-too-long",
    errno.ENOSPC: "disk-full",
    errno.EDQUOT: "quota",
    errno.ENOTDIR: "not-a-folder",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.EROFS: "read-only",
    errno.ELOOP: "link-loop",
    errno.ENOENT: "not-found",
    errno.EISDIR: "is-a-folder",
    errno.EIO: "io",
}


def explain(exc: OSError | ValueError) -> tuple[str, str | None]:
    """(what is wrong, a hint or None) for an OS error or a NUL-byte ValueError, in the
    user's language."""
    cause = "nul" if isinstance(exc, ValueError) else _CAUSES.get(exc.errno or 0)
    if cause is not None:
        return say(f"os.cause.{cause}.what"), say(f"os.cause.{cause}.hint")
    assert isinstance(exc, OSError)
    # A cause without words of ours: the system's own, in its language, framed by ours.
    return say("os.cause.other", detail=(exc.strerror or type(exc).__name__).lower()), None


def is_path_error(exc: BaseException) -> bool:
    """Whether `exc` is an OS error the system raised about a path (it has an errno; an
    io.UnsupportedOperation has none and is a bug), or the ValueError of a NUL in a path."""
    if isinstance(exc, OSError):
        return exc.errno is not None
    return isinstance(exc, ValueError) and "null byte" in str(exc)


def reading(exc: OSError | ValueError, where: Location | Path | str) -> ZinekitError:
    """The error to raise when reading the input at `where` failed with `exc`."""
    what, hint = explain(exc)
    return InputError(say("os.cannot-read", what=what), where=_shown(where), hint=hint)


def writing(exc: OSError | ValueError, where: Location | Path | str) -> ZinekitError:
    """The error to raise when writing the output at `where` failed with `exc`."""
    what, hint = explain(exc)
    return OutputError(say("os.cannot-write", what=what), where=_shown(where), hint=hint)


def _shown(where: Location | Path | str) -> Location | str:
    # A path the user typed can be 300 characters long or hold a newline: one short line.
    if isinstance(where, Location):
        return Location(short(str(where.path)), where.line, where.column)
    return short(str(where))


def short(text: str, limit: int = 80) -> str:
    """`text` escaped onto one printable line and cut to about `limit` characters."""
    return printable(text, limit)
