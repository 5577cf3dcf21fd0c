"""The build: fonts, labels and hyphenation for the publication's language, then one layout
per type size until the content fits the pages it may use: smaller (with `shrink`) when it
runs over a fixed number of pages, larger when it leaves them half empty. With `fillable`,
one more layout at the chosen size lays form fields over the worksheet blocks."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.platypus.doctemplate import LayoutError

from zinekit.content import model as m
from zinekit.content.registry import describe
from zinekit.errors import CapacityError, TypesetError
from zinekit.impose.target import PageTarget
from zinekit.themes import DEFAULT_THEME, Theme, load_theme
from zinekit.typeset.context import Context
from zinekit.typeset.fonts import FontSet, load_fonts
from zinekit.typeset.geometry import MIN_FONT_SIZE, default_font_size, page_geometry
from zinekit.typeset.hyphenate import hyphenator
from zinekit.typeset.i18n import labels
from zinekit.typeset.images import ImageStore, Tone
from zinekit.typeset.markup import Run
from zinekit.typeset.pages import ZineDoc
from zinekit.typeset.result import TypesetResult
from zinekit.typeset.story import build_story
from zinekit.typeset.styles import make_styles
from zinekit.units import to_mm

# Each shrinking step takes this much off the body size.
_SHRINK_STEP = 0.5
# On a fixed number of pages, short content is set larger, up to this many times the
# default size, in steps of this much: a mini-zine's panels are filled, not left blank.
_GROW_LIMIT = 1.6
_GROW_STEP = 0.25


@dataclass
class _Attempt:
    pdf: bytes
    doc: ZineDoc
    size: float
    notes: list[str]


def build(
    pub: m.Publication,
    *,
    base_dir: Path,
    target: PageTarget,
    shrink: bool,
    fillable: bool = False,
    tone: Tone = "colour",
    theme: Theme | None = None,
) -> TypesetResult:
    """See `zinekit.typeset.typeset`."""
    if theme is None:
        theme = load_theme(pub.theme or DEFAULT_THEME, base_dir)
    fonts = load_fonts(theme, pub.fonts, base_dir)
    # reportlab adds a hyphen when it breaks a word, in any of the four faces.
    hyphens = [Run("-", bold, italic) for bold in (False, True) for italic in (False, True)]
    fonts.check(hyphens, where=None, what="the hyphen added where a word breaks")
    for role in ("heading", "display"):
        fonts.check([Run("-")], where=None, what=f"the {role} font", font=fonts.role(role))
    folio = None
    if pub.page_numbers:
        folio = _folio_text(theme, pub.lang)
        fonts.check(
            [Run(folio.format(n="0123456789"))],
            where=None,
            what="the page numbers",
            font=fonts.role(theme.spec.page_numbers.font),
        )
    images = ImageStore(base_dir, tone)
    # The theme's body size is a factor of the page's; rounded to 0.25 pt as that is.
    start = max(
        MIN_FONT_SIZE, round(default_font_size(target.page_size) * theme.spec.scale.body * 4) / 4
    )
    max_pages = target.capacity

    def layout(size: float, fillable: bool = False) -> _Attempt:
        return _layout(pub, theme, fonts, folio, images, size, target, fillable)

    sizes = [start]
    while shrink and max_pages and sizes[-1] > MIN_FONT_SIZE:
        sizes.append(max(MIN_FONT_SIZE, sizes[-1] - _SHRINK_STEP))
    attempt = None
    for size in sizes:
        attempt = layout(size)
        if max_pages is None or attempt.doc.page <= max_pages:
            break
    else:
        assert attempt is not None
        raise _overflow(pub, attempt, max_pages or 0, shrunk=len(sizes) > 1)
    if max_pages is not None and attempt.size == start:
        attempt = _grow(attempt, layout, max_pages)
    notes = list(dict.fromkeys(attempt.notes))  # two blocks may have the same to say
    if attempt.size < start:
        notes.append(
            f"type set at {attempt.size:g} pt instead of {start:g} pt so that the content"
            f" fits on {max_pages} pages"
        )
    elif attempt.size > start:
        notes.append(
            f"type set at {attempt.size:g} pt instead of {start:g} pt so that the content"
            f" fills the {max_pages} pages"
        )
    fillable_pdf = None
    if fillable:
        form = layout(attempt.size, fillable=True)
        if form.doc.page != attempt.doc.page:  # the fields take no room: a bug if they do
            raise AssertionError("the fillable layout differs from the printed one")
        fillable_pdf = form.pdf
    return TypesetResult(
        attempt.pdf, attempt.doc.page, attempt.size, tuple(notes), fillable_pdf=fillable_pdf
    )


def _grow(fitted: _Attempt, layout: Callable[[float], _Attempt], max_pages: int) -> _Attempt:
    """The largest type size, up to `_GROW_LIMIT` times the default, at which the content
    still fits `max_pages` and sets as well as at the default (no new notes: a picture
    made smaller, an affirmation too long for its line). Sizes are tried by halving the
    range; the page count grows with the size, so the largest fitting one is found."""
    usual = set(fitted.notes)
    steps = int((fitted.size * (_GROW_LIMIT - 1)) / _GROW_STEP)
    best, low, high = fitted, 1, steps
    while low <= high:
        middle = (low + high) // 2
        attempt = layout(fitted.size + middle * _GROW_STEP)
        if attempt.doc.page <= max_pages and set(attempt.notes) <= usual:
            best, low = attempt, middle + 1
        else:
            high = middle - 1
    return best


def _folio_text(theme: Theme, lang: str) -> str:
    """The page-number format with the language's word for page filled in: "hlm. {n}"."""
    return theme.spec.page_numbers.format.replace("{label}", labels(lang)["page-short"])


