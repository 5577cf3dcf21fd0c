"""--photocopy: black-only output, verified with Ghostscript's inkcov device."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen import canvas

from tests.runner import run_zinekit

needs_gs = pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript is not installed")


def colour_pdf(folder: Path, pages: int = 4, black_band: bool = False) -> Path:
    photo = Image.new("RGB", (120, 120))
    photo.putdata([(x * 2, y * 2, 128) for y in range(120) for x in range(120)])
    photo.save(folder / "photo.jpg")
    path = folder / "colour.pdf"
    c = canvas.Canvas(str(path), pagesize=A5)
    for n in range(1, pages + 1):
        c.setFillColorRGB(0.9, 0.1, 0.1)
        c.drawString(50, 500, f"red text on p{n}")
        c.setStrokeColorRGB(0, 0, 1)
        c.line(50, 480, 300, 480)
        c.drawImage(str(folder / "photo.jpg"), 50, 150, 250, 250)
        if black_band:
            c.setFillColorRGB(0, 0, 0)
            c.rect(0, 0, A5[0], A5[1] * 0.8, fill=1, stroke=0)
        c.showPage()
    c.save()
    return path


def inkcov(path: Path) -> list[list[float]]:
    out = subprocess.run(
        ["gs", "-q", "-o", "-", "-sDEVICE=inkcov", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [[float(v) for v in line.split()[:4]] for line in out.splitlines() if "CMYK" in line]


@needs_gs
@pytest.mark.parametrize("layout", ["booklet", "minizine", "2up"])
def test_photocopy_output_has_no_cyan_magenta_or_yellow_on_any_page(
    tmp_path: Path, layout: str
) -> None:
    source = colour_pdf(tmp_path)
    assert any(c + m + y > 0 for c, m, y, _ in inkcov(source)), "the input is in colour"
    out = tmp_path / "bw.pdf"
    code, err = _run("impose", str(source), "-l", layout, "-o", str(out), "--photocopy", "--guides")
    assert code == 0, err
    pages = inkcov(out)
    assert pages
    for c, m, y, k in pages:
        assert (c, m, y) == (0, 0, 0)
        assert k > 0


@needs_gs
def test_photocopy_keeps_the_boxes_and_warns_about_heavy_black(tmp_path: Path) -> None:
    from pypdf import PdfReader

    source = colour_pdf(tmp_path, black_band=True)
    out = tmp_path / "bw.pdf"
    args = ["impose", str(source), "-o", str(out), "--photocopy", "--marks", "crop"]
    code, err = _run(*args, "--bleed", "3mm")
    assert code == 0, err
    assert "solid black" in err
    page = PdfReader(out).pages[0]
    assert float(page.trimbox.left) > 20
    assert float(page.bleedbox.left) < float(page.trimbox.left)


def test_photocopy_without_ghostscript_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    source = colour_pdf(tmp_path)
    out = tmp_path / "bw.pdf"
    code, err = _run("impose", str(source), "-o", str(out), "--photocopy")
    assert code == 2
    assert err.count("\n") == 1 and "needs Ghostscript" in err
    assert not out.exists()


def _run(*args: str) -> tuple[int, str]:
    done = run_zinekit(*args)
    return done.code, done.stderr


# -- the heavy-black threshold ------------------------------------------------------------


def _pictures_pdf(folder: Path, pages: list[tuple[float, int]]) -> bytes:
    """One A5 page per (share of the page, grey level 0-255): a picture of that grey,
    the page's full width, covering that share of its height."""
    path = folder / "pictures.pdf"
    c = canvas.Canvas(str(path), pagesize=A5)
    for n, (share, grey) in enumerate(pages):
        picture = folder / f"picture-{n}.png"
        Image.new("L", (60, 60), grey).save(picture)
        c.drawImage(str(picture), 0, 0, A5[0], A5[1] * share)
        c.setFillGray(0)
        c.drawString(40, A5[1] - 40, "a line of text that is not solid black")
        c.showPage()
    c.save()
    return path.read_bytes()


def test_a_picture_just_above_the_heavy_black_share_is_heavy_just_below_is_not(
    tmp_path: Path,
) -> None:
    from zinekit.photocopy import RENDERED, black_coverage, heavy_black_pages

    pytest.importorskip("pypdfium2")
    # The notice says "more than 35% solid black": the threshold is that, not relative to it.
    above, below = 0.37, 0.33
    measured = black_coverage(_pictures_pdf(tmp_path, [(above, 0), (below, 0)]))
    assert measured is not None
    coverage, how = measured
    assert how == RENDERED
    assert coverage[0] == pytest.approx(above, abs=0.01)
    assert coverage[1] == pytest.approx(below, abs=0.01)
    assert heavy_black_pages(coverage) == [1]


def test_only_dark_pictures_count_as_solid_black(tmp_path: Path) -> None:
    from zinekit.photocopy import HEAVY_BLACK, black_coverage, heavy_black_pages

    pytest.importorskip("pypdfium2")
    # 80% black reads as solid on a copier; 65% black prints as a grey screen.
    share = HEAVY_BLACK + 0.1
    measured = black_coverage(_pictures_pdf(tmp_path, [(share, 51), (share, 89)]))
    assert measured is not None
    assert heavy_black_pages(measured[0]) == [1]


def test_the_threshold_itself_is_not_heavy() -> None:
    from zinekit.photocopy import HEAVY_BLACK, heavy_black_pages

    assert heavy_black_pages([HEAVY_BLACK, HEAVY_BLACK + 0.001, HEAVY_BLACK - 0.001]) == [2]
