"""The magazine's vocabulary, read back from the PDF: two columns read column by column,
each role (kicker, lede, pull quote, poster, drop capital, credit) in its style's font and
size, posters that never split a word on any layout, text beside floated pictures and side
pull quotes, and the layouts too narrow for them refused at the key's line and column."""

from __future__ import annotations

import ctypes
import random
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from reportlab.pdfbase import pdfmetrics

from tests.golden import check_pairs, expected_lines
from tests.runner import run_zinekit
from tests.typeset.helpers import A5, publication, run
from tests.typography import typography_faults
from zinekit.errors import TypesetError
from zinekit.impose.layout import builtin_names, load_layout
from zinekit.impose.target import page_target
from zinekit.themes import DEFAULT_THEME, load_theme
from zinekit.typeset import TypesetResult, typeset
from zinekit.typeset.fonts import load_fonts
from zinekit.typeset.hyphenate import hyphenator
from zinekit.typeset.styles import Styles, make_styles
from zinekit.units import mm

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parents[1] / "samples"
BAD = HERE / "bad"

PARAGRAPH = (
    "Mendengar bukan sekadar diam menunggu giliran bicara. Ia adalah kerja yang bisa"
    " dilatih, dan seperti kerja lain, ia melelahkan sekaligus memberi banyak hal kepada"
    " siapa pun yang mau mencobanya dengan sabar."
)


@dataclass(frozen=True)
class Char:
    char: str
    left: float
    bottom: float
    right: float
    top: float
    x: float  # origin: where the glyph's baseline starts
    y: float
    font: str
    size: float
    starts_word: bool  # pdfium saw a space (drawn or a gap it reads as one) before it


def chars(pdf: bytes, page_index: int) -> list[Char]:
    """Every drawn, non-space character of a page with its box, origin, font and size."""
    doc = pdfium.PdfDocument(pdf)
    try:
        text = doc[page_index].get_textpage()
        out = []
        buf = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()
        spaced = True
        for i in range(text.count_chars()):
            char = chr(pdfium_c.FPDFText_GetUnicode(text.raw, i))
            if char.isspace() or char in "\ufffe\x02":
                spaced = spaced or char.isspace()
                continue
            if pdfium_c.FPDFText_IsGenerated(text.raw, i):
                continue
            pdfium_c.FPDFText_GetFontInfo(text.raw, i, buf, 256, ctypes.byref(flags))
            x, y = ctypes.c_double(), ctypes.c_double()
            pdfium_c.FPDFText_GetCharOrigin(text.raw, i, ctypes.byref(x), ctypes.byref(y))
            left, bottom, right, top = text.get_charbox(i)
            font = buf.value.decode().split("+")[-1]
            size = pdfium_c.FPDFText_GetFontSize(text.raw, i)
            out.append(Char(char, left, bottom, right, top, x.value, y.value, font, size, spaced))
            spaced = False
        return out
    finally:
        doc.close()


def lines(found: list[Char]) -> list[list[Char]]:
    """Characters grouped by baseline, top line first, left to right."""
    rows: dict[float, list[Char]] = {}
    for c in found:
        key = next((y for y in rows if abs(y - c.y) < 0.6), c.y)
        rows.setdefault(key, []).append(c)
    return [sorted(rows[y], key=lambda c: c.x) for y in sorted(rows, reverse=True)]


def placed_words(line: list[Char]) -> list[tuple[str, Char]]:
    """The words of one line with their first letters, split where the gap between
    letters is a space's."""
    words: list[tuple[str, Char]] = []
    for prev, c in zip([None, *line], line, strict=False):
        if prev is None or c.starts_word or abs(c.y - prev.y) > 0.6:
            words.append(("", c))
        word, first = words[-1]
        words[-1] = (word + c.char, first)
    return words


def line_words(line: list[Char]) -> list[str]:
    return [word for word, _ in placed_words(line)]


