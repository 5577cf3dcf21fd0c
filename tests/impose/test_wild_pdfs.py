"""PDFs from the wild go through `zinekit impose` and come out whole.

Each input (built by tests/wildgen.py) has one trait that real files have: inherited
resources, object streams, a damaged or missing xref table, form fields and stamps,
encryption, fonts and images shared by every page. The imposed output is read back with
pypdfium2 (text and pixels) and pypdf (structure); `qpdf --check` vets it where qpdf exists.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject, StreamObject

from tests import wildgen
from tests.runner import Run, run_zinekit
from zinekit.pdf import open_source


def page_texts(path: Path) -> list[str]:
    """The text of each page, whitespace collapsed, as pdfium extracts it."""
    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        return [" ".join(pdf[i].get_textpage().get_text_bounded().split()) for i in range(len(pdf))]
    finally:
        pdf.close()


def impose(tmp_path: Path, data: bytes, *args: str, name: str = "in.pdf") -> tuple[Path, Run]:
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "out.pdf"
    run = run_zinekit("impose", source, "-o", out, *args)
    return out, run


def imposed_ok(tmp_path: Path, data: bytes, *args: str) -> Path:
    out, run = impose(tmp_path, data, *args)
    assert run.code == 0, run.stderr
    assert "error" not in run.stderr
    return out


def census(path: Path) -> Counter[str]:
    """Objects in the file by kind: every object the cross-reference data lists, resolved."""
    reader = PdfReader(path)
    counts: Counter[str] = Counter()
    for number in range(1, int(reader.trailer["/Size"])):
        obj = reader.get_object(IndirectObject(number, 0, reader))
        if not isinstance(obj, DictionaryObject):
            continue
        if obj.get("/Subtype") == "/Image":
            counts["image"] += 1
        if obj.get("/Type") == "/Font":
            counts["font"] += 1
        for key in ("/FontFile", "/FontFile2", "/FontFile3"):
            if key in obj:
                counts["font program"] += 1
        if isinstance(obj, StreamObject) and obj.get("/Subtype") == "/Form":
            counts["form"] += 1
    return counts


# -- inputs that a careless reader gets wrong ---------------------------------------------


@pytest.mark.parametrize("name", sorted(wildgen.WILD))
@pytest.mark.parametrize("layout", ["2up", "booklet"])
def test_every_page_comes_through_with_its_text(tmp_path: Path, name: str, layout: str) -> None:
    out = imposed_ok(tmp_path, wildgen.WILD[name](4), "--layout", layout)
    text = " ".join(page_texts(out))
    source_texts = page_texts(tmp_path / "in.pdf")
    assert len(source_texts) == 4
    for number, source_text in enumerate(source_texts, start=1):
        assert f"page {number} of 4" in source_text
        assert source_text in text, f"page {number} of the {name} input is missing"


def test_inherited_resources_reach_every_placed_page(tmp_path: Path) -> None:
    """The font sits on the /Pages node only; every page's Form XObject must carry it."""
    out = imposed_ok(tmp_path, wildgen.inherited_resources(4), "--layout", "4up")
    reader = PdfReader(out)
    for page in reader.pages:
        for form in page["/Resources"]["/XObject"].values():
            form = form.get_object()
            assert "/F1" in form["/Resources"]["/Font"]
            assert form["/BBox"] == [0, 0, pytest.approx(419.53), pytest.approx(595.28)]


def test_inherited_rotation_and_cropbox_are_honoured(tmp_path: Path) -> None:
    source = tmp_path / "in.pdf"
    source.write_bytes(wildgen.inherited_rotation(2))
    pages = open_source(source).pages
    assert [(p.box, p.rotate) for p in pages] == [((0, 0, 400, 500), 90)] * 2
    out = imposed_ok(tmp_path, source.read_bytes(), "--layout", "2up")
    assert "Turned page 2" in " ".join(page_texts(out))


def test_object_streams_need_no_repair(tmp_path: Path) -> None:
    out, run = impose(tmp_path, wildgen.object_streams(4), "--layout", "2up")
    assert run.code == 0
    assert "damaged" not in run.stderr
    assert len(PdfReader(out).pages) == 4  # 2up: one source page per side


