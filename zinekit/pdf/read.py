"""A PDF file (or its bytes) -> a `Source`: the pages to impose or check, each with the box
that is its finished page, its /Rotate and its bleed; its title, author and language; and
what pypdf repaired while reading it. Errors say, in one line, what is wrong with the file.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError, PdfReadError
from pypdf.generic import RectangleObject

from zinekit import oserrors
from zinekit.errors import InputError
from zinekit.i18n import say
from zinekit.pdf.budget import INPUT_LIMIT, apply_to_pypdf, megabytes
from zinekit.pdf.damage import DAMAGE, collect_repairs, shown, translate
from zinekit.pdf.geometry import Box, normalised
from zinekit.pdf.getters import resolved, rotation
from zinekit.pdf.source import Source, SourcePage

# Magic numbers of files people mistake for PDFs, to say what the file is instead.
# Values are keys of [signatures] in assets/messages/<lang>/pdf.toml.
_SIGNATURES = {
    b"\x89PNG": "png",
    b"\xff\xd8\xff": "jpeg",
    b"PK\x03\x04": "zip",
    b"\xd0\xcf\x11\xe0": "office",
    b"GIF8": "gif",
    b"%!PS": "postscript",
    b"{\\rtf": "rtf",
}
# What a path names when it is not a regular file, for "this is ..., not a PDF file".
# Values are keys of [kinds] in pdf.toml.
_KINDS = {
    stat.S_IFDIR: "folder",
    stat.S_IFCHR: "device",
    stat.S_IFBLK: "device",
    stat.S_IFIFO: "fifo",
    stat.S_IFSOCK: "socket",
}
# Where pypdf looks for the closing %%EOF (it gives up on a file that lacks one).
_TAIL = 1024


def open_source(path: Path, password: str | None = None) -> Source:
    """Open a PDF file for imposing, repairing what pypdf can; errors say what is wrong."""
    return open_source_bytes(read_input(path), path, password)


def read_input(path: Path) -> bytes:
    """The bytes of the regular file at `path`, at most `budget.INPUT_LIMIT` of them.

    Opened without blocking and checked before reading: a named pipe would wait for a
    writer forever, and /dev/zero never ends.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(
            say("pdf.read.not-found"), where=path, hint=say("pdf.read.not-found-hint")
        ) from None
    except (OSError, ValueError) as exc:
        if not oserrors.is_path_error(exc):
            raise
        raise oserrors.reading(exc, path) from None
    try:
        _require_regular(os.fstat(fd), path)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as f:
        try:
            os.set_blocking(fd, True)
            return f.read(INPUT_LIMIT)
        except OSError as exc:
            raise oserrors.reading(exc, path) from None


def _require_regular(mode: os.stat_result, path: Path) -> None:
    """An error that says what `path` is, unless it is a regular file within the limit."""
    if not stat.S_ISREG(mode.st_mode):
        kind = say(f"pdf.kinds.{_KINDS.get(stat.S_IFMT(mode.st_mode), 'other')}")
        raise InputError(say("pdf.read.not-regular", kind=kind), where=path)
    if mode.st_size > INPUT_LIMIT:
        raise InputError(
            say("pdf.read.too-big", size=megabytes(mode.st_size), limit=megabytes(INPUT_LIMIT)),
            where=path,
            hint=say("pdf.read.too-big-hint"),
        )