def styles_at(size: float, lang: str = "id", theme: str = DEFAULT_THEME) -> Styles:
    look = load_theme(theme)
    return make_styles(load_fonts(look, None, Path(".")), size, hyphenator(lang), look)


def ps_name(font: str) -> str:
    face = pdfmetrics.getFont(font).face
    name = face.name
    return name.decode() if isinstance(name, bytes) else str(name)


def of_role(found: list[Char], text: str) -> list[Char]:
    """The characters of the line that begins with `text`'s first word."""
    first = text.split()[0]
    for line in lines(found):
        if "".join(c.char for c in line).startswith(first.replace(" ", "")):
            return line
    raise AssertionError(f"{text!r} not found")


def test_two_columns_read_column_by_column_in_order() -> None:
    # Numbers: never hyphenated, and their order shows the reading order.
    numbered = " ".join(f"{i:04d}" for i in range(1000, 1300))
    pub = publication(
        [
            {"text": "Pembuka di atas kolom."},
            {"columns": 2},
            {"text": numbered},
            {"columns": 1},
            {"text": "Penutup di bawah kolom."},
        ],
        cover=None,
    )
    result = run(pub)
    found = chars(result.pdf, 0)
    words = [(w, c) for line in lines(found) for w, c in placed_words(line)]
    columns = [(w, c) for w, c in words if w.isdigit() and len(w) == 4]
    width = A5[0]
    # Lines are read top to bottom across the page; each column's words keep that order.
    left = [w for w, c in columns if c.x < width / 2]
    right = [w for w, c in columns if c.x >= width / 2]
    assert left and right
    # Two x-ranges that do not overlap, with a gutter between them.
    digits = [c for _, first in columns for c in found if c is first]
    number_chars = [c for c in found if c.char.isdigit() and c.y > mm(15)]
    left_edge = max(c.right for c in number_chars if c.x < width / 2)
    right_start = min(c.left for c in number_chars if c.x >= width / 2)
    assert digits
    assert right_start - left_edge > mm(3)
    # Read down the left column, then down the right: the numbers run in order.
    order = [int(w) for w in left + right]
    assert order == list(range(1000, 1300))
    # Balanced: the columns end within two lines of each other.
    bottoms = [
        min(c.y for c in number_chars if (c.x < width / 2) == side) for side in (True, False)
    ]
    assert abs(bottoms[0] - bottoms[1]) <= 2 * styles_at(result.font_size).leading + 0.5
    # The text after the columns runs under both, across the page.
    closing = of_role(found, "Penutup")
    assert closing[0].y < min(bottoms)


def test_each_role_is_set_in_its_styles_font_and_size(tmp_path: Path) -> None:
    image = SAMPLES / "images" / "lingkaran-dengar.png"
    (tmp_path / "gambar.png").write_bytes(image.read_bytes())
    pub = publication(
        [
            {"heading": "Judul tulisan", "kicker": "Terapi"},
            {"lede": "Pembuka tulisan yang lebih besar."},
            {"text": PARAGRAPH, "dropcap": True},
            {"pullquote": "Kutipan yang besar sekali", "by": "Seorang kawan"},
            {
                "image": {
                    "src": "gambar.png",
                    "width": 0.5,
                    "caption": "Sebuah keterangan",
                    "credit": "Gambar: Kolektif",
                }
            },
            {"poster": "RAWAT KAWANMU"},
        ],
    )
    result = run(pub, base_dir=tmp_path)
    s = styles_at(result.font_size)
    found = [c for page in range(1, result.page_count) for c in chars(result.pdf, page)]

    def check(line: list[Char], font: str, size: float, exact: bool = True) -> None:
        assert {c.font for c in line} == {ps_name(font)}, line[0]
        if exact:
            assert all(abs(c.size - size) < 0.05 for c in line), (line[0].size, size)

    kicker = of_role(found, "TERAPI")
    check(kicker, s.kicker.fontName, s.kicker.fontSize)
    assert "".join(c.char for c in kicker) == "TERAPI"  # in capitals, though written "Terapi"
    check(of_role(found, "Pembuka"), s.lede.fontName, s.lede.fontSize)
    check(of_role(found, "\u201cKutipan"), s.pullquote.fontName, s.pullquote.fontSize)
    check(of_role(found, "\u2014"), s.pullquote_by.fontName, s.pullquote_by.fontSize)
    check(of_role(found, "Gambar:"), s.credit.fontName, s.credit.fontSize)
    check(of_role(found, "Sebuah"), s.caption.fontName, s.caption.fontSize)
    poster = [
        c
        for c in found
        if c.font == ps_name(s.poster.fontName)
        and c.size > s.h1.fontSize
        and abs(c.size - s.dropcap.fontSize) > 0.05
    ]
    assert "".join(c.char for c in poster) == "RAWATKAWANMU"
    assert all(c.size <= s.poster.fontSize + 0.05 for c in poster)
    cap = next(c for c in found if c.char == "M" and c.size > s.size * 2)
    check([cap], s.dropcap.fontName, s.dropcap.fontSize)
    # The credit is set apart from the caption: smaller, and right-aligned under it.
    caption, credit = of_role(found, "Sebuah"), of_role(found, "Gambar:")
    assert credit[0].y < caption[0].y and credit[-1].right > caption[-1].right


