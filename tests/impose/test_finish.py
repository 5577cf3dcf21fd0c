"""Crop marks, bleed and creep, measured on the output: boxes, where marks and ink fall,
how far each sheet's pages moved toward the spine."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen import canvas

from tests.pdfgen import numbered_pdf
from tests.readback import read_sides, render
from tests.runner import run_zinekit
from zinekit.impose.layout import load_layout
from zinekit.impose.marks import Finish, cell_clip, frame, mark_lines
from zinekit.impose.plan import Options, Rect, make_plan
from zinekit.units import mm, paper_size

A4_LANDSCAPE = (paper_size("A4")[1], paper_size("A4")[0])


def boxes(path: Path) -> list[dict[str, tuple[float, ...]]]:
    reader = PdfReader(path)
    return [
        {
            name: tuple(round(float(v), 2) for v in getattr(page, attr))
            for name, attr in (("media", "mediabox"), ("trim", "trimbox"), ("bleed", "bleedbox"))
        }
        for page in reader.pages
    ]


def test_crop_marks_and_bleed_put_every_box_where_it_belongs(tmp_path: Path) -> None:
    source = numbered_pdf(tmp_path / "in.pdf", 8)
    out = tmp_path / "out.pdf"
    code, err = _run("impose", str(source), "-o", str(out), "--marks", "crop", "--bleed", "3mm")
    assert code == 0, err
    width, height = A4_LANDSCAPE
    margin = mm(3) + mm(5) + mm(1)  # offset (the larger of 3 mm and the bleed), mark, paper
    m, b = margin, mm(3)
    close = {"abs": 0.011}
    for page in boxes(out):
        assert page["media"] == pytest.approx((0, 0, width + 2 * m, height + 2 * m), **close)
        assert page["trim"] == pytest.approx((m, m, m + width, m + height), **close)
        assert page["bleed"] == pytest.approx(
            (m - b, m - b, m + width + b, m + height + b), **close
        )


def test_without_marks_or_bleed_the_sheet_is_the_trim(tmp_path: Path) -> None:
    source = numbered_pdf(tmp_path / "in.pdf", 4)
    out = tmp_path / "out.pdf"
    assert _run("impose", str(source), "-o", str(out))[0] == 0
    width, height = (round(v, 2) for v in A4_LANDSCAPE)
    for page in boxes(out):
        assert page["media"] == page["trim"] == page["bleed"] == (0, 0, width, height)


@pytest.mark.parametrize("layout", ["booklet", "quarter-booklet", "minizine", "2up"])
def test_marks_never_enter_the_bleed_or_trim(tmp_path: Path, layout: str) -> None:
    source = numbered_pdf(tmp_path / "in.pdf", 8)
    out = tmp_path / "out.pdf"
    code, err = _run(
        "impose",
        str(source),
        "-l",
        layout,
        "-o",
        str(out),
        "--marks",
        "crop,fold",
        "--bleed",
        "2mm",
    )
    assert code == 0, err
    pdf = pdfium.PdfDocument(out)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            trim = boxes(out)[index]["bleed"]
            paths = [
                obj.get_bounds()
                for obj in page.get_objects(max_depth=1)
                if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH
            ]
            assert len(paths) >= 8, "two crop marks at each corner"
            for left, bottom, right, top in paths:
                outside = (
                    right <= trim[0] + 0.3
                    or left >= trim[2] - 0.3
                    or top <= trim[1] + 0.3
                    or bottom >= trim[3] - 0.3
                )
                assert outside, f"a mark at {left, bottom, right, top} enters {trim}"
    finally:
        pdf.close()


def test_cut_and_fold_lines_that_reach_the_edge_get_ticks() -> None:
    layout = load_layout("quarter-booklet")
    plan = make_plan(layout, 8, Options())
    side = plan.sheets[0].front
    lines = mark_lines(plan.sheet_size, side.guides, Finish(frozenset({"crop", "fold"}), mm(3)))
    kinds = [kind for kind, _, _ in lines]
    assert kinds.count("crop") == 8
    assert kinds.count("cut") == 2  # the middle cut, at both edges
    assert kinds.count("fold") == 2


def test_bleed_grows_cells_only_at_the_sheets_outer_edges() -> None:
    width, height = A4_LANDSCAPE
    left = Rect(0, 0, width / 2, height)
    grown = cell_clip(left, (width, height), mm(3))
    assert grown == Rect(-mm(3), -mm(3), width / 2 + mm(3), height + 2 * mm(3))
    assert frame((width, height), Finish(bleed=mm(3))).media == (
        width + 2 * mm(3),
        height + 2 * mm(3),
    )


def _full_bleed_pdf(path: Path, pages: int) -> Path:
    """A5 pages made with 3 mm bleed: grey to the edge of the BleedBox, TrimBox inside."""
    bleed = mm(3)
    c = canvas.Canvas(str(path), pagesize=(A5[0] + 2 * bleed, A5[1] + 2 * bleed))
    for n in range(1, pages + 1):
        c.setFillGray(0.5)
        c.rect(0, 0, A5[0] + 2 * bleed, A5[1] + 2 * bleed, stroke=0, fill=1)
        c.setFillGray(0)
        c.drawString(A5[0] / 2, A5[1] / 2, f"p{n}")
        c.showPage()
    c.save()
    from pypdf import PdfWriter
    from pypdf.generic import RectangleObject

    writer = PdfWriter(clone_from=path)
    for page in writer.pages:
        page.trimbox = RectangleObject([bleed, bleed, bleed + A5[0], bleed + A5[1]])
        page.bleedbox = RectangleObject([0, 0, A5[0] + 2 * bleed, A5[1] + 2 * bleed])
    writer.write(path)
    return path


@pytest.mark.parametrize("bleed", [None, "3mm"])
def test_a_pdfs_own_bleed_prints_past_the_outer_edges_only_when_asked(
    tmp_path: Path, bleed: str | None
) -> None:
    source = _full_bleed_pdf(tmp_path / "bleed.pdf", 4)
    out = tmp_path / "out.pdf"
    args = ["impose", str(source), "-o", str(out), "--marks", "crop"]
    if bleed:
        args += ["--bleed", bleed]
    code, err = _run(*args)
    assert code == 0, err
    assert "scaled" not in err, "the TrimBox (A5) fills the half-A4 cell without scaling"
    page_boxes = boxes(out)[0]
    trim = page_boxes["trim"]
    image = render(out, 0, scale=2.0)
    height = page_boxes["media"][3]

    def grey_at(x: float, y: float) -> bool:
        return image.getpixel((round(x * 2), round((height - y) * 2))) < 200

    middle = (trim[1] + trim[3]) / 2
    assert grey_at(trim[0] + mm(5), middle), "inside the trim the page prints"
    # 1.5 mm outside the trim, at the outer (left) edge: grey only with --bleed.
    assert grey_at(trim[0] - mm(1.5), middle) is bool(bleed)
    assert not grey_at(trim[0] - mm(4.5), middle), "nothing prints beyond the bleed"


def _label_offsets(path: Path) -> dict[int, float]:
    """Each page label's distance from the sheet's vertical centre line (the fold)."""
    offsets = {}
    for side in read_sides(path):
        for label in side.labels:
            offsets[label.page] = abs(label.x - side.width / 2)
    return offsets


@pytest.mark.parametrize("duplex", ["long", "short"])
@pytest.mark.parametrize(("pages", "signature"), [(16, None), (24, None), (24, "2")])
def test_creep_moves_each_sheets_pages_toward_the_spine_by_its_depth(
    tmp_path: Path, duplex: str, pages: int, signature: str | None
) -> None:
    source = numbered_pdf(tmp_path / "in.pdf", pages)
    plain, crept = tmp_path / "plain.pdf", tmp_path / "crept.pdf"
    extra = ["--signature-sheets", signature] if signature else []
    assert _run("impose", str(source), "-o", str(plain), "--duplex", duplex, *extra)[0] == 0
    code, err = _run(
        "impose", str(source), "-o", str(crept), "--duplex", duplex, "--creep", "0.1mm", *extra
    )
    assert code == 0, err
    before, after = _label_offsets(plain), _label_offsets(crept)
    sheets_per_signature = int(signature) if signature else pages // 4
    for page in range(1, pages + 1):
        # The sheet a page is on, counted from the outside of its signature.
        within = (page - 1) % (4 * sheets_per_signature)
        from_outside = min(within, 4 * sheets_per_signature - 1 - within) // 2
        moved = before[page] - after[page]
        assert moved == pytest.approx(from_outside * mm(0.1), abs=mm(0.01)), page


def test_quarter_booklet_creep_counts_leaves_across_the_cut(tmp_path: Path) -> None:
    # 16 pages on 2 sheets: 4 leaves once cut; leaf k (from the outside) moves k x 0.1 mm.
    source = numbered_pdf(tmp_path / "in.pdf", 16)
    plain, crept = tmp_path / "plain.pdf", tmp_path / "crept.pdf"
    assert _run("impose", str(source), "-l", "quarter-booklet", "-o", str(plain))[0] == 0
    args = ["impose", str(source), "-l", "quarter-booklet", "-o", str(crept), "--creep", "0.1mm"]
    assert _run(*args)[0] == 0
    before, after = _label_offsets(plain), _label_offsets(crept)
    for page in range(1, 17):
        leaf = min(page - 1, 16 - page) // 2
        assert before[page] - after[page] == pytest.approx(leaf * mm(0.1), abs=mm(0.01))


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--bleed", "15mm"], "bleed of 15.0 mm"),
        (["--bleed", "3"], "not a length"),
        (["--marks", "stars"], "unknown mark 'stars'"),
        (["--creep", "1mm"], "moves the innermost pages 9.0 mm"),
        (["--creep", "0.1mm", "-l", "minizine"], "--creep applies to nested folded booklets"),
    ],
)
def test_bad_finishing_options_are_clear_errors_with_no_output(
    tmp_path: Path, args: list[str], words: str
) -> None:
    pages = 8 if "minizine" in args else 40
    source = numbered_pdf(tmp_path / "in.pdf", pages)
    out = tmp_path / "out.pdf"
    code, err = _run("impose", str(source), "-o", str(out), *args)
    assert code == 2
    assert words in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def _run(*args: str) -> tuple[int, str]:
    done = run_zinekit(*args)
    return done.code, done.stderr
