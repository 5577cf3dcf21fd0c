"""The reportlab internals zinekit relies on (all reached through
zinekit/typeset/reportlab_shim.py) are still where the shim expects them. A failure here
means a reportlab release moved one: update the shim, not the callers."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.acroform import AcroForm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepTogether, Paragraph, Spacer

from zinekit.typeset import reportlab_shim as shim

MOVED = "reportlab moved an internal zinekit/typeset/reportlab_shim.py uses: "


def _canvas() -> Canvas:
    return Canvas(io.BytesIO(), pagesize=(200, 300))


def test_keep_together_still_keeps_its_flowables_and_measured_height() -> None:
    first, second = Spacer(10, 20), Spacer(10, 30)
    group = KeepTogether([first, second])
    assert hasattr(group, "_content"), MOVED + "KeepTogether._content"
    assert shim.kept_flowables(group) == [first, second], MOVED + "KeepTogether._content"
    group.canv = _canvas()
    group.wrap(100, 200)
    assert hasattr(group, "_H"), MOVED + "KeepTogether._H (set by wrap)"
    assert shim.kept_height(group) == pytest.approx(50), MOVED + "KeepTogether._H"
    assert shim.wrapped_at(group) == (100, 200), MOVED + "KeepTogether._wrapInfo"


def test_the_list_measure_still_merges_the_space_between_flowables() -> None:
    from reportlab.platypus import flowables

    assert callable(getattr(flowables, "_listWrapOn", None)), MOVED + "flowables._listWrapOn"
    style = ParagraphStyle("t", fontSize=10, leading=12, spaceBefore=4, spaceAfter=6)
    paras = [Paragraph("one", style), Paragraph("two", style)]
    # Two lines of 12 pt, and the larger of 6 after and 4 before between them.
    assert shim.stack_height(paras, 100, _canvas()) == pytest.approx(30), (
        MOVED + "_listWrapOn(flowables, width, canv) -> (width, height)"
    )


def _fonts_in_form(fields: int, shared: bool) -> int:
    out = io.BytesIO()
    canv = Canvas(out, pagesize=(200, 300))
    form = canv.acroForm
    if shared:
        shim.share_form_fonts(form)
        shim.share_form_fonts(form)  # idempotent
    for i in range(fields):
        form.textfield(name=f"f{i}", x=10, y=10, width=50, height=20, fontName="Helvetica")
    canv.showPage()
    canv.save()
    return out.getvalue().count(b"/BaseFont /Helvetica")


def test_form_fonts_are_shared_through_make_font() -> None:
    assert callable(getattr(AcroForm, "makeFont", None)), MOVED + "AcroForm.makeFont"
    # Without the shim every field writes its own copy of the font (what it is for).
    assert _fonts_in_form(3, shared=False) == _fonts_in_form(1, shared=False) + 2
    assert _fonts_in_form(3, shared=True) == _fonts_in_form(1, shared=True), (
        MOVED + "AcroForm.textfield no longer gets its font from makeFont"
    )


def test_the_frame_cursor_is_still_where_the_shim_reads_it() -> None:
    frame = Frame(0, 10, 100, 200, leftPadding=0, rightPadding=0, topPadding=5, bottomPadding=0)
    for name in ("_y", "_y1p", "_y2", "_topPadding"):
        assert hasattr(frame, name), MOVED + f"Frame.{name}"
    assert shim.frame_top(frame) == pytest.approx(205), MOVED + "Frame._y2 / _topPadding"
    assert shim.frame_cursor(frame) == pytest.approx(205), MOVED + "Frame._y"
    assert shim.frame_floor(frame) == pytest.approx(10), MOVED + "Frame._y1p"
    frame.add(Spacer(10, 50), _canvas())
    assert shim.frame_cursor(frame) == pytest.approx(155), MOVED + "Frame._y"
    frame.add(Spacer(10, 145), _canvas())
    shim.drop_to_floor(frame)
    assert shim.frame_cursor(frame) == pytest.approx(10), MOVED + "Frame._y"


def test_zero_size_marks_are_marked_as_reportlab_marks_its_own() -> None:
    from reportlab.platypus.doctemplate import Indenter

    assert getattr(Indenter, "_ZEROSIZE", None), MOVED + "Flowable._ZEROSIZE"
    mark = shim.ZeroSize()
    assert shim.is_zero_size(mark) and not shim.is_zero_size(Spacer(1, 1))
    assert mark.wrap(100, 100) == (0, 0)


def test_a_paragraph_still_breaks_to_widths_splits_after_a_line_and_draws_indented() -> None:
    style = ParagraphStyle("t", fontSize=10, leading=12)
    para = Paragraph(" ".join(["kata"] * 60), style)
    assert callable(getattr(para, "breakLines", None)), MOVED + "Paragraph.breakLines"
    assert callable(getattr(para, "_get_split_blParaFunc", None)), (
        MOVED + "Paragraph._get_split_blParaFunc"
    )
    narrow = shim.break_lines(para, [60, 60, 200])
    wide = shim.break_lines(Paragraph(" ".join(["kata"] * 60), style), [200])
    assert narrow > wide, MOVED + "Paragraph.breakLines with a list of widths"
    first, rest = shim.split_lines(para, 3)
    assert len(first.lines) == 3, MOVED + "Paragraph.blPara.lines"
    before = [w for line in first.lines for w in line[1]]
    after = [w for frag in rest.frags for w in getattr(frag, "words", [])]
    assert before + after == ["kata"] * 60, MOVED + "the split of Paragraph.blPara"
    canv = _canvas()
    para.canv = canv
    shim.draw_indented(para, canv, 0, 0, [30, 0])  # draws with _offsets, and forgets them
    assert not hasattr(para, "_offsets"), MOVED + "Paragraph._offsets"


def test_a_frame_still_hands_a_flowable_itself_while_it_splits() -> None:
    seen: list[object] = []

    class Probe(Spacer):
        def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
            seen.append(shim.splitting_frame(self))
            return []

    frame = Frame(0, 0, 100, 100, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    frame.split(Probe(10, 200), _canvas())
    assert seen == [frame], MOVED + "Frame.split sets flowable._frame"
