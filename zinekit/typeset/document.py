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
from zinekit.errors import CapacityError, TypesetError
from zinekit.i18n import say
from zinekit.impose.target import PageTarget
from zinekit.themes import DEFAULT_THEME, Theme, load_theme
from zinekit.typeset import overflow
from zinekit.typeset.context import Context
from zinekit.typeset.fonts import FontSet, load_fonts
from zinekit.typeset.geometry import MIN_FONT_SIZE, Geometry, default_font_size, page_geometry
from zinekit.typeset.hyphenate import hyphenator
from zinekit.typeset.i18n import labels
from zinekit.typeset.images import ImageStore, Tone
from zinekit.typeset.markup import Run
from zinekit.typeset.naming import describe, points
from zinekit.typeset.pages import ZineDoc
from zinekit.typeset.paragraph import recording
from zinekit.typeset.result import SetParagraph, TypesetResult
from zinekit.typeset.story import build_story
from zinekit.typeset.styles import make_styles
from zinekit.units import to_mm

# Each shrinking step takes this much off the body size.
_SHRINK_STEP = 0.5
# On a fixed number of pages, short content is set larger, up to this many times the
# default size, in steps of this much: a mini-zine's panels are filled, not left blank.
_GROW_LIMIT = 1.6
_GROW_STEP = 0.25
# ... and spread over them: up to this many lines' leading of extra space between blocks
# (and between the items of a block), found in steps of a quarter line.
_SPREAD_LIMIT = 8.0
_SPREAD_STEPS = 32


@dataclass
class _Attempt:
    pdf: bytes
    doc: ZineDoc
    size: float
    notes: list[str]
    paragraphs: list[SetParagraph]
    leading: float
    squeezed: list[str]
    spread: float = 0.0  # extra space between blocks, points

    @property
    def pages(self) -> int:
        return self.doc.page

    def one_liners(self) -> set[int]:
        """The paragraphs (by serial) set on one line."""
        lines: dict[int, int] = {}
        for para in self.paragraphs:
            lines[para.serial] = lines.get(para.serial, 0) + len(para.lines)
        return {serial for serial, count in lines.items() if count == 1}


Layout = Callable[[float, float], _Attempt]


def build(
    pub: m.Publication,
    *,
    base_dir: Path,
    target: PageTarget,
    shrink: bool,
    replace_missing: bool = False,
    fillable: bool = False,
    tone: Tone = "colour",
    theme: Theme | None = None,
    progress: Callable[[int], None] | None = None,
) -> TypesetResult:
    """See `zinekit.typeset.typeset`."""
    if theme is None:
        theme = load_theme(pub.theme or DEFAULT_THEME, base_dir)
    fonts = load_fonts(theme, pub.fonts, base_dir)
    replaced: list[str] = []
    if replace_missing:
        from zinekit.typeset.missing import replace_missing as replace

        pub, replaced = replace(pub, fonts)
    folio = _folio_text(theme, pub.lang) if pub.page_numbers else None
    images = ImageStore(base_dir, tone)
    # The theme's body size is a factor of the page's; rounded to 0.25 pt as that is.
    start = max(
        MIN_FONT_SIZE, round(default_font_size(target.page_size) * theme.spec.scale.body * 4) / 4
    )
    max_pages = target.capacity

    def layout(size: float, spread: float = 0.0, fillable: bool = False) -> _Attempt:
        return _layout(pub, theme, fonts, folio, images, size, target, fillable, spread, progress)

    sizes = [start]
    while shrink and max_pages and sizes[-1] > MIN_FONT_SIZE:
        sizes.append(max(MIN_FONT_SIZE, sizes[-1] - _SHRINK_STEP))
    attempt = None
    for size in sizes:
        attempt = layout(size)
        if max_pages is None or attempt.pages <= max_pages:
            break
    else:
        assert attempt is not None
        raise _overflow(pub, attempt, max_pages or 0, shrunk=len(sizes) > 1)
    if max_pages is not None and attempt.size == start:
        attempt = _fill(attempt, layout, max_pages)
    notes = replaced + list(dict.fromkeys(attempt.notes))  # two blocks may say the same
    if attempt.size < start:
        notes.append(
            say(
                "typeset.fit.shrunk",
                size=points(attempt.size),
                start=points(start),
                pages=max_pages,
            )
        )
    elif attempt.size > start or attempt.spread:
        shown = {"size": points(attempt.size), "start": points(start)}
        if attempt.size > start:
            how = say(
                "typeset.fit.larger-spread" if attempt.spread else "typeset.fit.larger", **shown
            )
        else:
            how = say("typeset.fit.spread", **shown)
        if attempt.pages == max_pages:
            notes.append(say("typeset.fit.fills", how=how, pages=max_pages))
        else:
            notes.append(
                say("typeset.fit.fills-part", how=how, used=attempt.pages, pages=max_pages)
            )
    fillable_pdf = None
    if fillable:
        form = layout(attempt.size, attempt.spread, fillable=True)
        if form.pages != attempt.pages:  # the fields take no room: a bug if they do
            raise AssertionError("the fillable layout differs from the printed one")
        fillable_pdf = form.pdf
    return TypesetResult(
        attempt.pdf,
        attempt.pages,
        attempt.size,
        tuple(notes),
        fillable_pdf=fillable_pdf,
        paragraphs=tuple(attempt.paragraphs),
    )


def _fill(fitted: _Attempt, layout: Layout, max_pages: int) -> _Attempt:
    """Short content on a fixed number of pages, set to fill them: the largest type that
    sets as well as the default (`_grow`), and where that leaves pages empty, space
    between the blocks; when space alone cannot fill them at that size, a smaller size
    with more space, down to the default."""
    grown = _grow(fitted, layout, max_pages)
    if grown.pages >= max_pages:
        return grown
    size = grown.size
    while size >= fitted.size:
        spread = _spread(layout, size, max_pages)
        if spread.pages == max_pages and _sets_as_well(spread, fitted):
            return spread
        size -= _GROW_STEP
    return grown


