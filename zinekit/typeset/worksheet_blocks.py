"""Typesetters of the worksheet blocks: write-in lines, boxes, checklists, scales,
labelled lines and tables, each a shape (`worksheet_fill`, `worksheet_rows`) with, for
--fillable, the form field the context names."""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether

from zinekit.content.base import Located
from zinekit.content.blocks import worksheet as model
from zinekit.errors import TypesetError
from zinekit.i18n import say
from zinekit.typeset.context import Context
from zinekit.typeset.markup import runs
from zinekit.typeset.naming import describe, first_words
from zinekit.typeset.overflow import Part, tag
from zinekit.typeset.paragraph import Para
from zinekit.typeset.worksheet import Field, slug
from zinekit.typeset.worksheet_fill import Box, Grid, WriteIn
from zinekit.typeset.worksheet_rows import (
    FIELD_LINE_MIN,
    Cell,
    FieldLine,
    ScaleRow,
    TickItem,
    cells_per_line,
    line_length,
)
from zinekit.units import mm, to_mm


def _question(ctx: Context, text: str, block: Located, *, large: bool = False) -> Para:
    style = ctx.styles.question
    if large:
        size = style.fontSize * 1.25
        style = ParagraphStyle(
            "question-large", parent=style, fontSize=size, leading=style.leading * 1.25
        )
    return ctx.paragraph(text, style, where=block.where, what=describe(block))


def write_in(ctx: Context, block: model.WriteIn) -> list[Flowable]:
    prompt = _question(ctx, block.write_in, block, large=block.large)
    lines = None if block.lines == model.FILL else int(block.lines)
    field = ctx.field(block, block.write_in, block.write_in)
    writein = WriteIn(
        prompt, lines, block.line_pitch, page_height=ctx.geometry.frame_height, field=field
    )
    writein.spaceAfter = ctx.styles.body.spaceAfter
    return [tag(writein, Part("prompt"))]


def box(ctx: Context, block: model.Box) -> list[Flowable]:
    label = _question(ctx, block.box, block)
    height = None if block.height == model.REST else float(block.height)
    gap = ctx.styles.leading * 0.3
    room = ctx.geometry.frame_height - label.wrap(ctx.geometry.frame_width, 1e6)[1] - gap
    if height is not None and height > room:
        raise TypesetError(
            say(
                "typeset.worksheets.box-too-high",
                block=describe(block),
                height=f"{to_mm(height):.0f}",
                room=f"{to_mm(room):.0f}",
            ),
            where=block.where,
            hint=say("typeset.worksheets.box-too-high-hint"),
        )
    box = Box(
        label,
        height,
        least=min(mm(20), room),
        gap=gap,
        field=ctx.field(block, block.box, block.box),
    )
    box.spaceAfter = ctx.styles.body.spaceAfter
    return [tag(box, Part("label"))]


def checklist(ctx: Context, block: model.Checklist) -> list[Flowable]:
    what = describe(block)
    out = ctx.title(block.title, block)
    s = ctx.styles
    style = ParagraphStyle("tick", parent=s.item, spaceAfter=s.leading * 0.35)
    side = s.size * 1.05
    base = ctx.field(block, block.title, block.title or "")
    for i, item in enumerate(block.checklist, start=1):
        para = ctx.paragraph(item, style, where=block.where, what=what)
        field = None
        if base is not None:
            words = "".join(run.text for run in runs(item))
            field = Field(f"{base.name}-{i:02d}", words)
        item_part = Part(
            "item", {"number": i, "words": first_words(item, 30)}, ("checklist", i - 1)
        )
        out.append(tag(TickItem(para, side, s.size * 0.6, field), item_part))
    out[-1].spaceAfter = s.body.spaceAfter
    # On one page when it fits there: the last item never alone on the next. (A list
    # longer than a page breaks between items, as reportlab's KeepTogether does.)
    return [KeepTogether(out)]


def scale(ctx: Context, block: model.Scale) -> list[Flowable]:
    what = describe(block)
    s = ctx.styles
    question = _question(ctx, block.scale, block)
    ctx.check_own("0123456789", where=block.where, what=what)
    right = ParagraphStyle("scale-high", parent=s.small, alignment=TA_RIGHT)
    low = block.low and ctx.paragraph(block.low, s.small, where=block.where, what=what)
    high = block.high and ctx.paragraph(block.high, right, where=block.where, what=what)
    row = ScaleRow(
        question,
        block.count,
        diameter=max(mm(4.5), s.size * 1.5),
        number_font=(ctx.fonts.name(), s.small.fontSize),
        low=low or None,
        high=high or None,
        gap=s.leading * 0.3,
        field=ctx.field(block, block.scale, block.scale),
    )
    row.spaceAfter = s.body.spaceAfter
    return [tag(row, Part("question"))]


def fields(ctx: Context, block: model.Fields) -> list[Flowable]:
    what = describe(block)
    s = ctx.styles
    font, size = ctx.fonts.name(), s.size
    for label in block.fields:
        ctx.check(label, where=block.where, what=what)
    gap = size * 0.6
    width = ctx.geometry.frame_width
    for label in block.fields:
        if stringWidth(label, font, size) > width:
            raise TypesetError(
                say("typeset.worksheets.label-too-long", label=repr(label), block=what),
                where=block.where,
                hint=say("typeset.worksheets.label-too-long-hint"),
            )
    per_line = cells_per_line(block.fields, font, size, width, gap)
    base = ctx.field(block, None, "")
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
                field = Field(name, label, ctx.field_size())
            cells.append(Cell(label, field))
        for start in range(0, len(cells), per_line):
            group = cells[start : start + per_line]
            short = line_length([c.label for c in group], font, size, width, gap)
            line = FieldLine(
                group,
                font=(font, size),
                height=max(model.PITCH, s.leading * 1.6),
                gap=gap,
                # Alone and still too short beside its label: the label above its line.
                stacked=short < FIELD_LINE_MIN,
            )
            line.keepWithNext = 1
            out.append(line)
    out[-1].keepWithNext = 0
    out[-1].spaceAfter = s.body.spaceAfter
    return out


def table(ctx: Context, block: model.Table) -> list[Flowable]:
    what = describe(block)
    s = ctx.styles
    out = ctx.title(block.title, block)
    head_style = ParagraphStyle("table-head", parent=s.small, fontName=ctx.fonts.name(bold=True))
    headers = [ctx.paragraph(h, head_style, where=block.where, what=what) for h in block.table]
    rows = None if block.rows == model.FILL else int(block.rows)
    base = ctx.field(block, block.title, block.title or "")
    grid = Grid(
        headers,
        rows,
        block.line_pitch,
        padding=s.size * 0.35,
        page_height=ctx.geometry.frame_height,
        field=base.name if base else None,
        row_label=ctx.labels["row"],
    )
    grid.spaceAfter = s.body.spaceAfter
    out.append(grid)
    return out