@pytest.mark.parametrize("name", ["wrong-xref-offsets", "missing-xref"])
def test_a_repaired_xref_is_reported_once(tmp_path: Path, name: str) -> None:
    _, run = impose(tmp_path, wildgen.WILD[name](4), "--layout", "2up")
    assert run.code == 0
    notes = [line for line in run.lines if "damaged" in line]
    assert len(notes) == 1
    assert notes[0].startswith("zinekit: note: ")
    assert "repaired" in notes[0]


@pytest.mark.parametrize(
    "data",
    [
        *(pytest.param(build, id=name) for name, build in sorted(wildgen.WILD.items())),
        pytest.param(wildgen.annotated, id="annotated"),
        pytest.param(lambda: wildgen.encrypted("", "AES-256"), id="aes-256"),
        pytest.param(wildgen.fonts_and_image, id="fonts-and-image"),
    ],
)
@pytest.mark.parametrize("layout", ["booklet", "minizine", "4up"])
def test_output_passes_qpdf_check(tmp_path: Path, data, layout: str) -> None:
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf is not installed: cannot run qpdf --check")
    out = imposed_ok(tmp_path, data(), "--layout", layout)
    result = subprocess.run([qpdf, "--check", str(out)], capture_output=True, text=True)
    # qpdf exits 0 when clean, 3 for warnings, 2 for errors.
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def test_a_rotation_that_is_not_a_multiple_of_90_is_ignored(tmp_path: Path) -> None:
    out, run = impose(tmp_path, wildgen.odd_rotation(2), "--layout", "2up")
    assert run.code == 0, run.stderr
    assert "Tilted page 1" in " ".join(page_texts(out))


# -- annotations --------------------------------------------------------------------------


@pytest.mark.parametrize("by_reference", [False, True], ids=["direct", "by-reference"])
def test_printing_annotations_are_drawn_into_the_sheet(tmp_path: Path, by_reference: bool) -> None:
    data = wildgen.annotated(by_reference=by_reference)
    (tmp_path / "check.pdf").write_bytes(data)
    # pdfium leaves annotations out of page text: what shows up below was drawn into the page.
    assert wildgen.FIELD_VALUE not in page_texts(tmp_path / "check.pdf")[0]

    out, run = impose(tmp_path, data, "--layout", "2up")
    assert run.code == 0, run.stderr
    (text,) = page_texts(out)
    assert text.count(wildgen.FIELD_VALUE) == 2  # the page twice on a 2up side
    assert text.count(wildgen.CHECK_ON) == 2
    assert text.count(wildgen.STAMP_TEXT) == 2
    assert text.count("Annotated page") == 2
    assert "drew 3 printable annotations" in run.stderr


def test_a_check_box_draws_only_its_current_state(tmp_path: Path) -> None:
    out = imposed_ok(tmp_path, wildgen.annotated(), "--layout", "2up")
    (text,) = page_texts(out)
    assert wildgen.CHECK_ON in text
    assert wildgen.CHECK_OTHER not in text
    assert wildgen.CHECK_OFF not in text


def test_hidden_and_screen_only_annotations_are_not_drawn(tmp_path: Path) -> None:
    out = imposed_ok(tmp_path, wildgen.annotated(), "--layout", "2up")
    (text,) = page_texts(out)
    assert wildgen.HIDDEN_TEXT not in text
    assert wildgen.NO_PRINT_TEXT not in text

    # Pixels too: their red frames would show; the printed stamp's frame does.
    pdf = pdfium.PdfDocument(out.read_bytes())
    image = pdf[0].render(scale=1).to_pil()
    pdf.close()
    height = image.height  # 1 pixel per point; the left cell holds the page at 100%

    def ink(x0: int, y0: int, x1: int, y1: int) -> int:
        """Non-white pixels in a rectangle given in page points (origin bottom left)."""
        box = image.crop((x0, height - y1, x1, height - y0)).convert("L")
        return sum(box.histogram()[:200])

    assert ink(55, 295, 365, 365) > 100  # the stamp (Rect 60 300 360 360)
    assert ink(55, 145, 365, 185) == 0  # the hidden stamp (Rect 60 150 360 180)
    assert ink(55, 95, 365, 135) == 0  # the screen-only square (Rect 60 100 360 130)


