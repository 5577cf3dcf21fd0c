"""Tolerant getters: a pypdf object from someone else's file -> a plain value, or None when
the value is malformed (a box that is not four numbers, a name where a dictionary belongs).

Callers use what they could read instead of stopping. An object that cannot be read at all
(a damaged stream, a reference into a broken cross-reference table) raises
`DamagedPDFError`: the getters are where pypdf reads the file, so they translate its errors.
"""

from __future__ import annotations

import math
from typing import Any

from pypdf import PdfReader
from pypdf.errors import LimitReachedError
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ContentStream,
    DictionaryObject,
    IndirectObject,
    NameObject,
    StreamObject,
)

from zinekit.pdf.budget import DECODED_LIMIT, over_limit
from zinekit.pdf.damage import DAMAGE, translate
from zinekit.pdf.geometry import Box, Matrix, normalised

Key = tuple[int, int]  # an indirect object's number and generation
# One drawing operation of a content stream: its operands and its operator (b"cm", b"Do"...).
Operation = tuple[Any, bytes]


def key_of(raw: Any) -> Key | None:
    """The object number of `raw` (an IndirectObject or a resolved object), if it has one."""
    if isinstance(raw, IndirectObject):
        return (raw.idnum, raw.generation)
    ref = getattr(raw, "indirect_reference", None)
    if isinstance(ref, IndirectObject):
        return (ref.idnum, ref.generation)
    return None


def resolved(value: Any) -> Any:
    """The object `value` refers to, read from the file if need be; other values as they are."""
    if not isinstance(value, IndirectObject):
        return value
    try:
        return value.get_object()
    except DAMAGE as exc:
        raise translate(exc) from exc


def dictionary(value: Any) -> DictionaryObject | None:
    value = resolved(value)
    return value if isinstance(value, DictionaryObject) else None


def array(value: Any) -> ArrayObject | None:
    value = resolved(value)
    return value if isinstance(value, ArrayObject) else None


def stream(value: Any) -> StreamObject | None:
    value = resolved(value)
    return value if isinstance(value, StreamObject) else None


def is_name(value: Any) -> bool:
    return isinstance(resolved(value), NameObject)


def boolean(value: Any) -> bool:
    """True only for a PDF `true` (or Python True); anything else is false."""
    value = resolved(value)
    return bool(value.value) if isinstance(value, BooleanObject) else value is True


def number(value: Any) -> float | None:
    value = resolved(value)
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _numbers(value: Any, count: int) -> list[float] | None:
    value = resolved(value)
    if not isinstance(value, ArrayObject | list) or len(value) != count:
        return None
    numbers = [number(v) for v in value]
    return None if None in numbers else [n for n in numbers if n is not None]


def box(value: Any) -> Box | None:
    """A rectangle as four numbers, normalised; None when it is not four numbers."""
    numbers = _numbers(value, 4)
    return normalised(*numbers) if numbers is not None else None


def matrix(value: Any) -> Matrix | None:
    numbers = _numbers(value, 6)
    if numbers is None:
        return None
    a, b, c, d, e, f = numbers
    return (a, b, c, d, e, f)


def string_bytes(value: Any) -> bytes:
    """The bytes of a string or stream (a palette, say) as written in the file."""
    value = resolved(value)
    if isinstance(value, StreamObject):
        return stream_data(value)
    if isinstance(value, bytes):
        return value
    # pypdf reads some strings as text; their original bytes are what the file says.
    original = getattr(value, "original_bytes", None)
    return original if isinstance(original, bytes) else str(value).encode("latin-1")


def stream_data(value: StreamObject) -> bytes:
    """The decoded data of a stream; `DecodeLimitError` past `budget.DECODED_LIMIT`."""
    try:
        return value.get_data()
    except LimitReachedError as exc:  # pypdf holds every filter to the budget
        raise over_limit() from exc
    except DAMAGE as exc:
        raise translate(exc) from exc


def content_streams(raw: Any) -> list[StreamObject]:
    """The streams of a page's /Contents: one stream or an array of them. Anything else in
    the array (an array that holds itself, a number) is skipped, as viewers do."""
    found = resolved(raw)
    if isinstance(found, StreamObject):
        return [found]
    if isinstance(found, ArrayObject):
        return [part for part in map(resolved, found) if isinstance(part, StreamObject)]
    return []


def contents(raw: Any) -> bytes:
    """A page's /Contents (one stream or an array of them) as one decoded content stream,
    held to `budget.DECODED_LIMIT` in all (an array of many streams each just under it is
    the same bomb)."""
    parts, total = [], 0
    for part in content_streams(raw):
        data = stream_data(part)
        total += len(data) + 1
        if total > DECODED_LIMIT:
            raise over_limit("page-content")
        parts.append(data)
    return b"\n".join(parts)


def rotation(value: Any) -> int | None:
    """A page's /Rotate as 0, 90, 180 or 270 (clockwise); None when it is not a number or
    not a multiple of 90, which viewers ignore (PDF 32000-1:2008, table 30)."""
    degrees = number(value)
    if degrees is None or not math.isfinite(degrees) or degrees % 90:
        return None
    return int(degrees % 360)


def operations(data: bytes, reader: PdfReader | None) -> list[Operation]:
    """The operations of a decoded content stream, in order; inline images come as
    (`{"settings": ..., "data": ...}`, b"INLINE IMAGE")."""
    try:
        parsed = ContentStream(None, reader)
        parsed.set_data(data)
        return list(parsed.operations)
    except DAMAGE as exc:
        raise translate(exc) from exc
