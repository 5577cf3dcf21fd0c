"""Themes: every built-in theme sets every sample, with the fonts of its roles embedded and
read back from the PDF where each role is used, its cover template drawn as it says, and
black ink only with --photocopy. Mistakes in a theme file point at file:line:column."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.pdfbase.ttfonts import TTFont

from tests.runner import run_zinekit
from tests.typeset.helpers import A5, A7, paths, publication, run
from zinekit.content.loader import load_publication
from zinekit.data import data_dir
from zinekit.impose.layout import load_layout
from zinekit.impose.target import page_target
from zinekit.themes import builtin_names, load_theme
from zinekit.themes.model import ROLES
from zinekit.typeset import typeset

SAMPLES = sorted((Path(__file__).parents[2] / "samples").glob("*.yaml"))
THEMES = builtin_names()
needs_gs = pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript is not installed")


@functools.cache
def ps_name(path: Path) -> str:
    """The PostScript name inside a font file, as a PDF reader reports the embedded font."""
    return TTFont(f"probe-{path.stem}", str(path)).face.name.decode()


def text_fonts(pdf: bytes, page_index: int) -> list[tuple[str, str, bool, float]]:
    """(text, font name, embedded, size) of every text object of a page."""
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[page_index]
        text = page.get_textpage()
        found = []
        for obj in page.get_objects():
            if obj.type != 1:  # FPDF_PAGEOBJ_TEXT
                continue
            font = obj.get_font()
            words = text.get_text_bounded(*obj.get_bounds()).strip()
            found.append((words, font.get_base_name(), font.is_embedded, obj.get_font_size()))
        return found
    finally:
        doc.close()


def test_four_themes_ship() -> None:
    assert {"sans", "serif", "typewriter", "poster"} <= set(THEMES)


@pytest.mark.parametrize("name", THEMES)
def test_every_role_of_every_theme_is_a_vendored_font(name: str) -> None:
    theme = load_theme(name)
    fonts = (data_dir("assets") / "fonts").resolve()
    assert set(theme.fonts) == set(ROLES)
    for role, path in theme.fonts.items():
        assert path.parent == fonts, f"{name}: {role} is not in assets/fonts/"
        assert path.suffix == ".ttf"


def test_the_themes_look_different() -> None:
    looks = {
        name: (
            load_theme(name).fonts["regular"],
            load_theme(name).fonts["display"],
            load_theme(name).spec.cover.template,
        )
        for name in THEMES
    }
    assert len(set(looks.values())) == len(looks)


@pytest.mark.parametrize("name", THEMES)
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_theme_sets_every_sample_in_its_fonts(name: str, sample: Path) -> None:
    pub = load_publication(sample)
    theme = load_theme(name)
    target = page_target(load_layout(pub.layout))
    result = typeset(pub, base_dir=sample.parent, target=target, theme=theme, shrink=True)
    doc = pdfium.PdfDocument(result.pdf)
    pages = len(doc)
    doc.close()
    expected = {ps_name(path) for role, path in theme.fonts.items()}
    body = ps_name(theme.fonts["regular"])
    seen: set[str] = set()
    for index in range(pages):
        for _, font, embedded, _ in text_fonts(result.pdf, index):
            assert embedded, f"{font} is not embedded"
            seen.add(font)
    assert seen <= expected, f"fonts the theme does not name: {seen - expected}"
    assert body in seen
    if pub.cover is not None:
        # The cover title is the display role's.
        title = pub.cover_title.split()[0]
        display = ps_name(theme.fonts[theme.spec.cover.font])
        assert any(
            font == display and title.upper() in words.upper()
            for words, font, _, _ in text_fonts(result.pdf, 0)
        )


@pytest.mark.parametrize("name", THEMES)
def test_headings_are_set_in_the_theme_heading_font_and_case(name: str) -> None:
    theme = load_theme(name)
    pub = publication(
        [{"heading": "Ruang dengar"}, {"text": "Kami mendengarkan sebagai kawan."}], cover=None
    )
    result = run(pub, theme=theme)
    fonts = text_fonts(result.pdf, 0)
    heading = ps_name(theme.fonts[theme.spec.heading.font])
    written = "RUANG DENGAR" if theme.spec.heading.case == "upper" else "Ruang dengar"
    sizes = {words: size for words, _, _, size in fonts}
    assert (written, heading) in {(words, font) for words, font, _, _ in fonts}
    body_size = sizes["Kami mendengarkan sebagai kawan."]
    assert sizes[written] == pytest.approx(body_size * theme.spec.scale.h1, rel=0.01)
    assert ("Kami mendengarkan sebagai kawan.", ps_name(theme.fonts["regular"])) in {
        (words, font) for words, font, _, _ in fonts
    }


def test_the_body_size_follows_the_theme_scale() -> None:
    pub = publication([{"text": "Kami mendengarkan."}], cover=None, **{"page-numbers": False})
    sans = text_fonts(run(pub, theme=load_theme("sans")).pdf, 0)
    typewriter = text_fonts(run(pub, theme=load_theme("typewriter")).pdf, 0)
    assert sans[-1][3] == 10.5  # today's A5 size
    assert typewriter[-1][3] == pytest.approx(round(10.5 * 0.9 * 4) / 4)


def test_a_rough_rule_is_a_jittered_polyline_drawn_the_same_every_time() -> None:
    pub = publication([{"heading": "Ruang dengar"}, {"text": "Teks."}], cover=None)
    first = paths(run(pub, theme=load_theme("typewriter")).pdf, 0)
    again = paths(run(pub, theme=load_theme("typewriter")).pdf, 0)
    plain = paths(run(pub, theme=load_theme("sans")).pdf, 0)
    assert first == again
    assert not plain
    rough = [p for p in first if p.width > 100]
    assert rough and all(0.5 < p.height < 6 for p in rough), first


def test_page_numbers_take_the_theme_format_and_language() -> None:
    blocks = [{"text": "Satu."}, "page-break", {"text": "Dua."}]
    typewriter = run(publication(blocks, lang="id"), theme=load_theme("typewriter"))
    serif = run(publication(blocks, lang="en"), theme=load_theme("serif"))
    assert "hlm. 2" in [w for w, *_ in text_fonts(typewriter.pdf, 1)]
    assert "— 2 —" in [w for w, *_ in text_fonts(serif.pdf, 1)]


# --- cover templates ---------------------------------------------------------------------


@pytest.mark.parametrize("size", [A5, A7], ids=["A5", "A7"])
@pytest.mark.parametrize(
    "title", ["Tak Apa-Apa, Perasaanmu Valid", "PERASAANMU", "Kabar Sebaya dari Kota Kecil"]
)
def test_a_type_cover_never_splits_a_word_and_fills_the_width(
    size: tuple[float, float], title: str
) -> None:
    pub = publication([{"text": "Isi."}], title=title, cover={"template": "type"})
    result = run(pub, size=size, theme=load_theme("typewriter"))
    fonts = text_fonts(result.pdf, 0)
    display = ps_name(load_theme("typewriter").fonts["display"])
    lines = [words for words, font, _, _ in fonts if font == display]
    assert " ".join(lines).split() == title.upper().split()  # whole words, in order
    doc = pdfium.PdfDocument(result.pdf)
    text = doc[0].get_textpage()
    widths = [r - left for left, _, r, _ in (text.get_rect(i) for i in range(text.count_rects()))]
    doc.close()
    if len(title.split()) <= 2:  # else the title's height is what limits it
        assert max(widths) > 0.8 * (size[0] * 0.85)  # the longest word fills the measure


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("template", ["type", "stacked"])
def test_a_big_titles_descenders_clear_the_subtitle(theme: str, template: str) -> None:
    """The glyphs of the title's last line ("y" of Sebaya hangs lowest) end above the top of
    the subtitle's glyphs, read back as tight character boxes."""
    title, subtitle = "Sahabat Sebaya", "Edisi gugur"
    pub = publication(
        [{"text": "Isi."}], title=title, subtitle=subtitle, cover={"template": template}
    )
    result = run(pub, size=A5, theme=load_theme(theme))
    doc = pdfium.PdfDocument(result.pdf)
    text = doc[0].get_textpage()
    chars = text.get_text_range()
    boxes = [text.get_charbox(i) for i in range(len(chars))]
    doc.close()
    start = chars.upper().index(subtitle.upper())
    sub_top = max(boxes[i][3] for i in range(start, start + len(subtitle)) if chars[i].strip())
    title_start = chars.upper().index("SEBAYA")
    title_bottom = min(boxes[i][1] for i in range(title_start, title_start + len("Sebaya")))
    assert title_bottom > sub_top + 2, (title_bottom, sub_top)


