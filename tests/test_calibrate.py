"""`zinekit calibrate`: a landscape test sheet whose back says, in the half that reads upright
after turning the sheet over like a book page, which --duplex the printer needs."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.printed import NOT_GREY, colour_operators, page_text, phrase_turns
from tests.runner import run_zinekit
from zinekit.instructions.words import words
from zinekit.units import paper_size


def said(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_default_sheet_is_a_landscape_a4_in_this_folder(in_tmp: Path) -> None:
    run = run_zinekit("calibrate")
    assert run.code == 0, run.stderr
    out = in_tmp / "calibrate-A4.pdf"
    pages = PdfReader(out).pages
    assert len(pages) == 2
    width, height = paper_size("A4")
    for page in pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            (height, width), abs=0.01
        )
    assert "calibrate-A4.pdf" in run.stderr
    assert [p.name for p in in_tmp.iterdir()] == ["calibrate-A4.pdf"]  # no temporary left


def test_the_back_has_an_upright_short_edge_half_and_a_turned_long_edge_half(
    in_tmp: Path,
) -> None:
    assert run_zinekit("calibrate").code == 0
    out = in_tmp / "calibrate-A4.pdf"
    height = float(PdfReader(out).pages[1].mediabox.height)

    # Upright in the PDF: after a short-edge flip (like a book page) it reads upright.
    short = phrase_turns(out, 1, "--duplex short")
    assert short and all(turn == 0 and middle > height / 2 for turn, middle in short)
    # Turned 180° in the PDF: a long-edge flip turns the back top over bottom, upright again.
    long = phrase_turns(out, 1, "--duplex long")
    assert long and all(turn == 180 and middle < height / 2 for turn, middle in long)

    for lang in ("id", "en"):
        table = words(lang)["calibrate"]
        for edge in ("short", "long"):
            ((turn, _),) = phrase_turns(out, 1, table[f"if-{edge}"])
            assert turn == (0 if edge == "short" else 180)


def test_the_front_says_what_to_do_in_both_languages_upright(in_tmp: Path) -> None:
    assert run_zinekit("calibrate").code == 0
    out = in_tmp / "calibrate-A4.pdf"
    text = page_text(out, 0)
    for lang in ("id", "en"):
        table = words(lang)["calibrate"]
        for key in ("title", "step-print", "step-turn", "step-read", "no-duplex"):
            assert said(table[key]) in text
    ((turn, _),) = phrase_turns(out, 0, words("en")["calibrate"]["title"])
    assert turn == 0


@pytest.mark.parametrize("lang", ["id", "en"])
def test_lang_keeps_one_language(in_tmp: Path, lang: str) -> None:
    assert run_zinekit("calibrate", "--lang", lang, "-o", "sheet.pdf").code == 0
    other = "en" if lang == "id" else "id"
    text = page_text(in_tmp / "sheet.pdf", 0) + page_text(in_tmp / "sheet.pdf", 1)
    assert said(words(lang)["calibrate"]["step-turn"]) in text
    assert said(words(other)["calibrate"]["step-turn"]) not in text
    assert said(words(lang)["calibrate"]["if-long"]) in text


@pytest.mark.parametrize(
    ("sheet", "name", "size"),
    [("letter", "calibrate-Letter.pdf", (792, 612)), ("F4", "calibrate-F4.pdf", None)],
)
def test_the_sheet_names_the_file_and_sets_the_size(
    in_tmp: Path, sheet: str, name: str, size
) -> None:
    assert run_zinekit("calibrate", "--sheet", sheet).code == 0
    page = PdfReader(in_tmp / name).pages[0]
    expected = size or tuple(sorted(paper_size(sheet), reverse=True))
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
        expected, abs=0.01
    )


def test_the_sheet_is_grey_only(in_tmp: Path) -> None:
    assert run_zinekit("calibrate").code == 0
    for page in (0, 1):
        operators = colour_operators(in_tmp / "calibrate-A4.pdf", page)
        assert not operators & NOT_GREY


@pytest.mark.parametrize("sheet", ["A9", "0x0mm", "210", ""])
def test_a_bad_sheet_is_one_line_and_exit_2(in_tmp: Path, sheet: str) -> None:
    run = run_zinekit("calibrate", "--sheet", sheet)
    assert run.code == 2
    assert len(run.lines) == 1 and "sheet" in run.lines[0]
    assert not list(in_tmp.iterdir())


def test_a_missing_output_folder_is_refused(in_tmp: Path) -> None:
    run = run_zinekit("calibrate", "-o", "missing/sheet.pdf")
    assert run.code == 2
    assert len(run.lines) == 1 and "does not exist" in run.lines[0]
    assert not list(in_tmp.iterdir())


def test_the_output_must_be_a_pdf(in_tmp: Path) -> None:
    run = run_zinekit("calibrate", "-o", "sheet.png")
    assert run.code == 2 and len(run.lines) == 1
