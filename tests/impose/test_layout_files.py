"""Layout files: every built-in loads, a user's own file works by path, and each mistake in a
file gets one line that points at it.

Golden pairs live in tests/impose/bad-layouts/: NAME.toml and NAME.expected.txt, the exact
error line with the file's path written as <LAYOUT> and that of layouts/README.md as
<README>. To rewrite the expected lines after a deliberate change of wording, run the tests
with ZINEKIT_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from tests import wildgen
from tests.golden import check_pairs, expected_lines
from tests.runner import run_zinekit
from zinekit.impose.layout import builtin_dir, builtin_names, load_layout, readme
from zinekit.units import paper_size

BAD = Path(__file__).with_name("bad-layouts")
BAD_FILES = sorted(BAD.glob("*.toml"))
ROOT = Path(__file__).resolve().parents[2]

# The mistakes the golden pairs must cover, at the least.
REQUIRED = {
    "toml-syntax",
    "unknown-field",
    "wrong-type",
    "missing-field",
    "unknown-kind",
    "saddle-columns",
    "picture-row-count",
    "picture-bad-cell",
    "picture-page-twice",
    "guide-out-of-range",
}


def test_the_golden_pairs_cover_the_known_mistakes() -> None:
    check_pairs(BAD, ".toml", REQUIRED)


@pytest.mark.parametrize("layout", BAD_FILES, ids=[p.stem for p in BAD_FILES])
def test_a_bad_layout_file_gets_one_line_that_points_at_it(tmp_path: Path, layout: Path) -> None:
    source = tmp_path / "in.pdf"
    source.write_bytes(wildgen.text_pdf(4))
    out = tmp_path / "out.pdf"

    run = run_zinekit("impose", source, "--layout", layout, "-o", out)

    assert run.code == 2
    assert "Traceback" not in run.stderr
    assert len(run.lines) == 1, run.stderr
    line = run.lines[0].replace(str(layout), "<LAYOUT>").replace(str(readme()), "<README>")
    assert line.startswith("zinekit: error: <LAYOUT>")
    assert not out.exists()
    assert [line] == expected_lines(layout, [line])


def test_every_builtin_layout_loads() -> None:
    names = builtin_names()
    assert names == sorted(p.stem for p in (ROOT / "layouts").glob("*.toml"))
    assert {"booklet", "minizine", "2up", "4up", "quarter-booklet"} <= set(names)
    for name in names:
        layout = load_layout(name)
        assert layout.name == name
        assert layout.source == builtin_dir() / f"{name}.toml"
        assert layout.description and layout.fold
        paper_size(layout.sheet)  # raises on an unknown sheet


def test_every_builtin_layout_is_listed(tmp_path: Path) -> None:
    run = run_zinekit("layouts")
    assert run.code == 0, run.stderr
    listed = [line for line in run.stdout.splitlines() if line and not line[0].isspace()]
    for name in builtin_names():
        assert name in listed


@pytest.mark.parametrize("name", builtin_names())
def test_a_builtin_name_wins_over_a_folder_or_file_of_that_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A zine project often has a folder called booklet/; --layout booklet still means the
    built-in. A path (./booklet, booklet.toml) means the file."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / name).write_text("not a layout = [")
    monkeypatch.chdir(tmp_path / "other")
    assert load_layout(name).source == builtin_dir() / f"{name}.toml"
    run = run_zinekit("impose", "in.pdf", "--layout", f"./{name}", "-o", "out.pdf")
    assert run.code == 2
    assert "not valid TOML" in run.stderr


CARD = """\
# The folded card from layouts/README.md.
description = "4-page folded card: A6 pages on an A5 sheet"
kind = "sheet"
sheet = "A5"
orientation = "landscape"
columns = 2
rows = 1
sides = 2
front = ["4 1"]   # outside: back cover on the left, front cover on the right
back = ["2 3"]    # inside, as you see it after turning the card over like a page
fold = "Fold in half, short edges together, page 1 outside."

[[guides]]
kind = "fold"
from = [0.5, 0.0]
to = [0.5, 1.0]
"""


def halves(path: Path, page: int) -> tuple[str, str]:
    """The text in the left and the right half of an output page."""
    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        text_page = pdf[page].get_textpage()
        width, height = pdf[page].get_size()
        left = text_page.get_text_bounded(0, 0, width / 2, height)
        right = text_page.get_text_bounded(width / 2, 0, width, height)
        return " ".join(left.split()), " ".join(right.split())
    finally:
        pdf.close()


def test_the_readme_card_layout_works_by_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "card.toml").write_text(CARD)
    (tmp_path / "in.pdf").write_bytes(wildgen.text_pdf(4, "Card"))

    run = run_zinekit("impose", "in.pdf", "--layout", "layouts/card.toml", "--duplex", "short")

    assert run.code == 0, run.stderr
    out = tmp_path / "in-card.pdf"  # the default output is named after the layout file
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 420)  # A5 landscape
    left, right = halves(out, 0)
    assert "Card page 4" in left and "Card page 1" in right
    back = " ".join(halves(out, 1))
    assert "Card page 2" in back and "Card page 3" in back
    assert "Card page 1" not in back


def test_a_layout_name_field_names_the_default_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my layout.toml").write_text('name = "card"\n' + CARD)
    (tmp_path / "in.pdf").write_bytes(wildgen.text_pdf(3, "Card"))
    run = run_zinekit("impose", "in.pdf", "--layout", "my layout.toml", "-q")
    assert run.code == 0, run.stderr
    assert run.stderr == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in-card.pdf", "in.pdf", "my layout.toml"]


def test_a_layout_file_without_the_toml_suffix_is_found_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "card").write_text(CARD)
    (tmp_path / "in.pdf").write_bytes(wildgen.text_pdf(4, "Card"))
    run = run_zinekit("impose", "in.pdf", "--layout", "card", "-o", "out.pdf", "-q")
    assert run.code == 0, run.stderr
    assert len(PdfReader(tmp_path / "out.pdf").pages) == 2