def _layout(
    pub: m.Publication,
    theme: Theme,
    fonts: FontSet,
    folio: str | None,
    images: ImageStore,
    size: float,
    target: PageTarget,
    fillable: bool = False,
) -> _Attempt:
    saddle = target.binding == "saddle"
    styles = make_styles(fonts, size, hyphenator(pub.lang), theme)
    geometry = page_geometry(
        target.page_size,
        saddle=saddle,
        folio_size=styles.folio_size if pub.page_numbers else None,
        bleed=target.bleed,
    )
    ctx = Context(
        fonts=fonts,
        styles=styles,
        labels=labels(pub.lang),
        geometry=geometry,
        images=images,
        fillable=fillable,
        theme=theme,
    )
    flowables = build_story(pub, ctx)
    out = io.BytesIO()
    doc = ZineDoc(
        out,
        geometry=geometry,
        folio=(styles.folio_font, styles.folio_size, folio) if folio else None,
        centred_folio=_centred(theme, saddle),
        font=fonts.name(),
        font_size=size,
        meta={
            "title": pub.title,
            "author": pub.author,
            "subject": pub.subtitle,
            "lang": pub.lang,
        },
        cover=pub.cover is not None,
    )
    try:
        with _binary_streams():
            doc.build(flowables)
    except LayoutError as exc:
        raise _too_large(pub, doc, exc) from None
    return _Attempt(out.getvalue(), doc, size, ctx.notes)


def _centred(theme: Theme, saddle: bool) -> bool:
    """Page numbers in the middle of the foot: the theme's choice, else (auto) on pages
    that are not bound on a spine; a bound page has them at its outer corner."""
    position = theme.spec.page_numbers.position
    return position == "centre" or (position == "auto" and not saddle)


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    # reportlab wraps compressed streams in ASCII85 unless told not to, and without its C
    # accelerator that encoding takes most of the build time of a zine with pictures.
    # The switch is global in reportlab, so it is set for the build only.
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _too_large(pub: m.Publication, doc: ZineDoc, exc: LayoutError) -> TypesetError:
    block = pub.blocks[doc.current_block] if doc.current_block is not None else None
    what = describe(block) if block else "the content"
    return TypesetError(
        f"{what} does not fit on a page even by itself ({exc})",
        where=block.where if block else None,
        hint="make the image smaller or split the text",
    )


def _overflow(
    pub: m.Publication, attempt: _Attempt, max_pages: int, *, shrunk: bool
) -> CapacityError:
    doc = attempt.doc
    over = doc.page - max_pages
    # The last page belongs to the back cover when there is one.
    body_limit = max_pages - (1 if pub.back else 0)
    late = sorted(page for page in doc.first_block if page > body_limit)
    index = doc.first_block[late[0]] if late else None
    block = pub.blocks[index] if index is not None else None
    height = sum(doc.used[page] for page in late)
    pages = "page" if over == 1 else "pages"
    message = (
        f"the content needs {doc.page} pages but the layout holds {max_pages}:"
        f" {over} {pages} (about {to_mm(height):.0f} mm of text) too many"
    )
    if block is not None:
        message += f", from {describe(block)} on"
    if shrunk:
        message += f", even with the type at {attempt.size:g} pt"
    hint = "shorten the content or choose a layout with more pages"
    if not shrunk:
        hint += ", or build with --shrink to set the type smaller (down to 7 pt)"
    return CapacityError(message, pages_over=over, where=block.where if block else None, hint=hint)
