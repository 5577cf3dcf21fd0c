"""A picture file (or its bytes) -> a Pillow image opened safely: only in the formats
zinekit prints, and refused by its pixel count before a single pixel is decoded.

Pillow on its own tries every plugin it has: an EPS file named `pic.png` goes to
Ghostscript, so a content file could run PostScript (`{ } loop` hangs the build), and a
13000 x 13000 PNG of 493 KB decodes into 2 GB. Every picture a content file or an import
names is opened here: `zinekit.content.files` (checking), `zinekit.typeset.images`
(printing) and `zinekit.importer.images` (importing).
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from PIL import Image

from zinekit.errors import printable
from zinekit.i18n import say

# The formats a zine's pictures come in; none of their plugins runs an outside program.
FORMATS = ("PNG", "JPEG", "WEBP", "GIF", "TIFF", "BMP")
# About 8000 x 6000: a camera's full frame, and six times what an A3 poster needs at 300 ppi.
MAX_PIXELS = 50_000_000


class PictureError(Exception):
    """The file is no picture zinekit opens; `reason` says why, in words for the user
    (in their language: worded when it is raised)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@contextlib.contextmanager
def open_picture(source: Path | IO[bytes]) -> Iterator[Image.Image]:
    """The picture at `source`, opened (not decoded) after checking its format and size.

    Raises `PictureError` for a format outside `FORMATS`, a file Pillow cannot read or one
    of more than `MAX_PIXELS` pixels; OS errors (a missing file) pass through.
    """
    try:
        with warnings.catch_warnings():
            # Pillow's own bomb check warns at 89 million pixels; ours is lower and says so.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            picture = Image.open(source, formats=list(FORMATS))
    except Image.UnidentifiedImageError:
        raise PictureError(say("pictures.refused.format", formats=", ".join(FORMATS))) from None
    except Image.DecompressionBombError:
        raise PictureError(_too_many(None)) from None
    except (SyntaxError, ValueError) as exc:  # Pillow's words for a damaged header
        raise PictureError(
            say("pictures.refused.damaged", error=printable(str(exc), 120))
        ) from None
    with picture:
        width, height = picture.size
        if width * height > MAX_PIXELS:
            raise PictureError(_too_many((width, height)))
        yield picture


def _too_many(size: tuple[int, int] | None) -> str:
    million = MAX_PIXELS // 1_000_000
    if size is None:
        return say("pictures.refused.too-many", million=million)
    width, height = size
    pixels = f"{width * height:,}".replace(",", say("pictures.refused.thousands"))
    return say(
        "pictures.refused.too-many-size", width=width, height=height, pixels=pixels, million=million
    )
