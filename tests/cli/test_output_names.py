"""The names `zinekit build` writes to without -o: a build on another layout than the
content file's own never replaces the one built before."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.runner import run_zinekit

SAMPLE = Path(__file__).parents[2] / "samples" / "listening-space.yaml"  # layout: 2up


def test_another_layout_gets_its_own_name(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SAMPLE, "guide.yaml")
    assert run_zinekit("build", "guide.yaml", "-q").code == 0
    first = Path("guide.pdf").read_bytes()
    assert run_zinekit("build", "guide.yaml", "--layout", "booklet", "-q").code == 0
    assert run_zinekit("build", "guide.yaml", "--layout", "2up", "-q").code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "guide-booklet.pdf",
        "guide-booklet.reading.pdf",
        "guide.pdf",
        "guide.reading.pdf",
        "guide.yaml",
    ]
    assert Path("guide-booklet.pdf").read_bytes() != first  # a booklet, not the 2-up sheet


def test_o_still_names_the_output(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SAMPLE, "guide.yaml")
    assert run_zinekit("build", "guide.yaml", "--layout", "booklet", "-o", "x.pdf", "-q").code == 0
    assert {p.name for p in tmp_path.iterdir()} == {"guide.yaml", "x.pdf", "x.reading.pdf"}
