"""A part of a block taller than any page is named as the user wrote it (an item of a
checklist, the prompt of a write-in), with a hint for that part; never reportlab's
internals (`Flowable <TickItem at 0x...>`) nor the hint about images."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.runner import run_zinekit
from zinekit.data import data_dir

LONG = " ".join(["kata panjang sekali"] * 400)


def _error(tmp_path: Path, blocks: str, *, image: bool = False) -> str:
    source = tmp_path / "zine.yaml"
    source.write_text(f"title: Uji\nlayout: minizine\nblocks:\n{blocks}", encoding="utf-8")
    out = tmp_path / "zine.pdf"
    run = run_zinekit("build", source, "-o", out)
    assert run.code == 2, run.stderr
    assert len(run.lines) == 1, run.stderr
    assert not out.exists()
    line = run.lines[0]
    assert "Flowable" not in line and "0x" not in line, line
    assert image or "image" not in line, line
    return line


def test_checklist_item(tmp_path: Path) -> None:
    line = _error(tmp_path, f"  - checklist:\n      - Pendek\n      - {LONG}\n")
    assert line.startswith(
        f'zinekit: error: {tmp_path}/zine.yaml:4:5: item 2 ("kata panjang sekali kata panj…")'
        ' of the checklist block "Pendek" is too long to fit on a page ('
    )
    assert line.endswith("mm) (hint: shorten the item, or split it into two items)")


def test_write_in_prompt(tmp_path: Path) -> None:
    line = _error(tmp_path, f"  - text: Sebelum.\n  - write-in: {LONG}\n    lines: 3\n")
    assert line.startswith(
        f"zinekit: error: {tmp_path}/zine.yaml:5:5: the prompt of the write-in block"
        ' "kata panjang sekali kata panjang sekali…" is too long to fit on a page with its lines'
    )
    assert line.endswith(
        "mm) (hint: shorten the prompt, or put part of it in a text block before it)"
    )


def test_scale_question(tmp_path: Path) -> None:
    line = _error(tmp_path, f"  - scale: {LONG}\n")
    assert "the question of the scale block" in line
    assert line.endswith("(hint: shorten the question or the words at its ends)")


def test_picture_with_a_long_caption(tmp_path: Path) -> None:
    shutil.copy(data_dir("samples") / "images" / "senja-kampung.jpg", tmp_path / "senja.jpg")
    caption = " ".join(["keterangan panjang"] * 500)
    line = _error(tmp_path, f"  - image: {{src: senja.jpg, caption: {caption}}}\n", image=True)
    assert line.startswith(
        f'zinekit: error: {tmp_path}/zine.yaml:4:5: the picture of the image block "senja.jpg"'
        " with its caption does not fit on a page ("
    )
    assert line.endswith(
        "(hint: shorten its caption and credit, or make the image smaller (width: 0.5))"
    )
