"""The document being imported: its format, its parts, and what pandoc passes over in silence.

A .docx or .odt is a zip of XML parts; the title and language it declares and the images it
holds are read from those parts here, by name, never by a path taken from the document.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import os
import re
import zipfile
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from zinekit import oserrors
from zinekit.errors import InputError
from zinekit.i18n import say

FORMATS = {".docx": "docx", ".odt": "odt", ".html": "html", ".htm": "html"}
BODY = {"docx": "word/document.xml", "odt": "content.xml"}
META = {"docx": "docProps/core.xml", "odt": "meta.xml"}
MAX_PART = 50 * 1024 * 1024  # bytes of one part (or one image) read at most

# What was lost, as keys of importer.toml [lost] with the pandoc element's name for the two
# that take one ("blocks", "elements"), else "": worded when the notes are printed.
Lost = tuple[str, str]
COLOURS: Lost = ("colours", "")
COMMENTS: Lost = ("comments", "")
CHANGES: Lost = ("changes", "")
OBJECTS: Lost = ("objects", "")


class Source:
    """An input document, checked: an existing file whose kind zinekit can import."""

    def __init__(self, path: Path) -> None:
        try:
            path.stat()
        except (OSError, ValueError) as exc:  # a loop of links, a name too long, a NUL
            if isinstance(exc, FileNotFoundError) or not oserrors.is_path_error(exc):
                raise InputError(
                    say("importer.source.no-such-file"),
                    where=path,
                    hint=say("importer.source.no-such-file-hint"),
                ) from None
            raise oserrors.reading(exc, path) from None
        if not path.is_file():
            raise InputError(
                say("importer.source.no-such-file"),
                where=path,
                hint=say("importer.source.no-such-file-hint"),
            )
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            ending = path.suffix or say("importer.source.no-ending")
            raise InputError(
                say("importer.source.cannot-import", ending=ending),
                where=path,
                hint=say("importer.source.cannot-import-hint"),
            )
        self.path, self.fmt = path, fmt
        self.parts: dict[str, zipfile.ZipInfo] = {}
        if fmt in BODY:
            try:
                with zipfile.ZipFile(path) as package:
                    self.parts = {info.filename: info for info in package.infolist()}
            except (zipfile.BadZipFile, OSError):
                pass
            if BODY[fmt] not in self.parts:
                raise InputError(
                    say("importer.source.not-readable", format=fmt),
                    where=path,
                    hint=say("importer.source.not-readable-hint"),
                )

    def part(self, name: str) -> bytes | None:
        """One part of the package by its name, or None (absent, or too large to be sane)."""
        info = self.parts.get(name)
        if info is None or info.file_size > MAX_PART:
            return None
        with zipfile.ZipFile(self.path) as package:
            return package.read(info)

    def declared(self) -> dict[str, str]:
        """The title and language in the package's own metadata (pandoc reads neither)."""
        found: dict[str, str] = {}
        data = self.part(META[self.fmt]) if self.fmt in META else None
        if data:
            with contextlib.suppress(ElementTree.ParseError):
                for element in ElementTree.fromstring(data).iter():
                    tag = element.tag.rsplit("}", 1)[-1]
                    value = (element.text or "").strip()
                    if tag in ("title", "language") and value:
                        found.setdefault("lang" if tag == "language" else tag, value)
        return found

    def silent_losses(self) -> Counter[Lost]:
        """What pandoc drops without a trace, found in the body's XML: colours, objects, and
        for .odt comments and tracked changes (pandoc marks them in .docx; see walk.py);
        in .html, embedded frames and media."""
        lost: Counter[Lost] = Counter()
        xml = (self.part(BODY[self.fmt]) or b"") if self.fmt in BODY else b""
        if self.fmt == "docx":
            if re.search(rb'<w:(color|highlight) w:val="(?!auto"|000000")', xml):
                lost[COLOURS] += 1
            if b"<w:object" in xml or any(n.startswith("word/embeddings/") for n in self.parts):
                lost[OBJECTS] += 1
        elif self.fmt == "html":
            page = self.path.read_bytes()[:MAX_PART] if self.path.stat().st_size else b""
            found = re.findall(rb"<(iframe|object|embed|video|audio|canvas)\b", page, re.I)
            lost[OBJECTS] += len(found)
        elif self.fmt == "odt":
            if re.search(rb'fo:(color|background-color)="#(?!000000")', xml):
                lost[COLOURS] += 1
            lost[COMMENTS] += len(re.findall(rb"<office:annotation[ >]", xml))
            if b"<text:tracked-changes" in xml:
                lost[CHANGES] += 1
            if b"<draw:object" in xml:
                lost[OBJECTS] += 1
        return lost

    def image(self, src: str) -> bytes | None:
        """The bytes of the image at `src` (as pandoc names it), if it is in the document:
        a part of the package, a data: address, or for .html a file in the page's folder."""
        if src.startswith("data:"):
            head, _, payload = src.partition(",")
            if head.endswith(";base64"):
                with contextlib.suppress(binascii.Error, ValueError):
                    return base64.b64decode(payload)
            return None
        if urlsplit(src).scheme:
            return None  # an address on the web: nothing is downloaded
        path = unquote(src).replace("\\", "/")
        if self.parts:
            for name in (path, f"word/{path}"):  # .docx images are named relative to word/
                name = os.path.normpath(name).replace(os.sep, "/")
                data = None if name.startswith("../") else self.part(name)
                if data is not None:
                    return data
            return None
        folder = self.path.parent.resolve()
        local = (folder / path).resolve()
        if local.is_relative_to(folder) and local.is_file() and local.stat().st_size < MAX_PART:
            return local.read_bytes()
        return None
