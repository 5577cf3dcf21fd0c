"""Content blocks -> reportlab flowables, in one story with the covers (`covers`). Every
text goes through `Story.paragraph` (or `Story.check`), which refuses characters the font
cannot draw before anything is laid out."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Table, TableStyle
from reportlab.platypus.doctemplate import NextPageTemplate

from zinekit.content.base import Located
from zinekit.content.blocks.image import Image as ImageBlock
from zinekit.content.blocks.page_break import PageBreak as PageBreakBlock
from zinekit.content.blocks.resources import Resources
from zinekit.content.blocks.text import Affirmations, Agreements, Heading, ListBlock, Quote, Text
from zinekit.content.blocks.worksheet import FILL, PITCH, REST, Checklist, Fields, Scale
from zinekit.content.blocks.worksheet import Box as BoxBlock
from zinekit.content.blocks.worksheet import Table as TableBlock
from zinekit.content.blocks.worksheet import WriteIn as WriteInBlock
from zinekit.content.model import Publication
from zinekit.content.registry import describe
from zinekit.errors import Location, TypesetError
from zinekit.typeset.covers import back_page, cover_page, masthead
from zinekit.typeset.flowables import (
    BlockMark,
    OutlineMark,
    PadBeforeBack,
    Para,
    Picture,
    QRCode,
)
from zinekit.typeset.fonts import FontSet
from zinekit.typeset.geometry import MIN_FONT_SIZE, Geometry
from zinekit.typeset.i18n import Labels
from zinekit.typeset.images import ImageStore
from zinekit.typeset.markup import Run, paragraphs, runs, to_xml
from zinekit.typeset.pages import BODY_TEMPLATES
from zinekit.typeset.styles import BLACK, Styles
from zinekit.typeset.worksheet import (
    WORKSHEET_SHAPES,
    Box,
    Cell,
    Field,
    FieldLine,
    Grid,
    ScaleRow,
    TickItem,
    WriteIn,
    cells_per_line,
    field_base,
    line_length,
    slug,
)
from zinekit.units import mm, to_mm

BULLET = "\u2022"
# A picture leaves at least this share of the text height for its caption and neighbours.
_PICTURE_MAX_HEIGHT = 0.8


class Story:
    """Builds the flowables of one publication at one type size."""

    def __init__(
        self,
        pub: Publication,
        *,
        fonts: FontSet,
        styles: Styles,
        labels: Labels,
        geometry: Geometry,
        images: ImageStore,
        last_page: int | None,
        pad_multiple: int | None,
        fillable: bool = False,
    ) -> None:
        self.pub, self.fonts, self.styles, self.labels = pub, fonts, styles, labels
        self.geometry, self.images = geometry, images
        self.last_page, self.pad_multiple = last_page, pad_multiple
        self.fillable = fillable
        self.notes: list[str] = []
        self._index = 0  # of the block being built, for field names
        self._outline_count = 0
        self._top_outline_seen = False

    # --- the whole document ---------------------------------------------------------

    def build(self) -> list[Flowable]:
        """Cover (or, without one, a title on page 1), content blocks in order (each after a
        BlockMark), then the back cover."""
        if self.pub.cover:
            first = cover_page(self, self.pub.cover)
            story = [first, NextPageTemplate(BODY_TEMPLATES), PageBreak()]
        else:
            # A handout has no cover: page 1 (a right-hand page) opens with the title.
            story = [NextPageTemplate(BODY_TEMPLATES), *masthead(self)]
        handlers: dict[type, Callable[..., list[Flowable]]] = {
            Heading: self.heading,
            Text: self.text,
            ListBlock: self.list_block,
            Agreements: self.agreements,
            Affirmations: self.affirmations,
            Resources: self.resources,
            Quote: self.quote,
            ImageBlock: self.image,
            WriteInBlock: self.write_in,
            BoxBlock: self.box,
            Checklist: self.checklist,
            Scale: self.scale,
            Fields: self.fields,
            TableBlock: self.table,
            PageBreakBlock: lambda block: [PageBreak()],
        }
        for index, block in enumerate(self.pub.blocks):
            self._index = index
            mark = BlockMark(index)
            # A mark between a heading and its text must not break keep-with-next.
            mark.keepWithNext = bool(story and story[-1].getKeepWithNext())
            story.append(mark)
            flowables = handlers[type(block)](block)
            _lead(mark, flowables)
            for flowable in flowables:
                if isinstance(flowable, WORKSHEET_SHAPES):
                    # Measured with room for the space before the block (worksheet._slack).
                    flowable.slack = self.styles.leading
            story.extend(flowables)
        if self.pub.back:
            story += [
                PadBeforeBack(self.last_page, self.pad_multiple),
                NextPageTemplate("back"),
                PageBreak(),
                back_page(self, self.pub.back),
            ]
        return story

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
    ) -> Para:
        """One paragraph of user text in `style`, its glyphs checked."""
        bold, italic = self.fonts.style_of(style.fontName)
        items = runs(text, bold=bold, italic=italic) if markup else [Run(text, bold, italic)]
        self.fonts.check(items, where=where, what=what)
        if bullet:
            bold, italic = self.fonts.style_of(style.bulletFontName)
            self.fonts.check([Run(bullet, bold, italic)], where=where, what=what)
        return Para(to_xml(items), style, bulletText=bullet)

    def paragraphs(
        self, text: str, style: ParagraphStyle, *, where: Location | None, what: str
    ) -> list[Para]:
        return [self.paragraph(p, style, where=where, what=what) for p in paragraphs(text)]

    def check(self, text: str, *, where: Location | None, what: str) -> None:
        """Check text zinekit draws itself (labels, numbers, bullets) in the regular face."""
        self.fonts.check([Run(text)], where=where, what=what)

    # --- blocks ---------------------------------------------------------------------

    def heading(self, block: Heading) -> list[Flowable]:
        what = describe(block)
        style = self.styles.h1 if block.level == 1 else self.styles.h2
        para = self.paragraph(block.heading, style, where=block.where, what=what)
        # Outline levels may not skip: a level-2 heading before any level 1 is a top entry.
        level = 0 if block.level == 1 or not self._top_outline_seen else 1
        self._top_outline_seen |= level == 0
        self._outline_count += 1
        title = "".join(run.text for run in runs(block.heading))
        outline = OutlineMark(title, level, f"h{self._outline_count}")
        _lead(outline, [para])
        return [outline, para]

    def text(self, block: Text) -> list[Flowable]:
        return list(
            self.paragraphs(block.text, self.styles.body, where=block.where, what=describe(block))
        )

    def _title(self, title: str | None, block: Located) -> list[Flowable]:
        if not title:
            return []
        return [self.paragraph(title, self.styles.title, where=block.where, what=describe(block))]

    def _indented(self, marks: list[str]) -> tuple[ParagraphStyle, ParagraphStyle]:
        """Item style with room for the widest mark, and the same indent without one."""
        s = self.styles
        widest = max(stringWidth(mark, s.item.fontName, s.size) for mark in marks)
        indent = widest + s.size * 0.6
        item = ParagraphStyle("item", parent=s.item, leftIndent=indent, bulletIndent=0)
        rest = ParagraphStyle("item-rest", parent=s.agreement_text, leftIndent=indent)
        return item, rest

    def list_block(self, block: ListBlock) -> list[Flowable]:
        what = describe(block)
        marks = [f"{i}." for i in range(1, len(block.items) + 1)] if block.numbered else [BULLET]
        item_style, rest_style = self._indented(marks)
        out = self._title(block.title, block)
        for i, item in enumerate(block.items):
            mark = marks[i] if block.numbered else BULLET
            first, *more = paragraphs(item)
            out.append(self.paragraph(first, item_style, where=block.where, what=what, bullet=mark))
            out += [self.paragraph(p, rest_style, where=block.where, what=what) for p in more]
        # The text after a list stands as far from it as from a paragraph.
        out[-1].spaceAfter = self.styles.body.spaceAfter
        return out

    def agreements(self, block: Agreements) -> list[Flowable]:
        what = describe(block)
        count = len(block.agreements)
        marks = [f"{i}." for i in range(1, count + 1)] if block.numbered else [""]
        title_style, text_style = self._indented(marks)
        bold = self.fonts.name(bold=True)
        title_style = ParagraphStyle(
            "agreement-title",
            parent=title_style,
            fontName=bold,
            bulletFontName=bold,
            spaceAfter=self.styles.leading * 0.1,
        )
        if not block.numbered:
            title_style.leftIndent = text_style.leftIndent = 0
        # A title without text keeps the space an agreement's text would leave.
        alone_style = ParagraphStyle(
            "agreement-alone", parent=title_style, spaceAfter=text_style.spaceAfter
        )
        out: list[Flowable] = []
        for i, agreement in enumerate(block.agreements):
            mark = marks[i] if block.numbered else None
            texts = (
                self.paragraphs(agreement.text, text_style, where=block.where, what=what)
                if agreement.text
                else []
            )
            style = title_style if texts else alone_style
            title = self.paragraph(
                agreement.title, style, where=block.where, what=what, bullet=mark
            )
            title.keepWithNext = int(bool(texts))
            out += [title, *texts]
        return out

    def affirmations(self, block: Affirmations) -> list[Flowable]:
        what = describe(block)
        spec = block.affirmations
        before, after = spec.pattern.split("{}")
        style = self.styles.affirmation
        bold, italic = self.fonts.style_of(style.fontName)

        def plain(text: str) -> list[Run]:
            return runs(text, bold=bold, italic=italic)

        lines = []
        for item in spec.items:
            # The item is what changes from line to line: set it in bold.
            items = [*plain(before), *runs(item, bold=True, italic=italic), *plain(after)]
            self.fonts.check(items, where=block.where, what=what)
            lines.append(items)
        style, fits = self._one_line_each(style, lines, spec.pattern)
        if fits:
            out: list[Flowable] = [Para(to_xml(items), style) for items in lines]
        else:
            # The punctuation right after the item stays with it: "ALASAN," / "TAK APA-APA".
            cut = next((i for i, char in enumerate(after) if char.isspace()), len(after))
            head, tail = after[:cut], after[cut:].lstrip()
            gap = after[cut:] != tail
            space = Run(" ", bold, italic)
            out = []
            for item in spec.items:
                segments = [plain(before.rstrip())]
                bold_item = [*runs(item, bold=True, italic=italic), *plain(head)]
                if before[-1:].isspace():
                    segments.append(bold_item)
                else:
                    segments[-1] += bold_item
                if gap:
                    segments.append(plain(tail))
                else:
                    segments[-1] += plain(tail)
                out.append(Para(self._broken(segments, space, style), style))
        if spec.continue_ is not None:
            text = spec.continue_.prompt or self.labels["continue-prompt"]
            prompt = self.paragraph(text, self.styles.prompt, where=block.where, what=what)
            if spec.continue_.lines:
                field = self._field("affirmations", text, text)
                out.append(
                    WriteIn(
                        prompt,
                        spec.continue_.lines,
                        PITCH,
                        page_height=self.geometry.frame_height,
                        field=field,
                    )
                )
            else:
                out[-1].keepWithNext = 1
                out.append(prompt)
        return out

    def _one_line_each(
        self, style: ParagraphStyle, lines: list[list[Run]], pattern: str
    ) -> tuple[ParagraphStyle, bool]:
        """A smaller size, if need be, so that every affirmation fits on one line. When one
        is too long even then (False), they keep their size and wrap under themselves, and
        the user hears of it."""
        measure = self.geometry.frame_width
        widest = max(
            sum(stringWidth(r.text, self.fonts.name(r.bold, r.italic), style.fontSize) for r in rs)
            for rs in lines
        )
        if widest <= measure:
            return style, True
        floor = min(style.fontSize, max(MIN_FONT_SIZE, 0.85 * style.fontSize))
        size = max(floor, style.fontSize * measure / widest * 0.995)
        fits = widest * size / style.fontSize <= measure
        if not fits:
            self.notes.append(
                f"some lines of the affirmations {pattern!r} are too long for one line"
            )
            size = style.fontSize  # wrapping anyway: no need to be smaller too
        return ParagraphStyle(
            "affirmation-fitted",
            parent=style,
            fontSize=size,
            leading=style.leading * size / style.fontSize,
            leftIndent=style.fontSize,
            firstLineIndent=-style.fontSize,
        ), fits

    def _broken(self, segments: list[list[Run]], space: Run, style: ParagraphStyle) -> str:
        """Paragraph XML of an affirmation too long for one line: its segments (the words
        before the item; the item and the punctuation after it; the rest) packed into
        lines with line breaks between them: "KALAU KAMU MERASA" / "SEDIH TANPA ALASAN,
        TAK APA-APA", not "KALAU KAMU MERASA SEDIH TANPA" / "ALASAN, TAK APA-APA". A
        segment too wide for a line by itself wraps where it must."""

        def width(seg: list[Run]) -> float:
            return sum(
                stringWidth(r.text, self.fonts.name(r.bold, r.italic), style.fontSize) for r in seg
            )

        lines: list[list[Run]] = []
        for seg in segments:
            if not "".join(run.text for run in seg).strip():
                continue
            # Lines after the first hang under it, indented by the style's leftIndent.
            room = self.geometry.frame_width - (style.leftIndent if len(lines) > 1 else 0)
            if lines and width(lines[-1]) + width([space]) + width(seg) <= room:
                lines[-1] = [*lines[-1], space, *seg]
            else:
                lines.append(list(seg))
        return "<br/>".join(to_xml(line) for line in lines)

    def resources(self, block: Resources) -> list[Flowable]:
        what = describe(block)
        out = self._title(block.title, block)
        s = self.styles
        for resource in block.resources:
            kind = self.labels.kind(resource.kind)
            parts: list[Flowable] = [
                self.paragraph(kind.upper(), s.kind, where=block.where, what=what, markup=False),
                self.paragraph(resource.title, s.resource_title, where=block.where, what=what),
            ]
            meta = " \u00b7 ".join(
                str(x) for x in (resource.by, resource.year, resource.length) if x
            )
            if meta:
                parts.append(self.paragraph(meta, s.meta, where=block.where, what=what))
            if resource.note:
                parts += self.paragraphs(resource.note, s.body, where=block.where, what=what)
            if resource.link:
                parts += self._link(resource.link, block.where, what)
            # An entry stays on one page: its parts keep with the next (not KeepTogether,
            # which would also part it from a heading above).
            for part in parts[:-1]:
                part.keepWithNext = 1
            parts[-1].spaceAfter = s.leading
            out += parts
        return out

    def _link(self, link: str, where: Location | None, what: str) -> list[Flowable]:
        """The QR code with the address printed beside it, or under it on a narrow page."""
        s = self.styles
        width = self.geometry.frame_width
        code = QRCode(link, max_size=width * 0.4)
        if code.width > width:
            raise TypesetError(
                f"the page is too narrow for the QR code of a link in {what}",
                where=where,
                hint="a QR code needs at least 15 mm and a white border",
            )
        shown = link.removeprefix("mailto:")
        self.fonts.check([Run(shown)], where=where, what=what)
        url = Para(to_xml([Run(shown, href=link)]), s.url)
        gap = s.size * 0.6
        if width - code.width - gap < max(mm(20), 0.3 * width):
            code.keepWithNext = 1
            return [code, url]
        table = Table(
            [[code, url]],
            colWidths=[code.width, width - code.width],
            style=TableStyle(
                [
                    # Table's own default font is Helvetica, set even for cells of flowables.
                    ("FONTNAME", (0, 0), (-1, -1), s.url.fontName),
                    ("TEXTCOLOR", (0, 0), (-1, -1), BLACK),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("LEFTPADDING", (1, 0), (1, 0), gap),
                ]
            ),
            hAlign="LEFT",
        )
        return [table]

    # --- worksheets -----------------------------------------------------------------

    def _field(self, kind: str, text: str | None, tooltip: str, size: float = 0) -> Field | None:
        """The form field of the block being built, with --fillable; else None."""
        if not self.fillable:
            return None
        plain = "".join(run.text for run in runs(text)) if text else None
        words = "".join(run.text for run in runs(tooltip))
        return Field(field_base(self._index, kind, plain), words, size or self._field_size())

    def _field_size(self) -> float:
        # What is typed into a field reads like the body text, never tiny.
        return max(10.0, round(self.styles.size))

    def _question(self, text: str, block: Located, *, large: bool = False) -> Para:
        style = self.styles.question
        if large:
            size = style.fontSize * 1.25
            style = ParagraphStyle(
                "question-large", parent=style, fontSize=size, leading=style.leading * 1.25
            )
        return self.paragraph(text, style, where=block.where, what=describe(block))

    def write_in(self, block: WriteInBlock) -> list[Flowable]:
        prompt = self._question(block.write_in, block, large=block.large)
        lines = None if block.lines == FILL else int(block.lines)
        field = self._field("write-in", block.write_in, block.write_in)
        writein = WriteIn(
            prompt, lines, block.line_pitch, page_height=self.geometry.frame_height, field=field
        )
        writein.spaceAfter = self.styles.body.spaceAfter
        return [writein]

    def box(self, block: BoxBlock) -> list[Flowable]:
        label = self._question(block.box, block)
        height = None if block.height == REST else float(block.height)
        gap = self.styles.leading * 0.3
        room = self.geometry.frame_height - label.wrap(self.geometry.frame_width, 1e6)[1] - gap
        if height is not None and height > room:
            raise TypesetError(
                f"{describe(block)} is {to_mm(height):.0f} mm high, but a page has room for"
                f" {to_mm(room):.0f} mm under its label",
                where=block.where,
                hint="make it lower, or write height: rest for the rest of the page",
            )
        box = Box(
            label,
            height,
            least=min(mm(20), room),
            gap=gap,
            field=self._field("box", block.box, block.box),
        )
        box.spaceAfter = self.styles.body.spaceAfter
        return [box]

    def checklist(self, block: Checklist) -> list[Flowable]:
        what = describe(block)
        out = self._title(block.title, block)
        s = self.styles
        style = ParagraphStyle("tick", parent=s.item, spaceAfter=s.leading * 0.35)
        side = s.size * 1.05
        base = self._field("checklist", block.title, block.title or "")
        for i, item in enumerate(block.checklist, start=1):
            para = self.paragraph(item, style, where=block.where, what=what)
            field = None
            if base is not None:
                words = "".join(run.text for run in runs(item))
                field = Field(f"{base.name}-{i:02d}", words)
            out.append(TickItem(para, side, s.size * 0.6, field))
        out[-1].spaceAfter = s.body.spaceAfter
        return out

    def scale(self, block: Scale) -> list[Flowable]:
        what = describe(block)
        s = self.styles
        question = self._question(block.scale, block)
        self.check("0123456789", where=block.where, what=what)
        right = ParagraphStyle("scale-high", parent=s.small, alignment=TA_RIGHT)
        low = block.low and self.paragraph(block.low, s.small, where=block.where, what=what)
        high = block.high and self.paragraph(block.high, right, where=block.where, what=what)
        row = ScaleRow(
            question,
            block.count,
            diameter=max(mm(4.5), s.size * 1.5),
            number_font=(self.fonts.name(), s.small.fontSize),
            low=low or None,
            high=high or None,
            gap=s.leading * 0.3,
            field=self._field("scale", block.scale, block.scale),
        )
        row.spaceAfter = s.body.spaceAfter
        return [row]

    def fields(self, block: Fields) -> list[Flowable]:
        what = describe(block)
        s = self.styles
        font, size = self.fonts.name(), s.size
        for label in block.fields:
            self.check(label, where=block.where, what=what)
        gap = size * 0.6
        width = self.geometry.frame_width
        for label in block.fields:
            if line_length([label], font, size, width, gap) < mm(16):
                raise TypesetError(
                    f"the label {label!r} in {what} leaves no room on the line to write on",
                    where=block.where,
                    hint="shorten the label, or ask the question in a write-in block",
                )
        per_line = cells_per_line(block.fields, font, size, width, gap)
        base = self._field("fields", None, "")
        names: set[str] = set()
        out: list[Flowable] = []
        for row in range(1, block.rows + 1):
            cells = []
            for label in block.fields:
                field = None
                if base is not None:
                    name = f"{base.name}-{slug(label) or 'field'}"
                    if block.rows > 1:
                        name = f"{base.name}-{row:02d}-{slug(label) or 'field'}"
                    while name in names:
                        name += "-2"
                    names.add(name)
                    field = Field(name, label, self._field_size())
                cells.append(Cell(label, field))
            for start in range(0, len(cells), per_line):
                line = FieldLine(
                    cells[start : start + per_line],
                    font=(font, size),
                    height=max(PITCH, s.leading * 1.6),
                    gap=gap,
                )
                line.keepWithNext = 1
                out.append(line)
        out[-1].keepWithNext = 0
        out[-1].spaceAfter = s.body.spaceAfter
        return out

    def table(self, block: TableBlock) -> list[Flowable]:
        what = describe(block)
        s = self.styles
        out = self._title(block.title, block)
        head_style = ParagraphStyle(
            "table-head", parent=s.small, fontName=self.fonts.name(bold=True)
        )
        headers = [self.paragraph(h, head_style, where=block.where, what=what) for h in block.table]
        rows = None if block.rows == FILL else int(block.rows)
        base = self._field("table", block.title, block.title or "")
        grid = Grid(
            headers,
            rows,
            block.line_pitch,
            padding=s.size * 0.35,
            page_height=self.geometry.frame_height,
            field=base.name if base else None,
            row_label=self.labels["row"],
        )
        grid.spaceAfter = s.body.spaceAfter
        out.append(grid)
        return out

    def quote(self, block: Quote) -> list[Flowable]:
        what = describe(block)
        text = block.quote.text
        # Typographic quotation marks, unless the writer put some in.
        if text[0] not in "\"'\u201c\u2018\u00ab\u201e":
            text = f"\u201c{text}\u201d"
        quote = self.paragraph(text, self.styles.quote, where=block.where, what=what)
        if not block.quote.by:
            quote.keepWithNext = 0
            return [quote]
        by = self.paragraph(
            f"\u2014 {block.quote.by}", self.styles.quote_by, where=block.where, what=what
        )
        return [quote, by]

    def image(self, block: ImageBlock) -> list[Flowable]:
        spec = block.image
        g = self.geometry
        width = spec.width * g.frame_width
        prepared = self.images.get(spec.src, max_width=width, where=block.where)
        height = width * prepared.aspect
        limit = g.frame_height * _PICTURE_MAX_HEIGHT
        if height > limit:
            width, height = limit / prepared.aspect, limit
            self.notes.append(
                f"image {spec.src!r} is printed smaller than asked so that it fits on a page"
            )
        picture = Picture(prepared.source, width, height, screen=self.images.screen)
        if not spec.caption:
            picture.spaceAfter = self.styles.body.spaceAfter
            return [picture]
        picture.keepWithNext = 1
        caption = self.paragraph(
            spec.caption, self.styles.caption, where=block.where, what=describe(block)
        )
        return [picture, caption]


def _lead(mark: Flowable, following: list[Flowable]) -> None:
    """Give a zero-size mark the space before what follows it. A group kept together (a
    heading and what follows) is placed as if it began with its first flowable's space
    before, and that is often such a mark: with none, the group seems to fit at the foot
    of a page where it does not. The frame spends no space before a zero-size flowable,
    so nothing moves on the page."""
    mark.spaceBefore = following[0].getSpaceBefore() if following else 0.0
