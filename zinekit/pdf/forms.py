"""A page of someone else's PDF -> what it prints, as the content of one Form XObject.

`printed_appearances` finds the annotations that print (filled form fields, stamps) and
where their appearance streams land; the checks read them too. `page_content` gives the
page's content stream for a form, with those appearances drawn over it: when there are
none, the stream's compressed bytes are copied as they are (no re-parsing, no
re-compressing), less an outer ASCII85 layer.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    PdfObject,
    StreamObject,
)

from zinekit.pdf.ascii85 import decode as decode_ascii85
from zinekit.pdf.geometry import Box, Matrix, multiply
from zinekit.pdf.getters import box, contents, dictionary, matrix, number, resolved
from zinekit.pdf.pypdf_shim import encoded_data

_PLAIN = re.compile(r"/[A-Za-z0-9]+")


class _PlainName(NameObject):
    """A name of letters and digits only, written as it is. pypdf's `NameObject` checks and
    escapes a name character by character each time it is written: for the few names that
    every form and sheet side repeat, the largest share of writing the output."""

    def write_to_stream(self, stream: Any, *args: Any, **kwargs: Any) -> None:
        stream.write(self.encode())


@lru_cache(maxsize=1024)
def pdf_name(text: str) -> NameObject:
    """The name `text` ("/Form") for a dictionary made here; the same bytes in the file as
    pypdf would write (tests/pdf/test_write.py compares them)."""
    return _PlainName(text) if _PLAIN.fullmatch(text) else NameObject(text)


# Annotation flags (PDF 32000-1:2008, 12.5.3).
_HIDDEN, _PRINT = 2, 4
_NOT_PRINTED = {"/Link", "/Popup"}


def printed_appearances(page: DictionaryObject) -> list[tuple[Any, Matrix]]:
    """The normal appearance streams (raw, usually IndirectObject) of the annotations that
    print, each with the matrix that places it on the page (PDF 32000-1:2008, 12.5.5).

    Screen-only annotations are left out: what they use never reaches the printer; so is a
    malformed annotation, as viewers do.
    """
    found = []
    annots = resolved(page.get("/Annots"))
    for ref in annots if isinstance(annots, ArrayObject) else []:
        annot = dictionary(ref)
        if annot is None or annot.get("/Subtype") in _NOT_PRINTED:
            continue
        flags = int(number(annot.get("/F")) or 0)
        if not flags & _PRINT or flags & _HIDDEN:
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


def page_content(
    page: DictionaryObject, writer: PdfWriter, nums: Any
) -> tuple[StreamObject, dict[str, PdfObject]]:
    """The page's content as a stream for a Form XObject in `writer`, and the appearance
    streams it draws, by the resource name it draws them with (already cloned into
    `writer`). `nums` writes numbers in a content stream (`impose` owns the precision)."""
    appearances: list[tuple[bytes, str, IndirectObject]] = []
    for appearance, placed in printed_appearances(page):
        if not isinstance(appearance, IndirectObject):
            continue  # a stream is always an indirect object in a well-formed file
        name = f"/ZkAnnot{len(appearances)}"
        appearances.append((b"q %s cm %s Do Q" % (nums(placed), name.encode()), name, appearance))

    raw = page.get("/Contents")
    found = resolved(raw) if raw is not None else None
    content: StreamObject
    if isinstance(found, StreamObject) and not appearances:
        content = _copy_stream(found, writer)
    else:
        data = contents(found)
        if appearances:
            data = b"q\n" + data + b"\nQ\n" + b"\n".join(ops for ops, _, _ in appearances)
        decoded = DecodedStreamObject()
        decoded.set_data(data)
        content = decoded.flate_encode()
    return content, {name: appearance.clone(writer) for _, name, appearance in appearances}


def _copy_stream(stream: StreamObject, writer: PdfWriter) -> StreamObject:
    """A copy of `stream`'s encoded data and filters, without an outer ASCII85 layer.

    ASCII85 only makes binary data 7-bit safe, at 25% more bytes; PDF files are binary anyway,
    and dropping it keeps the output no larger than the input.
    """
    data = encoded_data(stream)
    filters = stream.get("/Filter")
    parms = stream.get("/DecodeParms")
    chain = list(filters) if isinstance(filters, ArrayObject) else [filters] if filters else []
    parm_chain = list(parms) if isinstance(parms, ArrayObject) else [parms] * len(chain)
    if chain and chain[0] in ("/ASCII85Decode", "/A85") and not parm_chain[0]:
        data = decode_ascii85(data)
        chain, parm_chain = chain[1:], parm_chain[1:]
    fields: dict[Any, Any] = {"__streamdata__": data}
    if chain:
        chain = [pdf_name(str(f)) if isinstance(f, NameObject) else f for f in chain]
        fields[pdf_name("/Filter")] = chain[0] if len(chain) == 1 else ArrayObject(chain)
        if any(parm_chain):
            kept = [p if p else NullObject() for p in parm_chain]
            value = kept[0] if len(kept) == 1 else ArrayObject(kept)
            fields[pdf_name("/DecodeParms")] = value.clone(writer)
    # Public: what pypdf itself makes a stream read from a file with, raw bytes and all.
    return StreamObject.initialize_from_dictionary(fields)
