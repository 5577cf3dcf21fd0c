"""`zinekit build --photocopy / --dither / --bleed` end to end: the imposed sheets are black
only by Ghostscript's ink coverage, also when Ghostscript is not installed to convert them;
pictures are grey, or black-and-white dots; heavy black is reported; pages with bleed put
their boxes where they belong and a full-width cover picture runs into the sheet's bleed.

The typesetting underneath is tests/typeset/test_print_ready.py; --photocopy of PDFs made
elsewhere (through Ghostscript) is tests/test_photocopy.py.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from tests.readback import render
from tests.runner import run_zinekit
from tests.typeset.helpers import A5, colour_photo, placed_images
from zinekit.units import mm, paper_size

needs_gs = pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript is not installed")

CONTENT = """\
title: Print Test
lang: en
cover:
  image: photo.jpg
  footer: Issue 1
  full-width: true
blocks:
  - heading: A photo
  - text: Some text with a [link](https://example.org), **bold** and _italic_.
  - image: {src: photo.png, caption: The same photo as PNG}
  - write-in: Write here
    lines: 2
back:
  text: Goodbye.
"""
A4_LANDSCAPE = (paper_size("A4")[1], paper_size("A4")[0])


def _build(folder: Path, *options: str, content: str = CONTENT) -> tuple[int, str, Path]:
    colour_photo(folder / "photo.jpg")
    colour_photo(folder / "photo.png")
    (folder / "zine.yaml").write_text(content, encoding="utf-8")
    out = folder / "zine.pdf"
    done = run_zinekit("build", folder / "zine.yaml", "-o", out, *options)
    return done.code, done.stderr, out


def _reading(out: Path) -> Path:
    return out.with_name(f"{out.stem}.reading.pdf")


def inkcov(path: Path) -> list[list[float]]:
    done = subprocess.run(
        ["gs", "-q", "-o", "-", "-sDEVICE=inkcov", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return [
        [float(v) for v in line.split()[:4]] for line in done.stdout.splitlines() if "CMYK" in line
    ]


def _hide_ghostscript(monkeypatch: pytest.MonkeyPatch) -> None:
    which = shutil.which
    monkeypatch.setattr(
        shutil, "which", lambda name, *a, **k: None if name.startswith("gs") else which(name)
    )


@needs_gs
@pytest.mark.parametrize("option", ["--photocopy", "--dither"])
def test_no_cyan_magenta_or_yellow_on_any_sheet(tmp_path: Path, option: str) -> None:
    code, err, out = _build(tmp_path, option, "--guides", "--instructions")
    assert code == 0, err
    for path in (out, _reading(out)):
        pages = inkcov(path)
        assert pages
        for c, m, y, _ in pages:
            assert (c, m, y) == (0, 0, 0), path.name
        assert max(k for *_, k in pages) > 0.05  # the pictures are there, in black


@needs_gs
def test_without_photocopy_the_pictures_are_in_colour(tmp_path: Path) -> None:
    code, err, out = _build(tmp_path)
    assert code == 0, err
    assert any(c + m + y > 0 for c, m, y, _ in inkcov(out))


@pytest.mark.parametrize("option", ["--photocopy", "--dither"])
def test_black_only_needs_no_ghostscript(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str
) -> None:
    _hide_ghostscript(monkeypatch)
    code, err, out = _build(tmp_path, option)
    assert code == 0, err
    assert "Ghostscript" not in err
    for path in (out, _reading(out)):
        images = placed_images(path.read_bytes())
        assert len(images) == 2
        assert {image.colour_space for image in images} == {"/DeviceGray"}


def test_dither_leaves_only_black_and_white_in_the_pictures(tmp_path: Path) -> None:
    code, err, out = _build(tmp_path, "--dither")
    assert code == 0, err
    for image in placed_images(out.read_bytes()):
        assert (image.colour_space, image.bits, image.levels) == ("/DeviceGray", 8, 2)


def test_impose_refuses_dither_in_one_line(tmp_path: Path) -> None:
    source = tmp_path / "in.pdf"
    Image.new("RGB", (100, 100), "red").save(source)
    out = tmp_path / "out.pdf"
    done = run_zinekit("impose", source, "-o", out, "--dither")
    assert done.code == 2
    assert len(done.lines) == 1
    assert "--dither applies to images zinekit places: use it with zinekit build" in done.stderr
    assert not out.exists()


HEAVY = """\
title: Dark
lang: en
blocks:
  - image: {src: black.png}
  - text: Under a black picture.
"""


def _heavy(folder: Path, *options: str) -> tuple[int, str]:
    Image.new("L", (800, 1000), 10).save(folder / "black.png")
    code, err, _ = _build(folder, "--photocopy", "-l", "2up", *options, content=HEAVY)
    return code, err


def test_heavy_black_is_reported_without_ghostscript(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hide_ghostscript(monkeypatch)
    code, err = _heavy(tmp_path)
    assert code == 0, err
    assert "sheet side 1 is more than 35% solid black: copiers smear" in err


def test_a_light_picture_is_not_heavy_black(tmp_path: Path) -> None:
    code, err, _ = _build(tmp_path, "--photocopy")
    assert code == 0, err
    assert "solid black" not in err


@needs_gs
def test_heavy_black_from_ghostscript_without_a_renderer_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hide_renderers(monkeypatch)
    code, err = _heavy(tmp_path)
    assert code == 0, err
    assert "solid black (measured with Ghostscript's ink coverage)" in err


def test_heavy_black_unmeasured_without_any_tool_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hide_renderers(monkeypatch)
    _hide_ghostscript(monkeypatch)
    code, err = _heavy(tmp_path)
    assert code == 0, err
    assert "could not check the sheets for heavy solid black" in err


def _hide_renderers(monkeypatch: pytest.MonkeyPatch) -> None:
    find_spec, which = importlib.util.find_spec, shutil.which
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "pypdfium2" else find_spec(name, *a),
    )
    monkeypatch.setattr(
        shutil, "which", lambda name, *a, **k: None if name == "pdftoppm" else which(name)
    )


def _boxes(path: Path) -> list[dict[str, tuple[float, ...]]]:
    return [
        {
            name: tuple(round(float(v), 2) for v in getattr(page, name))
            for name in ("mediabox", "cropbox", "trimbox", "bleedbox")
        }
        for page in pypdf.PdfReader(path).pages
    ]


def _rounded(*values: float) -> tuple[float, ...]:
    return tuple(round(v, 2) for v in values)


def test_bleed_boxes_on_the_reading_pages_and_the_sheets(tmp_path: Path) -> None:
    code, err, out = _build(tmp_path, "--bleed", "3mm", "--marks", "crop")
    assert code == 0, err
    b = mm(3)
    w, h = A5
    # Reading pages: paper with bleed all round; viewers show the trimmed page. The A5 page
    # sits in half an A4 sheet, 0.5 mm wider: its bleed covers that spare paper too.
    pb = b + (A4_LANDSCAPE[0] / 2 - w)
    for page in _boxes(_reading(out)):
        assert page["mediabox"] == page["bleedbox"] == _rounded(0, 0, w + 2 * pb, h + 2 * pb)
        assert page["trimbox"] == page["cropbox"] == _rounded(pb, pb, pb + w, pb + h)
    # Sheets: as `zinekit impose` makes them (tests/impose/test_finish.py).
    m = mm(3) + mm(5) + mm(1)
    sw, sh = A4_LANDSCAPE
    for page in _boxes(out):
        assert page["trimbox"] == pytest.approx(_rounded(m, m, m + sw, m + sh), abs=0.011)
        assert page["bleedbox"] == pytest.approx(
            _rounded(m - b, m - b, m + sw + b, m + sh + b), abs=0.011
        )


def test_full_width_cover_picture_runs_into_the_sheets_bleed(tmp_path: Path) -> None:
    code, err, out = _build(tmp_path, "--bleed", "3mm")
    assert code == 0, err
    b = mm(3)
    sw, sh = A4_LANDSCAPE
    scale = 2.0
    sheet = render(out, 0, scale)  # the first front: back cover left, front cover right
    assert sheet.size == (round((sw + 2 * b) * scale), round((sh + 2 * b) * scale))
    right_bleed = (round((b + sw) * scale) + 1, round((2 * b + sw) * scale))
    middle = sheet.height // 2
    # Beside the cover picture the bleed is printed: dark right to the paper's edge...
    strip = sheet.crop((right_bleed[0], middle - 10, right_bleed[1], middle + 10))
    assert strip.getextrema()[1] < 230
    # ...beside the title it stays paper, and so does the back cover's outer bleed.
    top = sheet.crop((right_bleed[0], round(b * scale) + 4, right_bleed[1], round(b * scale) + 40))
    assert top.getextrema()[0] > 245
    left = sheet.crop((0, middle - 10, round(b * scale) - 1, middle + 10))
    assert left.getextrema()[0] > 245


def test_without_bleed_the_pages_are_the_paper(tmp_path: Path) -> None:
    code, err, out = _build(tmp_path)
    assert code == 0, err
    w, h = A5
    for page in _boxes(_reading(out)):
        assert page["mediabox"] == page["cropbox"] == _rounded(0, 0, w, h)
