"""PDFs as they come from the wild, built deterministically for the tests.

Each builder returns the bytes of a small PDF with one trait that real files have and tidy
generators do not: resources inherited from the page tree, object streams and a
cross-reference stream, a damaged or missing cross-reference table, printable and
non-printable annotations, encryption, embedded fonts and images shared by every page.

Hand-written files go through `assemble`, which numbers and places the objects so a test
can damage one thing at a time. Every page carries the marker text given to it, so a test
can find it again in the imposed output. `run_zinekit` runs the command line in-process.
"""

from __future__ import annotations

import io
import random
import re
import zlib
from pathlib import Path
from unittest import mock

import reportlab
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

A5_BOX = b"[0 0 419.53 595.28]"
HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"

# Text drawn by annotation appearances: what must and must not reach the imposed sheet.
FIELD_VALUE = "Field value Sari"
CHECK_ON = "Chosen box"
CHECK_OTHER = "Other state"
CHECK_OFF = "Unticked box"
STAMP_TEXT = "Stamp approved"
HIDDEN_TEXT = "Hidden stamp"
NO_PRINT_TEXT = "Screen only note"


def stream(entries: bytes, data: bytes) -> bytes:
    """The body of a stream object: `entries` go inside its dictionary, /Length is added."""
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (entries, len(data), data)


def text_ops(*lines: str, font: bytes = b"/F1", size: int = 14, x: int = 40, y: int = 500) -> bytes:
    """Content-stream operators that write each line below the last."""
    ops = [b"BT %s %d Tf %d TL %d %d Td" % (font, size, size + 6, x, y)]
    for line in lines:
        ops.append(b"(%s) Tj T*" % line.encode("latin-1"))
    ops.append(b"ET")
    return b" ".join(ops)


