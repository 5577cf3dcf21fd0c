"""What `typeset` returns (`TypesetResult`).
Kept apart from the typesetting modules so that importing it loads no reportlab."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SetParagraph:
    """One paragraph, or the part of one on a page, as it was set: what the typography
    rules are checked against (paragraph boundaries cannot be told from the PDF alone)."""

    page: int  # 1-based
    style: str  # the name of its paragraph style: "body", "h1", ...
    lines: tuple[str, ...]  # as broken; a hyphen added at a break ends its line
    first: bool  # the paragraph starts here
    last: bool  # ... and ends here
    serial: int  # the same for the parts of one paragraph, in story order


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
    # Every paragraph set, in drawing order.
    paragraphs: tuple[SetParagraph, ...] = field(default=())
