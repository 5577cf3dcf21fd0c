"""What an opened input PDF is, as plain values: `Source` and its `SourcePage`s.

Made by `zinekit.pdf.read.open_source`; read by impose (which page box fills a cell) and
by the checks. Importing this module does not import pypdf.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from zinekit.pdf.geometry import Box

if TYPE_CHECKING:
    from pypdf import PdfReader


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