def test_a_drop_capital_spans_three_lines_with_the_text_beside_it() -> None:
    pub = publication([{"text": PARAGRAPH, "dropcap": True}])
    result = run(pub)
    s = styles_at(result.font_size)
    found = [c for c in chars(result.pdf, 1) if c.y > mm(15)]  # not the page number
    cap = next(c for c in found if c.size > s.size * 2)
    assert cap.char == "M"
    body = [line for line in lines([c for c in found if c is not cap])]
    # The first line continues the word the capital begins, beside the capital.
    assert "".join(c.char for c in body[0]).startswith("endengar")
    for line in body[: s.dropcap_lines]:
        assert line[0].left > cap.right
    # Its baseline is the third line's; its top level with the first line's capitals.
    assert abs(cap.y - body[s.dropcap_lines - 1][0].y) < 0.5
    first_top = max(c.top for c in body[0] if c.char.isupper() or c.char.isalpha())
    assert cap.top <= first_top + s.size * 0.35
    # After the capital's lines, the text runs from the left edge again.
    assert body[s.dropcap_lines][0].left < cap.left + 1


def _poster_cases() -> list[str]:
    rng = random.Random(10)
    letters = "ABCDEGHIKLMNOPRSTUWY"
    cases = []
    for count in range(1, 7):
        for _ in range(3):
            cases.append(
                " ".join(
                    "".join(rng.choice(letters) for _ in range(rng.randint(3, 14)))
                    for _ in range(count)
                )
            )
    cases.append("PERASAANMU VALID")
    cases.append("MMMMMMMMMMMMMM WWWWWWWWWWWWWW")
    return cases


@pytest.mark.parametrize("layout", builtin_names())
def test_posters_never_split_a_word_on_any_layout(layout: str) -> None:
    target = page_target(load_layout(layout))
    for slogan in _poster_cases():
        pub = publication([{"poster": slogan}], cover=None, **{"page-numbers": False})
        result = typeset(pub, base_dir=Path("."), target=target, shrink=False)
        found = [c for page in range(result.page_count) for c in chars(result.pdf, page)]
        set_lines = [line_words(line) for line in lines(found)]
        for word in slogan.split():
            assert any(word in words for words in set_lines), (layout, slogan, set_lines)
        # Every letter stays inside the page, clear of the trimmed edge.
        width = target.page_size[0]
        assert all(mm(4) <= c.left and c.right <= width - mm(4) for c in found), layout