def open_source_bytes(data: bytes, path: Path, password: str | None = None) -> Source:
    """Open a PDF held in memory (`path` names it in messages), e.g. one zinekit typeset."""
    if not data:
        raise InputError(say("pdf.read.empty"), where=path)
    if b"%PDF-" not in data[:1024]:
        kind = next((name for magic, name in _SIGNATURES.items() if data.startswith(magic)), None)
        if kind is None and data.lstrip()[:1] == b"<":
            kind = "html"
        raise InputError(
            say("pdf.read.not-pdf-looks", kind=say(f"pdf.signatures.{kind}"))
            if kind
            else say("pdf.read.not-pdf"),
            where=path,
            hint=say("pdf.read.not-pdf-hint"),
        )

    repairs: list[str] = []
    if b"%%EOF" not in data[-_TAIL:]:
        # Cut off just before its last line, as a download or a careless tool leaves it:
        # pypdf (even when not strict) stops, though the rest of the file is whole.
        data += b"\n%%EOF\n"
        repairs.append(say("pdf.repairs.no-eof"))
    apply_to_pypdf()
    try:
        with collect_repairs(repairs):
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                _decrypt(reader, path, password)
            pages = [_source_page(i, p, repairs) for i, p in enumerate(reader.pages)]
            info = reader.metadata
            lang = reader.root_object.get("/Lang")
            title = str(info.title) if info and info.title else None
            author = str(info.author) if info and info.author else None
    except DAMAGE as exc:
        raise translate(exc, path) from exc
    if not pages:
        raise InputError(say("pdf.read.no-pages"), where=path)
    return Source(
        path, reader, pages, repairs, title, author, str(lang) if lang else None, data, password
    )


def _decrypt(reader: PdfReader, path: Path, password: str | None) -> None:
    try:
        opened = reader.decrypt(password or "")
    except DependencyError as exc:  # pragma: no cover - cryptography is a dependency
        raise InputError(say("pdf.read.encrypted-needs", detail=exc), where=path) from exc
    except NotImplementedError as exc:
        raise InputError(
            say("pdf.read.encrypted-unsupported", detail=shown(exc, 80)), where=path
        ) from exc
    if not opened:
        if password is None:
            raise InputError(
                say("pdf.read.password-needed"),
                where=path,
                hint=say("pdf.read.password-hint"),
            )
        raise InputError(say("pdf.read.password-wrong"), where=path)


def _source_page(index: int, page: PageObject, repairs: list[str]) -> SourcePage:
    media = _box(page.mediabox)
    crop = _box(page.cropbox)
    visible = (
        max(media[0], crop[0]),
        max(media[1], crop[1]),
        min(media[2], crop[2]),
        min(media[3], crop[3]),
    )
    if visible[2] - visible[0] < 1 or visible[3] - visible[1] < 1:
        visible = media  # a CropBox outside the MediaBox is ignored, as viewers do
    if visible[2] - visible[0] < 1 or visible[3] - visible[1] < 1:
        raise PdfReadError(say("pdf.repairs.no-area", page=index + 1, box=list(media)))
    raw = page.get("/Rotate")  # pypdf copies an inherited /Rotate onto each page
    rotate = 0 if raw is None else rotation(raw)
    if rotate is None:
        rotate = 0
        repairs.append(
            say("pdf.repairs.bad-rotate", page=index + 1, value=shown(resolved(raw), 40))
        )
    # A PDF made with bleed says where its finished page is (TrimBox) and how far its
    # backgrounds run past it (BleedBox); the finished page is what fills the cell.
    trim = _within(_box(page.trimbox), visible) if "/TrimBox" in page else visible
    bleed = _within(_box(page.bleedbox), media) if "/BleedBox" in page else visible
    bleed = (
        min(bleed[0], trim[0]),
        min(bleed[1], trim[1]),
        max(bleed[2], trim[2]),
        max(bleed[3], trim[3]),
    )
    return SourcePage(index, trim, rotate, None if bleed == trim else bleed)


def _within(box: Box, outer: Box) -> Box:
    """`box` clipped to `outer`, or `outer` when they do not overlap (a broken box)."""
    x0, y0 = max(box[0], outer[0]), max(box[1], outer[1])
    clipped = (x0, y0, min(box[2], outer[2]), min(box[3], outer[3]))
    if clipped[2] - clipped[0] < 1 or clipped[3] - clipped[1] < 1:
        return outer
    return clipped


def _box(rect: RectangleObject) -> Box:
    x0, y0, x1, y1 = (float(v) for v in rect)
    return normalised(x0, y0, x1, y1)
