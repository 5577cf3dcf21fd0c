"""Content streams -> what each page draws: its images, each with the matrix that places it
on the page, and (when asked) the colours it sets.

The walk follows the current transformation matrix through q/Q/cm and into Form XObjects
(their /Matrix) and printed annotation appearances. Each form is parsed once and what it
draws is kept in the form's own space; drawing it again only multiplies matrices, so an
imposed file that draws every source page as a form costs one parse per source page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from zinekit.check.spaces import CMYK, RGB, Space, by_count, resolve
from zinekit.errors import DamagedPDFError, DecodeLimitError
from zinekit.i18n import say
from zinekit.pdf import (
    IDENTITY,
    Key,
    Matrix,
    Operation,
    boolean,
    contents,
    dictionary,
    is_name,
    key_of,
    matrix,
    multiply,
    number,
    operations,
    printed_appearances,
    resolved,
    shown,
    stream,
    stream_data,
)
from zinekit.units import to_mm

if TYPE_CHECKING:
    from zinekit.pdf import Reader

# Without colours to find, a stream that never says Do or BI draws no image and no form:
# it need not be parsed at all (a false match only costs a parse).
_DRAWS = re.compile(rb"\b(?:Do|BI)\b")
_ONE_BIT_FILTERS = {"/CCITTFaxDecode", "/CCF", "/JBIG2Decode"}
# Inline images abbreviate their keys (PDF 32000-1:2008, table 93).
_INLINE_KEYS = {
    "/W": "/Width",
    "/H": "/Height",
    "/BPC": "/BitsPerComponent",
    "/IM": "/ImageMask",
    "/CS": "/ColorSpace",
    "/F": "/Filter",
}


@dataclass(frozen=True)
class ImageInfo:
    width: int  # pixels
    height: int
    one_bit: bool  # 1 bit per pixel: line art, which needs twice the resolution
    mask: bool  # a stencil mask: painted in the current fill colour
    space: Space | None  # None for masks, and when colours are not asked for


@dataclass(frozen=True)
class Placement:
    name: str  # the resource name, or "inline image"
    key: Key | None  # the image object; None for an inline image
    info: ImageInfo
    matrix: Matrix  # maps the image's unit square onto the page

    def described(self) -> str:
        """The picture as a reader finds it on the page: its printed size and where its
        lower left corner lies, in mm from the page's lower left corner, then its pixels.
        Resource names ("Im3", "FormXob.256b...") mean nothing outside the file."""
        a, b, c, d, e, f = self.matrix
        corners = [(e + a * x + c * y, f + b * x + d * y) for x in (0, 1) for y in (0, 1)]
        xs, ys = [p[0] for p in corners], [p[1] for p in corners]
        return say(
            "check.images.inline-picture" if self.key is None else "check.images.picture",
            size=f"{to_mm(max(xs) - min(xs)):.0f} x {to_mm(max(ys) - min(ys)):.0f} mm",
            left=f"{to_mm(min(xs)):.0f}",
            bottom=f"{to_mm(min(ys)):.0f}",
            kind=say("check.images.one-bit") if self.info.one_bit else "",
            width=self.info.width,
            height=self.info.height,
        )


@dataclass(frozen=True)
class Paint:
    """A colour set by an operator ("rg", "scn"...) or painted by a shading ("sh")."""

    operator: str
    space: Space
    values: tuple[float, ...]


@dataclass
class Drawing:
    """What a page, or a form in its own space, draws."""

    images: list[Placement] = field(default_factory=list)
    paints: set[Paint] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


@dataclass
class _Summary(Drawing):
    forms: list[tuple[Key, Matrix]] = field(default_factory=list)  # drawn with this matrix
    patterns: list[Key] = field(default_factory=list)  # tiling patterns: colours only


class Walker:
    """Reads the pages of one PDF; caches forms and images across pages."""

    def __init__(self, reader: Reader, *, colours: bool) -> None:
        self.reader = reader
        self.colours = colours
        self._summaries: dict[Key, _Summary | None] = {}  # None: being read (a loop guard)
        self._flat: dict[Key, Drawing] = {}
        self._images: dict[Key, ImageInfo] = {}
        # Why a stream went unread for decoding past the budget (`DecodeLimitError`), if
        # one did: the outside tools would decode it too.
        self.over_budget: str | None = None

    def page(self, index: int) -> Drawing:
        page = self.reader.pages[index]
        resources = dictionary(page.get("/Resources"))
        try:
            data = contents(page.get("/Contents"))
        except DamagedPDFError as exc:
            self._note(exc)
            return Drawing(problems=[say("check.reading.content", detail=_short(exc))])
        summary = self._summarize(data, resources)
        for raw, placed in printed_appearances(page):
            key = self.read_form(raw, resources, summary)
            form_matrix = matrix(resolved(raw).get("/Matrix")) or IDENTITY
            if key is not None:
                summary.forms.append((key, multiply(form_matrix, placed)))
        return self._flatten(summary)

    def _flatten(self, summary: _Summary) -> Drawing:
        """Everything `summary` draws, nested forms included, in its own space."""
        drawing = Drawing(list(summary.images), set(summary.paints), list(summary.problems))
        for key, placed in summary.forms:
            inner = self._flat_form(key)
            drawing.images.extend(
                replace(p, matrix=multiply(p.matrix, placed)) for p in inner.images
            )
            drawing.paints |= inner.paints
            drawing.problems.extend(inner.problems)
        for key in summary.patterns:
            inner = self._flat_form(key)
            drawing.paints |= inner.paints
            drawing.problems.extend(inner.problems)
        return drawing

    def _flat_form(self, key: Key) -> Drawing:
        flat = self._flat.get(key)
        if flat is None:
            summary = self._summaries.get(key)
            flat = self._flatten(summary) if summary is not None else Drawing()
            self._flat[key] = flat
        return flat

    def read_form(self, raw: Any, parent_resources: Any, into: _Summary) -> Key | None:
        """Read the form `raw` once (cached by object); None when it cannot be drawn."""
        form = stream(raw)
        if form is None:
            return None
        # Streams are always indirect in a valid file; a direct one is keyed by identity.
        key = key_of(raw) or (-id(form), 0)
        if key in self._summaries:
            if self._summaries[key] is None:
                into.problems.append(say("check.reading.form-loop"))
                return None
            return key
        self._summaries[key] = None
        # A form without resources uses its page's (allowed before PDF 1.2).
        resources = dictionary(form.get("/Resources")) or parent_resources
        try:
            summary = self._summarize(stream_data(form), resources)
        except DamagedPDFError as exc:
            self._note(exc)
            # Kept with the form, so every page that draws it says so.
            summary = _Summary(problems=[say("check.reading.form", detail=_short(exc))])
        self._summaries[key] = summary
        return key

    def _summarize(self, data: bytes, resources: Any) -> _Summary:
        summary = _Summary()
        if not data or (not self.colours and not _DRAWS.search(data)):
            return summary
        try:
            # What was read before a damaged object still counts.
            _Reader(self, summary, resources).run(operations(data, self.reader))
        except DamagedPDFError as exc:
            self._note(exc)
            summary.problems.append(say("check.reading.stream", detail=_short(exc)))
        return summary

    def _note(self, exc: DamagedPDFError) -> None:
        if isinstance(exc, DecodeLimitError) and self.over_budget is None:
            self.over_budget = exc.detail

    def image_info(self, raw: Any, image: Any, resources: Any) -> ImageInfo:
        key = key_of(raw)
        info = self._images.get(key) if key is not None else None
        if info is None:
            info = _image_info(image, resources, self.colours)
            if key is not None:
                self._images[key] = info
        return info


class _Reader:
    """One pass over one content stream's operations."""

    def __init__(self, walker: Walker, summary: _Summary, resources: Any) -> None:
        self.walker = walker
        self.summary = summary
        self.resources = resources
        self.ctm: Matrix = IDENTITY
        # A form inherits its caller's colour spaces: unknown (None) until it sets its own.
        self.fill: Space | None = None
        self.stroke: Space | None = None
        self.stack: list[tuple[Matrix, Space | None, Space | None]] = []

    def run(self, operations: list[Operation]) -> None:
        colours = self.walker.colours
        for operands, operator in operations:
            if operator == b"q":
                self.stack.append((self.ctm, self.fill, self.stroke))
            elif operator == b"Q":
                if self.stack:  # an unbalanced Q is ignored, as viewers do
                    self.ctm, self.fill, self.stroke = self.stack.pop()
            elif operator == b"cm":
                cm = matrix(operands)
                if cm is not None:
                    self.ctm = multiply(cm, self.ctm)
            elif operator == b"Do":
                if operands:
                    self._do(operands[0])
            elif operator == b"INLINE IMAGE":
                self._inline(operands)
            elif colours:
                self._colour(operator, operands)

    def _named_spaces(self) -> Any:
        return self.resources.get("/ColorSpace") if self.resources is not None else None

    def _resource(self, category: str, name: Any) -> Any:
        table = dictionary(self.resources.get(category)) if self.resources is not None else None
        return table.get(str(name)) if table is not None else None

    def _do(self, name: Any) -> None:
        raw = self._resource("/XObject", name)
        xobject = stream(raw)
        if xobject is None:
            return
        subtype = xobject.get("/Subtype")
        if subtype == "/Image":
            info = self.walker.image_info(raw, xobject, self.resources)
            self.summary.images.append(Placement(str(name)[1:], key_of(raw), info, self.ctm))
        elif subtype == "/Form":
            key = self.walker.read_form(raw, self.resources, self.summary)
            if key is not None:
                form_matrix = matrix(xobject.get("/Matrix")) or IDENTITY
                self.summary.forms.append((key, multiply(form_matrix, self.ctm)))

    def _inline(self, operands: Any) -> None:
        settings = operands.get("settings", {}) if isinstance(operands, dict) else {}
        settings = {_INLINE_KEYS.get(str(k), str(k)): v for k, v in settings.items()}
        info = _image_info(settings, self.resources, self.walker.colours)
        self.summary.images.append(Placement("inline image", None, info, self.ctm))

    def _colour(self, operator: bytes, operands: list[Any]) -> None:
        op = operator.decode("latin-1")
        if op in ("rg", "RG", "k", "K"):
            values = _numbers(operands)
            if values is not None:
                self._paint(op, RGB if op in ("rg", "RG") else CMYK, values)
        elif op in ("cs", "CS") and operands:
            space = resolve(operands[0], self._named_spaces())
            if op == "cs":
                self.fill = space
            else:
                self.stroke = space
        elif op in ("sc", "scn", "SC", "SCN"):
            self._set_colour(op, operands)
        elif op == "sh" and operands:
            self._shading(op, resolved(self._resource("/Shading", operands[0])))

    def _set_colour(self, op: str, operands: list[Any]) -> None:
        space = self.fill if op in ("sc", "scn") else self.stroke
        if operands and is_name(operands[-1]):
            self._pattern(op, operands[-1])
            operands = operands[:-1]
            space = None  # an uncoloured pattern's own colour: its values tell the space
        values = _numbers(operands)
        if values is None:
            return
        if space is None or space.family == "pattern" or space.components != len(values):
            # Inherited from the caller or inconsistent: the count of values tells the space.
            space = by_count(len(values))
        self._paint(op, space, values)

    def _pattern(self, op: str, name: Any) -> None:
        raw = self._resource("/Pattern", name)
        if stream(raw) is not None:  # a tiling pattern draws like a form
            key = self.walker.read_form(raw, self.resources, self.summary)
            if key is not None:
                self.summary.patterns.append(key)
            return
        pattern = dictionary(raw)
        if pattern is not None:
            self._shading(op, resolved(pattern.get("/Shading")))

    def _shading(self, op: str, shading: Any) -> None:
        shading = dictionary(shading)  # a dictionary, or a stream (types 4 to 7)
        if shading is None:
            return
        self._paint(op, resolve(shading.get("/ColorSpace"), self._named_spaces()), ())

    def _paint(self, op: str, space: Space, values: tuple[float, ...]) -> None:
        if space.neutral:
            return  # grey whatever the values: nothing to report, and the set stays small
        self.summary.paints.add(Paint(op, space, values))


