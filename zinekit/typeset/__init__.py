"""Typesetting: a validated `Publication` and a page target give a reading-order PDF (pages
in the order they are read, one per page, cover first), ready for `zinekit.impose`.

`typeset` takes the model, the folder its paths are relative to and the layout's
`PageTarget`; it returns the PDF as bytes with its page count, the body type size used and notes
for the user. Modules: `fonts` (TrueType files, glyph checks), `hyphenate`, `markup`
(inline **bold** / _italic_ / links), `i18n` (labels zinekit prints), `images` (and
`halftone`, for photocopies), `geometry` (margins and type size from the page), `styles`,
`paragraph` (paragraphs set by the typesetter's rules), `flowables` (QR codes, pictures,
whole pages, bookkeeping marks), `worksheet` with
`worksheet_fill` and `worksheet_rows` (shapes to write on, and their form fields),
`context` (what every typesetter takes), `text_blocks`, `resource_blocks` and
`worksheet_blocks` (one typesetter per block kind), `covers`, `story` (the table of
typesetters and the order of the whole publication), `pages` (page templates, page
numbers, which block each page starts with), `document` (the build and the fit loop) and
`reportlab_shim` (the only module touching reportlab internals). reportlab is imported
only when `typeset` runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from zinekit.typeset.result import TypesetResult

if TYPE_CHECKING:
    from zinekit.content.model import Publication
    from zinekit.impose.target import PageTarget
    from zinekit.themes import Theme

__all__ = ["TypesetResult", "typeset"]


def typeset(
    pub: Publication,
    *,
    base_dir: Path,
    target: PageTarget,
    shrink: bool = False,
    replace_missing: bool = False,
    fillable: bool = False,
    photocopy: bool = False,
    dither: bool = False,
    theme: Theme | None = None,
    progress: Callable[[int], None] | None = None,
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

    `theme` (see `zinekit.themes`) sets fonts, scale, spacing, rules, covers and page
    numbers; without it, the theme the content names (`pub.theme`, a built-in name or a
    file relative to `base_dir`), else the default. `pub.fonts` overrides its fonts.

    With `replace_missing`, a character no font of the set can draw is printed as a mark
    and named in a note (`zinekit.typeset.missing`) instead of raising `MissingGlyphError`.

    `progress`, when given, is called with each page's number as the page begins (a long
    build shows it on a terminal); fitting may set the pages more than once, from 1 again.

    Raises `ThemeError`, `MissingGlyphError`, `FontError`, `ImageError`, `CapacityError` or another
    `TypesetError` (all `ZinekitError`s with `where` set when a block is at fault).
    """
    from zinekit.typeset.document import build

    return build(
        pub,
        base_dir=base_dir,
        target=target,
        shrink=shrink,
        replace_missing=replace_missing,
        fillable=fillable,
        tone="halftone" if dither else "grey" if photocopy else "colour",
        theme=theme,
        progress=progress,
    )
