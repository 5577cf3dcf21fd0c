"""Effective image resolution at the placed size, through q/Q, cm, forms and annotations."""

from __future__ import annotations

import zlib

import pytest

from tests.check.helpers import detail_texts, drawings
from tests.check.pdfs import form, image, image_page, pages_pdf
from tests.wildgen import stream
from zinekit.check.images import check_images, resolution
from zinekit.check.report import Status

INCH = 72.0


def test_72_ppi_image_placed_large_fails_with_page_name_and_ppi() -> None:
    result = check_images(drawings(image_page(300, 300, (300, 300))))
    assert result.status == Status.FAIL
    assert detail_texts(result) == [
        "a 106 x 106 mm picture, 18 mm from the left and 18 mm from the bottom "
        "(300 x 300 px), at 72 ppi on page 1"
    ]
    assert result.details[0].pages == (1,)


def test_image_over_300_ppi_passes() -> None:
    result = check_images(drawings(image_page(1250, 1250, (3 * INCH, 3 * INCH))))
    assert result.status == Status.PASS
    assert result.message == "1 image, all at 300 ppi (600 for 1-bit) or more"


def test_image_sized_for_300_ppi_passes_despite_rounding() -> None:
    # 860 px at 860/300 inches: floating point puts it a hair under 300.
    assert check_images(drawings(image_page(860, 860, (860 / 300 * INCH,) * 2))).status == (
        Status.PASS
    )


@pytest.mark.parametrize(("pixels", "status"), [(400, Status.FAIL), (700, Status.PASS)])
def test_one_bit_images_need_600_ppi(pixels: int, status: Status) -> None:
    data = image_page(pixels, pixels, (INCH, INCH), bits=1)
    result = check_images(drawings(data))
    assert result.status == status
    if status == Status.FAIL:
        assert detail_texts(result) == [
            "a 25 x 25 mm picture, 18 mm from the left and 18 mm from the bottom "
            f"(1-bit, {pixels} x {pixels} px), at 400 ppi on page 1"
        ]


def test_both_axes_count() -> None:
    # 600 x 300 px on a 2-inch square: 300 ppi across, 150 down.
    result = check_images(drawings(image_page(600, 300, (2 * INCH, 2 * INCH))))
    assert detail_texts(result) == [
        "a 51 x 51 mm picture, 18 mm from the left and 18 mm from the bottom "
        "(600 x 300 px), at 300 x 150 ppi on page 1"
    ]


def test_turned_placement_measures_along_the_image_axes() -> None:
    data = pages_pdf(
        [b"q 0 144 -144 0 300 100 cm /Im1 Do Q"],
        resources=b"<< /XObject << /Im1 10 0 R >> >>",
        objects={10: image(600, 600)},
    )
    [page] = drawings(data)
    assert resolution(page.images[0]) == pytest.approx((300, 300))


def test_q_and_q_restore_the_matrix() -> None:
    # Scaled 4x inside q...Q, then drawn at 100 pt: 600 px / (100/72 in) = 432 ppi.
    data = pages_pdf(
        [b"q 4 0 0 4 0 0 cm Q 100 0 0 100 0 0 cm /Im1 Do"],
        resources=b"<< /XObject << /Im1 10 0 R >> >>",
        objects={10: image(600, 600)},
    )
    assert check_images(drawings(data)).status == Status.PASS


@pytest.mark.parametrize(
    ("matrix", "status"), [(b"", Status.FAIL), (b"[0.5 0 0 0.5 0 0]", Status.PASS)]
)
def test_form_matrix_and_nested_forms_scale_the_image(matrix: bytes, status: Status) -> None:
    # 600 px at 200 pt inside a form: 216 ppi; the form's /Matrix halves it to 432 ppi.
    data = pages_pdf(
        [b"q 1 0 0 1 20 20 cm /Outer Do Q"],
        resources=b"<< /XObject << /Outer 10 0 R >> >>",
        objects={
            10: form(b"/Inner Do", resources=b"<< /XObject << /Inner 11 0 R >> >>"),
            11: form(
                b"200 0 0 200 0 0 cm /Im1 Do",
                resources=b"<< /XObject << /Im1 12 0 R >> >>",
                matrix=matrix,
            ),
            12: image(600, 600),
        },
    )
    assert check_images(drawings(data)).status == status


def test_form_drawn_on_many_pages_is_read_once_and_placed_on_each() -> None:
    data = pages_pdf(
        [b"q 2 0 0 2 0 0 cm /Page Do Q", b"/Page Do"],
        resources=b"<< /XObject << /Page 10 0 R >> >>",
        objects={
            10: form(b"150 0 0 150 0 0 cm /Im1 Do", resources=b"<< /XObject << /Im1 11 0 R >> >>"),
            11: image(900, 900),
        },
    )
    result = check_images(drawings(data))
    # 900 px on 300 pt is 216 ppi on page 1; on 150 pt, 432 ppi on page 2.
    assert detail_texts(result) == [
        "a 106 x 106 mm picture, 0 mm from the left and 0 mm from the bottom "
        "(900 x 900 px), at 216 ppi on page 1"
    ]


def test_inline_image() -> None:
    pixels = zlib.compress(b"\x80" * 100 * 100)
    content = b"q 100 0 0 100 0 0 cm BI /W 100 /H 100 /CS /G /BPC 8 /F /Fl ID " + pixels
    data = pages_pdf([content + b" EI Q"])
    result = check_images(drawings(data))
    assert detail_texts(result) == [
        "a 35 x 35 mm inline picture, 0 mm from the left and 0 mm from the bottom "
        "(100 x 100 px), at 72 ppi on page 1"
    ]


def test_image_in_a_printed_annotation() -> None:
    # The appearance's 100-unit BBox is stretched onto a 400 pt Rect: 600 px at 108 ppi.
    data = pages_pdf(
        [b""],
        objects={
            10: form(
                b"100 0 0 100 0 0 cm /Im1 Do", resources=b"<< /XObject << /Im1 11 0 R >> >>"
            ).replace(b"[0 0 1000 1000]", b"[0 0 100 100]"),
            11: image(600, 600),
            12: b"<< /Type /Annot /Subtype /Stamp /Rect [0 0 400 400] /F 4 /AP << /N 10 0 R >> >>",
        },
        page_entries=[b"/Annots [12 0 R]"],
    )
    assert detail_texts(check_images(drawings(data))) == [
        "a 141 x 141 mm picture, 0 mm from the left and 0 mm from the bottom "
        "(600 x 600 px), at 108 ppi on page 1"
    ]


def test_unreadable_content_warns_and_names_the_page() -> None:
    broken = stream(
        b"/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Filter /ASCII85Decode", b"zz{{~>"
    )
    data = pages_pdf(
        [b"", b"/Fm Do", b"/Fm Do"],
        resources=b"<< /XObject << /Fm 10 0 R >> >>",
        objects={10: broken},
    )
    result = check_images(drawings(data))
    assert result.status == Status.WARN
    assert result.message == "no images; some content could not be read"
    assert detail_texts(result)[0].startswith("pages 2-3: a form could not be read")


def test_a_form_that_draws_itself_is_drawn_once() -> None:
    data = pages_pdf(
        [b"/Loop Do"],
        resources=b"<< /XObject << /Loop 10 0 R >> >>",
        objects={
            10: form(
                b"/Loop Do /Im1 Do", resources=b"<< /XObject << /Loop 10 0 R /Im1 11 0 R >> >>"
            ),
            11: image(10, 10),
        },
    )
    result = check_images(drawings(data))
    assert "a form draws itself; it was drawn once" in "\n".join(detail_texts(result))
