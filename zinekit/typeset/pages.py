"""The document template: page templates (cover, left and right body pages, back
cover), page numbers, and the bookkeeping that says which content block each page starts
with, so that a page-capacity error can name the block that runs over."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import ActionFlowable

import zinekit.typeset.reportlab_shim as shim
from zinekit.typeset.flowables import BlockMark, Gap, KeepWithFirst
from zinekit.typeset.geometry import Geometry
from zinekit.typeset.styles import BLACK

# Body pages alternate, from page 2 (a left-hand page); page 1 is the cover, or without
# one, a right-hand body page.
BODY_TEMPLATES = ["left", "right"]


class ZineDoc(BaseDocTemplate):
    """One build of the publication; after `build`, `page` is the page count."""

    def __init__(
        self,
        out: IO[bytes],
        *,
        geometry: Geometry,
        folio: tuple[str, float, str] | None,  # font, size, format with {n}
        centred_folio: bool,
        font: str,
        font_size: float,
        meta: dict[str, str | None],
        cover: bool,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        g = geometry
        super().__init__(
            out,
            # With bleed the paper is larger on every side; everything is drawn in the
            # trimmed page's coordinates, moved in by the bleed (see handle_pageBegin).
            pagesize=(g.width + 2 * g.bleed, g.height + 2 * g.bleed),
            initialFontName=font,  # else every page names Helvetica in its resources
            initialFontSize=font_size,
            creator="zinekit",
            title=meta["title"] or "",
            author=meta["author"] or "",
            subject=meta["subject"] or "",
            lang=meta["lang"],
            pageCompression=1,
            # A heading and the first lines of what follows stay on one page. Given here:
            # reportlab's constructor sets every one of its options on the instance, so a
            # class attribute of that name would never be read.
            keepTogetherClass=KeepWithFirst,
        )
        self.geometry = g
        self.progress = progress
        self.folio = folio
        self.centred_folio = centred_folio
        self.current_block: int | None = None
        # The flowable being placed, kept when reportlab finds it larger than any page so
        # that the error can say what it is (`zinekit.typeset.overflow`).
        self.placing: Flowable | None = None
        self.first_block: dict[int, int | None] = {}  # page -> block it begins with
        self.used: dict[int, float] = {}  # page -> height of text on it, points
        whole = (g.inner, g.top, g.width - 2 * g.inner, g.height - 2 * g.top)
        right = PageTemplate("right", [self._body_frame(1)], onPage=self._page_number)
        templates = [
            PageTemplate("cover", [_frame(*whole)]),
            PageTemplate("left", [self._body_frame(2)], onPage=self._page_number),
            right,
            PageTemplate("back", [_frame(*whole)]),
        ]
        if not cover:
            # The first template in the list sets page 1.
            templates.remove(right)
            templates.insert(0, right)
        self.addPageTemplates(templates)

    def _body_frame(self, page: int) -> Frame:
        g = self.geometry
        return _frame(g.frame_x(page), g.bottom, g.page_frame_width, g.frame_height)

    def handle_pageBegin(self) -> None:  # noqa: N802
        b = self.geometry.bleed
        if b:
            if self.page == 0:
                # The boxes hold for every page after. The finished page is the TrimBox;
                # a viewer shows the CropBox, the same, so the reading PDF looks trimmed,
                # and the imposer takes the BleedBox, all the paper, for the sheet's edges.
                g = self.geometry
                trim = (b, b, b + g.width, b + g.height)
                self.canv.setTrimBox(trim)
                self.canv.setCropBox(trim)
                self.canv.setBleedBox((0, 0, g.width + 2 * b, g.height + 2 * b))
            self.canv.translate(b, b)
        super().handle_pageBegin()
        if self.progress is not None:
            self.progress(self.page)
        if self.page == 1:
            self.canv.showOutline()  # open the outline panel when the PDF opens

    def handle_flowable(self, flowables: list[Flowable]) -> None:  # noqa: D102
        frame = getattr(self, "frame", None)
        if flowables and isinstance(flowables[0], Gap) and frame and shim.frame_at_top(frame):
            # Extra space between blocks is not wanted at the top of a page.
            del flowables[0]
            return
        if flowables:
            self.placing = flowables[0]
        super().handle_flowable(flowables)

    def _page_number(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if not self.folio:
            return
        font, size, format_ = self.folio
        x = self.geometry.folio_x(self.page, self.centred_folio)
        y = self.geometry.folio_y
        canv.saveState()
        canv.setFillColor(BLACK)
        canv.setFont(font, size)
        text = format_.format(n=self.page)
        if self.centred_folio:
            canv.drawCentredString(x, y, text)
        elif self.page % 2:
            canv.drawRightString(x, y, text)
        else:
            canv.drawString(x, y, text)
        canv.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        frame = getattr(self, "frame", None)
        if frame is not None and shim.frame_cursor(frame) < shim.frame_floor(frame):
            # The space after a flowable that ends at the foot of the page is not needed
            # there. Left below the foot, it would push the zero-size mark of the next
            # block to a page of its own, and a page break after the mark would leave that
            # page blank.
            shim.drop_to_floor(frame)
        if isinstance(flowable, BlockMark):
            self.current_block = flowable.index
            return
        frame = getattr(self, "frame", None)
        if shim.is_zero_size(flowable) or isinstance(flowable, ActionFlowable) or not frame:
            return
        self.first_block.setdefault(self.page, self.current_block)
        self.used[self.page] = shim.frame_top(frame) - shim.frame_cursor(frame)


def _frame(x: float, y: float, width: float, height: float, name: str = "text") -> Frame:
    # reportlab pads frames by 6 pt on every side; the margins already include the room.
    # Balanced columns (`columns: 2`) return to the page's frame by its id.
    return Frame(
        x, y, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name
    )
