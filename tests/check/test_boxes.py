"""Page boxes: sizes with paper names, and boxes out of order (PDF 32000-1:2008, 14.11.2)."""

from __future__ import annotations

import pytest

from tests.check.helpers import detail_texts, reader
from tests.check.pdfs import joined, pages_pdf, rect
from zinekit.check.boxes import check_boxes
from zinekit.check.report import Status
from zinekit.units import mm

A4 = (0, 0, 595.28, 841.89)
# An A5 page with 3 mm bleed on every side: the MediaBox is the bleed.
BLED = (0, 0, mm(154), mm(216))
TRIM = (mm(3), mm(3), mm(151), mm(213))


def boxes_pdf(*entries: bytes, media=(0, 0, 419.53, 595.28)) -> bytes:
    """One page per entry: the entry's extra box keys, the same MediaBox."""
    return pages_pdf([b""] * len(entries), page_entries=list(entries), media=media)


def boxes(name: str, box: tuple[float, ...]) -> bytes:
    return b"/%s %s" % (name.encode(), rect(box))


def test_plain_pages_pass_with_their_paper_name() -> None:
    result, sizes = check_boxes(reader(boxes_pdf(b"", b"")))
    assert result.status == Status.PASS
    assert result.message == "A5 (148 x 210 mm), no TrimBox"
    assert [round(s.width) for s in sizes] == [420, 420]


def test_trim_and_bleed_pass_and_say_the_bleed() -> None:
    entry = boxes("TrimBox", TRIM) + boxes("BleedBox", BLED)
    result, _ = check_boxes(reader(boxes_pdf(entry, media=BLED)))
    assert result.status == Status.PASS
    assert result.message == "A5 (148 x 210 mm), MediaBox 154 x 216 mm, bleed 3 mm"


def test_sizes_are_as_displayed_with_rotate() -> None:
    result, sizes = check_boxes(reader(boxes_pdf(b"/Rotate 90")))
    assert result.message == "A5 (210 x 148 mm), no TrimBox"
    assert sizes[0].width > sizes[0].height


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        # Boxes out of order: the finished page is larger than what prints around it.
        (boxes("TrimBox", (0, 0, 500, 700)), "the TrimBox reaches beyond the MediaBox"),
        (
            boxes("TrimBox", (0, 0, 400, 500)) + boxes("BleedBox", (10, 10, 300, 400)),
            "the TrimBox reaches beyond the BleedBox",
        ),
        (
            boxes("CropBox", (20, 20, 300, 300)) + boxes("TrimBox", (10, 10, 350, 350)),
            "the TrimBox reaches beyond the CropBox (there is no BleedBox)",
        ),
        (boxes("BleedBox", (-9, -9, 428, 604)), "the BleedBox reaches beyond the MediaBox"),
        (boxes("TrimBox", (0, 0, 0, 0)), "the TrimBox has no area"),
        (b"/TrimBox [0 0 100]", "the TrimBox is not four numbers"),
        (boxes("CropBox", (1000, 1000, 1200, 1200)), "the CropBox lies outside the MediaBox"),
    ],
)
def test_boxes_out_of_order_fail(entry: bytes, words: str) -> None:
    result, _ = check_boxes(reader(boxes_pdf(b"", entry)))
    assert result.status == Status.FAIL
    assert result.message.startswith(words)
    assert f"page 2: {words}" in "\n".join(detail_texts(result))
    assert any(d.pages == (2,) for d in result.details)


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        (boxes("BleedBox", (0, 0, 400, 590)), "a BleedBox but no TrimBox"),
        (boxes("CropBox", (-5, -5, 419.53, 595.28)), "the CropBox reaches beyond the MediaBox"),
    ],
)
def test_doubtful_boxes_warn(entry: bytes, words: str) -> None:
    result, _ = check_boxes(reader(boxes_pdf(entry)))
    assert result.status == Status.WARN
    assert result.message.startswith(words)


def test_a_bad_trimbox_is_not_a_missing_one() -> None:
    entry = boxes("TrimBox", (0, 0, 0, 0)) + boxes("BleedBox", (0, 0, 400, 590))
    result, _ = check_boxes(reader(boxes_pdf(entry)))
    assert detail_texts(result) == ["page 1: the TrimBox has no area", "page 1: A5 (148 x 210 mm)"]


def test_rounded_corners_are_not_misprints() -> None:
    # Writers round: a TrimBox a hundredth of a point past the MediaBox is the same edge.
    result, _ = check_boxes(reader(boxes_pdf(boxes("TrimBox", (-0.01, 0, 419.54, 595.28)))))
    assert result.status == Status.PASS


def test_mixed_sizes_warn_and_list_each_size_with_its_pages() -> None:
    data = joined(pages_pdf([b"", b""]), pages_pdf([b""], media=A4))
    result, _ = check_boxes(reader(data))
    assert result.status == Status.WARN
    assert result.message.startswith("mixed page sizes: A4 (210 x 297 mm), A5 (148 x 210 mm)")
    texts = detail_texts(result)
    assert "pages 1-2: A5 (148 x 210 mm), no TrimBox" in texts
    assert "page 3: A4 (210 x 297 mm), no TrimBox" in texts
