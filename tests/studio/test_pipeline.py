"""The in-process build the CLI, `build --watch` and the studio share (zinekit/pipeline.py)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from zinekit.errors import Location
from zinekit.pipeline import BuildOptions, build
from zinekit.preview import page_png

SAMPLE = Path(__file__).parents[2] / "samples" / "kabar-sebaya.yaml"

SHORT = """\
title: Catatan Pendek
lang: id
layout: minizine
blocks:
  - heading: Halo
  - text: Kita saling mendengar.
"""


def test_the_sample_builds_in_memory_to_both_pdfs() -> None:
    out = build(SAMPLE)
    assert out.ok, out.problems
    reading = PdfReader(io.BytesIO(out.reading))
    pages = len(reading.pages)
    assert 12 <= pages <= 20  # the sample zine, no blank pages: imposing adds those
    (imposed,) = out.imposed
    sheets = PdfReader(io.BytesIO(imposed))
    assert len(sheets.pages) == 2 * -(-pages // 4)  # booklet sheets of 4 pages, both sides
    assert sheets.pages[0].mediabox.width > sheets.pages[0].mediabox.height
    assert out.printing == "print double-sided, flip on long edge, at 100% (actual size)"


def test_options_change_the_plan(tmp_path: Path) -> None:
    content = tmp_path / "pendek.yaml"
    content.write_text(SHORT, encoding="utf-8")
    out = build(content, BuildOptions(layout="booklet", duplex="manual"))
    assert out.ok, out.problems
    assert len(out.imposed) == 2  # manual duplex: fronts and backs
    assert out.printing.startswith("manual duplex")
    mini = build(content)
    assert mini.ok and len(mini.imposed) == 1
    assert len(PdfReader(io.BytesIO(mini.imposed[0])).pages) == 1  # one side, single-sided
    assert mini.printing == "print single-sided at 100% (actual size)"


def test_a_mistake_comes_back_as_the_problems_the_cli_prints(tmp_path: Path) -> None:
    content = tmp_path / "salah.yaml"
    content.write_text(SHORT.replace("  - text:", "  - teks:"), encoding="utf-8")
    out = build(content)
    assert not out.ok and out.imposed == () and out.reading == b""
    (problem,) = out.problems
    assert isinstance(problem.where, Location)
    assert (problem.where.line, problem.where.column) == (6, 5)
    assert "teks" in str(problem)
    unknown = build(content.with_name("hilang.yaml"))
    assert not unknown.ok and "hilang.yaml" in str(unknown.problems[0])


def test_a_page_preview_is_a_png_of_that_page() -> None:
    out = build(SAMPLE)
    png = page_png(out.reading, 2, dpi=36)
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.size == (210, 298)  # A5 at 36 dpi


def test_the_page_has_every_word_in_both_languages() -> None:
    """The page's words are studio.toml [page], in every language (the catalog test checks
    that both say the same keys); every word the page asks for is there."""
    import re

    from zinekit import i18n

    words = {lang: i18n.entry(lang, "studio.page") for lang in i18n.LANGUAGES}
    assert set(words["id"]) == set(words["en"])
    static = Path(__file__).parents[2] / "zinekit" / "studio" / "static"
    assert not (static / "words.json").exists()  # one mechanism: the catalogs
    page = (static / "index.html").read_text(encoding="utf-8")
    script = (static / "studio.js").read_text(encoding="utf-8")
    used = set(re.findall(r'data-word="([^"]+)"', page))
    used |= set(re.findall(r'word\("([a-z0-9-]+)"\)', script))
    used |= {f"duplex-{value}" for value in ("long", "short", "manual")}
    assert used and used <= set(words["en"]), used - set(words["en"])