def test_a_knockout_cover_sets_white_type_on_a_solid_black_panel(tmp_path: Path) -> None:
    from tests.typeset.helpers import colour_photo

    photo = colour_photo(tmp_path / "cover.jpg")
    pub = publication(
        [{"text": "Isi."}],
        title="Kabar Sebaya",
        cover={"template": "knockout", "image": photo.name, "footer": "Edisi 1"},
    )
    result = run(pub, base_dir=tmp_path, theme=load_theme("poster"), photocopy=True)
    shapes = paths(result.pdf, 0)
    panel = max(shapes, key=lambda p: p.width * p.height)
    assert panel.filled and panel.fill_grey < 0.2  # solid black (K=100%, as pdfium shows it)
    assert panel.width >= A5[0] - 0.5 and panel.bottom <= 0.5  # edge to edge, from the foot
    doc = pdfium.PdfDocument(result.pdf)
    page = doc[0]
    text = page.get_textpage()
    found = text.search("KABAR")
    assert found is not None
    index, _ = found.get_next()
    _, bottom, _, top = text.get_charbox(index)
    doc.close()
    assert panel.bottom < bottom and top < panel.top  # the title is on the panel
    # The page renders white where the title's letters are: knocked out of the black.
    from tests.readback import render

    out = tmp_path / "cover.pdf"
    out.write_bytes(result.pdf)
    image = render(out, 0, scale=1.0).convert("L")
    band = image.crop((0, int(A5[1] - top), int(A5[0]), int(A5[1] - bottom)))
    assert band.getextrema()[1] > 200


