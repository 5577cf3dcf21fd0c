"""`build --replace-missing`: what no font of the theme can draw is printed as one visible
mark per character (an emoji with its joiners and skin tone is one), named in a note that
says where the first one is; without the option it stays an error that offers it."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.runner import run_zinekit
from zinekit.themes import load_theme
from zinekit.typeset.fonts import load_fonts
from zinekit.typeset.missing import _Found, _replaced

TEXT = (
    "title: Teduh \U0001f600\n"
    "blocks:\n"
    "  - text: 'Halo \U0001f44b\U0001f3fd semua \U0001f468\u200d\U0001f469\u200d\U0001f467!'\n"
    "  - poster: TERIMA KASIH \u2764\ufe0f\n"
    "  - resources:\n"
    "      - {title: Situs, link: 'https://example.org/'}\n"
)


def _text(pdf: Path) -> str:
    doc = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


@pytest.mark.parametrize("theme", ["sans", "serif", "typewriter", "poster"])
def test_every_theme_has_a_mark_and_joins_an_emoji_into_one(theme: str) -> None:
    fonts = load_fonts(load_theme(theme), None, Path("."))
    drawable = fonts.common_chars()
    mark = next(m for m in ("\u25a1", "\ufffd", "?") if ord(m) in drawable)
    found = _Found()
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert _replaced(f"a {family}! b \U0001f44b\U0001f3fd.", drawable, mark, found, None) == (
        f"a {mark}! b {mark}."
    )
    assert list(found.chars) == ["\U0001f468", "\U0001f469", "\U0001f467", "\U0001f44b"]
    assert _replaced("tanpa emoji", drawable, mark, found, None) == "tanpa emoji"


def test_without_the_option_it_is_an_error_that_offers_it(tmp_path: Path) -> None:
    (tmp_path / "zine.yaml").write_text(TEXT, encoding="utf-8")
    run = run_zinekit("build", tmp_path / "zine.yaml", "-o", tmp_path / "out.pdf")
    assert run.code == 2 and len(run.lines) == 1
    assert f"{tmp_path / 'zine.yaml'}:1:8:" in run.lines[0]
    assert "--replace-missing" in run.lines[0]
    assert not (tmp_path / "out.pdf").exists()


def test_with_the_option_the_build_prints_marks_and_names_them(tmp_path: Path) -> None:
    (tmp_path / "zine.yaml").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.pdf"
    run = run_zinekit("build", tmp_path / "zine.yaml", "-o", out, "--replace-missing")
    assert run.code == 0, run.stderr
    (note,) = [line for line in run.lines if "replaced" in line]
    assert "U+1F600" in note and "U+1F44B" in note and "U+2764" in note
    assert "U+1F3FD" not in note and "U+200D" not in note  # parts of an emoji, not letters
    assert note.endswith(f"the first at {tmp_path / 'zine.yaml'}:1:8")
    printed = _text(tmp_path / "out.reading.pdf")
    assert "Teduh \ufffd" in printed and "semua \ufffd!" in printed
    assert "\U0001f600" not in printed
    assert "https://example.org/" in printed  # a link is not text to replace
