"""The one module that reads and writes PDF files (with pypdf).

`open_source` reads someone else's PDF into a `Source`; `write_sides` draws planned sheet
sides into a new PDF. Imposition is by reference: each source page used becomes one Form
XObject, drawn with a `cm` transform wherever the plan places it, so fonts and images are
copied once however many times a page appears. Whole pages of another PDF (an instruction
page) or blank sheet sides can go before or after the sides (`WholePage`).
"""

from __future__ import annotations

import functools
import gc
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfReader, PdfWriter
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError
from pypdf.filters import ASCII85Decode
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    EncodedStreamObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    PdfObject,
    RectangleObject,
    StreamObject,
    TextStringObject,
)

import zinekit
from zinekit.errors import InputError
from zinekit.impose.geometry import Scaling, displayed_size, placement
from zinekit.impose.marks import Finish, cell_clip, frame, mark_lines
from zinekit.impose.plan import Line, Side
from zinekit.impose.reading import READ_ERRORS, from_pypdf, printed_appearances, quiet_pypdf

Box = tuple[float, float, float, float]

# Magic numbers of files people mistake for PDFs, to say what the file is instead.
_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (a .docx, .odt or .epub?)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"GIF8": "a GIF image",
    b"%!PS": "a PostScript file",
    b"{\\rtf": "an RTF document",
}


@dataclass(frozen=True)
class SourcePage:
    index: int
    box: Box  # the finished page that is fitted to the cell: TrimBox, else the CropBox
    rotate: int  # /Rotate, clockwise, normalised to 0/90/180/270
    bleed: Box | None = None  # what may print beyond `box` (BleedBox); None: just `box`

    @property
    def drawn(self) -> Box:
        return self.bleed or self.box


@dataclass
class Source:
    """An opened input PDF."""

    path: Path
    reader: PdfReader
    pages: list[SourcePage]
    repairs: list[str] = field(default_factory=list)  # problems pypdf worked around
    title: str | None = None
    author: str | None = None
    lang: str | None = None  # the document's natural language, e.g. "id"
    # The file as read and the password that opened it, to render previews of it.
    data: bytes | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class WholePage:
    """A page of `source` printed on a sheet side of its own, at 100% from the trimmed sheet's
    bottom left corner (its /Rotate not applied: meant for pages zinekit drew at the sheet's
    size, such as the instruction page), or a blank sheet side when `source` is None."""

    source: Source | None = None
    index: int = 0


BLANK = WholePage()


@dataclass
class WriteReport:
    scaled_pages: set[int] = field(default_factory=set)  # pages drawn at a scale other than 1
    overflowing_pages: set[int] = field(default_factory=set)  # pages larger than the cell at 100%
    flattened_annotations: int = 0


def open_source(path: Path, password: str | None = None) -> Source:
    """Open a PDF file for imposing, repairing what pypdf can; errors say what is wrong."""
    if not path.exists():
        raise InputError("file not found", where=path, hint="check the path and the spelling")
    if path.is_dir():
        raise InputError("this is a folder, not a PDF file", where=path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", where=path) from exc
    return open_source_bytes(data, path, password)


def open_source_bytes(data: bytes, path: Path, password: str | None = None) -> Source:
    """Open a PDF held in memory (`path` names it in messages), e.g. one zinekit typeset."""
    if not data:
        raise InputError("the file is empty", where=path)
    if b"%PDF-" not in data[:1024]:
        kind = next((name for magic, name in _SIGNATURES.items() if data.startswith(magic)), None)
        if kind is None and data.lstrip()[:1] == b"<":
            kind = "an HTML or XML file"
        raise InputError(
            f"not a PDF file{f' (it looks like {kind})' if kind else ''}",
            where=path,
            hint="export or print it to PDF first",
        )

    repairs: list[str] = []
    try:
        with quiet_pypdf(repairs):
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                _decrypt(reader, path, password)
            pages = [_source_page(i, p) for i, p in enumerate(reader.pages)]
            info = reader.metadata
            lang = reader.trailer["/Root"].get("/Lang")
    except InputError:
        raise
    except READ_ERRORS as exc:
        if not from_pypdf(exc):
            raise
        raise _damaged(path, exc) from exc
    if not pages:
        raise InputError("the PDF has no pages", where=path)
    title = str(info.title) if info and info.title else None
    author = str(info.author) if info and info.author else None
    return Source(
        path, reader, pages, repairs, title, author, str(lang) if lang else None, data, password
    )


def _decrypt(reader: PdfReader, path: Path, password: str | None) -> None:
    try:
        opened = reader.decrypt(password or "")
    except DependencyError as exc:  # pragma: no cover - cryptography is a dependency
        raise InputError(f"the PDF is encrypted in a way that needs {exc}", where=path) from exc
    except NotImplementedError as exc:
        raise InputError(
            f"the PDF is encrypted with an unsupported method ({exc})", where=path
        ) from exc
    if not opened:
        if password is None:
            raise InputError(
                "the PDF is encrypted and needs a password",
                where=path,
                hint="give it with --password",
            )
        raise InputError("the password does not open this encrypted PDF", where=path)


def _source_page(index: int, page) -> SourcePage:
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
        raise PdfReadError(f"page {index + 1} has no area: its MediaBox is {list(media)}")
    rotate = page.rotation % 360
    if rotate % 90:
        rotate = 0  # /Rotate must be a multiple of 90; other values are ignored, as viewers do
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
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def write_sides(
    source: Source,
    sides: list[Side],
    sheet_size: tuple[float, float],
    out: BinaryIO,
    *,
    scaling: Scaling = "fit",
    guides: bool = False,
    finish: Finish | None = None,
    progress: Callable[[int, int], None] | None = None,
    before: Sequence[WholePage] = (),
    after: Sequence[WholePage] = (),
) -> WriteReport:
    """Draw `sides` (one output page each) from `source` into `out`, with the `before` pages
    ahead of them and the `after` pages behind them."""
    report = WriteReport()
    # The objects built here live until the end of the run; collecting them midway only
    # costs time (about a tenth of a large job).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        with quiet_pypdf(source.repairs):
            imposer = _Imposer(source, report, scaling, guides, finish or Finish())
            writer = imposer.writer
            for whole in before:
                imposer.add_whole(whole, sheet_size)
            for number, side in enumerate(sides):
                imposer.add_side(side, sheet_size)
                if progress:
                    progress(number + 1, len(sides))
            for whole in after:
                imposer.add_whole(whole, sheet_size)
            metadata = {"/Producer": f"zinekit {zinekit.__version__}"}
            if source.title:
                metadata["/Title"] = source.title
            if source.author:
                metadata["/Author"] = source.author
            writer.add_metadata(metadata)
            if source.lang:
                # Screen readers and hyphenating viewers read the language from the catalog.
                writer._root_object[NameObject("/Lang")] = TextStringObject(source.lang)
            writer.write(out)
    except FileNotDecryptedError as exc:  # pragma: no cover - open_source decrypts first
        raise InputError("the PDF is encrypted", where=source.path) from exc
    except READ_ERRORS as exc:
        if not from_pypdf(exc):
            raise
        raise _damaged(source.path, exc) from exc
    finally:
        if gc_was_enabled:
            gc.enable()
    return report


def _damaged(path: Path, exc: BaseException) -> InputError:
    # One printable line, never empty: pypdf's messages can quote the damaged bytes.
    detail = "".join(c if c.isprintable() else " " for c in str(exc))
    detail = " ".join(detail.split()) or type(exc).__name__
    return InputError(
        f"the PDF is damaged and could not be repaired ({detail})",
        where=path,
        hint="open it in a PDF viewer and save or print it to a new PDF",
    )


class _Imposer:
    """One output PDF being built: the forms made so far and the resources they share."""

    def __init__(
        self, source: Source, report: WriteReport, scaling: Scaling, guides: bool, finish: Finish
    ) -> None:
        self.writer = PdfWriter()
        self.source = source
        self.report = report
        self.scaling = scaling
        self.guides = guides
        self.finish = finish
        self.forms: dict[int, IndirectObject] = {}
        # Keyed by the reader too: equal inline resources of two PDFs refer to different objects.
        self.shared_resources: dict[tuple[int, bytes], IndirectObject] = {}
        self.whole_forms: dict[tuple[int, int], IndirectObject] = {}

    def _page(self, sheet) -> DictionaryObject:
        # 0.01 pt (0.004 mm) is finer than any printer; shorter numbers keep every page small.
        page = self.writer.add_blank_page(round(sheet.media[0], 2), round(sheet.media[1], 2))
        page[NameObject("/TrimBox")] = RectangleObject([round(v, 2) for v in sheet.trim])
        if self.finish.bleed or self.finish.marks:
            page[NameObject("/BleedBox")] = RectangleObject([round(v, 2) for v in sheet.bleed])
        return page

    def add_whole(self, whole: WholePage, sheet_size: tuple[float, float]) -> None:
        """A sheet side of the same size and boxes as the imposed ones, carrying one page of
        another PDF (as a Form XObject, like any placed page), or nothing."""
        sheet = frame(sheet_size, self.finish)
        page = self._page(sheet)
        ops: list[bytes] = []
        xobjects = DictionaryObject()
        if whole.source is not None:
            key = (id(whole.source), whole.index)
            if key not in self.whole_forms:
                self.whole_forms[key] = self._form(whole.index, whole.source)
            src = whole.source.pages[whole.index]
            xobjects[NameObject("/W0")] = self.whole_forms[key]
            box = src.box
            ops.append(
                b"q %s re W n 1 0 0 1 %s cm /W0 Do Q"
                % (
                    _nums((sheet.margin, sheet.margin, sheet_size[0], sheet_size[1])),
                    _nums((sheet.margin - box[0], sheet.margin - box[1])),
                )
            )
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): xobjects})
        content = DecodedStreamObject()
        content.set_data(b"\n".join(ops))
        page[NameObject("/Contents")] = self.writer._add_object(content.flate_encode())

    def add_side(self, side: Side, sheet_size: tuple[float, float]) -> None:
        sheet = frame(sheet_size, self.finish)
        page = self._page(sheet)
        ops: list[bytes] = []
        if sheet.margin:
            # Everything below is drawn in trimmed-sheet coordinates.
            ops.append(b"q 1 0 0 1 %s cm" % _nums((sheet.margin, sheet.margin)))
        if self.guides:
            ops.append(_guide_ops(side.guides))
        xobjects = DictionaryObject()
        for cell in side.cells:
            if cell.page is None:
                continue
            src = self.source.pages[cell.page]
            if cell.page not in self.forms:
                self.forms[cell.page] = self._form(src.index)
            name = NameObject(f"/P{cell.page}")
            xobjects[name] = self.forms[cell.page]
            matrix, factor = placement(src.box, src.rotate, cell, self.scaling)
            if abs(factor - 1) > 0.005:
                self.report.scaled_pages.add(cell.page)
            r = cell_clip(cell.rect, sheet_size, self.finish.bleed)
            # Clip to the cell so a page placed at 100% never spills into its neighbour.
            ops.append(
                b"q %s re W n %s cm %s Do Q"
                % (_nums((r.x, r.y, r.width, r.height)), _nums(matrix), name.encode())
            )
            if self.scaling == "actual" and _overflows(src, cell):
                self.report.overflowing_pages.add(cell.page)
        if self.finish.marks:
            ops.append(_mark_ops(mark_lines(sheet_size, side.guides, self.finish)))
        if sheet.margin:
            ops.append(b"Q")
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): xobjects})
        content = DecodedStreamObject()
        content.set_data(b"\n".join(ops))
        page[NameObject("/Contents")] = self.writer._add_object(content.flate_encode())

    def _form(self, index: int, source: Source | None = None) -> IndirectObject:
        """The page as one Form XObject in `writer`: its content, resources and printable
        annotations, clipped to its visible box."""
        writer, report = self.writer, self.report
        source = source or self.source
        page = source.reader.pages[index]
        box = source.pages[index].drawn
        annotations = _printable_annotations(page, report)

        contents = page.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        if isinstance(contents, StreamObject) and not annotations:
            # Fast path: keep the compressed bytes as they are; no re-parsing, no re-compressing.
            form = _copy_stream(contents, writer)
        else:
            parts: list[bytes] = []
            if isinstance(contents, StreamObject):
                parts.append(contents.get_data())
            elif isinstance(contents, ArrayObject):
                parts.extend(part.get_object().get_data() for part in contents)
            data = b"\n".join(parts)
            if annotations:
                data = b"q\n" + data + b"\nQ\n" + b"\n".join(ops for ops, _, _ in annotations)
            decoded = DecodedStreamObject()
            decoded.set_data(data)
            form = decoded.flate_encode()

        resources = self._resources(page)
        if annotations:
            resources = DictionaryObject(resources.get_object())
            xobjects = resources.get("/XObject")
            xobjects = (
                DictionaryObject(xobjects.get_object())
                if xobjects is not None
                else DictionaryObject()
            )
            for _, name, appearance in annotations:
                xobjects[NameObject(name)] = appearance.clone(writer)
            resources[NameObject("/XObject")] = xobjects
        form[NameObject("/Type")] = NameObject("/XObject")
        form[NameObject("/Subtype")] = NameObject("/Form")
        form[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in box)
        form[NameObject("/Resources")] = resources
        if "/Group" in page:
            form[NameObject("/Group")] = page["/Group"].clone(writer)
        return writer._add_object(form)

    def _resources(self, page) -> PdfObject:
        """The page's resources in the output, shared by every page whose resources are equal.

        Many producers write the same resource dictionary inline on every page; one shared copy
        keeps the output as small as the input.
        """
        resources = page.get("/Resources")
        if resources is None:
            return DictionaryObject()
        if isinstance(resources, IndirectObject):
            return resources.clone(self.writer)
        text = io.BytesIO()
        resources.write_to_stream(text)
        key = (id(page.pdf), text.getvalue())
        shared = self.shared_resources.get(key)
        if shared is None:
            copy = resources.clone(self.writer)
            copy.pop(NameObject("/ProcSet"), None)  # obsolete since PDF 1.4; ignored by readers
            shared = self.shared_resources[key] = self.writer._add_object(copy)
        return shared


def _overflows(src: SourcePage, cell) -> bool:
    w, h = displayed_size(src.box, src.rotate + cell.turn)
    return w > cell.rect.width + 0.5 or h > cell.rect.height + 0.5


@functools.lru_cache(maxsize=4096)
def _nums(values: tuple[float, ...]) -> bytes:
    # Cached: a job places the same few cells and transforms over and over.
    return b" ".join(_num(v) for v in values)


def _num(value: float) -> bytes:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return (text if text not in ("-0", "") else "0").encode()


def _mark_ops(lines: list[tuple[str, tuple[float, float], tuple[float, float]]]) -> bytes:
    """Thin solid black (K only) crop and cut marks, dashed fold marks."""
    ops = [b"q 0 G 0.25 w 0 J"]
    for kind in ("cut", "crop", "fold"):
        chosen = [(a, b) for k, a, b in lines if k == kind]
        if chosen:
            ops.append(b"[3 2] 0 d" if kind == "fold" else b"[] 0 d")
            ops.extend(b"%s m %s l S" % (_nums(a), _nums(b)) for a, b in chosen)
    ops.append(b"Q")
    return b"\n".join(ops)


def _guide_ops(lines: tuple[Line, ...]) -> bytes:
    """Light grey (DeviceGray, so it stays black-only) dotted folds and dashed cuts.

    Drawn before the pages, so they show in the margins and gaps but never over content.
    """
    ops = [b"q 0.55 G 0.4 w 1 J"]
    for kind in ("fold", "cut"):
        chosen = [line for line in lines if line.kind == kind]
        if not chosen:
            continue
        ops.append(b"[0 2.5] 0 d" if kind == "fold" else b"[5 3] 0 d")
        for line in chosen:
            ops.append(b"%s m %s l S" % (_nums(line.start), _nums(line.end)))
    ops.append(b"Q")
    return b"\n".join(ops)


def _copy_stream(stream: StreamObject, writer: PdfWriter) -> StreamObject:
    """A copy of `stream`'s encoded data and filters, without an outer ASCII85 layer.

    ASCII85 only makes binary data 7-bit safe, at 25% more bytes; PDF files are binary anyway,
    and dropping it keeps the output no larger than the input.
    """
    data = stream._data
    filters = stream.get("/Filter")
    parms = stream.get("/DecodeParms")
    chain = list(filters) if isinstance(filters, ArrayObject) else [filters] if filters else []
    parm_chain = list(parms) if isinstance(parms, ArrayObject) else [parms] * len(chain)
    if chain and chain[0] in ("/ASCII85Decode", "/A85") and not parm_chain[0]:
        data = ASCII85Decode.decode(data)
        chain, parm_chain = chain[1:], parm_chain[1:]
    copy: StreamObject = EncodedStreamObject() if chain else DecodedStreamObject()
    copy._data = data
    if chain:
        copy[NameObject("/Filter")] = chain[0] if len(chain) == 1 else ArrayObject(chain)
        if any(parm_chain):
            kept = [p if p else NullObject() for p in parm_chain]
            value = kept[0] if len(kept) == 1 else ArrayObject(kept)
            copy[NameObject("/DecodeParms")] = value.clone(writer)
    return copy


def _printable_annotations(page, report: WriteReport) -> list[tuple[bytes, str, IndirectObject]]:
    """Annotations that print (filled form fields, stamps...) as draw operations of their
    appearance streams (PDF 32000-1:2008, 12.5.5). Links, popups and hidden ones are dropped,
    and so is a malformed annotation, as viewers do."""
    drawn = []
    for appearance, matrix in printed_appearances(page):
        if not isinstance(appearance, IndirectObject):
            continue  # a stream is always an indirect object in a well-formed file
        name = f"/ZkAnnot{len(drawn)}"
        drawn.append((b"q %s cm %s Do Q" % (_nums(matrix), name.encode()), name, appearance))
    report.flattened_annotations += len(drawn)
    return drawn