def _image_info(image: Any, resources: Any, colours: bool) -> ImageInfo:
    width = int(number(image.get("/Width")) or 0)
    height = int(number(image.get("/Height")) or 0)
    mask = boolean(image.get("/ImageMask"))
    found = resolved(image.get("/Filter"))
    filters = [str(f) for f in found] if isinstance(found, list) else [found]
    bits = number(image.get("/BitsPerComponent"))
    one_bit = mask or bits == 1 or any(str(f) in _ONE_BIT_FILTERS for f in filters)
    space = None
    if colours and not mask:
        raw = image.get("/ColorSpace")
        if raw is not None:
            named = resources.get("/ColorSpace") if resources is not None else None
            space = resolve(raw, named)
        elif "/JPXDecode" in filters:
            space = Space(say("check.spaces.jpx"), "other", 0, None)
        else:
            space = Space(say("check.spaces.none"), "other", 0, None)
    return ImageInfo(width, height, one_bit, mask, space)


def unreadable(drawings: list[Drawing]) -> dict[str, list[int]]:
    """Each problem met while reading pages, with the 1-based pages it was met on."""
    pages: dict[str, list[int]] = {}
    for page, drawing in enumerate(drawings, start=1):
        for problem in dict.fromkeys(drawing.problems):
            pages.setdefault(problem, []).append(page)
    return pages


def _numbers(operands: list[Any]) -> tuple[float, ...] | None:
    values = [number(v) for v in operands]
    if not values or None in values:
        return None
    # Rounded: the same colour written with different digits is one finding, not many.
    return tuple(round(v, 4) for v in values if v is not None)


def _short(exc: DamagedPDFError) -> str:
    return shown(exc.detail, 120)
