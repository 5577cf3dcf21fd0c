"""zinekit.pdf.write: the output stays no larger than the input, by design: equal sides
share one content stream, forms carry only what a reader needs, inline resources are shared
only when repeated, and the names written here are the bytes pypdf would write."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject, NameObject

from tests.pdfgen import numbered_pdf
from tests.runner import impose
from zinekit.pdf.forms import pdf_name


@pytest.mark.parametrize(
    "text", ["/Form", "/P0", "/XObject", "/FlateDecode", "/A B", "/é", "/a#b", "/x(y)"]
)
def test_a_name_made_here_is_written_as_pypdf_writes_it(text: str) -> None:
    ours, theirs = io.BytesIO(), io.BytesIO()
    pdf_name(text).write_to_stream(ours)
    NameObject(text).write_to_stream(theirs)
    assert ours.getvalue() == theirs.getvalue()
    assert pdf_name(text) == NameObject(text)


def test_booklet_sides_share_content_streams_and_forms_carry_no_type(tmp_path: Path) -> None:
    source, out = tmp_path / "in.pdf", tmp_path / "out.pdf"
    numbered_pdf(source, 16)
    impose(source, out, "--layout", "booklet")
    reader = PdfReader(out)
    contents = set()
    for page in reader.pages:
        ref = page.get("/Contents")
        assert isinstance(ref, IndirectObject)
        contents.add(ref.idnum)
    # 8 sides: the fronts draw alike, the backs draw alike.
    assert len(reader.pages) == 8
    assert len(contents) == 2
    for page in reader.pages:
        for form in page["/Resources"]["/XObject"].values():
            form = form.get_object()
            assert form["/Subtype"] == "/Form"
            assert "/Type" not in form
    assert out.stat().st_size <= source.stat().st_size


def form_resources(out: Path) -> list[object]:
    """The /Resources entry of every form, unresolved, in page order of the output."""
    reader = PdfReader(out)
    return [
        ref.get_object().raw_get("/Resources")
        for page in reader.pages
        for ref in page["/Resources"]["/XObject"].values()
    ]


def test_repeated_inline_resources_become_one_shared_object(tmp_path: Path) -> None:
    source, out = tmp_path / "in.pdf", tmp_path / "out.pdf"
    numbered_pdf(source, 8)  # reportlab writes the same resources inline on every page
    impose(source, out, "--layout", "booklet")
    raw = form_resources(out)
    assert len(raw) == 8
    assert all(isinstance(r, IndirectObject) for r in raw)
    assert len({r.idnum for r in raw if isinstance(r, IndirectObject)}) == 1


def test_inline_resources_used_once_stay_inline(tmp_path: Path) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    source, out = tmp_path / "in.pdf", tmp_path / "out.pdf"
    pdf = canvas.Canvas(str(source), pageCompression=1)
    for shade in range(4):  # an image of its own on each page: other resources each
        picture = Image.new("RGB", (8, 8), (60 * shade, 100, 100))
        pdf.drawImage(ImageReader(picture), 72, 600, 100, 100)
        pdf.showPage()
    pdf.save()
    impose(source, out, "--layout", "booklet")
    raw = form_resources(out)
    assert len(raw) == 4
    assert not any(isinstance(r, IndirectObject) for r in raw), raw
