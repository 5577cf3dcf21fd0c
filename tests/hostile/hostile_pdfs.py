"""Hostile and broken PDFs, built deterministically: one trait each, on `wildgen`'s plain
text pages (page 1 is object 4, its content object 5, the page tree object 2)."""

from __future__ import annotations

import zlib

from tests import wildgen

BOMB_MB = 600  # what the bomb's page content decodes to


def _pages(count: int = 2, stem: str = "Hostile") -> dict[int, bytes]:
    return wildgen._text_pages(wildgen.markers(stem, count), inherit=False)


def _page_entry(entry: bytes) -> bytes:
    objects = _pages()
    objects[4] = objects[4].replace(b"/Type /Page ", b"/Type /Page " + entry + b" ")
    return wildgen.assemble(objects)


def rotate_string() -> bytes:
    """Page 1 says /Rotate (ninety): a string where a number belongs."""
    return _page_entry(b"/Rotate (ninety)")


def rotate_45() -> bytes:
    return _page_entry(b"/Rotate 45")


def rotate_huge() -> bytes:
    """A /Rotate of 401 digits: longer than pypdf reads a number."""
    return _page_entry(b"/Rotate 1" + b"0" * 400)


def rotate_big() -> bytes:
    """A /Rotate of 10^30 + 90: a number, a multiple of 90 only in exact arithmetic."""
    return _page_entry(b"/Rotate 1000000000000000000000000000090")


def contents_cycle() -> bytes:
    """Page 1's /Contents is an array that holds its own stream and itself."""
    objects = _pages()
    objects[4] = objects[4].replace(b"/Contents 5 0 R", b"/Contents 9 0 R")
    objects[9] = b"[5 0 R 9 0 R]"
    return wildgen.assemble(objects)


def kids_cycle() -> bytes:
    """The page tree lists itself among its kids."""
    objects = _pages()
    objects[2] = objects[2].replace(b"/Kids [", b"/Kids [2 0 R ")
    return wildgen.assemble(objects)


def resources_cycle() -> bytes:
    """Page 1's resources hold themselves, as an XObject table and as a form it draws."""
    objects = _pages()
    objects[4] = objects[4].replace(b"/Resources << /Font << /F1 3 0 R >> >>", b"/Resources 9 0 R")
    objects[9] = b"<< /Font << /F1 3 0 R >> /XObject 9 0 R /Me 9 0 R >>"
    objects[5] = wildgen.stream(b"", wildgen.text_ops("Hi") + b" /Me Do")
    return wildgen.assemble(objects)


def form_cycle() -> bytes:
    """Page 1 draws a form that draws itself."""
    objects = _pages()
    objects[4] = objects[4].replace(
        b"/Resources << /Font << /F1 3 0 R >> >>",
        b"/Resources << /Font << /F1 3 0 R >> /XObject << /X 9 0 R >> >>",
    )
    objects[9] = wildgen.stream(
        b"/Type /XObject /Subtype /Form /BBox [0 0 100 100]"
        b" /Resources << /XObject << /X 9 0 R >> >>",
        b"/X Do",
    )
    objects[5] = wildgen.stream(b"", wildgen.text_ops("Hi") + b" /X Do")
    return wildgen.assemble(objects)


def flate_bomb() -> bytes:
    """Page 1's content stream: ~600 KB of Flate that inflates to 600 MB."""
    bomb = zlib.compress(b"0 0 m\n" + b" " * (BOMB_MB * 1024 * 1024), 9)
    objects = _pages()
    objects[5] = wildgen.stream(b"/Filter /FlateDecode", bomb)
    return wildgen.assemble(objects)


def flate_bomb_array() -> bytes:
    """Page 1's content: ten streams of 60 MB each, every one under pypdf's own limit."""
    part = zlib.compress(b" " * (60 * 1024 * 1024), 9)
    objects = _pages()
    refs = b" ".join(b"%d 0 R" % (20 + i) for i in range(10))
    objects[4] = objects[4].replace(b"/Contents 5 0 R", b"/Contents [%s]" % refs)
    for i in range(10):
        objects[20 + i] = wildgen.stream(b"/Filter /FlateDecode", part)
    return wildgen.assemble(objects)


def huge_picture() -> bytes:
    """Page 1 draws a 20000 x 20000 picture whose Flate data is a few KB of zeros: a
    renderer would allocate 1.6 GB for it."""
    objects = _pages()
    objects[4] = objects[4].replace(
        b"/Resources << /Font << /F1 3 0 R >> >>",
        b"/Resources << /Font << /F1 3 0 R >> /XObject << /Im 9 0 R >> >>",
    )
    objects[9] = wildgen.stream(
        b"/Type /XObject /Subtype /Image /Width 20000 /Height 20000 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Filter /FlateDecode",
        zlib.compress(b"\0" * 1024 * 1024, 9),
    )
    objects[5] = wildgen.stream(b"", b"q 100 0 0 100 0 0 cm /Im Do Q")
    return wildgen.assemble(objects)


def no_eof() -> bytes:
    """A whole file but for its last line, %%EOF."""
    good = wildgen.text_pdf(4, "Unended")
    return good[: good.rindex(b"%%EOF")]


def control_font_name() -> bytes:
    """A font whose /BaseFont holds a terminal escape and runs on for 300 characters."""
    objects = _pages()
    name = b"Evil#1bRed" + b"X" * 300
    objects[3] = objects[3].replace(b"/BaseFont /Helvetica", b"/BaseFont /" + name)
    return wildgen.assemble(objects)
