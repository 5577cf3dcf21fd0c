"""Sheet sides described by impose -> a new PDF that draws pages of `Source`s by reference.

Each source page used becomes one Form XObject (its content, resources and printed
annotations, clipped to its visible box), made once however many times it is drawn, so
fonts and images are copied once. Impose says what each sheet side draws: its boxes, its
content stream (which places the forms with `cm` and `Do`) and which page each form name
stands for; it never touches pypdf.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from typing import BinaryIO

from pypdf import PageObject, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    PdfObject,
    RectangleObject,
    TextStringObject,
)

from zinekit.errors import DamagedPDFError
from zinekit.pdf.damage import DAMAGE, translate
from zinekit.pdf.forms import page_content
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
        # Keyed by the reader too: equal inline resources of two PDFs refer to different objects.
        self._shared_resources: dict[tuple[int, bytes], IndirectObject] = {}

    def add_side(
        self,
        media: tuple[float, float],
        trim: Box,
        bleed: Box | None,
        ops: bytes,
        forms: Mapping[str, PageRef],
    ) -> None:
        """A sheet side of size `media`, drawing `ops`, in which each name of `forms`
        (e.g. "/P3") stands for the Form XObject of that page."""
        # 0.01 pt (0.004 mm) is finer than any printer; shorter numbers keep every page small.
        page = self.writer.add_blank_page(round(media[0], 2), round(media[1], 2))
        page[NameObject("/TrimBox")] = RectangleObject([round(v, 2) for v in trim])
        if bleed is not None:
            page[NameObject("/BleedBox")] = RectangleObject([round(v, 2) for v in bleed])
        xobjects = DictionaryObject()
        for name, (source, index) in forms.items():
            xobjects[NameObject(name)] = self.form(source, index)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): xobjects})
        content = DecodedStreamObject()
        content.set_data(ops)
        page[NameObject("/Contents")] = add_object(self.writer, content.flate_encode())

    def form(self, source: Source, index: int) -> IndirectObject:
        """The Form XObject of page `index` of `source`, made on first use."""
        key = (id(source), index)
        if key not in self._forms:
            try:
                self._forms[key] = self._form(source, index)
            except DamagedPDFError as exc:
                raise exc.located(source.path) from exc.__cause__
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
        resources = self._resources(page)
        if appearances:
            resources = DictionaryObject(dictionary(resources) or {})
            xobjects = DictionaryObject(dictionary(resources.get("/XObject")) or {})
            for name, appearance in appearances.items():
                xobjects[NameObject(name)] = appearance
            resources[NameObject("/XObject")] = xobjects
        content[NameObject("/Type")] = NameObject("/XObject")
        content[NameObject("/Subtype")] = NameObject("/Form")
        content[NameObject("/BBox")] = ArrayObject(
            FloatObject(v) for v in source.pages[index].drawn
        )
        content[NameObject("/Resources")] = resources
        if "/Group" in page:
            content[NameObject("/Group")] = page["/Group"].clone(self.writer)
        return add_object(self.writer, content)

    def _resources(self, page: PageObject) -> PdfObject:
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
        shared = self._shared_resources.get(key)
        if shared is None:
            copy = resources.clone(self.writer)
            copy.pop(NameObject("/ProcSet"), None)  # obsolete since PDF 1.4; ignored by readers
            shared = self._shared_resources[key] = add_object(self.writer, copy)
        return shared
