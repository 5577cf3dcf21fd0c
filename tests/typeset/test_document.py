"""A whole publication: every block's text in order, fonts, outline, metadata, page
numbers, margins and type sizes, read back from the PDF."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from tests.typeset.helpers import (
    A5,
    A7,
    PARAGRAPH_ID,
    assert_in_order,
    catalog,
    font_sizes,
    normalised,
    outline,
    page_texts,
    publication,
    reading_text,
    run,
    text_boxes,
)
from zinekit.units import mm


def _everything(tmp_path: Path) -> dict:
    Image.new("RGB", (400, 200), "steelblue").save(tmp_path / "foto.png")
    return {
        "title": "Ruang Dengar",
        "subtitle": "Catatan dukungan sebaya",
        "author": "Kolektif Uji",
        "cover": {"footer": "Edisi 1 · Juni"},
        "blocks": [
            {"heading": "Pembuka"},
            {"text": "Paragraf pertama di sini.\n\nParagraf **kedua** dengan _miring_."},
            {"quote": {"text": "Dinding pertama ada di kepala kita.", "by": "Seorang kawan"}},
            {"heading": "Cara mendengarkan", "level": 2},
            {"list": ["Dengarkan tanpa menyela.", "Hormati kerahasiaan."], "title": "Kunci"},
            {"list": ["Datang tepat waktu", "Matikan ponsel"], "numbered": True},
            {"agreements": [{"title": "Bicara dari diri sendiri", "text": "Pakai kata aku."}]},
            "page-break",
            {"heading": "Perasaanmu valid"},
            {
                "affirmations": {
                    "pattern": "JIKA KAMU MERASA {}, TAK APA-APA",
                    "items": ["LELAH", "SEDIH"],
                    "continue": {"lines": 3},
                }
            },
            {
                "resources": [
                    {
                        "title": "Buku Panduan Kelompok",
                        "kind": "book",
                        "by": "Penulis Uji",
                        "year": 2018,
                        "length": "38 hlm",
                        "link": "https://example.org/panduan",
                        "note": "Alat untuk memandu kelompok.",
                    }
                ],
                "title": "Bacaan",
            },
            {"image": {"src": "foto.png", "caption": "Sebuah foto uji.", "width": 0.5}},
            {"text": "Kalimat penutup."},
        ],
        "back": {
            "text": "Dibuat bersama.",
            "contact": "kolektif@example.org",
            "license": "Bebas difotokopi.",
        },
    }


def test_every_text_in_reading_order(tmp_path: Path) -> None:
    result = run(publication(**_everything(tmp_path)), base_dir=tmp_path)
    texts = page_texts(result.pdf)
    assert len(texts) == result.page_count
    assert_in_order(
        normalised("\n".join(texts)),
        [
            "Ruang Dengar",
            "Catatan dukungan sebaya",
            "Edisi 1 · Juni",
            "Pembuka",
            "Paragraf pertama di sini.",
            "Paragraf kedua dengan miring.",
            "“Dinding pertama ada di kepala kita.”",
            "— Seorang kawan",
            "Cara mendengarkan",
            "Kunci",
            "• Dengarkan tanpa menyela.",
            "• Hormati kerahasiaan.",
            "1. Datang tepat waktu",
            "2. Matikan ponsel",
            "1. Bicara dari diri sendiri",
            "Pakai kata aku.",
            "Perasaanmu valid",
            "JIKA KAMU MERASA LELAH, TAK APA-APA",
            "JIKA KAMU MERASA SEDIH, TAK APA-APA",
            "Tulislah dan lanjutkan sendiri...",
            "Bacaan",
            "BUKU",
            "Buku Panduan Kelompok",
            "Penulis Uji · 2018 · 38 hlm",
            "Alat untuk memandu kelompok.",
            "https://example.org/panduan",
            "Sebuah foto uji.",
            "Kalimat penutup.",
            "Dibuat bersama.",
            "Kontak",
            "kolektif@example.org",
            "Bebas difotokopi.",
        ],
    )
    # The page break: the heading after it opens a page.
    opening = [t for t in texts if "Perasaanmu valid" in t]
    assert normalised(opening[0]).split()[:3] in (
        ["Perasaanmu", "valid", "JIKA"],
        ["3", "Perasaanmu", "valid"],
    )


def test_fonts_are_embedded_truetype(tmp_path: Path) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    result = run(publication(**_everything(tmp_path)), base_dir=tmp_path)
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(result.pdf)
    lines = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert lines, "no fonts at all"
    for line in lines:
        name, kind, emb = line.split()[0], line.split()[1], line.split()[-5]
        assert kind == "TrueType", line
        assert emb == "yes", line
        assert "NotoSans" in name, line


def test_no_standard_font_in_any_resource(tmp_path: Path) -> None:
    result = run(publication(**_everything(tmp_path)), base_dir=tmp_path)
    for name in (b"Helvetica", b"Times-Roman", b"Courier", b"ZapfDingbats", b"/Type1"):
        assert name not in result.pdf


def test_outline_follows_the_headings(tmp_path: Path) -> None:
    result = run(publication(**_everything(tmp_path)), base_dir=tmp_path)
    entries = outline(result.pdf)
    texts = page_texts(result.pdf)
    headings = [(d, t) for d, t, _ in entries if t not in ("Sampul", "Sampul belakang")]
    assert headings == [(0, "Pembuka"), (1, "Cara mendengarkan"), (0, "Perasaanmu valid")]
    for _, title, page in entries:
        if title not in ("Sampul", "Sampul belakang"):
            assert title in texts[page - 1]
    assert entries[0] == (0, "Sampul", 1)
    assert entries[-1] == (0, "Sampul belakang", result.page_count)
    assert catalog(result.pdf)["/PageMode"] == "/UseOutlines"


def test_level_two_heading_first_is_a_top_entry() -> None:
    pub = publication([{"heading": "Sub", "level": 2}, {"heading": "Bab"}, {"text": "x"}])
    titles = [(d, t) for d, t, _ in outline(run(pub).pdf)]
    assert titles == [(0, "Sampul"), (0, "Sub"), (0, "Bab")]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_lang_and_metadata(lang: str) -> None:
    pub = publication(
        [{"text": "Isi."}], lang=lang, author="Kolektif Uji", subtitle="Sebuah subjudul"
    )
    pdf = run(pub).pdf
    root = catalog(pdf)
    assert root["/Lang"] == lang
    meta = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert meta.title == "Zine Uji"
    assert meta.author == "Kolektif Uji"
    assert meta.subject == "Sebuah subjudul"
    assert meta.creator == "zinekit"


def test_english_labels() -> None:
    pub = publication(
        [
            {
                "affirmations": {
                    "pattern": "IF YOU FEEL {}, IT'S OK",
                    "items": ["TIRED"],
                    "continue": {},
                }
            },
            {"resources": [{"title": "A Site", "kind": "site"}]},
        ],
        lang="en",
        back={"contact": "us@example.org"},
    )
    text = normalised("\n".join(page_texts(run(pub).pdf)))
    assert_in_order(
        text, ["IF YOU FEEL TIRED, IT'S OK", "Write and carry on yourself...", "WEBSITE", "Contact"]
    )


def test_page_numbers_only_between_the_covers() -> None:
    pub = publication([{"text": "\n\n".join([PARAGRAPH_ID] * 8)}], back={"text": "Selesai."})
    result = run(pub, binding="none")
    texts = page_texts(result.pdf)
    assert result.page_count >= 4
    for number, text in enumerate(texts, start=1):
        lines = text.split("\n")
        has_number = str(number) in lines
        covers = number in (1, result.page_count)
        assert has_number != covers, (number, lines[:3])


def test_no_page_numbers_when_turned_off() -> None:
    pub = publication([{"text": "\n\n".join([PARAGRAPH_ID] * 4)}], **{"page-numbers": False})
    texts = page_texts(run(pub).pdf)
    assert all(not line.strip().isdigit() for text in texts for line in text.split("\n"))


def _gaps(pdf: bytes, page: int, size: tuple[float, float]) -> tuple[float, float, float, float]:
    boxes = text_boxes(pdf, page)
    left = min(b[1] for b in boxes)
    bottom = min(b[2] for b in boxes)
    right = max(b[3] for b in boxes)
    top = max(b[4] for b in boxes)
    return left, bottom, size[0] - right, size[1] - top


@pytest.mark.parametrize("size", [A5, A7])
@pytest.mark.parametrize("binding", ["saddle", "none"])
def test_text_keeps_clear_of_every_edge(size: tuple[float, float], binding: str) -> None:
    long_url = "https://example.org/sangat/panjang/sekali/alamat_nya/di-sini?dengan=parameter&x=1"
    pub = publication(
        [
            {"heading": "Judul"},
            {"text": "\n\n".join([PARAGRAPH_ID] * 6)},
            {"text": f"Alamatnya {long_url} dan {long_url}/lagi/{long_url[8:]} ya."},
            {"resources": [{"title": "Situs", "link": long_url + "/" + long_url[8:]}]},
        ],
        cover={"footer": "Kaki sampul"},
        back={"text": "Selesai.", "license": "Bebas."},
    )
    result = run(pub, size=size, binding=binding)
    for page in range(result.page_count):
        if text_boxes(result.pdf, page):
            assert min(_gaps(result.pdf, page, size)) >= mm(5), page + 1


def test_saddle_inner_margin_is_wider_on_the_spine_side() -> None:
    pub = publication([{"text": "\n\n".join([PARAGRAPH_ID] * 10)}])
    result = run(pub, binding="saddle")
    assert result.page_count >= 4
    for page in (1, 2):  # page 2 (left-hand: spine on the right) and page 3 (right-hand)
        left, _, right, _ = _gaps(result.pdf, page, A5)
        if (page + 1) % 2:
            assert left > right + mm(2)
        else:
            assert right > left + mm(2)
    flat = run(pub, binding="none")
    left, _, right, _ = _gaps(flat.pdf, 2, A5)
    assert abs(left - right) < mm(1)


@pytest.mark.parametrize(("size", "low", "high"), [(A5, 10.0, 11.0), (A7, 7.5, 8.0)])
def test_body_size_follows_the_page(size: tuple[float, float], low: float, high: float) -> None:
    result = run(publication([{"text": PARAGRAPH_ID}]), size=size, binding="none")
    assert low <= result.font_size <= high
    measured = max(set(font_sizes(result.pdf, 1)), key=font_sizes(result.pdf, 1).count)
    assert measured == pytest.approx(result.font_size, abs=0.05)


def test_reportlab_is_imported_only_when_typesetting() -> None:
    code = "import sys, zinekit.typeset; print('reportlab' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _zine(sections: int) -> list:
    blocks: list = []
    for i in range(sections):
        blocks += [
            {"heading": f"Bagian {i + 1}"},
            {"text": "\n\n".join([PARAGRAPH_ID] * 3)},
            {"list": ["Dengarkan tanpa menyela.", "Jangan memberi nasihat kecuali diminta."]},
        ]
    return blocks


def test_a_small_zine_takes_nine_to_twenty_pages() -> None:
    # How long it takes is measured by benchmarks/build.py ("small, warm").
    result = run(publication(_zine(8), back={"text": "Selesai."}))
    assert 9 <= result.page_count <= 20  # no blanks: typeset never pads


def test_two_hundred_and_fifty_sections_set_on_two_hundred_pages_or_more() -> None:
    # How long it takes is measured by benchmarks/build.py (the 200-page case).
    result = run(publication(_zine(250)))
    assert result.page_count >= 200


def test_without_a_cover_page_one_opens_with_the_title() -> None:
    pub = publication(
        [{"heading": "Bagian Satu"}, {"text": "Isi pertama."}],
        cover=None,
        subtitle="Sebuah selebaran",
    )
    result = run(pub, binding="none")
    assert result.page_count == 1
    assert_in_order(
        reading_text(result.pdf), ["Zine Uji", "Sebuah selebaran", "Bagian Satu", "Isi pertama."]
    )
    assert "1" in page_texts(result.pdf)[0].split("\n")  # a body page: numbered
    assert [t for _, t, _ in outline(result.pdf)] == ["Bagian Satu"]


def test_without_a_cover_page_one_is_a_right_hand_page() -> None:
    pub = publication([{"text": "\n\n".join([PARAGRAPH_ID] * 10)}], cover=None)
    result = run(pub, binding="saddle")
    left, _, right, _ = _gaps(result.pdf, 0, A5)
    assert left > right + mm(2)  # spine on the left of page 1
    left, _, right, _ = _gaps(result.pdf, 1, A5)
    assert right > left + mm(2)


def test_black_ink_only(tmp_path: Path) -> None:
    # RGB colour operators (rg, RG), even for black or grey, separate into colour inks.
    result = run(publication(**_everything(tmp_path)), base_dir=tmp_path)
    reader = pypdf.PdfReader(io.BytesIO(result.pdf))
    for page in reader.pages:
        content = page.get_contents().get_data().decode("latin-1")
        assert not re.search(r"\b(rg|RG|sc|SC|scn|SCN)\b", content)
