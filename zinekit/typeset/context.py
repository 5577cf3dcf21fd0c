"""The typesetting context: what every block, cover and worksheet typesetter is given for
one layout at one type size (fonts, styles, labels, page geometry, images) and the one
way user text becomes a paragraph (`Context.paragraph`, or `Context.check` for text
zinekit draws itself), which refuses characters the font cannot draw before anything is
laid out. It also collects the notes for the user and numbers form fields and outline
entries as the story goes."""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from zinekit.content.base import Located
from zinekit.content.registry import block_kind
from zinekit.errors import Location
from zinekit.themes import DEFAULT_THEME, Theme, load_theme
from zinekit.typeset.fonts import FontSet
from zinekit.typeset.geometry import Geometry
from zinekit.typeset.i18n import Labels
from zinekit.typeset.images import ImageStore
from zinekit.typeset.markup import Run, paragraphs, runs, to_xml
from zinekit.typeset.naming import describe
from zinekit.typeset.paragraph import Para, in_language, with_marked_words
from zinekit.typeset.styles import Styles
from zinekit.typeset.worksheet import Field, field_base


class Context:
    """One layout's fonts, styles, labels, geometry and images, and its running state."""

    def __init__(
        self,
        *,
        fonts: FontSet,
        styles: Styles,
        labels: Labels,
        geometry: Geometry,
        images: ImageStore,
        fillable: bool = False,
        theme: Theme | None = None,
        spread: float = 0.0,
    ) -> None:
        self.fonts, self.styles, self.labels = fonts, styles, labels
        self.theme = theme or load_theme(DEFAULT_THEME)
        self.geometry, self.images = geometry, images
        self.fillable = fillable
        # Extra space between blocks (and their items) that spreads short content over
        # the pages of a fixed layout, points (see `story.build_story`).
        self.spread = spread
        self.notes: list[str] = []  # results that may surprise the user
        # Text set smaller than its style to fit its line (affirmations): the fit loop
        # enlarges the type no further than where this grows.
        self.squeezed: list[str] = []
        self.block_index = 0  # of the block being set, for field names (set by the story)
        self.block_lang: str | None = None  # its `lang:`, when it has one (set by the story)
        self._outline_count = 0
        # Text zinekit draws itself (labels, bullets, numbers), checked after the user's.
        self._own_text: list[tuple[Run, Location | None, str]] = []
        self._top_outline_seen = False

    # --- text -----------------------------------------------------------------------

    def paragraph(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        where: Location | None,
        what: str,
        bullet: str | None = None,
        markup: bool = True,
        case: str = "as-written",
    ) -> Para:
        """One paragraph of user text in `style`, its glyphs checked; `case` "upper" (a
        theme's headings) sets its words in capitals, links' addresses untouched."""
        bold, italic = self.fonts.style_of(style.fontName)
        items = runs(text, bold=bold, italic=italic) if markup else [Run(text, bold, italic)]
        if case == "upper":
            items = [replace(item, text=item.text.upper()) for item in items]
        self.fonts.check(items, where=where, what=what, font=style.fontName)
        if bullet:
            bold, italic = self.fonts.style_of(style.bulletFontName)
            self._own_text.append((Run(bullet, bold, italic), where, what))
        style = with_marked_words(in_language(style, self.block_lang), items)
        return Para(to_xml(items), style, bulletText=bullet)

    def paragraphs(
        self, text: str, style: ParagraphStyle, *, where: Location | None, what: str
    ) -> list[Para]:
        return [self.paragraph(p, style, where=where, what=what) for p in paragraphs(text)]

    def check(self, text: str, *, where: Location | None, what: str) -> None:
        """Check the user's text drawn in the regular face as it is (no markup)."""
        self.fonts.check([Run(text)], where=where, what=what)

    def check_own(self, text: str, *, where: Location | None, what: str) -> None:
        """Check text zinekit draws itself (labels, numbers) in the regular face, once
        the user's text is checked (`check_own_text`): a font that lacks a letter of
        "Sampul" most likely lacks one the user wrote first, and that is the one to name."""
        self._own_text.append((Run(text), where, what))

    def check_own_text(self) -> None:
        """Check the text given to `check_own` and the bullets, in order."""
        for run, where, what in self._own_text:
            self.fonts.check([run], where=where, what=what)

    def title(self, title: str | None, block: Located) -> list[Flowable]:
        """The optional title above a list, a checklist, a table."""
        if not title:
            return []
        return [self.paragraph(title, self.styles.title, where=block.where, what=describe(block))]

    # --- numbering --------------------------------------------------------------------

    def outline_entry(self, level: int) -> tuple[int, str]:
        """The outline level and bookmark key of the next heading of `level` (1 or 2).
        Outline levels may not skip: a level-2 heading before any level 1 is a top entry."""
        depth = 0 if level == 1 or not self._top_outline_seen else 1
        self._top_outline_seen |= depth == 0
        self._outline_count += 1
        return depth, f"h{self._outline_count}"

    def field(self, block: Located, text: str | None, tooltip: str) -> Field | None:
        """The form field of `block`, the block being set, with --fillable; else None. Its
        name is the block's place and kind, and the words of `text`."""
        if not self.fillable:
            return None
        plain = "".join(run.text for run in runs(text)) if text else None
        words = "".join(run.text for run in runs(tooltip))
        kind = block_kind(block) or "block"
        return Field(field_base(self.block_index, kind, plain), words, self.field_size())

    def field_size(self) -> float:
        # What is typed into a field reads like the body text, never tiny.
        return max(10.0, round(self.styles.size))


def lead(mark: Flowable, following: list[Flowable]) -> None:
    """Give a zero-size mark the space before what follows it. A group kept together (a
    heading and what follows) is placed as if it began with its first flowable's space
    before, and that is often such a mark: with none, the group seems to fit at the foot
    of a page where it does not. The frame spends no space before a zero-size flowable,
    so nothing moves on the page."""
    mark.spaceBefore = following[0].getSpaceBefore() if following else 0.0
