"""Images for the page: opened by `zinekit.pictures` (its formats, its pixel limit), turned
upright from EXIF, flattened onto white and reduced to 300 dpi at the printed size. Photos
stay JPEG (the file's own bytes when nothing changed); everything else is kept decoded, for
reportlab to compress losslessly. Prepared once per typeset call, reused by every fitting attempt.

For photocopies (`Tone`): "grey" converts every picture to one grey channel, embedded as
DeviceGray (JPEG photos stay JPEG, in grey); "halftone" also screens it into coarse black
dots (`halftone`) at the size it is finally drawn, when that size is known.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PIL import ExifTags, Image, ImageChops, ImageOps

from zinekit import oserrors
from zinekit.errors import ImageError, Location
from zinekit.i18n import say
from zinekit.pictures import PictureError, open_picture
from zinekit.typeset.halftone import halftone
from zinekit.units import MINIMUM_PPI

# More pixels than this per inch at the printed size only make the PDF heavier.
PRINT_PPI = MINIMUM_PPI

# "colour": as the file has it; "grey": one grey channel; "halftone": grey, then screened.
Tone = Literal["colour", "grey", "halftone"]
# The part of a picture shown: left, top, right, bottom as shares of its width and height.
Window = tuple[float, float, float, float]
Screen = Callable[[bytes | Image.Image, float, float, Window], Image.Image]


@dataclass(frozen=True)
class Prepared:
    source: bytes | Image.Image  # JPEG bytes, or a decoded image
    width: int  # pixels
    height: int

    @property
    def aspect(self) -> float:
        """Height over width."""
        return self.height / self.width

    def low_resolution(self, src: str, width: float) -> str | None:
        """The note for the user when the picture, `width` points wide, prints under the
        resolution `zinekit check` asks for; None when it does not."""
        ppi = self.width / (width / 72) if width > 0 else MINIMUM_PPI
        if round(ppi) >= MINIMUM_PPI:
            return None
        return say(
            "pictures.notes.low-resolution", name=repr(src), ppi=round(ppi), minimum=MINIMUM_PPI
        )


class ImageStore:
    """Prepared images by path, for one typeset call, in one `tone`."""

    def __init__(self, base_dir: Path, tone: Tone = "colour") -> None:
        self.base_dir = base_dir
        self.tone = tone
        self._cache: dict[tuple[Path, int], Prepared] = {}
        self._screened: dict[tuple[int, int, int, Window], Image.Image] = {}

    def get(self, src: str, *, max_width: float, where: Location | None) -> Prepared:
        """The image `src` (relative to the content file), for printing at most `max_width`
        points wide."""
        path = (self.base_dir / src).resolve()
        pixels = max(1, math.ceil(max_width / 72 * PRINT_PPI))
        key = (path, pixels)
        if key not in self._cache:
            self._cache[key] = _prepare(path, src, pixels, where, grey=self.tone != "colour")
        return self._cache[key]

    @property
    def screen(self) -> Screen | None:
        """With tone "halftone", what turns a prepared picture into the dots to draw."""
        return self._halftoned if self.tone == "halftone" else None

    def _halftoned(
        self,
        source: bytes | Image.Image,
        width: float,
        height: float,
        window: Window = (0.0, 0.0, 1.0, 1.0),
    ) -> Image.Image:
        """The part `window` of the picture (left, top, right, bottom, as shares of its
        width and height) screened for printing at `width` x `height` points; kept for the
        next fitting attempt, which draws it again."""
        key = (id(source), round(width * 100), round(height * 100), window)
        if key not in self._screened:
            image = source
            if isinstance(image, bytes):
                with Image.open(io.BytesIO(image)) as opened:
                    image = opened.convert("L")
            if window != (0.0, 0.0, 1.0, 1.0):
                w, h = image.size
                left, top, right, bottom = window
                image = image.crop((left * w, top * h, right * w, bottom * h))
            self._screened[key] = halftone(image, width, height)
        return self._screened[key]


def _prepare(
    path: Path, src: str, pixels: int, where: Location | None, *, grey: bool = False
) -> Prepared:
    if not path.is_file():
        raise ImageError(
            say("pictures.image.not-found", name=_named(src)),
            where=where,
            hint=say("pictures.image.not-found-hint"),
        )
    try:
        with open_picture(path) as opened:
            was_jpeg = opened.format == "JPEG"
            # A camera's orientation tag, which PDF viewers ignore: turn the pixels.
            turned = opened.getexif().get(ExifTags.Base.Orientation, 1) != 1
            image = ImageOps.exif_transpose(opened)
            image.load()
    except PictureError as exc:
        raise _unreadable(src, exc.reason, where) from None
    except (OSError, ValueError) as exc:
        what = oserrors.explain(exc)[0] if oserrors.is_path_error(exc) else str(exc)
        raise _unreadable(src, oserrors.short(what), where) from None
    flat = _flatten(image)
    if grey and flat.mode != "L":
        flat = flat.convert("L")
    resized = flat.width > pixels
    if resized:
        height = max(1, round(flat.height * pixels / flat.width))
        flat = flat.resize((pixels, height), Image.Resampling.LANCZOS)
    if not was_jpeg:
        return Prepared(flat, flat.width, flat.height)
    if not (resized or turned) and flat is image and image.mode in ("L", "RGB"):
        return Prepared(path.read_bytes(), flat.width, flat.height)
    out = io.BytesIO()
    flat.save(out, "JPEG", quality=90)
    return Prepared(out.getvalue(), flat.width, flat.height)


def _unreadable(src: str, reason: str, where: Location | None) -> ImageError:
    return ImageError(
        say("pictures.image.unreadable", name=_named(src), reason=reason),
        where=where,
        hint=say("pictures.image.unreadable-hint"),
    )


def _named(src: str) -> str:
    return repr(oserrors.short(src, 60))


def _flatten(image: Image.Image) -> Image.Image:
    # Transparency prints as paper white; palettes, 1-bit and 16-bit modes become plain
    # grey or RGB, which reportlab embeds as they are.
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba).convert("RGB")
    if image.mode == "RGB" and _is_grey(image):
        # A grey picture saved as RGB would print with colour inks; one channel is also
        # a third of the size.
        return image.convert("L")
    if image.mode in ("L", "RGB"):
        return image
    if image.mode.startswith("I"):
        # 16-bit grey: keep the high byte, or every mid tone would print white.
        return image.convert("I").point(lambda v: v / 256).convert("L")
    if image.mode in ("1", "F"):
        return image.convert("L")
    return image.convert("RGB")


def _is_grey(image: Image.Image) -> bool:
    red, green, blue = image.split()
    return not (
        ImageChops.difference(red, green).getbbox() or ImageChops.difference(green, blue).getbbox()
    )