@pytest.mark.parametrize("layout", builtin_names())
def test_the_back_slogan_is_stacked_whole_words_on_any_layout(layout: str) -> None:
    target = page_target(load_layout(layout))
    slogan = "KITA TIDAK SENDIRIAN"
    pub = publication([{"text": "Isi."}], back={"slogan": slogan}, cover=None)
    result = typeset(pub, base_dir=Path("."), target=target, shrink=False)
    found = chars(result.pdf, result.page_count - 1)
    s_words = [w for line in lines(found) for w in line_words(line)]
    assert s_words == slogan.split() or " ".join(s_words) == slogan


def test_poster_affirmations_are_centred_and_fitted() -> None:
    pub = publication(
        [
            {
                "affirmations": {
                    "pattern": "KALAU KAMU MERASA {}, TAK APA-APA",
                    "items": ["LELAH", "SEDIH", "MARAH"],
                    "style": "poster",
                }
            }
        ],
        **{"page-numbers": False},
    )
    result = run(pub)
    s = styles_at(result.font_size)
    found = chars(result.pdf, 1)
    assert result.page_count == 2
    set_lines = lines(found)
    assert all(c.size > s.size * 1.5 and c.font == ps_name(s.poster.fontName) for c in found)
    middle = A5[0] / 2
    for line in set_lines:
        centre = (line[0].left + line[-1].right) / 2
        # Centred in the text frame (the inner margin is wider): within a few points.
        assert abs(centre - middle) < mm(4)
    for item in ("LELAH,", "SEDIH,", "MARAH,"):
        assert any(item in line_words(line) for line in set_lines)


def test_text_runs_beside_a_floated_picture_and_a_side_pull_quote(tmp_path: Path) -> None:
    (tmp_path / "gambar.png").write_bytes((SAMPLES / "images" / "tembok-tanaman.png").read_bytes())
    pub = publication(
        [
            {"image": {"src": "gambar.png", "width": 0.4, "float": "right"}},
            {"text": PARAGRAPH + " " + PARAGRAPH},
            {"page-break": True} if False else "page-break",
            {"pullquote": "Kutipan di kiri", "side": "left"},
            {"text": PARAGRAPH + " " + PARAGRAPH},
        ],
        cover=None,
    )
    result = run(pub, base_dir=tmp_path)
    frame_right = max(c.right for c in chars(result.pdf, 0))
    first = lines(chars(result.pdf, 0))
    # Beside the picture (at the right), lines end before 65% of the frame.
    assert first[0][-1].right < frame_right * 0.7
    second = lines(chars(result.pdf, 1))
    quote = next(line for line in second if line[0].char == "\u201c")
    beside = [
        line for line in second if line[0].char != "\u201c" and line[0].left > quote[-1].right
    ]
    assert beside, "no text beside the pull quote"


def test_narrow_pages_refuse_columns_and_side_pull_quotes() -> None:
    target = page_target(load_layout("minizine"))
    for block, key in (
        ({"columns": 2}, "two columns"),
        ({"pullquote": "Kutipan", "side": "left"}, "side"),
    ):
        pub = publication([block, {"text": "Isi."}], cover=None)
        with pytest.raises(TypesetError) as caught:
            typeset(pub, base_dir=Path("."), target=target, shrink=False)
        assert "45 mm" in caught.value.message and key in caught.value.message
        assert caught.value.where is not None


BAD_FILES = sorted(BAD.glob("*.yaml"))


def test_the_typeset_golden_pairs_cover_the_narrow_layouts() -> None:
    check_pairs(BAD, ".yaml", {"columns-on-minizine", "side-on-minizine", "columns-on-quarter"})


@pytest.mark.parametrize("content", BAD_FILES, ids=[p.stem for p in BAD_FILES])
def test_a_layout_too_narrow_is_one_line_at_its_key(tmp_path: Path, content: Path) -> None:
    run_ = run_zinekit("build", content, "-o", tmp_path / "out.pdf")
    assert run_.code == 2, run_.stderr
    found = [line.replace(str(content), "<CONTENT>") for line in run_.lines]
    assert len(found) == 1 and found[0].startswith("zinekit: error: <CONTENT>:")
    assert found == expected_lines(content, found)
    assert list(tmp_path.iterdir()) == []


