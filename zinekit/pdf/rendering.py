"""A PDF about to be drawn by a renderer (pypdfium2 or pdftoppm, for --preview and the
heavy-black measure) -> why it must not be, or None.

A renderer decodes every content stream and picture it draws, in full and in memory,
whatever the resolution: a 600 KB file whose page content inflates to 600 MB costs it more
than a gigabyte. pypdf decodes the same streams here within `budget.DECODED_LIMIT` (and
stops at the first one over it); pictures are judged by their declared size, which is what
a renderer allocates, without decoding them.
"""

from __future__ import annotations

from typing import Any

from pypdf import PdfReader

from zinekit.errors import DamagedPDFError, DecodeLimitError
from zinekit.i18n import say
from zinekit.pdf.budget import RASTER_LIMIT, megabytes
from zinekit.pdf.forms import printed_appearances
from zinekit.pdf.getters import (
    Key,
    boolean,
    contents,
    dictionary,
    key_of,
    number,
    stream,
    stream_data,
)

# Bytes per pixel a renderer may hold a decoded picture in (BGRA).
_PIXEL_BYTES = 4


def render_problem(reader: PdfReader) -> str | None:
    """What in the PDF a renderer could not draw within the budget, in words; None when
    everything can be drawn. Damaged parts are the renderer's to skip, not a problem."""
    seen: set[Key] = set()
    for page_number, page in enumerate(reader.pages, start=1):
        try:
            contents(page.get("/Contents"))
            problem = _resources(page.get("/Resources"), seen, page_number)
            for raw, _ in printed_appearances(page):
                problem = problem or _xobject(raw, seen, page_number)
        except DecodeLimitError as exc:
            return say("pdf.decode-limit.on-page", detail=exc.detail, page=page_number)
        except DamagedPDFError:
            continue
        if problem:
            return problem
    return None


def _resources(raw: Any, seen: set[Key], page: int) -> str | None:
    resources = dictionary(raw)
    table = dictionary(resources.get("/XObject")) if resources is not None else None
    for value in table.values() if table is not None else ():
        problem = _xobject(value, seen, page)
        if problem:
            return problem
    return None


def _xobject(raw: Any, seen: set[Key], page: int) -> str | None:
    found = stream(raw)
    key = key_of(raw)
    if found is None or key in seen:
        return None  # drawn before (or drawing itself): judged once
    if key is not None:
        seen.add(key)
    if found.get("/Subtype") == "/Image":
        width, height = (int(number(found.get(k)) or 0) for k in ("/Width", "/Height"))
        size = (
            max(width, 0)
            * max(height, 0)
            * (1 if boolean(found.get("/ImageMask")) else _PIXEL_BYTES)
        )
        if size > RASTER_LIMIT:
            return say(
                "pdf.decode-limit.picture",
                page=page,
                width=width,
                height=height,
                limit=megabytes(RASTER_LIMIT),
            )
        return None
    stream_data(found)  # a form's content, decoded as a renderer would
    return _resources(found.get("/Resources"), seen, page)
