"""Paragraphs set as a careful typesetter sets them: `Para` never runs past its width,
never hyphenates a paragraph's last word, a third line in a row or across a page turn, and
keeps its widows and orphans; words marked in another language or as unbreakable keep their
own rules (`with_marked_words`, `in_language`). While `recording` is on, every paragraph
drawn is noted with its page and lines (for the fit loop and the typography checks)."""

from __future__ import annotations

import contextlib
import itertools
import weakref
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

import zinekit.typeset.reportlab_shim as shim
from zinekit.typeset import markup
from zinekit.typeset.hyphenate import WordBreaks, hyphenator, marked_words
from zinekit.typeset.result import SetParagraph


def with_marked_words(style: ParagraphStyle, items: list[markup.Run]) -> ParagraphStyle:
    """`style` with the words marked in its text (`{lang=en}`, `{nobreak}`) broken by their
    own rules; the same style when none is marked or the style does not hyphenate."""
    breaks = style.hyphenationLang
    words = marked_words((run.text, run.lang, run.nobreak) for run in items)
    if not words or not callable(breaks):
        return style
    guard = breaks if isinstance(breaks, WordBreaks) else WordBreaks(breaks)
    return ParagraphStyle(
        style.name,
        parent=style,
        hyphenationLang=guard.with_words(words),  # type: ignore[arg-type]  # a callable
    )


def in_language(style: ParagraphStyle, lang: str | None) -> ParagraphStyle:
    """`style` hyphenating by `lang` ("id" or "en") rather than the publication's language;
    the same style without `lang` or when the style does not hyphenate."""
    breaks = style.hyphenationLang
    if not lang or not callable(breaks):
        return style
    words = breaks.words if isinstance(breaks, WordBreaks) else {}
    return ParagraphStyle(
        style.name,
        parent=style,
        hyphenationLang=WordBreaks(hyphenator(lang), words),  # type: ignore[arg-type]
    )


class Para(Paragraph):
    """A paragraph that never runs past its width, and is broken as a careful typesetter
    breaks one: its last word never hyphenated, never more than two hyphenated lines in a
    row, no hyphen at the foot of a page (or frame). Each rule is kept by wrapping again
    with the word that broke it protected from breaking (see `hyphenate.WordBreaks`).

    reportlab breaks a long URL after its scheme and then cannot break the rest again, so
    a URL longer than a line would run off the page; such a paragraph is set again without
    hyphenation, where reportlab breaks over-long words between letters instead.

    While `recording` is on, every paragraph drawn is noted with its page and lines."""

    serial = -1  # the same for the parts of a split paragraph
    continued = False  # the second part of a split paragraph
    # Points added after every letter (a theme's letter-spacing): the lines are broken
    # to a measure narrow enough that each line, spaced, stays within the width.
    tracking = 0.0
    _measure: float | None = None  # the width the lines were last broken to

    def __init__(self, text: str, style: ParagraphStyle, **kw: Any) -> None:
        super().__init__(text, style, **kw)
        # reportlab replaces a paragraph's fragments with the words it broke them into,
        # its hyphenated pieces included, so a word broken once stays broken however the
        # paragraph is hyphenated after; `_protect` starts again from these.
        self._parsed = list(self.frags)
        counter = _SERIALS.get()
        if counter is not None:
            self.serial = next(counter)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if not self.tracking:
            return self._wrap(availWidth, availHeight)
        if self.style.spaceShrinkage:
            # reportlab squeezes the spaces of a line a little before it breaks it; a
            # spaced line is measured with its spaces as they are.
            self.style = ParagraphStyle(self.style.name, parent=self.style, spaceShrinkage=0)
        measure = availWidth
        for _ in range(_REWRAPS * 2):
            height = self._wrap(measure, availHeight)[1]
            self._measure = measure
            # A line too wide once spaced is broken before its last word: the measure
            # comes down to just under its unspaced width.
            too_wide = self._too_wide_when_spaced(availWidth)
            if not too_wide:
                break
            measure = min(too_wide) - _NARROWER
        self.width = availWidth
        return availWidth, height

    def _too_wide_when_spaced(self, width: float) -> list[float]:
        """The unspaced widths of the lines wider than `width` with their letters spaced."""
        font, size = self.style.fontName, self.style.fontSize
        widths = [(stringWidth(line, font, size), len(line)) for line in shim.paragraph_lines(self)]
        return [w for w, letters in widths if w + self.tracking * letters > width]

    def _wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        size = super().wrap(availWidth, availHeight)
        if _overflows(self) and self.style not in _UNHYPHENATED:
            self.style = _without_hyphenation(self.style)
            size = super().wrap(availWidth, availHeight)
        if shim.is_split_head(self):
            return size  # its lines were broken before the split
        sizes = [size]

        def again() -> None:
            sizes.append(super(Para, self).wrap(availWidth, availHeight))

        self.obey_rules(again)
        return sizes[-1]

    def obey_rules(self, rebreak: Callable[[], object]) -> None:
        """Break the lines again with `rebreak` (which breaks this paragraph, as `wrap` or a
        flowable that breaks it to widths of its own does) until no line breaks a rule."""
        for _ in range(_REWRAPS):
            words = _rule_broken(shim.paragraph_lines(self))
            if not words or not self._protect(words):
                break
            rebreak()

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if self.tracking:
            self.wrap(availWidth, availHeight)
            availWidth = self._measure or availWidth  # noqa: N806
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for _ in range(_REWRAPS):
            if len(parts) != 2:
                break
            # No hyphen at a page turn: the word at the foot breaks no more.
            head = shim.paragraph_lines(parts[0])  # type: ignore[arg-type]
            if not head or not head[-1].endswith("-"):
                break
            if not self._protect(_ends(shim.paragraph_lines(self), len(head) - 1)):
                break
            self._wrap(availWidth, availHeight)
            parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            for part in parts:
                part.serial = self.serial  # type: ignore[attr-defined]
                part.tracking = self.tracking  # type: ignore[attr-defined]
            parts[1].continued = True  # type: ignore[attr-defined]
        return parts

    def _protect(self, words: list[str]) -> bool:
        """Wrap from now on with `words` unbroken; False if they were already."""
        breaks = self.style.hyphenationLang
        # A word's own hyphen (berpura-pura) is a break reportlab makes without asking the
        # hyphenator, so it is turned off in either case.
        rules: dict[str, Any] = {"embeddedHyphenation": 0}
        if callable(breaks):
            guard = breaks if isinstance(breaks, WordBreaks) else WordBreaks(breaks)
            if all(guard.refuses(word) for word in words):
                return False
            for word in words:
                guard = guard.refusing(word)
            rules["hyphenationLang"] = guard  # a callable, as for the language
        elif not self.style.embeddedHyphenation:
            return False  # not hyphenated, and no word's own hyphen breaks
        self.frags = list(self._parsed)
        self.style = ParagraphStyle(self.style.name, parent=self.style, **rules)
        return True

    def draw(self) -> None:
        record = _RECORD.get()
        if record is not None:
            record.append(
                SetParagraph(
                    page=self.canv.getPageNumber(),
                    style=self.style.name,
                    lines=tuple(shim.paragraph_lines(self)),
                    first=not self.continued,
                    last=not shim.is_split_head(self),
                    serial=self.serial,
                )
            )
        if not self.tracking:
            super().draw()
            return
        # The letter spacing is part of the graphics state: set in a text object of its
        # own, it holds for the paragraph's text drawn after it, until the state is restored.
        self.canv.saveState()
        spacing = self.canv.beginText()
        spacing.setCharSpace(self.tracking)
        self.canv.drawText(spacing)
        super().draw()
        self.canv.restoreState()


