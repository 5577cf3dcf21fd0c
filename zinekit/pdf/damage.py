"""pypdf meeting a damaged file -> `DamagedPDFError`; pypdf's log and warnings -> a list of
the repairs it made.

pypdf raises its own errors (`PyPdfError` and subclasses: `PdfReadError`, `PdfStreamError`,
`FileNotDecryptedError`, `ParseError`, `LimitReachedError`...), and it lets through standard
ones from the parsing it does on the file's bytes: `int()` and `float()` of garbage, a missing
key or a short array, a bad zlib or ASCII85 stream, `struct` on short data, a reference loop.
`translate` turns exactly those into a `DamagedPDFError`; it is called only around pypdf
calls that read the file's structure, so that zinekit's own bugs are never reported as a
damaged file.
"""

from __future__ import annotations

import logging
import struct
import warnings
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pypdf.errors import DependencyError, PyPdfError

from zinekit.errors import DamagedPDFError, Location

DAMAGE: tuple[type[Exception], ...] = (
    PyPdfError,
    DependencyError,  # a filter that needs a library pypdf did not find
    ValueError,  # includes UnicodeDecodeError and binascii.Error
    LookupError,  # KeyError, IndexError
    TypeError,
    AttributeError,
    AssertionError,
    NotImplementedError,
    RecursionError,
    ArithmeticError,  # OverflowError, ZeroDivisionError
    zlib.error,
    struct.error,
)


def shown(value: object, limit: int = 80) -> str:
    """A value read from a PDF, or pypdf's message quoting one, fit for a message: one line,
    characters that do not print escaped (``\\x8e``), at most `limit` characters ("..."
    marks the cut). Every message that quotes a PDF-sourced value goes through here: a
    file's bytes can hold control characters, terminal escapes or a megabyte of text."""
    text = value.decode("latin-1") if isinstance(value, bytes | bytearray) else str(value)
    parts = []
    for c in text:
        if c.isprintable():
            parts.append(c)
        elif c.isspace():
            parts.append(" ")
        else:
            parts.append(f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}")
    text = " ".join("".join(parts).split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def one_line(exc: BaseException) -> str:
    """The exception's message on one printable line, never empty: pypdf's messages can
    quote the damaged bytes."""
    return shown(exc, 160) or type(exc).__name__


def translate(exc: Exception, where: Path | None = None) -> DamagedPDFError:
    """The `DamagedPDFError` for `exc`, which a pypdf call raised (one of `DAMAGE`, or a
    `DamagedPDFError` that does not yet name its file)."""
    if isinstance(exc, DamagedPDFError):
        return located(exc, where) if where is not None else exc
    return DamagedPDFError(one_line(exc), where=where)


def located(exc: DamagedPDFError, where: Location | Path | str) -> DamagedPDFError:
    """`exc` naming the file it was met in (`DamagedPDFError.located`), in the user's words."""
    return exc.located(where)


@contextmanager
def collect_repairs(messages: list[str]) -> Iterator[None]:
    """Collect pypdf's log records and warnings in `messages` instead of printing them."""

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("pypdf")
    handler = Collect(logging.WARNING)
    old_propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
        messages.extend(str(w.message) for w in caught)
    finally:
        logger.removeHandler(handler)
        logger.propagate = old_propagate
