"""Black-only printing (--photocopy): colour operators, colour spaces and images, and
Ghostscript's ink coverage."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.check.helpers import detail_texts, drawings
from tests.check.pdfs import form, image, image_page, pages_pdf, text_pdf
from tests.wildgen import stream
from zinekit.check import tools
from zinekit.check.colour import check_colour
from zinekit.check.ink import check_ink
from zinekit.check.report import Status

needs_gs = pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript is not installed")
BOX = b"0 0 100 100 re f"


def colour(*contents: bytes, resources: bytes = b"<< >>", objects=None):
    data = pages_pdf(list(contents), resources=resources, objects=objects)
    return check_colour(drawings(data, colours=True))


def test_grey_only_page_passes() -> None:
    result = colour(b"0.5 g " + BOX + b" 0 G 1 w 0 0 m 9 9 l S 0 0 0 0.7 k " + BOX)
    assert result.status == Status.PASS
    assert result.message == "black and grey only"


def test_rgb_page_fails_with_the_colour_and_page() -> None:
    result = colour(b"0 g " + BOX, b"0.9 0.2 0.2 rg " + BOX)
    assert result.status == Status.FAIL
    assert detail_texts(result) == ["fill in DeviceRGB colour (0.9 0.2 0.2 rg) on page 2"]


def test_rgb_grey_warns() -> None:
    result = colour(b"0.5 0.5 0.5 RG 0 0 m 9 9 l S")
    assert result.status == Status.WARN
    assert detail_texts(result) == [
        "stroke in RGB grey, not gray/K black (0.5 0.5 0.5 RG) on page 1"
    ]


@pytest.mark.parametrize(
    ("ops", "status"),
    [
        (b"0 0 0 1 k", Status.PASS),
        (b"0.1 0 0 1 k", Status.FAIL),
        (b"0 0 0.2 0 K", Status.FAIL),
        (b"/DeviceRGB cs 0 0 1 sc", Status.FAIL),
        (b"/DeviceGray cs 0.3 sc", Status.PASS),
        (b"/DeviceCMYK CS 0 0 0 1 SCN", Status.PASS),
        (b"/Gr cs 0.4 scn", Status.PASS),  # ICCBased, N=1
        (b"/Rgb cs 0.4 0.4 0.1 scn", Status.FAIL),  # ICCBased, N=3
        (b"/Black cs 1 scn", Status.PASS),  # a black spot ink
        (b"/Spot cs 1 scn", Status.FAIL),  # a colour spot ink
    ],
)
def test_colour_operators_and_spaces(ops: bytes, status: Status) -> None:
    resources = (
        b"<< /ColorSpace << /Gr [/ICCBased 10 0 R] /Rgb [/ICCBased 11 0 R]"
        b" /Black [/Separation /Black /DeviceCMYK 12 0 R]"
        b" /Spot [/Separation /PANTONE#20185#20C /DeviceCMYK 12 0 R] >> >>"
    )
    tint = b"<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 1 1 0] /N 1 >>"
    objects = {10: stream(b"/N 1", b""), 11: stream(b"/N 3", b""), 12: tint}
    assert colour(ops + b" " + BOX, resources=resources, objects=objects).status == status


def test_many_colours_of_one_kind_are_one_line() -> None:
    steps = b" ".join(b"%g 0 0 rg 0 0 1 1 re f" % (n / 100) for n in range(1, 101))
    result = colour(steps, b"0 0.5 0 rg " + BOX)
    assert detail_texts(result) == [
        "fill in DeviceRGB colour (0 0.5 0 rg and 100 more) on pages 1-2"
    ]


def test_colour_inside_a_form_fails_on_the_page_that_draws_it() -> None:
    result = colour(
        b"0 g " + BOX,
        b"/Fm Do",
        resources=b"<< /XObject << /Fm 10 0 R >> >>",
        objects={10: form(b"0 0.5 0 rg " + BOX)},
    )
    assert [d.pages for d in result.details] == [(2,)]


def test_a_form_using_its_callers_colour_space_is_judged_by_its_values() -> None:
    result = colour(
        b"/DeviceRGB cs /Fm Do",
        resources=b"<< /XObject << /Fm 10 0 R >> >>",
        objects={10: form(b"1 0 0 sc " + BOX)},
    )
    assert result.status == Status.FAIL


def test_shading_in_rgb_cannot_be_told_and_warns() -> None:
    result = colour(
        b"/Sh sh",
        resources=b"<< /Shading << /Sh << /ShadingType 2 /ColorSpace /DeviceRGB"
        b" /Coords [0 0 1 0] /Function << /FunctionType 2 /Domain [0 1] /C0 [0 0 0]"
        b" /C1 [1 1 1] /N 1 >> >> >> >>",
    )
    assert result.status == Status.WARN
    assert detail_texts(result) == [
        "shading in DeviceRGB: its colours could not be checked on page 1"
    ]


@pytest.mark.parametrize(
    ("space", "bits", "status"),
    [
        (b"/DeviceGray", 8, Status.PASS),
        (b"/DeviceGray", 1, Status.PASS),
        (b"/DeviceRGB", 8, Status.FAIL),
        (b"/DeviceCMYK", 8, Status.FAIL),
        (b"[/Indexed /DeviceRGB 1 <000000808080>]", 8, Status.PASS),  # a grey palette
        (b"[/Indexed /DeviceRGB 1 <000000FF0000>]", 8, Status.FAIL),
        (b"[/Indexed /DeviceGray 255 <00>]", 8, Status.PASS),
    ],
)
def test_image_colour_spaces(space: bytes, bits: int, status: Status) -> None:
    data = image_page(50, 50, (10, 10), bits=bits, space=space)
    result = check_colour(drawings(data, colours=True))
    assert result.status == status
    if status == Status.FAIL:
        assert detail_texts(result)[0].startswith(
            "a 4 x 4 mm picture, 18 mm from the left and 18 mm from the bottom (50 x 50 px), in "
        )


def test_icc_image_with_three_components_fails() -> None:
    data = pages_pdf(
        [b"q 10 0 0 10 0 0 cm /Im1 Do Q"],
        resources=b"<< /XObject << /Im1 10 0 R >> >>",
        objects={
            10: image(4, 4, space=b"[/ICCBased 11 0 R]", components=3),
            11: stream(b"/N 3", b""),
        },
    )
    result = check_colour(drawings(data, colours=True))
    assert detail_texts(result) == [
        "a 4 x 4 mm picture, 0 mm from the left and 0 mm from the bottom "
        "(4 x 4 px), in ICCBased (3 components) (convert it to greyscale) on page 1"
    ]


def test_stencil_mask_paints_in_the_fill_colour() -> None:
    mask = image(8, 8, bits=1, space=b"/DeviceGray").replace(
        b"/ColorSpace /DeviceGray", b"/ImageMask true"
    )
    data = pages_pdf(
        [b"0 g q 10 0 0 10 0 0 cm /Im1 Do Q"],
        resources=b"<< /XObject << /Im1 10 0 R >> >>",
        objects={10: mask},
    )
    assert check_colour(drawings(data, colours=True)).status == Status.PASS


@needs_gs
def test_ink_coverage_passes_grey_and_fails_colour_pages(tmp_path: Path) -> None:
    path = tmp_path / "in.pdf"
    path.write_bytes(pages_pdf([b"0.5 g " + BOX, b"0.5 0.5 0.5 rg " + BOX, b"1 0 0 rg " + BOX]))
    result = check_ink(path, None, 3)
    assert result.status == Status.FAIL
    # Ghostscript separates RGB grey into all four inks.
    assert [d.pages for d in result.details] == [(2,), (3,)]
    assert detail_texts(result)[1].startswith("page 3: cyan 0.00%, magenta ")


@needs_gs
def test_ink_coverage_of_grey_text_passes(tmp_path: Path) -> None:
    path = tmp_path / "in.pdf"
    path.write_bytes(text_pdf(2))
    assert check_ink(path, None, 2).status == Status.PASS


def test_ink_is_skipped_with_a_note_without_ghostscript(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tools.shutil, "which", lambda name: None)
    path = tmp_path / "in.pdf"
    path.write_bytes(text_pdf(1))
    result = check_ink(path, None, 1)
    assert result.status == Status.SKIP
    assert result.message.startswith("skipped: gs is not installed")
