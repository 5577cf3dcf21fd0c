"""The one package that reads and writes PDF files (with pypdf); nothing else imports pypdf.

Takes someone else's PDF and gives plain values; takes sheet sides described by impose and
gives a new PDF. Public API:

- reading (`read`): `open_source(path, password)`, `open_source_bytes(data, path, password)`
  -> `Source` (`source`: its `SourcePage`s, metadata and the repairs pypdf made);
  `read_input(path)`: the bytes of a regular file, within the budget;
- tolerant getters (`getters`) for walking a PDF's objects: `resolved`, `dictionary`,
  `array`, `stream`, `number`, `box`, `matrix`, `boolean`, `is_name`, `key_of`,
  `string_bytes`, `stream_data`, `content_streams`, `contents`, `rotation`, `operations`;
  they return None for malformed values and raise `zinekit.errors.DamagedPDFError` for
  unreadable ones (`DecodeLimitError` for a stream that decodes past the budget);
- printed annotations (`forms`): `printed_appearances(page)`;
- writing (`write`): `SheetWriter`, which draws pages of sources by reference as Form
  XObjects;
- `collect_repairs(messages)`: pypdf's warnings collected instead of printed, and
  `shown(value)`: a PDF-sourced value shortened and escaped for a message (`damage`);
- limits (`budget`): how much is read and decoded, and `limit_tool_memory` for outside
  tools; `render_problem(reader)` (`rendering`): what a renderer could not draw within them;
- geometry (`geometry`): `Box`, `Matrix`, `IDENTITY`, `multiply`;
- types: `Reader` (pypdf's reader, `Source.reader`), `Key` (an object's number),
  `Operation` (one content-stream operation), `PageRef` (a page of a source).

Names are loaded on first use, so that importing this package (or `Source` alone) does not
import pypdf: `zinekit --help` never needs it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from zinekit.errors import DamagedPDFError
from zinekit.pdf.geometry import IDENTITY, Box, Matrix, multiply
from zinekit.pdf.source import Source, SourcePage

if TYPE_CHECKING:
    from pypdf import PdfReader as Reader

    from zinekit.pdf.budget import limit_tool_memory
    from zinekit.pdf.damage import collect_repairs, shown
    from zinekit.pdf.forms import printed_appearances
    from zinekit.pdf.getters import (
        Key,
        Operation,
        array,
        boolean,
        box,
        content_streams,
        contents,
        dictionary,
        is_name,
        key_of,
        matrix,
        number,
        operations,
        resolved,
        rotation,
        stream,
        stream_data,
        string_bytes,
    )
    from zinekit.pdf.read import open_source, open_source_bytes, read_input
    from zinekit.pdf.rendering import render_problem
    from zinekit.pdf.write import PageRef, SheetWriter

# Where each name that needs pypdf lives, loaded by `__getattr__` on first use.
_LAZY = {
    "collect_repairs": "damage",
    "printed_appearances": "forms",
    "open_source": "read",
    "open_source_bytes": "read",
    "PageRef": "write",
    "SheetWriter": "write",
    "Key": "getters",
    "Operation": "getters",
    "array": "getters",
    "boolean": "getters",
    "box": "getters",
    "contents": "getters",
    "dictionary": "getters",
    "is_name": "getters",
    "key_of": "getters",
    "matrix": "getters",
    "number": "getters",
    "operations": "getters",
    "resolved": "getters",
    "stream": "getters",
    "stream_data": "getters",
    "string_bytes": "getters",
    "rotation": "getters",
    "content_streams": "getters",
    "shown": "damage",
    "read_input": "read",
    "limit_tool_memory": "budget",
    "render_problem": "rendering",
}

__all__ = [
    "Box",
    "DamagedPDFError",
    "IDENTITY",
    "Key",
    "Matrix",
    "Operation",
    "PageRef",
    "Reader",
    "SheetWriter",
    "Source",
    "SourcePage",
    "array",
    "boolean",
    "box",
    "collect_repairs",
    "content_streams",
    "contents",
    "dictionary",
    "is_name",
    "key_of",
    "limit_tool_memory",
    "matrix",
    "multiply",
    "number",
    "open_source",
    "open_source_bytes",
    "operations",
    "printed_appearances",
    "read_input",
    "render_problem",
    "resolved",
    "rotation",
    "shown",
    "stream",
    "stream_data",
    "string_bytes",
]


def __getattr__(name: str) -> Any:
    if name == "Reader":  # the type of `Source.reader`
        from pypdf import PdfReader

        return PdfReader
    if name in _LAZY:
        value = getattr(importlib.import_module(f"zinekit.pdf.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
