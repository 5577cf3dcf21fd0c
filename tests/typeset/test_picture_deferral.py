"""A picture that does not fit at the foot of a page opens the next page while the text
written after it fills the space it would leave (`keep: true` keeps strict order), read
back from the PDF: where the text ends on the page before, where the picture stands on
its page, and the order of the words."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from tests.typeset.helpers import colour_photo, publication, reading_text, run, text_boxes

_SENTENCE = (
    "Kami duduk melingkar dan saling mendengarkan tanpa menghakimi siapa pun yang sedang"
    " bercerita malam itu."
)
_BEFORE, _AFTER = 4, 12  # paragraphs written before and after the picture
_CAPTION = "Z999 keterangan gambar"


def _blocks(keep: bool) -> list[dict[str, object]]:
    blocks: list[dict[str, object]] = [{"heading": "Bagian Satu"}]
    blocks += [{"text": f"Q{100 + i} {_SENTENCE} {_SENTENCE}"} for i in range(_BEFORE)]
    image: dict[str, object] = {"src": "foto.jpg", "caption": _CAPTION}
    if keep:
        image["keep"] = True
    blocks.append({"image": image})
    blocks += [{"text": f"Q{200 + i} {_SENTENCE} {_SENTENCE} {_SENTENCE}"} for i in range(_AFTER)]
    blocks += [{"heading": "Bagian Dua"}, {"text": f"Q300 {_SENTENCE}"}]
    return blocks


def _pictures(pdf: bytes) -> list[tuple[int, tuple[float, float, float, float]]]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [
            (i, obj.get_bounds())
            for i, page in enumerate(doc)
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])
        ]
    finally:
        doc.close()


def _gap_above_folio(pdf: bytes, page: int) -> float:
    """How far the lowest line of text on the page ends above the page number."""
    boxes = text_boxes(pdf, page)
    folio_top = min(b[4] for b in boxes)  # the page number is the lowest thing drawn
    text = [b for b in boxes if b[2] > folio_top + 1]
    return min(b[2] for b in text) - folio_top


def _build(tmp_path: Path, keep: bool) -> bytes:
    colour_photo(tmp_path / "foto.jpg")
    return run(publication(_blocks(keep)), base_dir=tmp_path).pdf


def _markers(pdf: bytes) -> list[str]:
    return re.findall(r"\b[QZ]\d{3}\b", reading_text(pdf))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, bytes]:
    folder = tmp_path_factory.mktemp("deferral")
    return {keep: _build(folder, keep) for keep in (False, True)}


def test_the_text_after_a_picture_fills_the_page_and_the_picture_opens_the_next(
    built: dict[bool, bytes],
) -> None:
    pdf = built[False]
    [(page, (_, _, _, top))] = _pictures(pdf)
    # The reference: a page of running text, after the picture, ends at the foot.
    full = _gap_above_folio(pdf, page + 1)
    assert _gap_above_folio(pdf, page - 1) <= full + 16, "the page before ends well above its foot"
    # Nothing above the picture on its page: it opens the page.
    assert all(b[4] <= top + 0.5 for b in text_boxes(pdf, page))
    highest_text = max(b[4] for b in text_boxes(pdf, page + 1))
    assert top >= highest_text - 12


def test_the_words_keep_their_order_but_for_the_paragraphs_set_before_the_picture(
    built: dict[bool, bytes],
) -> None:
    found = _markers(built[False])
    written = [f"Q{100 + i}" for i in range(_BEFORE)] + [f"Q{200 + i}" for i in range(_AFTER)]
    assert [m for m in found if m != "Z999"] == [*written, "Q300"]
    moved = found.index("Z999") - _BEFORE
    assert moved >= 1, "no paragraph went before the picture"
    # Only paragraphs written after the picture moved, and never past the next heading.
    assert found.index("Z999") < found.index("Q300")
    text = reading_text(built[False])
    assert text.count("Kami duduk melingkar") == _BEFORE * 2 + _AFTER * 3 + 1


def test_keep_true_sets_the_picture_where_it_is_written_and_leaves_the_gap(
    built: dict[bool, bytes],
) -> None:
    pdf = built[True]
    found = _markers(pdf)
    assert found.index("Z999") == _BEFORE  # straight after the paragraphs written before it
    [(page, _)] = _pictures(pdf)
    # The case is one where moving matters: the page before keeps a large gap at its foot.
    assert _gap_above_folio(pdf, page - 1) > 60
    assert _pictures(built[False])[0][0] == page
