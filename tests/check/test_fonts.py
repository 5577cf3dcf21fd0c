"""Fonts: every font a page can use is embedded, wherever the page reaches it."""

from __future__ import annotations

from tests.check.helpers import detail_texts, reader
from tests.check.pdfs import form, pages_pdf, text_pdf
from tests.wildgen import stream
from zinekit.check.fonts import check_fonts
from zinekit.check.report import Status

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 40 500 Td (Sari) Tj ET"
FONT_FILE = stream(b"/Length1 4", b"\x00\x01\x00\x00")  # the bytes are never read


def _descriptor(name: bytes, font_file: bytes | None) -> bytes:
    entries = b"/Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [0 0 1000 1000]" % name
    entries += b" /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80"
    if font_file:
        entries += b" " + font_file
    return b"<< %s >>" % entries


def test_standard_font_is_not_embedded_and_named_with_its_pages() -> None:
    result = check_fonts(reader(text_pdf(3, embedded=False)))
    assert result.status == Status.FAIL
    assert result.message.startswith("1 font not embedded")
    assert detail_texts(result) == ["Helvetica (Type1) on pages 1-3"]
    assert result.details[0].pages == (1, 2, 3)


def test_embedded_truetype_passes() -> None:
    result = check_fonts(reader(text_pdf(2)))
    assert result.status == Status.PASS
    assert result.message == "1 font, all embedded"


def test_no_fonts_passes() -> None:
    assert check_fonts(reader(pages_pdf([b""]))).message.startswith("no fonts")


def test_font_in_a_nested_form_is_found_on_the_page_that_draws_it() -> None:
    data = pages_pdf(
        [b"", b"/Outer Do"],
        resources=b"<< /XObject << /Outer 10 0 R >> >>",
        objects={
            10: form(b"/Inner Do", resources=b"<< /XObject << /Inner 11 0 R >> >>"),
            11: form(TEXT, resources=b"<< /Font << /F1 12 0 R >> >>"),
            12: HELVETICA,
        },
    )
    # Both pages share the resources, so both can use the font: as a printer sees them.
    result = check_fonts(reader(data))
    assert result.status == Status.FAIL
    assert detail_texts(result) == ["Helvetica (Type1) on pages 1-2"]


def _annotated(flags: int) -> bytes:
    annot = b"<< /Type /Annot /Subtype /Stamp /Rect [40 40 200 100] /F %d /AP << /N 10 0 R >> >>"
    return pages_pdf(
        [b""],
        objects={
            10: form(TEXT, resources=b"<< /Font << /F1 11 0 R >> >>"),
            11: HELVETICA,
            12: annot % flags,
        },
        page_entries=[b"/Annots [12 0 R]"],
    )


def test_font_in_a_printed_annotation_counts() -> None:
    result = check_fonts(reader(_annotated(4)))
    assert result.status == Status.FAIL
    assert detail_texts(result) == ["Helvetica (Type1) on page 1"]


def test_font_in_a_screen_only_annotation_never_prints() -> None:
    assert check_fonts(reader(_annotated(0))).status == Status.PASS


def _type0(font_file: bytes | None) -> bytes:
    return pages_pdf(
        [b""],
        resources=b"<< /Font << /F1 10 0 R >> >>",
        objects={
            10: b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+NotoSans"
            b" /Encoding /Identity-H /DescendantFonts [11 0 R] >>",
            11: b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+NotoSans"
            b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
            b" /FontDescriptor 12 0 R >>",
            12: _descriptor(b"ABCDEF+NotoSans", b"/FontFile2 13 0 R" if font_file else None),
            13: font_file or b"null",
        },
    )


def test_type0_font_is_embedded_through_its_descendant() -> None:
    assert check_fonts(reader(_type0(FONT_FILE))).status == Status.PASS
    missing = check_fonts(reader(_type0(None)))
    assert detail_texts(missing) == ["ABCDEF+NotoSans (Type0) on page 1"]


def test_type3_font_counts_as_embedded() -> None:
    data = pages_pdf(
        [b""],
        resources=b"<< /Font << /F1 10 0 R >> >>",
        objects={
            10: b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [1 0 0 1 0 0]"
            b" /CharProcs << >> /Encoding << /Differences [] >> /FirstChar 0 /LastChar 0"
            b" /Widths [0] >>"
        },
    )
    assert check_fonts(reader(data)).status == Status.PASS


def test_one_font_object_per_page_is_one_font() -> None:
    # Many writers repeat the font on every page: the report names it once.
    data = pages_pdf(
        [b"", b""],
        resources=b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Courier >> >> >>",
    )
    assert detail_texts(check_fonts(reader(data))) == ["Courier (Type1) on pages 1-2"]
