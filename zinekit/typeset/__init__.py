"""Typesetting: a validated `Publication` and a page target give a reading-order PDF (pages
in the order they are read, one per page, cover first), ready for `zinekit.impose`.

`typeset` takes the model, the folder its paths are relative to and the layout's
`PageTarget`; it returns the PDF as bytes with its page count, the body type size used and notes
for the user. Modules: `fonts` (TrueType files, glyph checks), `hyphenate`, `markup`
(inline **bold** / _italic_ / links), `i18n` (labels zinekit prints), `images` (and
`halftone`, for photocopies), `geometry` (margins and type size from the page), `styles`,
`flowables` (ruled lines, QR codes, whole pages, bookkeeping marks), `blocks` (content
blocks -> flowables), `covers`, `pages` (page templates, page numbers, which block each
page starts with) and `document` (the build and the fit loop). reportlab is imported only
when `typeset` runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from zinekit.errors import Location, ZinekitError

if TYPE_CHECKING:
    from zinekit.content.model import Publication
    from zinekit.impose.target import PageTarget

__all__ = [
    "CapacityError",
    "FontError",
    "ImageError",
    "MissingGlyphError",
    "TypesetError",
    "TypesetResult",
    "typeset",
]

# The smallest body size zinekit sets, also when shrinking to fit: below it a photocopied
# page is hard to read.
MIN_FONT_SIZE = 7.0


@dataclass(frozen=True)
class TypesetResult:
    """The reading-order PDF and what the user may want to know about it."""

    pdf: bytes
    page_count: int
    font_size: float  # body text size in points, after any shrinking or growing
    notes: tuple[str, ...] = field(default=())  # results that may surprise: for notice()
    # With `fillable`: the same pages with form fields over the worksheet blocks, for the
    # reading-order PDF. `pdf` never has fields: it is the one imposed for print.
    fillable_pdf: bytes | None = None


class TypesetError(ZinekitError):
    """The content cannot be set on the pages asked for."""


class MissingGlyphError(TypesetError):
    """A character the font cannot draw."""


class FontError(TypesetError):
    """A font file is missing or cannot be embedded."""


class ImageError(TypesetError):
    """An image file is missing or unreadable."""


class CapacityError(TypesetError):
    """The content needs more pages than the layout holds (the target's `capacity`)."""

    def __init__(
        self,
        message: str,
        *,
        pages_over: int,
        where: Location | Path | str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, where=where, hint=hint)
        self.pages_over = pages_over


def typeset(
    pub: Publication,
    *,
    base_dir: Path,
    target: PageTarget,
    shrink: bool = False,
    fillable: bool = False,
    photocopy: bool = False,
    dither: bool = False,
) -> TypesetResult:
    """Set `pub` on pages of `target.page_size` (points) and return the reading-order PDF.

    `base_dir` is where the content file's relative paths (images, fonts) start.
    `target.binding == "saddle"` widens the spine-side margin for staples (page 1, the
    cover, is a right-hand page). With `target.capacity`, content that needs more pages raises
    `CapacityError` naming the block that runs over, unless `shrink` lets the type get
    smaller (never below 7 pt) until it fits; content that leaves pages blank is set
    larger (up to 1.6 times the default) so that it spreads over them. With `fillable`,
    `fillable_pdf` is the reading-order PDF with AcroForm fields over write-in lines,
    boxes, tick boxes, scales, labelled lines and table cells. Page 1 is the cover when
    `pub.cover` is given; without it page 1 opens with the title and subtitle (a handout).
    A back cover is the last page set; no blank page is ever added (imposition adds those
    that fill the last sheet, where `target.padding` says).

    With `photocopy`, every picture is embedded in grey (DeviceGray); text and lines are
    black ink only anyway, so the PDF needs no colour conversion. `dither` (which implies
    `photocopy`) screens every picture into coarse black dots a copier reproduces: about
    85 lines per inch at its printed size, black and white only. With `target.bleed` (points),
    each page's paper is that much larger on every side (MediaBox and BleedBox), the
    finished page is its TrimBox and CropBox (so viewers show the trimmed page), and what
    runs to a page edge (a full-width cover picture) is drawn on into the bleed.

    Raises `MissingGlyphError`, `FontError`, `ImageError`, `CapacityError` or another
    `TypesetError` (all `ZinekitError`s with `where` set when a block is at fault).
    """
    from zinekit.typeset.document import build

    return build(
        pub,
        base_dir=base_dir,
        target=target,
        shrink=shrink,
        fillable=fillable,
        tone="halftone" if dither else "grey" if photocopy else "colour",
    )