def assemble(objects: dict[int, bytes], *, root: int = 1) -> bytes:
    """A classic PDF: header, the objects in number order, an xref table, a trailer."""
    out = bytearray(HEADER)
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        if number in offsets:
            out += b"%010d 00000 n \n" % offsets[number]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (size, root)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def assemble_compressed(objects: dict[int, bytes], *, root: int = 1) -> bytes:
    """A PDF 1.5 file: every non-stream object packed in one object stream, located through a
    cross-reference stream (no xref table, no trailer keyword)."""
    packed = {n: body for n, body in objects.items() if b"stream\n" not in body}
    loose = {n: body for n, body in objects.items() if n not in packed}
    objstm_number = max(objects) + 1
    xref_number = objstm_number + 1

    offsets_in_stream, chunks, position = [], [], 0
    for number in sorted(packed):
        offsets_in_stream.append(b"%d %d" % (number, position))
        chunk = packed[number] + b"\n"
        chunks.append(chunk)
        position += len(chunk)
    head = b" ".join(offsets_in_stream) + b"\n"
    objstm_data = zlib.compress(head + b"".join(chunks), 9)
    loose[objstm_number] = stream(
        b"/Type /ObjStm /N %d /First %d /Filter /FlateDecode" % (len(packed), len(head)),
        objstm_data,
    )

    out = bytearray(HEADER)
    offsets = {}
    for number in sorted(loose):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, loose[number])
    size = xref_number + 1
    index_in_stream = {n: i for i, n in enumerate(sorted(packed))}
    rows = bytearray()
    for number in range(size):
        if number in offsets:
            rows += bytes([1]) + offsets[number].to_bytes(4, "big") + (0).to_bytes(2, "big")
        elif number in packed:
            rows += bytes([2]) + objstm_number.to_bytes(4, "big")
            rows += index_in_stream[number].to_bytes(2, "big")
        elif number == xref_number:
            rows += bytes([1]) + len(out).to_bytes(4, "big") + (0).to_bytes(2, "big")
        else:
            rows += bytes([0]) + (0).to_bytes(4, "big") + (65535).to_bytes(2, "big")
    xref_at = len(out)
    out += b"%d 0 obj\n%s\nendobj\n" % (
        xref_number,
        stream(
            b"/Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Filter /FlateDecode" % (size, root),
            zlib.compress(bytes(rows), 9),
        ),
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def _text_pages(markers: list[str], *, inherit: bool) -> dict[int, bytes]:
    """Catalog 1, page tree 2, font 3, then a page and its content per marker."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    resources = b"<< /Font << /F1 3 0 R >> >>"
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: font}
    kids = []
    for i, marker in enumerate(markers):
        page, content = 4 + 2 * i, 5 + 2 * i
        kids.append(b"%d 0 R" % page)
        own = b"" if inherit else b" /MediaBox %s /Resources %s" % (A5_BOX, resources)
        objects[page] = b"<< /Type /Page /Parent 2 0 R /Contents %d 0 R%s >>" % (content, own)
        objects[content] = stream(b"", text_ops(marker, f"page {i + 1} of {len(markers)}"))
    shared = b" /MediaBox %s /Resources %s" % (A5_BOX, resources) if inherit else b""
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d%s >>" % (
        b" ".join(kids),
        len(markers),
        shared,
    )
    return objects


def markers(stem: str, count: int) -> list[str]:
    """Distinct page texts such as "Inherited page 3", one per page."""
    return [f"{stem} page {i}" for i in range(1, count + 1)]


def inherited_resources(count: int = 4) -> bytes:
    """Pages with neither /Resources nor /MediaBox: both sit on the /Pages node."""
    return assemble(_text_pages(markers("Inherited", count), inherit=True))


def inherited_rotation(count: int = 2) -> bytes:
    """Like `inherited_resources`, and the /Pages node also sets /Rotate 90 and a CropBox."""
    objects = _text_pages(markers("Turned", count), inherit=True)
    objects[2] = objects[2].replace(b" /MediaBox", b" /Rotate 90 /CropBox [0 0 400 500] /MediaBox")
    return assemble(objects)


def object_streams(count: int = 4) -> bytes:
    """Objects packed in an object stream and a cross-reference stream instead of a table."""
    return assemble_compressed(_text_pages(markers("Packed", count), inherit=False))


def wrong_xref_offsets(count: int = 4) -> bytes:
    """An xref table whose offsets all point a few bytes off, as after a careless edit."""
    good = assemble(_text_pages(markers("Shifted", count), inherit=False))
    head, table = good.split(b"\nxref\n", 1)

    def shift(match: re.Match[bytes]) -> bytes:
        return b"%010d 00000 n " % (int(match.group(1)) + 7)

    return head + b"\nxref\n" + re.sub(rb"(\d{10}) 00000 n ", shift, table)


def missing_xref(count: int = 4) -> bytes:
    """No xref table at all; the trailer survives but startxref points past the end."""
    good = assemble(_text_pages(markers("Unindexed", count), inherit=False))
    body, tail = good[: good.index(b"xref\n")], good[good.index(b"trailer\n") :]
    return body + re.sub(rb"startxref\n\d+", b"startxref\n999999", tail)


def truncated(count: int = 4) -> bytes:
    """A download cut off in the middle of the xref table: no trailer, no %%EOF, beyond repair."""
    good = assemble(_text_pages(markers("Cut", count), inherit=False))
    return good[: good.index(b"xref\n") + 60]


def bad_ascii85(count: int = 2) -> bytes:
    """Page 2's content claims ASCII85 but holds bytes no ASCII85 decoder accepts."""
    objects = _text_pages(markers("Encoded", count), inherit=False)
    objects[7] = stream(b"/Filter /ASCII85Decode", b"BT \x8e\x8f ET~>")
    return assemble(objects)


def unknown_object_stream_filter(count: int = 2) -> bytes:
    """Packed objects whose object stream names a filter that does not exist."""
    good = object_streams(count)
    # The object stream is the first object with a filter; same length, so offsets hold.
    return good.replace(b"/Filter /FlateDecode", b"/Filter /FlateDecodX", 1)


def self_reference(count: int = 2) -> bytes:
    """Page 1's /Contents is an object that refers to itself."""
    objects = _text_pages(markers("Looped", count), inherit=False)
    objects[5] = b"5 0 R"
    return assemble(objects)


def zero_area(count: int = 2) -> bytes:
    """Page 1's MediaBox has no width."""
    objects = _text_pages(markers("Flat", count), inherit=False)
    objects[4] = objects[4].replace(A5_BOX, b"[0 0 0 595.28]")
    return assemble(objects)


def odd_rotation(count: int = 2) -> bytes:
    """Page 1 has /Rotate 45, which the PDF standard does not allow (multiples of 90 only)."""
    objects = _text_pages(markers("Tilted", count), inherit=False)
    objects[4] = objects[4].replace(b"/Type /Page ", b"/Type /Page /Rotate 45 ")
    return assemble(objects)


def malformed_annotations() -> bytes:
    """The annotated page, but the stamp's BBox holds a name and the text field's flags are
    a name: viewers skip such annotations and draw the rest."""
    objects = _annotated_objects()
    objects[24] = objects[24].replace(b"/BBox [0 0 150 30]", b"/BBox [0 0 /Wide 30]")
    objects[10] = objects[10].replace(b"/F 4", b"/F /Print")
    return assemble(objects)


def _appearance(text: str, width: int, height: int, *, border: bool = False) -> bytes:
    """A Form XObject that writes `text` in Helvetica, with its own resources."""
    ops = b"q 0 0 0 rg BT /Helv 10 Tf 3 %d Td (%s) Tj ET Q" % (height // 2 - 3, text.encode())
    if border:
        ops = b"q 0.8 0 0 RG 2 w 1 1 %d %d re S Q " % (width - 2, height - 2) + ops
    return stream(
        b"/Type /XObject /Subtype /Form /BBox [0 0 %d %d] /Resources << /Font << /Helv 3 0 R >> >>"
        % (width, height),
        ops,
    )


def annotated(*, by_reference: bool = False) -> bytes:
    """One A5 page with a filled text field, a check box in its "Yes" state out of three, a
    stamp, a link, a hidden stamp and a stamp not flagged for printing.

    With `by_reference`, the page's /Annots array and each annotation's /AP dictionary are
    indirect objects of their own, as many producers write them.
    """
    return assemble(_annotated_objects(by_reference=by_reference))


def _annotated_objects(*, by_reference: bool = False) -> dict[int, bytes]:
    """The objects of `annotated`, numbered so that a test can spoil one of them."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [10 0 R 11 0 R] >> >>",
        2: b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents 5 0 R"
        b" /Resources << /Font << /F1 3 0 R >> >>"
        b" /Annots [10 0 R 11 0 R 12 0 R 13 0 R 14 0 R 15 0 R] >>" % A5_BOX,
        5: stream(b"", text_ops("Annotated page", "Name:", "Agree:", y=540)),
        # The text field: a widget merged with its field, its value drawn by /AP /N.
        10: b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /V (%s) /F 4"
        b" /Rect [120 490 320 510] /DA (/Helv 10 Tf 0 g) /AP << /N 20 0 R >> >>"
        % FIELD_VALUE.encode(),
        20: _appearance(FIELD_VALUE, 200, 20),
        # The check box: /AS picks one of three normal appearances.
        11: b"<< /Type /Annot /Subtype /Widget /FT /Btn /T (agree) /V /Yes /AS /Yes /F 4"
        b" /Rect [120 460 320 480] /AP << /N << /Yes 21 0 R /Maybe 22 0 R /Off 23 0 R >>"
        b" /D << /Yes 23 0 R /Off 23 0 R >> >> >>",
        21: _appearance(CHECK_ON, 200, 20),
        22: _appearance(CHECK_OTHER, 200, 20),
        23: _appearance(CHECK_OFF, 200, 20),
        # A rubber stamp whose appearance has its own /Matrix (scaled by 2).
        12: b"<< /Type /Annot /Subtype /Stamp /F 4 /Rect [60 300 360 360] /AP << /N 24 0 R >> >>",
        24: stream(
            b"/Type /XObject /Subtype /Form /BBox [0 0 150 30] /Matrix [2 0 0 2 0 0]"
            b" /Resources << /Font << /Helv 3 0 R >> >>",
            b"q 0.8 0 0 RG 1 w 1 1 148 28 re S BT /Helv 12 Tf 0.8 0 0 rg 8 10 Td (%s) Tj ET Q"
            % STAMP_TEXT.encode(),
        ),
        # A link: never printed.
        13: b"<< /Type /Annot /Subtype /Link /F 4 /Rect [40 200 200 220] /Border [0 0 1]"
        b" /A << /S /URI /URI (https://example.org/) >> >>",
        # Hidden (flag 2) wins over Print (flag 4).
        14: b"<< /Type /Annot /Subtype /Stamp /F 6 /Rect [60 150 360 180] /AP << /N 25 0 R >> >>",
        25: _appearance(HIDDEN_TEXT, 300, 30, border=True),
        # No Print flag: shown on screen only.
        15: b"<< /Type /Annot /Subtype /Square /F 0 /Rect [60 100 360 130] /AP << /N 26 0 R >> >>",
        26: _appearance(NO_PRINT_TEXT, 300, 30, border=True),
    }
    if by_reference:
        annots = re.search(rb"/Annots (\[[^]]*\])", objects[4])
        objects[4] = objects[4].replace(annots.group(0), b"/Annots 30 0 R")
        objects[30] = annots.group(1)
        for number in (10, 11, 12, 14, 15):
            ap = re.search(rb"/AP (<<.*>>) >>$", objects[number], re.S)
            objects[number] = objects[number].replace(ap.group(1), b"%d 0 R" % (number + 30))
            objects[number + 30] = ap.group(1)
    return objects


def _write(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted(user_password: str, algorithm: str, *, stem: str = "Locked", count: int = 2) -> bytes:
    """Text pages encrypted by pypdf with `algorithm` ("AES-256", "AES-128", "RC4-128"...).

    pypdf draws salts, keys and IVs from `secrets`; a seeded stand-in makes the bytes repeat.
    """
    seeded = random.Random(f"{user_password}/{algorithm}/{stem}/{count}")
    with mock.patch("secrets.token_bytes", seeded.randbytes):
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(count, stem))))
        writer.encrypt(
            user_password=user_password, owner_password="owner-secret", algorithm=algorithm
        )
        return _write(writer)


def no_pages() -> bytes:
    """A well-formed PDF whose page tree is empty."""
    return assemble(
        {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [] /Count 0 >>"}
    )


def _vera() -> str:
    name = "WildgenVera"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(
            TTFont(name, Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")
        )
    return name


def _photo() -> bytes:
    """A deterministic 64x64 RGB image as PNG bytes: a gradient no codec can shrink to nothing."""
    from PIL import Image

    image = Image.new("RGB", (64, 64))
    image.putdata(
        [((x * 4) % 256, (y * 4) % 256, (x * y) % 256) for y in range(64) for x in range(64)]
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def fonts_and_image(count: int = 4) -> bytes:
    """A5 pages, each in the same embedded TrueType font and showing the same photo."""
    from reportlab.lib.utils import ImageReader

    font = _vera()
    photo = ImageReader(io.BytesIO(_photo()))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A5, invariant=True)
    for marker in markers("Shared", count):
        c.setFont(font, 18)
        c.drawString(40, 540, marker)
        c.drawImage(photo, 40, 300, 200, 200)
        c.showPage()
    c.save()
    return buffer.getvalue()


def text_pdf(count: int, stem: str = "Plain") -> bytes:
    """The simplest valid input: `count` A5 pages of text."""
    return assemble(_text_pages(markers(stem, count), inherit=False))


# Inputs that zinekit must impose (repairing them where needed), by the name tests use.
WILD = {
    "inherited-resources": inherited_resources,
    "object-streams": object_streams,
    "wrong-xref-offsets": wrong_xref_offsets,
    "missing-xref": missing_xref,
}