def _sets_as_well(attempt: _Attempt, fitted: _Attempt) -> bool:
    """Nothing new to say (a picture made smaller, an affirmation too long for its line),
    nothing set smaller than its style to keep to one line, and nothing that was set on
    one line at the default size wraps."""
    return (
        set(attempt.notes) <= set(fitted.notes)
        and set(attempt.squeezed) <= set(fitted.squeezed)
        and fitted.one_liners() <= attempt.one_liners()
    )


def _grow(fitted: _Attempt, layout: Layout, max_pages: int) -> _Attempt:
    """The largest type size, up to `_GROW_LIMIT` times the default, at which the content
    still fits `max_pages` and sets as well as at the default. Sizes are tried by halving
    the range; the page count and the lines grow with the size, so the largest is found."""
    steps = int((fitted.size * (_GROW_LIMIT - 1)) / _GROW_STEP)
    best, low, high = fitted, 1, steps
    while low <= high:
        middle = (low + high) // 2
        attempt = layout(fitted.size + middle * _GROW_STEP, 0.0)
        if attempt.pages <= max_pages and _sets_as_well(attempt, fitted):
            best, low = attempt, middle + 1
        else:
            high = middle - 1
    return best


def _folio_text(theme: Theme, lang: str) -> str:
    """The page-number format with the language's word for page filled in: "hlm. {n}"."""
    return theme.spec.page_numbers.format.replace("{label}", labels(lang)["page-short"])


def _spread(layout: Layout, size: float, max_pages: int) -> _Attempt:
    """At `size`, the most extra space between blocks with which the content still fits
    `max_pages` (more space, more pages; found by halving)."""
    best = layout(size, 0.0)
    leading = best.leading
    low, high = 1, _SPREAD_STEPS
    while low <= high and best.pages < max_pages:
        middle = (low + high) // 2
        attempt = layout(size, middle * leading * _SPREAD_LIMIT / _SPREAD_STEPS)
        if attempt.pages <= max_pages:
            best, low = attempt, middle + 1
            if attempt.pages == max_pages:
                break
        else:
            high = middle - 1
    return best


def _layout(
    pub: m.Publication,
    theme: Theme,
    fonts: FontSet,
    folio: str | None,
    images: ImageStore,
    size: float,
    target: PageTarget,
    fillable: bool = False,
    spread: float = 0.0,
    progress: Callable[[int], None] | None = None,
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
        spread=spread,
    )
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
        progress=progress,
    )
    with recording() as drawn:
        # The user's text is checked as the story is built, zinekit's own after it: a font
        # without Latin letters is reported at the first letter the user wrote, not at a
        # label or the hyphen zinekit adds.
        flowables = build_story(pub, ctx)
        ctx.check_own_text()
        _check_added_text(fonts, theme, folio)
        try:
            with _binary_streams():
                doc.build(flowables)
        except LayoutError:
            raise _too_large(pub, doc, geometry) from None
    return _Attempt(
        out.getvalue(), doc, size, ctx.notes, drawn, styles.leading, ctx.squeezed, spread
    )


def _check_added_text(fonts: FontSet, theme: Theme, folio: str | None) -> None:
    """Characters zinekit draws beyond the user's text: the hyphen reportlab adds when it
    breaks a word (in any of the four faces and in the heading and display faces) and the
    digits of the page numbers."""
    hyphens = [Run("-", bold, italic) for bold in (False, True) for italic in (False, True)]
    fonts.check(hyphens, where=None, what=say("typeset.parts.hyphen"))
    for role in ("heading", "display"):
        what = say("typeset.parts.role-font", role=role)
        fonts.check([Run("-")], where=None, what=what, font=fonts.role(role))
    if folio is not None:
        fonts.check(
            [Run(folio.format(n="0123456789"))],
            where=None,
            what=say("typeset.parts.page-numbers"),
            font=fonts.role(theme.spec.page_numbers.font),
        )


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


def _too_large(pub: m.Publication, doc: ZineDoc, geometry: Geometry) -> TypesetError:
    """A flowable taller than any page: said as the part of the block it is (an item of a
    checklist, the prompt of a write-in), with a hint for that part."""
    block = pub.blocks[doc.current_block] if doc.current_block is not None else None
    what = describe(block) if block else say("typeset.blocks.content")
    part, height = overflow.find(doc.placing)
    where = block.where if block else None
    if block is not None and part.at is not None:
        where = block.where_of(*part.at)
    sizes = {"needed": f"{to_mm(height):.0f}", "room": f"{to_mm(geometry.frame_height):.0f}"}
    # A flowable that keeps no height of its own is not measured: said without sizes.
    message = f"typeset.too-large.{part.kind}" if height > 0 else "typeset.too-large.unmeasured"
    return TypesetError(
        say(message, block=what, **sizes, **part.fields),
        where=where,
        hint=say(f"typeset.too-large.{part.kind}-hint"),
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
    message = say(
        "typeset.capacity.over",
        needed=doc.page,
        pages=max_pages,
        count=over,
        mm=f"{to_mm(height):.0f}",
    )
    if block is not None:
        message += say("typeset.capacity.from-block", block=describe(block))
    if shrunk:
        message += say("typeset.capacity.even-at", size=points(attempt.size))
    hint = say("typeset.capacity.hint" if shrunk else "typeset.capacity.hint-shrink")
    return CapacityError(message, pages_over=over, where=block.where if block else None, hint=hint)
