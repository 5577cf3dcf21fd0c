"""--preview: PNG pictures of the imposed sheets (front and back side by side, as in the PDF)
and a contact sheet of the pages in reading order, drawn with pypdfium2 or pdftoppm."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from tests.pdfgen import numbered_pdf
from tests.readback import render
from tests.runner import run_zinekit
from zinekit import preview
from zinekit.units import paper_size

A4_LONG, A4_SHORT = (round(v * preview.SHEET_DPI / 72) for v in sorted(paper_size("A4"))[::-1])
PAD = preview.PAD


@pytest.fixture(scope="module")
def numbered(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("numbered")
    made: dict[int, Path] = {}

    def get(n: int) -> Path:
        if n not in made:
            made[n] = numbered_pdf(folder / f"n{n}.pdf", n)
        return made[n]

    return get


@pytest.fixture(params=["pypdfium2", "pdftoppm"])
def renderer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test runs with each renderer; pdftoppm by hiding pypdfium2."""
    if request.param == "pdftoppm":
        if shutil.which("pdftoppm") is None:
            pytest.skip("pdftoppm is not installed")
        real = importlib.util.find_spec
        monkeypatch.setattr(
            importlib.util,
            "find_spec",
            lambda name, *a: None if name == "pypdfium2" else real(name, *a),
        )
    return request.param


def impose(*args: str | Path) -> str:
    run = run_zinekit("impose", *args)
    assert run.code == 0, run.stderr
    return run.stderr


def size(path: Path) -> tuple[int, int]:
    with Image.open(path) as image:
        return image.size


def close(found: tuple[int, int], expected: tuple[int, int]) -> bool:
    # Renderers round a page's pixel size up or down.
    return all(abs(f - e) <= 2 for f, e in zip(found, expected, strict=True))


def test_a_booklet_gets_one_picture_per_sheet_and_the_reading_order(
    tmp_path: Path, numbered, renderer: str
) -> None:
    out = tmp_path / "zine.pdf"
    err = impose(numbered(12), "-o", out, "--preview")

    folder = tmp_path / "zine.preview"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["reading.png", "sheet-01.png", "sheet-02.png", "sheet-03.png"]
    for sheet in ("sheet-01.png", "sheet-02.png", "sheet-03.png"):
        # Front and back side by side, with a margin around and between them.
        assert close(size(folder / sheet), (2 * A4_LONG + 3 * PAD, A4_SHORT + 2 * PAD))
    # 12 A5 pages: 8 in the first row, 4 in the second.
    a5 = [round(v * preview.READING_DPI / 72) for v in paper_size("A5")]
    width, height = size(folder / "reading.png")
    assert abs(width - (PAD + 8 * (a5[0] + PAD))) <= 8 * 2  # each page rounded its own way
    assert height > 2 * a5[1]
    assert "4 preview images in" in err


def test_the_sheet_pictures_are_the_pdfs_sides(tmp_path: Path, numbered) -> None:
    out = tmp_path / "zine.pdf"
    impose(numbered(8), "-o", out, "--preview")
    picture = Image.open(tmp_path / "zine.preview" / "sheet-02.png").convert("L")
    for n, index in enumerate((2, 3)):
        side = render(out, index, scale=preview.SHEET_DPI / 72)
        left = PAD + n * (side.width + PAD)
        crop = picture.crop((left, PAD, left + side.width, PAD + side.height))
        difference = ImageStat.Stat(ImageChops.difference(crop, side)).mean[0]
        assert difference < 2  # the same picture, up to rounding


def test_the_mini_zine_and_its_instructions(tmp_path: Path, numbered, renderer: str) -> None:
    out = tmp_path / "mini.pdf"
    impose(numbered(8), "-o", out, "-l", "minizine", "--preview", "--instructions")
    folder = tmp_path / "mini.preview"
    assert sorted(p.name for p in folder.iterdir()) == [
        "instructions.png",
        "reading.png",
        "sheet-01.png",
    ]
    single = (A4_LONG + 2 * PAD, A4_SHORT + 2 * PAD)
    assert close(size(folder / "sheet-01.png"), single)
    assert close(size(folder / "instructions.png"), single)


def test_manual_duplex_pairs_the_fronts_and_backs_files(tmp_path: Path, numbered) -> None:
    out = tmp_path / "zine.pdf"
    impose(numbered(8), "-o", out, "--preview", "--duplex", "manual", "--instructions")
    folder = tmp_path / "zine.preview"
    assert sorted(p.name for p in folder.iterdir()) == [
        "instructions.png",
        "reading.png",
        "sheet-01.png",
        "sheet-02.png",
    ]
    assert close(size(folder / "sheet-02.png"), (2 * A4_LONG + 3 * PAD, A4_SHORT + 2 * PAD))


def test_a_portrait_layout(tmp_path: Path, numbered) -> None:
    out = tmp_path / "cards.pdf"
    impose(numbered(3), "-o", out, "-l", "4up", "--preview")
    folder = tmp_path / "cards.preview"
    # Three pages: a front and back, then a front alone.
    assert close(size(folder / "sheet-01.png"), (2 * A4_SHORT + 3 * PAD, A4_LONG + 2 * PAD))
    assert close(size(folder / "sheet-02.png"), (A4_SHORT + 2 * PAD, A4_LONG + 2 * PAD))


def test_a_long_document_splits_the_reading_order(tmp_path: Path, numbered) -> None:
    out = tmp_path / "long.pdf"
    impose(numbered(70), "-o", out, "--preview", "-l", "2up")
    names = {p.name for p in (tmp_path / "long.preview").iterdir()}
    assert {"reading-01.png", "reading-02.png"} <= names
    assert "reading.png" not in names
    assert len([n for n in names if n.startswith("sheet-")]) == 35


def test_a_rerun_with_fewer_sheets_removes_the_old_pictures(tmp_path: Path, numbered) -> None:
    out = tmp_path / "zine.pdf"
    folder = tmp_path / "zine.preview"
    impose(numbered(12), "-o", out, "--preview")
    (folder / "notes.txt").write_text("mine")
    impose(numbered(4), "-o", out, "--preview")
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt", "reading.png", "sheet-01.png"]


def test_without_a_renderer_it_is_one_line_and_exit_2(
    tmp_path: Path, numbered, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "pypdfium2" else real(name, *a),
    )
    monkeypatch.setattr(preview, "_pdftoppm", lambda: None)
    out = tmp_path / "zine.pdf"
    run = run_zinekit("impose", numbered(8), "-o", out, "--preview")
    assert run.code == 2
    assert len(run.lines) == 1
    assert "pypdfium2" in run.lines[0] and "pdftoppm" in run.lines[0]
    assert not out.exists() and not (tmp_path / "zine.preview").exists()


def test_a_file_in_the_way_of_the_folder_is_refused(tmp_path: Path, numbered) -> None:
    (tmp_path / "zine.preview").write_text("not a folder")
    out = tmp_path / "zine.pdf"
    run = run_zinekit("impose", numbered(8), "-o", out, "--preview")
    assert run.code == 2 and len(run.lines) == 1
    assert not out.exists()


def test_a_failed_run_leaves_no_folder(
    tmp_path: Path, numbered, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_):
        raise OSError("disk full")

    monkeypatch.setattr(preview, "sheet_images", broken)
    out = tmp_path / "zine.pdf"
    run = run_zinekit("impose", numbered(8), "-o", out, "--preview")
    assert run.code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == []
