"""Sheet sides described by impose -> a new PDF that draws pages of `Source`s by reference.

Each source page used becomes one Form XObject (its content, resources and printed
annotations, clipped to its visible box), made once however many times it is drawn, so
fonts and images are copied once. Impose says what each sheet side draws: its boxes, its
content stream (which places the forms with `cm` and `Do`) and which page each form name
stands for; it never touches pypdf.

The output is never larger than the input: a form carries only the entries a reader needs,
sides that draw the same (forms named by their cell, not their page) share one content
stream, and resources a page wrote inline stay inline unless another page repeats them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any, BinaryIO

from pypdf import PageObject, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from zinekit.errors import DamagedPDFError
from zinekit.pdf.damage import DAMAGE, located, translate
from zinekit.pdf.forms import page_content, pdf_name
from zinekit.pdf.geometry import Box
from zinekit.pdf.getters import dictionary
from zinekit.pdf.pypdf_shim import add_object
from zinekit.pdf.source import Source

# A page drawn by a sheet side: the source and the page's index in it.
PageRef = tuple[Source, int]


class SheetWriter:
    """One output PDF being built: the forms made so far and the resources they share.

    `nums` writes numbers into content streams (the caller owns their precision). Errors
    raised while reading a source are `DamagedPDFError`s naming that source.
    """

    def __init__(self, nums: Callable[[tuple[float, ...]], bytes]) -> None:
        self.writer = PdfWriter()
        self.nums = nums
        self.flattened_annotations = 0  # printed annotations drawn into page forms
        self._forms: dict[tuple[int, int], IndirectObject] = {}
        # Keyed by the reader too: equal inline resources of two PDFs refer to different
        # objects. The first form to use a dictionary keeps it inline; the second makes it
        # one shared object, in both.
        self._inline: dict[tuple[int, Hashable], _Inline] = {}
        self._contents: dict[bytes, IndirectObject] = {}

    def add_side(
        self,
        media: tuple[float, float],
        trim: Box,
        bleed: Box | None,
        ops: bytes,
        forms: Mapping[str, PageRef],
    ) -> None:
        """A sheet side of size `media`, drawing `ops`, in which each name of `forms`
        (e.g. "/P0") stands for the Form XObject of that page. Sides with the same `ops`
        share one content stream: naming forms by their place on the side, not by their
        page, makes the sides of a booklet alike."""
        width, height = round(media[0], 2), round(media[1], 2)
        page = self.writer.add_blank_page(width, height)
        del page["/MediaBox"], page["/Resources"]  # set again below, with names made here
        page[pdf_name("/MediaBox")] = _box((0, 0, width, height))
        page[pdf_name("/TrimBox")] = _box(trim)
        if bleed is not None:
            page[pdf_name("/BleedBox")] = _box(bleed)
        xobjects = DictionaryObject()
        for form_name, (source, index) in forms.items():
            xobjects[pdf_name(form_name)] = self.form(source, index)
        page[pdf_name("/Resources")] = DictionaryObject({pdf_name("/XObject"): xobjects})
        content = self._contents.get(ops)
        if content is None:
            stream = DecodedStreamObject()
            stream.set_data(ops)
            content = self._contents[ops] = add_object(self.writer, stream.flate_encode())
        page[pdf_name("/Contents")] = content

    def form(self, source: Source, index: int) -> IndirectObject:
        """The Form XObject of page `index` of `source`, made on first use."""
        key = (id(source), index)
        if key not in self._forms:
            try:
                self._forms[key] = self._form(source, index)
            except DamagedPDFError as exc:
                raise located(exc, source.path) from exc.__cause__
            except DAMAGE as exc:
                raise translate(exc, source.path) from exc
        return self._forms[key]

    def write(
        self,
        out: BinaryIO,
        *,
        producer: str,
        title: str | None,
        author: str | None,
        lang: str | None,
    ) -> None:
        metadata = {"/Producer": producer}
        if title:
            metadata["/Title"] = title
        if author:
            metadata["/Author"] = author
        self.writer.add_metadata(metadata)
        if lang:
            # Screen readers and hyphenating viewers read the language from the catalog.
            self.writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
        try:
            self.writer.write(out)
        except DAMAGE as exc:
            raise translate(exc) from exc

    def _form(self, source: Source, index: int) -> IndirectObject:
        page = source.reader.pages[index]
        content, appearances = page_content(page, self.writer, self.nums)
        self.flattened_annotations += len(appearances)
        resources, inline = self._resources(page)
        if appearances:
            resources = DictionaryObject(dictionary(resources) or {})
            xobjects = DictionaryObject(dictionary(resources.get("/XObject")) or {})
            for name, appearance in appearances.items():
                xobjects[NameObject(name)] = appearance
            resources[NameObject("/XObject")] = xobjects
        elif inline is not None:
            self._inline[inline] = _Inline(content)
        # /Type /XObject is optional in a form (PDF 32000-1:2008, 8.10.2): left out, as are
        # /Matrix (identity by default) and /FormType (1, the only one).
        content[pdf_name("/Subtype")] = pdf_name("/Form")
        content[pdf_name("/BBox")] = _numbers(source.pages[index].drawn)
        content[pdf_name("/Resources")] = resources
        if "/Group" in page:
            content[NameObject("/Group")] = page["/Group"].clone(self.writer)
        return add_object(self.writer, content)

    def _resources(self, page: PageObject) -> tuple[PdfObject, tuple[int, Hashable] | None]:
        """The page's resources in the output (without the obsolete /ProcSet); and, when
        they are a new inline dictionary, its key in `_inline`.

        Many producers write the same resource dictionary inline on every page: the second
        page to repeat one makes it a shared object (`_Inline`), so that the output stays
        as small as the input.
        """
        resources = page.get("/Resources")
        if resources is None:
            return DictionaryObject(), None
        if isinstance(resources, IndirectObject):
            return resources.clone(self.writer), None
        key = (id(page.pdf), _frozen(resources))
        seen = self._inline.get(key)
        if seen is not None:
            return seen.shared(self.writer), None
        copy = resources.clone(self.writer)
        copy.pop(NameObject("/ProcSet"), None)  # obsolete since PDF 1.4; ignored by readers
        return copy, key


class _Inline:
    """An inline resource dictionary of a source, as first copied into `form`; made one shared
    object the first time another page repeats it."""

    def __init__(self, form: StreamObject) -> None:
        self.form = form
        self.ref: IndirectObject | None = None

    def shared(self, writer: PdfWriter) -> IndirectObject:
        if self.ref is None:
            self.ref = add_object(writer, self.form["/Resources"])
            self.form[NameObject("/Resources")] = self.ref
        return self.ref


def _box(values: Box) -> ArrayObject:
    """A sheet's rectangle to 0.01 pt (0.004 mm, finer than any printer): shorter numbers
    keep every page small."""
    return _numbers(tuple(round(v, 2) for v in values))


def _numbers(values: tuple[float, ...]) -> ArrayObject:
    """Whole numbers without pypdf's ".0"."""
    return ArrayObject(NumberObject(int(v)) if v == int(v) else FloatObject(v) for v in values)


def _frozen(value: Any) -> Hashable:
    """A direct object as a hashable value equal for equal objects, to find repeated inline
    resources: cheaper than writing it out as PDF (pypdf escapes every name character by
    character). The type is part of it: 1 and 1.0 are equal in Python, not in a PDF."""
    if isinstance(value, IndirectObject):
        return ("R", value.idnum, value.generation)
    if isinstance(value, DictionaryObject):
        return ("D", tuple(sorted((str(k), _frozen(v)) for k, v in value.items())))
    if isinstance(value, ArrayObject):
        return ("A", tuple(_frozen(v) for v in value))
    return (type(value).__name__, value if isinstance(value, Hashable) else repr(value))
