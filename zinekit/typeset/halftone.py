"""A grey picture -> a coarse clustered-dot halftone a photocopier reproduces (for --dither).

A copier prints fine grey as mush and loses single dots: Floyd-Steinberg dither at print
resolution comes out blotchy. A newspaper-style screen of round dots on a 45° grid, about
85 lines per inch at the printed size, is coarse enough for toner and still reads as a
photo. The screen is drawn at SCREEN_PPI: each dot cell has 50 pixels, so 50 grey levels.
The result is a greyscale image holding only black and white (reportlab embeds 8-bit
DeviceGray; Flate packs the two-level pattern tightly).
"""

from __future__ import annotations

import functools
import math

from PIL import Image, ImageChops, ImageOps

SCREEN_PPI = 600
# The screen's period along the pixel rows and columns; its dots lie on a 45° grid whose
# spacing is _PERIOD / sqrt(2) pixels: 600 ppi * sqrt(2) / 10 = 84.9 lines per inch.
_PERIOD = 10
LPI = SCREEN_PPI * math.sqrt(2) / _PERIOD
# Toner spreads: mid-tones print darker than the dots' share of the area. Lighten them
# (a gamma on lightness) so a copy keeps its shadows apart.
_DOT_GAIN_GAMMA = 0.8
# Ignore this share of the darkest and lightest pixels when stretching the contrast.
_CUTOFF = 0.5


def halftone(image: Image.Image, width: float, height: float) -> Image.Image:
    """`image` screened for printing at `width` x `height` points: SCREEN_PPI pixels per
    inch, mode "L", every pixel 0 (black) or 255 (white)."""
    size = (
        max(1, round(width / 72 * SCREEN_PPI)),
        max(1, round(height / 72 * SCREEN_PPI)),
    )
    grey = image.convert("L") if image.mode != "L" else image
    grey = ImageOps.autocontrast(grey, cutoff=_CUTOFF)
    grey = grey.point(_tone_curve())
    grey = grey.resize(size, Image.Resampling.BICUBIC)
    # White wherever the picture is lighter than the screen's threshold there.
    lighter = ImageChops.subtract(grey, _screen(size))
    return lighter.point(lambda v: 255 if v else 0)


@functools.cache
def _tone_curve() -> tuple[int, ...]:
    return tuple(round(255 * (v / 255) ** _DOT_GAIN_GAMMA) for v in range(256))


@functools.cache
def _cell() -> Image.Image:
    """One period of the threshold screen: every pixel ranked by how close it is to a dot's
    centre (the spot function of a round dot, cos + cos), the centre thresholds highest, so
    dots grow from their centres as the picture darkens and close into white holes."""
    spots = []
    for y in range(_PERIOD):
        for x in range(_PERIOD):
            # Pixel centres in the 45° grid's coordinates, in dot spacings.
            u = (x + 0.5 + y + 0.5) / _PERIOD
            v = (x + 0.5 - y - 0.5) / _PERIOD
            spots.append((math.cos(2 * math.pi * u) + math.cos(2 * math.pi * v)) / 2)
    order = sorted(range(len(spots)), key=lambda i: (spots[i], i))
    thresholds = [0] * len(spots)
    for rank, index in enumerate(order):
        thresholds[index] = round((rank + 0.5) / len(spots) * 255)
    cell = Image.new("L", (_PERIOD, _PERIOD))
    cell.putdata(thresholds)
    return cell


def _screen(size: tuple[int, int]) -> Image.Image:
    """The threshold cell repeated over `size`, by doubling (a few pastes, not thousands)."""
    width, height = size
    strip = _cell()
    while strip.width < width:
        strip = _doubled(strip, across=True)
    screen = strip.crop((0, 0, width, _PERIOD))
    while screen.height < height:
        screen = _doubled(screen, across=False)
    return screen.crop((0, 0, width, height))


def _doubled(image: Image.Image, *, across: bool) -> Image.Image:
    w, h = image.size
    out = Image.new("L", (2 * w, h) if across else (w, 2 * h))
    out.paste(image, (0, 0))
    out.paste(image, (w, 0) if across else (0, h))
    return out
