"""The halftone screen of --dither, on plain grey patches: black and white only, dots on a
coarse 45° grid a copier can print, and the grey level kept."""

from __future__ import annotations

import pytest
from PIL import Image, ImageStat

from zinekit.typeset.halftone import LPI, SCREEN_PPI, halftone

INCH = 72.0


def _darkness(image: Image.Image) -> float:
    return 1 - ImageStat.Stat(image).mean[0] / 255


def _patch(level: int) -> Image.Image:
    return Image.new("L", (60, 60), level)


def test_only_black_and_white_at_the_screen_resolution() -> None:
    dots = halftone(Image.new("RGB", (40, 30), (200, 40, 40)), INCH, 0.75 * INCH)
    assert dots.mode == "L"
    assert dots.size == (SCREEN_PPI, round(0.75 * SCREEN_PPI))
    assert {value for _, value in dots.getcolors()} == {0, 255}


def test_coarse_enough_for_a_copier() -> None:
    assert 80 <= LPI <= 100


@pytest.mark.parametrize("level", [0, 255])
def test_black_stays_black_and_white_stays_white(level: int) -> None:
    dots = halftone(Image.new("L", (30, 30), level), INCH, INCH)
    assert dots.getextrema() == (level, level)


def test_grey_levels_keep_their_order_and_about_their_darkness() -> None:
    shares = [_darkness(halftone(_patch(level), INCH, INCH)) for level in range(16, 255, 24)]
    assert shares == sorted(shares, reverse=True)
    # Mid-tones a little lighter than asked (toner spreads), never far off.
    for level, share in zip(range(16, 255, 24), shares, strict=True):
        assert abs(share - (1 - level / 255)) < 0.15


def test_dots_are_clustered_not_scattered() -> None:
    # At 20% grey a dot is a clump of pixels, one per screen cell; scattered dither would
    # leave single pixels, which a copier loses.
    dots = halftone(_patch(204), INCH, INCH)
    black = {(x, y) for x in range(200) for y in range(200) if dots.getpixel((x, y)) == 0}
    assert black
    lonely = [
        (x, y)
        for x, y in black
        if not any((x + dx, y + dy) in black for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)))
    ]
    assert len(lonely) < 0.05 * len(black)
    cells = 200 * 200 / (SCREEN_PPI / LPI) ** 2
    clumps = _clumps(black)
    assert abs(clumps - cells) < 0.15 * cells


def _clumps(pixels: set[tuple[int, int]]) -> int:
    left, count = set(pixels), 0
    while left:
        count += 1
        stack = [left.pop()]
        while stack:
            x, y = stack.pop()
            for near in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                if near in left:
                    left.remove(near)
                    stack.append(near)
    return count
