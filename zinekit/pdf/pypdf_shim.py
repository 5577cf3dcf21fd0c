"""The only module that touches pypdf internals, for the two things pypdf has no public API
for. tests/pdf/test_pypdf_shim.py fails with a clear message when a pypdf release moves them.

- The encoded bytes of a stream as stored in the file: `StreamObject.get_data()` decodes
  them, and imposition copies content streams without decoding them (`_data`).
- Adding a new object to a `PdfWriter` and getting its reference: pypdf does it for pages,
  annotations and clones, but has no public call for a Form XObject made here
  (`PdfWriter._add_object`).
"""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import IndirectObject, PdfObject, StreamObject


def encoded_data(stream: StreamObject) -> bytes:
    """The bytes of `stream` as written in the file, before its /Filter is undone."""
    data = stream._data
    assert isinstance(data, bytes), "pypdf's StreamObject._data is no longer the raw bytes"
    return data


def add_object(writer: PdfWriter, obj: PdfObject) -> IndirectObject:
    """Add `obj` to `writer` as an indirect object; its reference."""
    return writer._add_object(obj)