# A measure this much under a line's width breaks that line earlier.
_NARROWER = 0.01
# How often a paragraph is wrapped again to keep a rule before it is left as it is.
_REWRAPS = 6


def _ends(lines: list[str], at: int) -> list[str]:
    """The word broken at the end of line `at`: with the hyphen reportlab added taken out,
    and as written with that hyphen (a word's own hyphen may end a line)."""
    at %= len(lines)
    head = lines[at].split()[-1] if lines[at].split() else ""
    rest = lines[at + 1].split() if at + 1 < len(lines) else []
    tail = rest[0] if rest else ""
    return [head[:-1] + tail, head + tail]


def _rule_broken(lines: list[str]) -> list[str]:
    """The word whose break breaks a rule in these lines, or []: the last word of the
    paragraph hyphenated; a third hyphenated line in a row."""
    hyphenated = [line.rstrip().endswith("-") for line in lines]
    if len(lines) >= 2 and hyphenated[-2] and len(lines[-1].split()) <= 1:
        return _ends(lines, -2)
    for i in range(2, len(lines) - 1):
        if hyphenated[i - 2] and hyphenated[i - 1] and hyphenated[i]:
            return _ends(lines, i)
    return []


_RECORD: ContextVar[list[SetParagraph] | None] = ContextVar("paragraph_record", default=None)
_SERIALS: ContextVar[Iterator[int] | None] = ContextVar("paragraph_serials", default=None)


@contextlib.contextmanager
def recording() -> Iterator[list[SetParagraph]]:
    """Number the paragraphs made, and note every one drawn, while the block runs."""
    record: list[SetParagraph] = []
    tokens = _RECORD.set(record), _SERIALS.set(itertools.count())
    try:
        yield record
    finally:
        _RECORD.reset(tokens[0])
        _SERIALS.reset(tokens[1])


# reportlab's own hyphenated lines may stick out into the (ragged) right margin by a point
# or two, unseen on paper; an unbreakable URL sticks out by far more.
_OVERFLOW = 3.0


# Each style's copy without hyphenation, made once; and the copies themselves.
_PLAIN: weakref.WeakKeyDictionary[ParagraphStyle, ParagraphStyle] = weakref.WeakKeyDictionary()
_UNHYPHENATED: weakref.WeakSet[ParagraphStyle] = weakref.WeakSet()


def _overflows(para: Paragraph) -> bool:
    widths = para.getActualLineWidths0()
    return bool(widths) and max(widths) - para.width > _OVERFLOW


def _without_hyphenation(style: ParagraphStyle) -> ParagraphStyle:
    plain = _PLAIN.get(style)
    if plain is None:
        plain = ParagraphStyle(
            f"{style.name}-unhyphenated",
            parent=style,
            hyphenationLang="",
            embeddedHyphenation=0,
            uriWasteReduce=0,
        )
        _UNHYPHENATED.add(plain)
        _PLAIN[style] = plain
    return plain