def test_malformed_annotations_are_left_out_and_the_rest_drawn(tmp_path: Path) -> None:
    out, run = impose(tmp_path, wildgen.malformed_annotations(), "--layout", "2up")
    assert run.code == 0, run.stderr
    (text,) = page_texts(out)
    assert "Annotated page" in text
    assert wildgen.CHECK_ON in text  # the well-formed check box
    assert wildgen.FIELD_VALUE not in text  # flags that are not a number
    assert wildgen.STAMP_TEXT not in text  # a BBox that is not four numbers


def test_no_annotation_survives_on_the_sheets(tmp_path: Path) -> None:
    """Links point into the source's pages, which no longer exist; widgets and stamps are
    drawn. No page of the output keeps /Annots, and no form is left to redraw fields."""
    out = imposed_ok(tmp_path, wildgen.annotated(by_reference=True), "--layout", "booklet")
    reader = PdfReader(out)
    assert "/AcroForm" not in reader.trailer["/Root"]
    assert len(reader.pages) == 2  # one page: a booklet sheet, front and back
    for page in reader.pages:
        assert "/Annots" not in page


# -- shared fonts and images --------------------------------------------------------------


@pytest.mark.parametrize("layout", ["2up", "4up", "booklet"])
def test_fonts_and_images_are_copied_once(tmp_path: Path, layout: str) -> None:
    data = wildgen.fonts_and_image(4)
    out = imposed_ok(tmp_path, data, "--layout", layout)
    before, after = census(tmp_path / "in.pdf"), census(out)
    assert before["image"] == 1 and before["font program"] == 1
    assert after["image"] == before["image"]
    assert after["font program"] == before["font program"]
    assert after["font"] == before["font"]
    assert after["form"] == 4  # one Form XObject per source page, however often drawn
    # Each page is drawn up to 4 times, yet the file stays about the input's size.
    assert out.stat().st_size < len(data) * 1.1
    text = " ".join(page_texts(out))
    for marker in wildgen.markers("Shared", 4):
        assert marker in text


# -- encryption ---------------------------------------------------------------------------

ALGORITHMS = ["RC4-40", "RC4-128", "AES-128", "AES-256"]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_an_empty_user_password_opens_without_asking(tmp_path: Path, algorithm: str) -> None:
    out = imposed_ok(tmp_path, wildgen.encrypted("", algorithm), "--layout", "2up")
    assert not PdfReader(out).is_encrypted
    text = " ".join(page_texts(out))
    assert "Locked page 1" in text and "Locked page 2" in text


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_a_user_password_is_needed_and_works(tmp_path: Path, algorithm: str) -> None:
    data = wildgen.encrypted("sesame", algorithm)

    out, run = impose(tmp_path, data, "--layout", "2up")
    assert run.code == 2
    (line,) = run.lines
    assert line.startswith("zinekit: error: ")
    assert "in.pdf" in line and "encrypted" in line and "--password" in line
    assert not out.exists()

    out, run = impose(tmp_path, data, "--layout", "2up", "--password", "wrong")
    assert run.code == 2
    (line,) = run.lines
    assert line.startswith("zinekit: error: ")
    assert "password does not open" in line
    assert not out.exists()

    out = imposed_ok(tmp_path, data, "--layout", "2up", "--password", "sesame")
    assert not PdfReader(out).is_encrypted
    assert "Locked page 2" in " ".join(page_texts(out))


def test_the_owner_password_opens_it_too(tmp_path: Path) -> None:
    data = wildgen.encrypted("sesame", "AES-256")
    out = imposed_ok(tmp_path, data, "--layout", "2up", "--password", "owner-secret")
    assert "Locked page 1" in " ".join(page_texts(out))


def test_the_console_script_imposes_a_wild_pdf(tmp_path: Path) -> None:
    """Once through the installed `zinekit` command, in a real process."""
    script = Path(sys.executable).with_name("zinekit")
    if not script.exists():
        pytest.skip(f"no zinekit console script beside {script.parent}")
    source = tmp_path / "wild.pdf"
    source.write_bytes(wildgen.object_streams(4))
    result = subprocess.run(
        [str(script), "impose", str(source), "--layout", "booklet", "-o", str(tmp_path / "o.pdf")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Packed page 4" in " ".join(page_texts(tmp_path / "o.pdf"))
