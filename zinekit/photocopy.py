"""Black-only output for photocopiers, and the check for heavy solid black.

A copier turns colour into muddy grey and prints RGB black as a dotted four-colour grey;
converting everything to DeviceGray first gives it clean black. Pages zinekit typesets are
drawn black-only from the start (K-only text and lines, grey or halftone pictures) and need
no conversion. For PDFs zinekit did not draw, Ghostscript is the one well-kept tool that
converts every colour space, image and shading; it is optional, and asking `zinekit
impose` for --photocopy without it is an error that says so.

Heavy black is measured on the finished sheets, with the renderer --preview uses
(pypdfium2, else pdftoppm) at a low resolution where text and halftone dots average out to
grey and only large dark areas stay black; without a renderer, with Ghostscript's inkcov
device (the share of the page with any black ink, which counts grey pictures too).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from zinekit.errors import OptionError, ZinekitError
from zinekit.i18n import say

# Pages whose black coverage is above this much of the page smear on most copiers.
HEAVY_BLACK = 0.35
# How `black_coverage` measured; `measure_name` words it for messages.
RENDERED = "rendered"
INK_COVERAGE = "ink-coverage"
# Pages are rendered this coarsely to find solid black: a pixel is 1/18 inch (1.4 mm), so
# type and fine lines average out to light grey...
_MEASURE_DPI = 18
# ...and a pixel at least this dark (0 white, 1 black) is part of a solid black area.
_SOLID = 0.75


def ghostscript() -> str | None:
    return shutil.which("gs") or shutil.which("gswin64c") or shutil.which("gswin32c")


def measure_name(how: str) -> str:
    """How heavy black was measured (RENDERED, INK_COVERAGE), in words."""
    return say(f"cli.photocopy.measure.{how}")


def require_ghostscript() -> str:
    found = ghostscript()
    if found is None:
        raise OptionError(say("cli.photocopy.needs-gs"), hint=say("cli.photocopy.needs-gs-hint"))
    return found


def to_gray(data: bytes) -> bytes:
    """The PDF with every colour converted to DeviceGray; boxes and fonts kept."""
    gs = require_ghostscript()
    with tempfile.TemporaryDirectory(prefix="zinekit-") as folder:
        source, result = Path(folder) / "in.pdf", Path(folder) / "out.pdf"
        source.write_bytes(data)
        _run(
            [
                gs,
                "-q",
                "-dNOPAUSE",
                "-dBATCH",
                "-dSAFER",
                "-sDEVICE=pdfwrite",
                "-sColorConversionStrategy=Gray",
                "-dProcessColorModel=/DeviceGray",
                "-dAutoRotatePages=/None",
                "-dCompatibilityLevel=1.5",
                f"-sOutputFile={result}",
                str(source),
            ]
        )
        return result.read_bytes()


def ink_coverage(data: bytes) -> list[tuple[float, float, float, float]]:
    """Cyan, magenta, yellow and black coverage (0 to 1) of each page, from Ghostscript's
    inkcov device; an empty list when Ghostscript is not installed."""
    gs = ghostscript()
    if gs is None:
        return []
    with tempfile.TemporaryDirectory(prefix="zinekit-") as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(data)
        output = _run(
            [gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=inkcov", "-o", "-", str(source)]
        )
    pages = []
    for line in output.splitlines():
        parts = line.split()
        if len(parts) >= 4 and "CMYK" in parts:
            pages.append(tuple(float(v) for v in parts[:4]))
    return pages  # type: ignore[return-value]


def black_coverage(data: bytes) -> tuple[list[float], str] | None:
    """Each page's share (0 to 1) of solid black, and how it was measured; None when there
    is no tool to measure it with (see the module's docstring)."""
    from zinekit.preview import require_renderer

    try:
        render = require_renderer()
    except OptionError:
        coverage = ink_coverage(data)
        if not coverage:
            return None
        return [k for _, _, _, k in coverage], INK_COVERAGE
    pages = []
    for page in render(data, _MEASURE_DPI, None):
        grey = page.convert("L")
        dark = grey.point(lambda v: 255 if v <= 255 * (1 - _SOLID) else 0)
        histogram = dark.histogram()
        pages.append(histogram[255] / max(1, grey.width * grey.height))
    return pages, RENDERED


def heavy_black_pages(coverage: list[float]) -> list[int]:
    """1-based pages carrying more solid black than a copier prints cleanly."""
    return [n for n, k in enumerate(coverage, start=1) if k > HEAVY_BLACK]


def _run(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ZinekitError(say("cli.photocopy.gs-not-run", detail=exc)) from exc
    if done.returncode != 0:
        detail = " ".join((done.stderr or done.stdout).split())[:200]
        raise ZinekitError(
            say("cli.photocopy.gs-failed", detail=detail), hint=say("cli.photocopy.gs-failed-hint")
        )
    return done.stdout