def test_the_magazine_sample_has_twenty_pages() -> None:
    from zinekit.content.loader import load_publication

    path = SAMPLES / "sahabat-sebaya.yaml"
    pub = load_publication(path)
    target = page_target(load_layout(pub.layout))
    result = typeset(pub, base_dir=SAMPLES, target=target, shrink=False)
    assert result.page_count >= 20


def _lead_in(words: int) -> dict[str, str]:
    return {"text": " ".join((PARAGRAPH.split() * 40)[:words])}


def _first_page_of(result: TypesetResult, style: str) -> int:
    return next(p.page for p in result.paragraphs if p.style == style)


def test_a_side_pull_quote_too_tall_for_the_foot_lets_the_text_fill_it() -> None:
    """The quote goes on to the next page beside the text there; the text after it fills
    the foot of this one instead of leaving it empty."""
    for words in range(300, 420, 6):
        blocks = [
            _lead_in(words),
            {"pullquote": " ".join(PARAGRAPH.split()[:14]), "side": "right"},
            {"text": PARAGRAPH},
            {"text": PARAGRAPH + " " + PARAGRAPH},
        ]
        result = run(publication(blocks, cover=None), size=A5, binding="none")
        if _first_page_of(result, "pullquote") == 2:
            after = [p for p in result.paragraphs if p.style == "body"][1]
            assert after.page == 1 and after.lines[0].startswith(PARAGRAPH[:20])
            assert typography_faults(result) == []
            return
    pytest.fail("no lead-in put the pull quote's foot past the page's")


def _text_after_starts_on(result: TypesetResult) -> int:
    last = result.paragraphs[-1].serial
    return min(p.page for p in result.paragraphs if p.serial == last)


def test_a_kept_floated_picture_goes_on_whole_with_its_text(tmp_path: Path) -> None:
    (tmp_path / "gambar.png").write_bytes((SAMPLES / "images" / "tembok-tanaman.png").read_bytes())
    for words in range(300, 420, 6):
        picture = {"src": "gambar.png", "width": 0.4, "float": "right"}
        blocks = [_lead_in(words), {"image": picture}, {"text": PARAGRAPH}]
        moved = run(publication(blocks, cover=None), size=A5, binding="none", base_dir=tmp_path)
        if moved.page_count == 2 and _text_after_starts_on(moved) == 1:
            # The picture went on to page 2 and the text after it began on page 1.
            picture["keep"] = True
            kept = run(publication(blocks, cover=None), size=A5, binding="none", base_dir=tmp_path)
            assert _text_after_starts_on(kept) == 2
            return
    pytest.fail("no lead-in moved the floated picture")


@pytest.mark.parametrize("theme", ["poster", "typewriter"])
def test_a_themes_letter_spacing_spaces_its_headings_letters(theme: str) -> None:
    """Each letter of a heading is followed by the theme's letter-spacing: the origins of
    two letters in a row are the first's width plus the spacing apart."""
    spacing = load_theme(theme).spec.heading.letter_spacing
    assert spacing > 0
    pub = publication([{"heading": "Ruang dengar"}, {"text": PARAGRAPH}], cover=None, theme=theme)
    result = run(pub)
    s = styles_at(result.font_size, theme=theme)
    heading = next(line for line in lines(chars(result.pdf, 0)) if line[0].char == "R")
    assert "".join(c.char for c in heading) == "RUANGDENGAR"
    font, size = s.h1.fontName, heading[0].size
    assert abs(size - s.h1.fontSize) < 0.05
    for a, b in zip(heading, heading[1:], strict=False):
        if b.starts_word:
            continue
        advance = pdfmetrics.stringWidth(a.char, font, size)
        assert abs(b.x - a.x - advance - size * spacing) < 0.05, (a.char, b.char)
    body = next(line for line in lines(chars(result.pdf, 0)) if line[0].char == "M")
    for a, b in zip(body, body[1:], strict=False):
        if not b.starts_word:  # the body is not spaced
            advance = pdfmetrics.stringWidth(a.char, s.body.fontName, b.size)
            assert abs(b.x - a.x - advance) < 0.05, (a.char, b.char)


