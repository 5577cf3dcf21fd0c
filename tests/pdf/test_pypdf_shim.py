"""The pypdf internals zinekit.pdf.pypdf_shim relies on are still there and still mean the
same. When one of these fails after a pypdf upgrade, change pypdf_shim.py (only it) and the
pin in pyproject.toml; the message says which internal moved."""

from __future__ import annotations

import zlib

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, IndirectObject, NameObject, StreamObject

from zinekit.pdf.pypdf_shim import add_object, encoded_data


def test_streams_keep_their_encoded_bytes_in_data() -> None:
    raw = zlib.compress(b"0 0 m 10 10 l S")
    stream = StreamObject.initialize_from_dictionary(
        {"__streamdata__": raw, NameObject("/Filter"): NameObject("/FlateDecode")}
    )
    assert hasattr(stream, "_data"), "pypdf's StreamObject no longer has _data: see pypdf_shim"
    assert encoded_data(stream) == raw, (
        "pypdf's StreamObject._data no longer holds the encoded bytes: see pypdf_shim"
    )
    assert stream.get_data() == b"0 0 m 10 10 l S"


def test_writers_add_objects_with_add_object() -> None:
    writer = PdfWriter()
    assert hasattr(writer, "_add_object"), "PdfWriter._add_object is gone: see pypdf_shim"
    content = DecodedStreamObject()
    content.set_data(b"q Q")
    ref = add_object(writer, content)
    assert isinstance(ref, IndirectObject), "PdfWriter._add_object no longer returns a reference"
    assert ref.get_object() is content
