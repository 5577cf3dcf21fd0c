"""Small helpers for reading someone else's PDF objects with pypdf, shared by imposition
and the preflight checks.

Reading a PDF object by object meets malformed values; the helpers return None for those,
so that callers use what they could read instead of stopping.
"""

from __future__ import annotations

import logging
import os
import traceback
import warnings
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pypdf
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

from zinekit.impose.geometry import Matrix, multiply

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 with x0 <= x1, y0 <= y1
Key = tuple[int, int]  # an indirect object's number and generation

# What pypdf lets through when it meets a damaged object or stream.
READ_ERRORS = (
    PyPdfError,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    AssertionError,
    NotImplementedError,
    RecursionError,
    zlib.error,
)

_PYPDF_DIR = os.path.join(os.path.realpath(os.path.dirname(pypdf.__file__)), "")

# Annotation flags (PDF 32000-1:2008, 12.5.3).
_HIDDEN, _PRINT = 2, 4
_NOT_PRINTED = {"/Link", "/Popup"}


@contextmanager
def quiet_pypdf(messages: list[str]) -> Iterator[None]:
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


def from_pypdf(exc: BaseException) -> bool:
    """Whether `exc` is pypdf failing on the file (damaged input) rather than a bug in
    zinekit: pypdf's own errors always are; a plain error is when raised inside pypdf."""
    if isinstance(exc, PyPdfError):
        return True
    frames = traceback.extract_tb(exc.__traceback__)
    return any(os.path.realpath(f.filename).startswith(_PYPDF_DIR) for f in frames)


def key_of(raw: Any) -> Key | None:
    """The object number of `raw` (an IndirectObject or a resolved object), if it has one."""
    if isinstance(raw, IndirectObject):
        return (raw.idnum, raw.generation)
    ref = getattr(raw, "indirect_reference", None)
    if isinstance(ref, IndirectObject):
        return (ref.idnum, ref.generation)
    return None


def resolved(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


def dictionary(value: Any) -> DictionaryObject | None:
    value = resolved(value)
    return value if isinstance(value, DictionaryObject) else None


def number(value: Any) -> float | None:
    value = resolved(value)
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def box(value: Any) -> Box | None:
    """A rectangle as four numbers, normalised; None when it is not four numbers."""
    value = resolved(value)
    if not isinstance(value, ArrayObject | list) or len(value) != 4:
        return None
    numbers = [number(v) for v in value]
    if any(n is None for n in numbers):
        return None
    x0, y0, x1, y1 = numbers
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def matrix(value: Any) -> Matrix | None:
    value = resolved(value)
    if not isinstance(value, ArrayObject | list) or len(value) != 6:
        return None
    numbers = [number(v) for v in value]
    return None if any(n is None for n in numbers) else tuple(numbers)


def printed_appearances(page: DictionaryObject) -> list[tuple[Any, Matrix]]:
    """The normal appearance streams (raw, usually IndirectObject) of the annotations that
    print, each with the matrix that places it on the page (PDF 32000-1:2008, 12.5.5).

    Screen-only annotations are left out: what they use never reaches the printer.
    """
    found = []
    annots = resolved(page.get("/Annots"))
    for ref in annots if isinstance(annots, ArrayObject) else []:
        annot = dictionary(ref)
        if annot is None or annot.get("/Subtype") in _NOT_PRINTED:
            continue
        flags = number(annot.get("/F")) or 0
        if not int(flags) & _PRINT or int(flags) & _HIDDEN:
            continue
        raw = _normal_appearance(annot)
        rect = box(annot.get("/Rect"))
        if raw is None or rect is None:
            continue
        placed = _appearance_matrix(resolved(raw), rect)
        if placed is not None:
            found.append((raw, placed))
    return found


def _normal_appearance(annot: DictionaryObject) -> Any:
    ap = dictionary(annot.get("/AP"))
    normal = ap.get("/N") if ap is not None else None
    if isinstance(resolved(normal), StreamObject):
        return normal
    states = dictionary(normal)
    # Check boxes and radio buttons keep one stream per state; /AS names the one shown.
    chosen = states.get(annot.get("/AS")) if states is not None else None
    return chosen if isinstance(resolved(chosen), StreamObject) else None


def _appearance_matrix(stream: StreamObject, rect: Box) -> Matrix | None:
    """The matrix that maps the appearance's BBox, after its own /Matrix, onto Rect; the
    form's /Matrix itself is applied where the form is drawn."""
    bbox = box(stream.get("/BBox"))
    if bbox is None:
        return None
    form = matrix(stream.get("/Matrix")) or (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    corners = [
        (form[0] * x + form[2] * y + form[4], form[1] * x + form[3] * y + form[5])
        for x in (bbox[0], bbox[2])
        for y in (bbox[1], bbox[3])
    ]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    if width <= 0 or height <= 0:
        return None
    sx, sy = (rect[2] - rect[0]) / width, (rect[3] - rect[1]) / height
    return multiply((1.0, 0.0, 0.0, 1.0, -min(xs), -min(ys)), (sx, 0.0, 0.0, sy, rect[0], rect[1]))
