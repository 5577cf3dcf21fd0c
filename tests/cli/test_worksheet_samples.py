"""The worksheet samples as built by `zinekit build`, read back as someone about to copy and
fill them in would look at them: the mini-zine uses its panels, its lines reach the foot of
theirs, the crisis plan and the check-in sheet have every kind of place to write."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.runner import run_zinekit
from tests.typeset.helpers import page_texts, paths, ruled_lines
from zinekit.typeset.geometry import page_geometry
from zinekit.units import mm

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def reading(tmp_path: Path, sample: str) -> bytes:
    out = tmp_path / "out.pdf"
    run = run_zinekit("build", SAMPLES / sample, "-o", out)
    assert run.code == 0, run.stderr
    return (tmp_path / "out.reading.pdf").read_bytes()


def test_the_mini_zine_fills_its_panels(tmp_path: Path) -> None:
    pdf = reading(tmp_path, "tak-apa-apa.yaml")
    texts = page_texts(pdf)
    assert len(texts) == 8
    used = [i for i, text in enumerate(texts) if text.strip() or paths(pdf, i)]
    assert len(used) >= 6, f"panels with something on them: {[i + 1 for i in used]}"


def test_the_mini_zine_ends_in_lines_to_the_foot_of_their_panel(tmp_path: Path) -> None:
    pdf = reading(tmp_path, "tak-apa-apa.yaml")
    [page] = [i for i in range(8) if ruled_lines(pdf, i)]
    assert "Tulis perasaanmu sendiri" in page_texts(pdf)[page]
    lines = ruled_lines(pdf, page)
    assert len(lines) >= 4
    # An A7 panel, no page numbers: the text frame ends one margin above the trim.
    g = page_geometry((mm(74.25), mm(105)), saddle=False, folio_size=None)
    lowest = min(line.bottom for line in lines)
    assert g.bottom - 1 <= lowest < g.bottom + mm(8.5)


def test_the_mini_zine_is_set_larger_than_the_panel_default(tmp_path: Path) -> None:
    run = run_zinekit("build", SAMPLES / "tak-apa-apa.yaml", "-o", tmp_path / "out.pdf")
    assert "so that the content fills the 8 pages" in run.stderr


@pytest.mark.parametrize(
    ("sample", "words"),
    [
        (
            "rencana-krisis.yaml",
            ["Tanda-tanda awal", "Yang membantu", "Orang yang bisa kuhubungi", "Nomor telepon"],
        ),
        ("check-in.yaml", ["Name", "Date", "How heavy is today?", "very heavy", "light"]),
    ],
)
def test_the_worksheets_have_their_prompts_and_lines(
    tmp_path: Path, sample: str, words: list[str]
) -> None:
    pdf = reading(tmp_path, sample)
    text = "\n".join(page_texts(pdf))
    for word in words:
        assert word in text
    assert sum(len(ruled_lines(pdf, i)) for i in range(len(page_texts(pdf)))) >= 8