# --- through the command line ------------------------------------------------------------


@needs_gs
@pytest.mark.parametrize("name", THEMES)
def test_a_build_in_every_theme_photocopies_in_black_only(tmp_path: Path, name: str) -> None:
    out = tmp_path / "zine.pdf"
    sample = Path(__file__).parents[2] / "samples" / "kabar-sebaya.yaml"
    done = run_zinekit("build", sample, "--theme", name, "-o", out, "--photocopy", "-q")
    assert done.code == 0, done.stderr
    ink = subprocess.run(
        ["gs", "-q", "-o", "-", "-sDEVICE=inkcov", str(out)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = [[float(v) for v in line.split()[:4]] for line in ink.splitlines() if "CMYK" in line]
    assert pages and all((c, m, y) == (0, 0, 0) for c, m, y, _ in pages)


def _content(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "zine.yaml"
    path.write_text(f"title: Uji\n{extra}blocks:\n  - text: Halo.\n", encoding="utf-8")
    return path


def test_an_unknown_theme_in_the_content_file_is_an_error_at_its_line(tmp_path: Path) -> None:
    content = _content(tmp_path, "theme: seriff\n")
    done = run_zinekit("build", content, "-o", tmp_path / "out.pdf")
    assert done.code == 2
    assert len(done.lines) == 1
    assert done.lines[0].startswith(f"zinekit: error: {content}:2:8: unknown theme 'seriff'")
    assert "poster, sans, serif, typewriter" in done.lines[0]
    assert not (tmp_path / "out.pdf").exists()


def test_an_unknown_theme_option_lists_the_themes(tmp_path: Path) -> None:
    content = _content(tmp_path, "")
    done = run_zinekit("build", content, "--theme", "glossy", "-o", tmp_path / "out.pdf")
    assert done.code == 2
    assert done.lines == [
        "zinekit: error: unknown theme 'glossy' (hint: choose one of poster, sans, serif,"
        " typewriter (see zinekit themes), or give the path of a theme file (.toml))"
    ]


def _theme_file(tmp_path: Path, replace: tuple[str, str]) -> Path:
    text = (data_dir("themes") / "serif.toml").read_text(encoding="utf-8")
    assert replace[0] in text
    path = tmp_path / "mine.toml"
    path.write_text(text.replace(replace[0], replace[1]), encoding="utf-8")
    return path


def _where(path: Path, needle: str) -> str:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return f"{path}:{number}:{line.index(needle) + 1}"
    raise AssertionError(needle)


def test_a_theme_naming_a_missing_font_is_an_error_at_the_font(tmp_path: Path) -> None:
    theme = _theme_file(tmp_path, ('"Vollkorn-Black.ttf"', '"Vollkorn-Heavy.ttf"'))
    content = _content(tmp_path, f"theme: {theme.name}\n")
    done = run_zinekit("build", content, "-o", tmp_path / "out.pdf")
    assert done.code == 2
    assert len(done.lines) == 1
    where = _where(theme, '"Vollkorn-Heavy.ttf"')
    assert done.lines[0].startswith(
        f"zinekit: error: {where}: font 'display' names 'Vollkorn-Heavy.ttf'"
    )


@pytest.mark.parametrize(
    ("replace", "needle", "said"),
    [
        (("[scale]", "[scael]"), "[scael]", "unknown field 'scael' at the top level"),
        (("h1 = 1.5", 'h1 = "big"'), '"big"', "'h1' must be a number"),
        (("leading = 1.42", "leading = 3"), "3", "'leading' must be 2.0 or less"),
        (('template = "stacked"', 'template = "glossy"'), '"glossy"', "'template' must be"),
        (('format = "— {n} —"', 'format = "page"'), '"page"', "page-number format 'page'"),
        (
            (
                'case = "as-written"\nrule = { style = "line", weight = 0.5, width = 0.35 }',
                'letter-spacing = 0.9\ncase = "as-written"\nrule = { style = "line", weight = 0.5'
                ", width = 0.35 }",
            ),
            "0.9",
            "'letter-spacing' must be 0.5 or less",
        ),
    ],
)
def test_a_mistake_in_a_theme_file_points_at_it(
    tmp_path: Path, replace: tuple[str, str], needle: str, said: str
) -> None:
    theme = _theme_file(tmp_path, replace)
    content = _content(tmp_path, "")
    done = run_zinekit("build", content, "--theme", theme, "-o", tmp_path / "out.pdf")
    assert done.code == 2
    assert len(done.lines) == 1
    where = _where(theme, needle)
    assert done.lines[0].startswith(f"zinekit: error: {where}: {said}"), done.lines[0]


def test_zinekit_themes_lists_every_theme_with_its_fonts() -> None:
    done = run_zinekit("themes")
    assert done.code == 0
    for name in THEMES:
        theme = load_theme(name)
        assert f"\n{name}\n  {theme.description}\n" in "\n" + done.stdout
        for role in ROLES:
            assert f"{role}:" in done.stdout
        assert theme.fonts["display"].name in done.stdout


def test_fonts_in_the_content_file_override_the_theme(tmp_path: Path) -> None:
    fonts = data_dir("assets") / "fonts"
    shutil.copy(fonts / "GoMono-Regular.ttf", tmp_path / "body.ttf")
    shutil.copy(fonts / "NotoSansMono-Black.ttf", tmp_path / "head.ttf")
    pub = publication(
        [{"heading": "Judul"}, {"text": "Badan teks."}],
        cover=None,
        fonts={"regular": "body.ttf", "heading": "head.ttf"},
        theme="serif",
    )
    found = {(w, f) for w, f, *_ in text_fonts(run(pub, base_dir=tmp_path).pdf, 0)}
    assert ("Judul", ps_name(fonts / "NotoSansMono-Black.ttf")) in found
    assert ("Badan teks.", ps_name(fonts / "GoMono-Regular.ttf")) in found
