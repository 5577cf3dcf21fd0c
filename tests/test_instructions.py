"""--instructions: a page saying how to print, fold, cut and staple, placed so the sheets still
pair up (first with a blank back when double-sided, after the sheet when single-sided), in
the document's language, grey only; every sheet side after it is the one written without it.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from tests.pdfgen import numbered_pdf
from tests.printed import NOT_GREY, colour_operators, page_text
from tests.readback import pictures, read_sides, render
from tests.runner import impose
from zinekit.data import data_dir
from zinekit.impose.layout import DRAWINGS, Step, builtin_names, load_layout
from zinekit.impose.plan import Options, make_plan
from zinekit.instructions import STEP_SKETCHES, document_lang, instruction_page
from zinekit.instructions.words import LANGS, words

DOUBLE_SIDED = ["booklet", "quarter-booklet", "2up", "4up"]


@pytest.fixture(scope="module")
def numbered(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("numbered")
    made: dict[tuple[int, str | None], Path] = {}

    def get(n: int, lang: str | None = None) -> Path:
        if (n, lang) not in made:
            path = numbered_pdf(folder / f"n{n}.pdf", n)
            if lang:
                writer = PdfWriter(clone_from=PdfReader(path))
                writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
                path = folder / f"n{n}-{lang}.pdf"
                writer.write(path)
            made[n, lang] = path
        return made[n, lang]

    return get


def grid(layout: str) -> tuple[int, int]:
    chosen = load_layout(layout)
    return chosen.columns, chosen.rows


def said(text: str) -> str:
    return " ".join(text.split())


def blank(path: Path, index: int) -> bool:
    image = render(path, index, scale=0.5)
    return image.getextrema() == (255, 255)


# -- the words ----------------------------------------------------------------------------


def test_layout_steps_may_name_exactly_the_sketches_the_page_draws() -> None:
    # impose/layout_values.py lists the sketches a step's `draw` may name; the sketch
    # families of zinekit/instructions/ own the names.
    assert sorted(DRAWINGS) == sorted(STEP_SKETCHES)
    assert len(set(STEP_SKETCHES)) == len(STEP_SKETCHES)


def test_every_sketch_draws_in_its_own_panel(tmp_path: Path) -> None:
    layout = dataclasses.replace(
        load_layout("booklet"),
        steps=tuple(Step(name, (("en", f"step {name}"),)) for name in STEP_SKETCHES),
    )
    plan = make_plan(layout, 8, Options())
    page = tmp_path / "instructions.pdf"
    page.write_bytes(instruction_page(layout, plan, "en", first=True))
    text = page_text(page, 0)
    for name in STEP_SKETCHES:
        assert f"step {name}" in text


def test_every_language_has_every_word() -> None:
    tables = {lang: words(lang) for lang in LANGS}
    for lang, table in tables.items():
        for other, other_table in tables.items():
            for section, entries in table.items():
                missing = set(entries) - set(other_table[section])
                assert not missing, f"{sorted(missing)} in {lang}.toml but not in {other}.toml"


@pytest.mark.parametrize("name", builtin_names())
def test_every_builtin_layout_has_its_steps_in_every_language(name: str) -> None:
    layout = load_layout(name)
    assert layout.steps
    for step in layout.steps:
        assert {lang for lang, _ in step.texts} == set(LANGS)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("id", "id"), ("id-ID", "id"), ("ID", "id"), ("en-GB", "en"), ("ms", "en"), (None, "en")],
)
def test_the_document_language_picks_the_words(lang: str | None, expected: str) -> None:
    assert document_lang(lang) == expected


# -- where the page goes -------------------------------------------------------------------


@pytest.mark.parametrize("duplex", ["long", "short"])
@pytest.mark.parametrize("layout", DOUBLE_SIDED)
def test_double_sided_output_starts_with_the_instructions_and_a_blank_back(
    tmp_path: Path, numbered, layout: str, duplex: str
) -> None:
    source = numbered(10)
    plain, helped = tmp_path / "plain.pdf", tmp_path / "helped.pdf"
    impose(source, plain, "--layout", layout, "--duplex", duplex)
    impose(source, helped, "--layout", layout, "--duplex", duplex, "--instructions")

    columns, rows = grid(layout)
    assert pictures(helped, columns, rows)[2:] == pictures(plain, columns, rows)
    sides = read_sides(helped)
    assert len(sides) == len(read_sides(plain)) + 2
    assert not sides[0].labels and not sides[1].labels
    assert blank(helped, 1)
    assert not blank(helped, 0)
    # Every page is the same size, so printing at 100% treats the sheets alike.
    sizes = {tuple(round(float(v), 2) for v in p.mediabox) for p in PdfReader(helped).pages}
    assert len(sizes) == 1

    text = page_text(helped, 0)
    english = words("en")["instructions"]
    assert said(english[duplex]) in text
    assert said(english["title"]) in text
    assert said(english["first"]) in text
    for step in load_layout(layout).steps:
        assert said(step.text("en")) in text


def test_manual_duplex_puts_the_instructions_first_in_the_fronts_and_a_blank_in_the_backs(
    tmp_path: Path, numbered
) -> None:
    source = numbered(12)
    impose(source, tmp_path / "plain.pdf", "--duplex", "manual")
    impose(source, tmp_path / "helped.pdf", "--duplex", "manual", "--instructions")

    for part in ("fronts", "backs"):
        plain, helped = tmp_path / f"plain-{part}.pdf", tmp_path / f"helped-{part}.pdf"
        assert pictures(helped, 2, 1)[1:] == pictures(plain, 2, 1)
    assert blank(tmp_path / "helped-backs.pdf", 0)
    text = page_text(tmp_path / "helped-fronts.pdf", 0)
    manual = words("en")["instructions"]["manual"]
    assert said(manual.format(fronts="helped-fronts.pdf", backs="helped-backs.pdf")) in text


def test_the_mini_zine_gets_the_instructions_after_its_sheet(tmp_path: Path, numbered) -> None:
    source = numbered(8)
    plain, helped = tmp_path / "plain.pdf", tmp_path / "helped.pdf"
    impose(source, plain, "--layout", "minizine")
    err = impose(source, helped, "--layout", "minizine", "--instructions")

    assert pictures(helped, 4, 2)[:1] == pictures(plain, 4, 2)
    assert len(read_sides(helped)) == 2
    text = page_text(helped, 1)
    english = words("en")["instructions"]
    assert said(english["single"]) in text
    assert said(english["last"]) in text
    for step in load_layout("minizine").steps:
        assert said(step.text("en")) in text
    assert "then an instruction page" in err


def test_a_single_sided_run_of_a_double_sided_layout_ends_with_the_instructions(
    tmp_path: Path, numbered
) -> None:
    # One page in 2-up fills one side: the sheet has no back, so nothing is paired.
    out = tmp_path / "one.pdf"
    impose(numbered(1), out, "--layout", "2up", "--instructions")
    assert len(read_sides(out)) == 2
    assert pictures(out, 2, 1)[0] == "1 1"
    assert said(words("en")["instructions"]["single"]) in page_text(out, 1)


# -- the language --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pdf_lang", "option", "expected"),
    [
        ("id-ID", (), "id"),
        ("en", (), "en"),
        (None, (), "en"),
        (None, ("--lang", "id"), "id"),
        ("id", ("--lang", "en"), "en"),
    ],
)
@pytest.mark.parametrize("layout", ["booklet", "quarter-booklet", "minizine", "4up"])
def test_the_page_speaks_the_documents_language(
    tmp_path: Path, numbered, layout: str, pdf_lang: str | None, option, expected: str
) -> None:
    out = tmp_path / "out.pdf"
    impose(numbered(8, pdf_lang), out, "--layout", layout, "--instructions", *option)
    page = 1 if layout == "minizine" else 0
    text = page_text(out, page)
    table = words(expected)["instructions"]
    assert said(table["title"]) in text
    for step in load_layout(layout).steps:
        assert said(step.text(expected)) in text
    other = words("en" if expected == "id" else "id")["instructions"]
    assert said(other["title"]) not in text


def test_a_layout_without_steps_shows_its_fold_sentence(tmp_path: Path, numbered) -> None:
    text = (data_dir("layouts") / "booklet.toml").read_text()
    custom = tmp_path / "plain-booklet.toml"
    custom.write_text(text[: text.index("# Steps for the --instructions page")])
    out = tmp_path / "out.pdf"
    impose(numbered(8), out, "--layout", custom, "--instructions")
    assert said(load_layout(str(custom)).fold) in page_text(out, 0)


# -- ink -----------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["booklet", "quarter-booklet", "minizine", "2up", "4up"])
@pytest.mark.parametrize("duplex", ["long", "manual"])
def test_the_page_is_grey_only(tmp_path: Path, numbered, layout: str, duplex: str) -> None:
    out = tmp_path / "out.pdf"
    impose(numbered(8), out, "--layout", layout, "--duplex", duplex, "--instructions")
    path = tmp_path / "out-fronts.pdf" if duplex == "manual" and layout != "minizine" else out
    page = 1 if layout == "minizine" else 0
    operators = colour_operators(path, page)
    assert b"Tj" in operators or b"TJ" in operators  # the words are there, as text
    assert b"g" in operators  # grey is set, and nothing else
    assert not operators & NOT_GREY
    assert not any(op.startswith(b"image:") for op in operators)


@pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript is not installed")
def test_ghostscript_finds_black_ink_only_on_the_page(tmp_path: Path, numbered) -> None:
    out = tmp_path / "out.pdf"
    impose(numbered(8), out, "--layout", "minizine", "--instructions")
    done = subprocess.run(
        ["gs", "-q", "-o", "-", "-sDEVICE=inkcov", "-dFirstPage=2", "-dLastPage=2", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    (line,) = [line for line in done.stdout.splitlines() if "CMYK" in line]
    cyan, magenta, yellow, black = (float(v) for v in line.split()[:4])
    assert cyan == magenta == yellow == 0
    assert black > 0


def test_the_text_is_in_the_embedded_font(tmp_path: Path, numbered) -> None:
    out = tmp_path / "out.pdf"
    impose(numbered(8), out, "--instructions")
    form = PdfReader(out).pages[0]["/Resources"]["/XObject"]["/W0"].get_object()
    fonts = form["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        if "/DescendantFonts" in font:
            font = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in font["/FontDescriptor"]  # an embedded TrueType subset


# -- with the other options ----------------------------------------------------------------


def test_marks_give_the_instruction_page_the_sheets_boxes(tmp_path: Path, numbered) -> None:
    out = tmp_path / "out.pdf"
    impose(numbered(8), out, "--instructions", "--marks", "crop", "--bleed", "3mm")
    pages = PdfReader(out).pages
    for box in ("/MediaBox", "/TrimBox", "/BleedBox"):
        assert len({tuple(float(v) for v in p[box]) for p in pages}) == 1


@pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript is not installed")
def test_photocopy_keeps_the_instructions_first(tmp_path: Path, numbered) -> None:
    out = tmp_path / "out.pdf"
    impose(numbered(8), out, "--instructions", "--photocopy")
    assert said(words("en")["instructions"]["title"]) in page_text(out, 0)
    assert pictures(out, 2, 1)[2:] == ["8 1", "7r 2r", "6 3", "5r 4r"]


def test_without_the_option_nothing_changes(tmp_path: Path, numbered) -> None:
    out = tmp_path / "out.pdf"
    err = impose(numbered(8), out)
    assert pictures(out, 2, 1) == ["8 1", "7r 2r", "6 3", "5r 4r"]
    assert "instruction" not in err
