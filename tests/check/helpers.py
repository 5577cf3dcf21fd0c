"""Reading test PDFs the way `zinekit.check` does, one check at a time."""

from __future__ import annotations

import io

from pypdf import PdfReader

from zinekit.check.report import Result
from zinekit.check.walk import Drawing, Walker


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def drawings(data: bytes, *, colours: bool = False) -> list[Drawing]:
    pdf = reader(data)
    walker = Walker(pdf, colours=colours)
    return [walker.page(i) for i in range(len(pdf.pages))]


def detail_texts(result: Result) -> list[str]:
    return [d.text for d in result.details]
