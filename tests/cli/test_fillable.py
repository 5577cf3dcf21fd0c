"""`zinekit build --fillable`: form fields over the worksheet blocks of OUT.reading.pdf, one
per write-in, box, tick box, scale, labelled line and table cell, with stable names; the
imposed OUT.pdf has none, and the user is told so."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pypdf
import pytest

from tests.runner import run_zinekit
from tests.typeset.helpers import paths

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

WORKSHEET = """\
title: Lembar Uji
lang: id
layout: booklet
blocks:
  - fields: [Nama, Tanggal]
  - write-in: Tanda **peringatan** dini
    lines: 3
  - box: Gambar tempat amanmu
  - checklist: [Minum air, Tidur cukup]
    title: Yang membantu
  - scale: Seberapa berat?
    count: 4
  - table: [Hari, Catatan]
    rows: 2
    title: Catatan harian
"""

# Name -> (field type, multiline) for every field the worksheet above gets.
EXPECTED = {
    "b01-fields-nama": ("/Tx", False),
    "b01-fields-tanggal": ("/Tx", False),
    "b02-write-in-tanda-peringatan-dini": ("/Tx", True),
    "b03-box-gambar-tempat-amanmu": ("/Tx", True),
    "b04-checklist-yang-membantu-01": ("/Btn", False),
    "b04-checklist-yang-membantu-02": ("/Btn", False),
    "b05-scale-seberapa-berat": ("/Btn", False),
    **{
        f"b06-table-catatan-harian-r{row:02d}-c{column:02d}": ("/Tx", False)
        for row in (1, 2)
        for column in (1, 2)
    },
}
MULTILINE, RADIO = 1 << 12, 1 << 15


def build(tmp_path: Path, text: str = WORKSHEET, *options: str) -> tuple[Any, Path, Path]:
    content = tmp_path / "lembar.yaml"
    content.write_text(text, encoding="utf-8")
    out = tmp_path / "lembar.pdf"
    run = run_zinekit("build", content, "-o", out, *options)
    assert run.code == 0, run.stderr
    return run, out, tmp_path / "lembar.reading.pdf"


def reader(path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(path.read_bytes()))


def widgets(pdf: pypdf.PdfReader) -> list[Any]:
    found = []
    for page in pdf.pages:
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") == "/Widget":
                found.append(annot)
    return found


def test_every_worksheet_block_gets_its_fields_with_stable_names(tmp_path: Path) -> None:
    run, _, reading = build(tmp_path, WORKSHEET, "--fillable")
    fields = reader(reading).get_fields() or {}
    assert set(fields) == set(EXPECTED)
    for name, (kind, multiline) in EXPECTED.items():
        field = fields[name]
        assert field.get("/FT") == kind, name
        flags = int(field.get("/Ff", 0))
        assert bool(flags & MULTILINE) == multiline, name
        assert bool(flags & RADIO) == (name == "b05-scale-seberapa-berat"), name
    # The scale is one radio group: a button per point, exported as 1 to 4.
    scale = fields["b05-scale-seberapa-berat"]
    states = {state for kid in scale["/Kids"] for state in kid.get_object()["/AP"]["/N"]}
    assert states == {"/1", "/2", "/3", "/4", "/Off"}


def test_a_block_added_above_renumbers_only_what_follows(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = reader(build(tmp_path / "a", WORKSHEET, "--fillable")[2]).get_fields() or {}
    longer = WORKSHEET.replace("  - table:", "  - text: Satu paragraf lagi.\n  - table:")
    second = reader(build(tmp_path / "b", longer, "--fillable")[2]).get_fields() or {}
    assert [n for n in first if not n.startswith("b06")] == [
        n for n in second if not n.startswith("b07")
    ]
    assert {n.replace("b06-", "b07-") for n in first if n.startswith("b06")} == {
        n for n in second if n.startswith("b07")
    }


def test_the_imposed_pdf_has_no_form_and_the_user_is_told(tmp_path: Path) -> None:
    run, imposed, reading = build(tmp_path, WORKSHEET, "--fillable")
    pdf = reader(imposed)
    assert "/AcroForm" not in pdf.trailer["/Root"]
    assert widgets(pdf) == []
    assert b"/Widget" not in imposed.read_bytes()
    note = f"zinekit: note: the imposed {imposed} is print-only; fields are in {reading}"
    assert note in run.stderr.splitlines()


def test_fields_sit_over_what_they_fill_in(tmp_path: Path) -> None:
    _, _, reading = build(tmp_path, WORKSHEET, "--fillable")
    pdf = reader(reading)
    width = float(pdf.pages[0].mediabox.width)
    height = float(pdf.pages[0].mediabox.height)
    for annot in widgets(pdf):
        left, bottom, right, top = (float(v) for v in annot["/Rect"])
        assert 0 <= left < right <= width and 0 <= bottom < top <= height
        assert int(annot["/F"]) & 4  # printed: a filled-in copy prints with its answers
        assert "/BS" not in annot  # no border over the printed lines
    # The write-in's field covers its three ruled lines, and only them.
    data = reading.read_bytes()
    [page] = [i for i, p in enumerate(pdf.pages) if _named(p, "b02-write-in-tanda-peringatan-dini")]
    field = _named(pdf.pages[page], "b02-write-in-tanda-peringatan-dini")
    left, bottom, right, top = (float(v) for v in field["/Rect"])
    lines = [
        p
        for p in paths(data, page)
        if p.stroked and p.height < 1 and p.width > 100 and bottom - 1 <= p.bottom <= top + 1
    ]
    assert len(lines) == 3


def _named(page: Any, name: str) -> Any:
    for ref in page.get("/Annots") or []:
        annot = ref.get_object()
        if annot.get("/T") == name:
            return annot
    return None


def test_without_fillable_the_reading_pdf_has_no_form(tmp_path: Path) -> None:
    run, imposed, reading = build(tmp_path)
    assert "/AcroForm" not in reader(reading).trailer["/Root"]
    assert widgets(reader(reading)) == []
    assert "print-only" not in run.stderr


def test_fillable_changes_nothing_that_prints(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    _, plain_imposed, _ = build(tmp_path / "a")
    _, form_imposed, _ = build(tmp_path / "b", WORKSHEET, "--fillable")
    plain_pages = [p.extract_text() for p in reader(plain_imposed).pages]
    assert plain_pages == [p.extract_text() for p in reader(form_imposed).pages]


@pytest.mark.parametrize(
    "sample", ["rencana-krisis.yaml", "check-in.yaml", "tak-apa-apa.yaml", "kabar-sebaya.yaml"]
)
def test_the_worksheet_samples_build_fillable(tmp_path: Path, sample: str) -> None:
    out = tmp_path / "out.pdf"
    run = run_zinekit("build", SAMPLES / sample, "-o", out, "--fillable")
    assert run.code == 0, run.stderr
    fields = reader(tmp_path / "out.reading.pdf").get_fields() or {}
    assert fields
    assert all(name.startswith("b") and name[1:3].isdigit() for name in fields)
    assert widgets(reader(out)) == []


def test_bad_worksheet_input_is_an_error_at_its_line_and_column(tmp_path: Path) -> None:
    content = tmp_path / "lembar.yaml"
    content.write_text(
        "title: Lembar\nblocks:\n  - write-in: Tanda\n    lines: -2\n  - table: []\n"
        "  - write-in: Rapat\n    pitch: 4mm\n  - box: Kotak\n    heigth: 40mm\n",
        encoding="utf-8",
    )
    run = run_zinekit("build", content, "--fillable")
    assert run.code == 2
    assert run.lines == [
        f"zinekit: error: {content}:4:12: 'lines' must be a whole number from 1 to 60,"
        " or fill, not -2 (hint: e.g. lines: 5)",
        f"zinekit: error: {content}:5:12: 'table' has no items"
        " (hint: add at least one, e.g. table: [Hari, Apa yang kulakukan, Bagaimana rasanya])",
        f"zinekit: error: {content}:7:12: 'pitch' must be from 5 mm to 25 mm, not '4mm'"
        " (hint: e.g. pitch: 10mm)",
        f"zinekit: error: {content}:9:5: unknown key 'heigth' in a box block"
        " (hint: did you mean 'height'?)",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lembar.yaml"]
