"""Fonts: a character the font lacks is an error that names it and the block; users' own
TrueType files are embedded; unusable font files are errors."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.typeset.helpers import publication, run
from zinekit.data import data_dir
from zinekit.errors import FontError, Location, MissingGlyphError

SMILE = "\U0001f600"
CJK = "\u6f22"


@pytest.mark.parametrize(
    ("blocks", "char", "line"),
    [
        ([{"text": "Biasa."}, {"text": f"Senyum {SMILE} ya."}], SMILE, 2),
        ([{"heading": f"Judul {CJK}"}], CJK, 1),
        ([{"text": "x"}, {"list": ["a", f"b {CJK}"]}], CJK, 2),
        ([{"agreements": [{"title": "A", "text": f"teks {SMILE}"}]}], SMILE, 1),
        ([{"affirmations": {"pattern": "AKU {}", "items": [f"SENANG {SMILE}"]}}], SMILE, 1),
        ([{"quote": {"text": "Kutipan", "by": f"Orang {CJK}"}}], CJK, 1),
        ([{"resources": [{"title": "R", "note": f"catatan {CJK}"}]}], CJK, 1),
        ([{"resources": [{"title": "R", "link": f"https://{CJK}.example/"}]}], CJK, 1),
    ],
)
def test_missing_glyph_names_character_and_block(blocks: list, char: str, line: int) -> None:
    with pytest.raises(MissingGlyphError) as caught:
        run(publication(blocks))
    error = caught.value
    assert error.where == Location("zine.yaml", line, 3)
    assert repr(char) in error.message
    assert f"U+{ord(char):04X}" in error.message
    assert "block" in error.message
    assert "NotoSans" in error.message
    assert ("emoji" in (error.hint or "")) == (char == SMILE)


def test_missing_glyph_on_the_covers() -> None:
    with pytest.raises(MissingGlyphError, match="cover title"):
        run(publication([{"text": "x"}], title=f"Judul {SMILE}"))
    pub = publication([{"text": "x"}], back={"contact": f"kami {CJK}"})
    with pytest.raises(MissingGlyphError, match="back cover"):
        run(pub)


def test_own_fonts_are_embedded(tmp_path: Path) -> None:
    fonts = tmp_path / "huruf"
    fonts.mkdir()
    shutil.copy(data_dir("assets") / "fonts" / "NotoSans-Italic.ttf", fonts / "Milik.ttf")
    pub = publication([{"text": "Teks **tebal** di sini."}], fonts={"regular": "huruf/Milik.ttf"})
    result = run(pub, base_dir=tmp_path)
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    out = tmp_path / "out.pdf"
    out.write_bytes(result.pdf)
    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    names = {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:]}
    # Bold falls back to the one file given.
    assert names == {"NotoSans-Italic"}


def test_missing_font_file(tmp_path: Path) -> None:
    pub = publication([{"text": "x"}], fonts={"regular": "tidak-ada.ttf"})
    with pytest.raises(FontError, match="not found"):
        run(pub, base_dir=tmp_path)


def test_unusable_font_file(tmp_path: Path) -> None:
    (tmp_path / "rusak.ttf").write_bytes(b"\x00\x01\x00\x00" + b"\x00" * 200)
    pub = publication([{"text": "x"}], fonts={"regular": "rusak.ttf"})
    with pytest.raises(FontError, match="cannot embed"):
        run(pub, base_dir=tmp_path)


def _font_without_latin(folder: Path) -> str:
    """A TrueType font with no Latin letter, no hyphen, no digit: reportlab's subset of
    two glyphs, which it numbers from U+0001."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    font = TTFontFile(str(data_dir("assets") / "fonts" / "NotoSans-Regular.ttf"))
    (folder / "asing.ttf").write_bytes(font.makeSubset([0x3B1, 0x3B2]))
    return "asing.ttf"


def test_font_without_latin_names_the_first_letter_of_the_users_text(tmp_path: Path) -> None:
    """Not the hyphen zinekit adds where it breaks a word, nor a label it prints itself
    ("Sampul" in the outline): the first character the user wrote that the font lacks."""
    name = _font_without_latin(tmp_path)
    pub = publication(
        [{"text": "Halo semua."}],
        title="Zine Uji",
        cover={"footer": "Kaki"},
        fonts={"regular": name},
    )
    with pytest.raises(MissingGlyphError) as caught:
        run(pub, base_dir=tmp_path)
    assert "'K' (U+004B)" in caught.value.message  # the cover's footer comes first
    assert "hyphen" not in caught.value.message