@pytest.mark.parametrize("theme", ["poster", "typewriter"])
@pytest.mark.parametrize("size", [A5, (mm(74.25), mm(105))], ids=["A5", "A7"])
def test_spaced_headings_stay_in_their_column(size: tuple[float, float], theme: str) -> None:
    """Headings of every length, their letters spaced: no line runs past the text's right
    edge (the page is symmetric: the left margin's width from the right), and no word is
    split (a word too wide makes the heading smaller)."""
    words = [
        "Ruang",
        "dengar",
        "kita",
        "bersama",
        "kawan",
        "sebaya",
        "di",
        "sini",
        "tanpa",
        "penghakiman",
        "ya",
    ]
    blocks: list[dict[str, object]] = []
    headings = [" ".join(words[i : i + n]) for n in range(1, 8) for i in range(0, 5)]
    for heading in [*headings, "Pertanggungjawaban"]:
        blocks += [{"heading": heading}, {"text": PARAGRAPH}]
    result = run(publication(blocks, cover=None, theme=theme), size=size, binding="none")
    shown = {w.upper() for w in words} | {"PERTANGGUNGJAWABAN"}
    heads = [p for p in result.paragraphs if p.style == "h1"]
    assert len(heads) >= len(headings) + 1
    for para in heads:
        for line in para.lines:
            assert all(word in shown for word in line.split()), line
    for page in range(result.page_count):
        found = lines(chars(result.pdf, page))
        edge = size[0] - min(line[0].x for line in found if line[0].size == found[-2][0].size)
        for line in found:
            if line[0].size > result.font_size * 1.1:
                assert line[-1].right <= edge + 0.5, "".join(c.char for c in line)


def test_text_after_a_floated_picture_keeps_its_paragraph_space(tmp_path: Path) -> None:
    """The picture's group ends with the next block's mark, which has no space: the space
    after the group is still its last paragraph's."""
    (tmp_path / "gambar.png").write_bytes((SAMPLES / "images" / "tembok-tanaman.png").read_bytes())
    picture = {"image": {"src": "gambar.png", "width": 0.3, "float": "right"}}
    long_text = " ".join([PARAGRAPH] * 3)
    blocks = [picture, {"text": long_text}, {"pullquote": "Kutipan", "side": "left"}]
    blocks.append({"text": PARAGRAPH})
    result = run(publication(blocks, cover=None), base_dir=tmp_path)
    found = lines(chars(result.pdf, 0))
    left = min(line[0].x for line in found)
    # The first line beside the quote (at the left), and the last one before it.
    beside = next(i for i, line in enumerate(found) if line[0].x > left + mm(20))
    s = styles_at(result.font_size)
    gap = found[beside - 1][0].y - found[beside][0].y
    assert gap >= s.leading + s.body.spaceAfter * 0.9


def _quote_pages(words_range: range) -> dict[int, int]:
    pages = {}
    for words in words_range:
        blocks = [_lead_in(words), {"pullquote": " ".join(PARAGRAPH.split()[:9])}, "page-break"]
        blocks.append({"text": PARAGRAPH})
        result = run(publication(blocks, cover=None), size=A5, binding="none")
        pages[words] = _first_page_of(result, "pullquote")
    return pages


def test_a_pull_quote_a_little_short_of_room_closes_its_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where the foot of a page is short of room for a pull quote by less than its inner
    spaces, those close up and the quote ends the page, instead of opening the next page
    alone before a page break."""
    from zinekit.typeset import magazine

    lead_ins = range(280, 320, 2)
    squeezed = _quote_pages(lead_ins)
    monkeypatch.setattr(magazine, "SQUEEZE", 1.0)
    spaced = _quote_pages(lead_ins)
    closing = {words for words, page in squeezed.items() if page == 1}
    assert closing > {words for words, page in spaced.items() if page == 1}
