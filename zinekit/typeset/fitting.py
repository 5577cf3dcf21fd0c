"""Type sized to its measure: a title (cover title, masthead, heading) is never split
inside a word. It breaks between words only, and where its longest word is wider than the
line, its size comes down until that word fits."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from zinekit.typeset.fonts import FontSet
from zinekit.typeset.markup import runs

# Below this share of the width a word is left some room: a glyph's side bearings and the
# rounding of widths never push the last letter onto a line of its own.
_MEASURE_SHARE = 0.98


def widest_word(
    fonts: FontSet,
    style: ParagraphStyle,
    text: str,
    size: float,
    case: str = "as-written",
    tracking: float = 0.0,
) -> float:
    """The width at `size` of the widest word of `text` (markup taken into account: a bold
    run is measured in bold), in capitals when `case` is "upper" (as `Context.paragraph`
    sets it), `tracking` em after each letter. A word is what lies between spaces, its
    punctuation with it."""
    bold, italic = fonts.style_of(style.fontName)
    # A role face of its own (a theme's heading or display face) is a family of one.
    own = all(face.name != style.fontName for face in fonts.faces.values())
    widths = [0.0]
    for run in runs(text, bold=bold, italic=italic):
        font = style.fontName if own else fonts.name(run.bold, run.italic)
        shown = run.text.upper() if case == "upper" else run.text
        pieces = shown.replace("\u00a0", " ").split(" ")
        # A run that does not start with a space goes on with the word before it.
        spaced = [stringWidth(piece, font, size) + size * tracking * len(piece) for piece in pieces]
        widths[-1] += spaced[0]
        widths += spaced[1:]
    return max(widths)


def fit_words(
    fonts: FontSet,
    style: ParagraphStyle,
    text: str,
    width: float,
    name: str | None = None,
    case: str = "as-written",
    tracking: float = 0.0,
) -> ParagraphStyle:
    """`style`, never splitting a word, at a size at which the widest word of `text` fits
    `width` (its letters `tracking` em apart): its own size when it fits, else smaller
    (the leading and the space after in proportion)."""
    size = style.fontSize
    widest = widest_word(fonts, style, text, size, case, tracking)
    scale = min(1.0, width * _MEASURE_SHARE / widest) if widest else 1.0
    return ParagraphStyle(
        name or style.name,
        parent=style,
        fontSize=size * scale,
        leading=style.leading * scale,
        spaceAfter=style.spaceAfter * scale,
        # Between words only: no hyphen, and no letters cut off a word that fits.
        hyphenationLang="",
        embeddedHyphenation=0,
        splitLongWords=0,
    )
