"""Hostile and broken PDFs through `zinekit impose`, `zinekit check` and `--preview`, each
in a child process of its own: exit code 2 and one clear line (or a repair, with a note),
no traceback, no file left, an older output byte for byte as it was, a peak memory under
1 GB (the child's `ru_maxrss`, outside tools included) and no run over 30 s."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import wildgen
from tests.hostile import hostile_pdfs as hp
from tests.hostile.measured import PEAK_MB, run_child
from tests.runner import run_zinekit

OLD_OUTPUT = wildgen.text_pdf(2, "Older good output")


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {
        p.relative_to(folder).as_posix(): None if p.is_dir() or not p.is_file() else p.read_bytes()
        for p in sorted(folder.rglob("*"))
    }


def _write(name: str, build: Callable[[], bytes]) -> Callable[[Path], str]:
    def setup(folder: Path) -> str:
        (folder / name).write_bytes(build())
        return name

    return setup


def _fifo(folder: Path) -> str:
    os.mkfifo(folder / "pipe.pdf")
    return "pipe.pdf"


def _folder(folder: Path) -> str:
    (folder / "folder.pdf").mkdir()
    return "folder.pdf"


@dataclass(frozen=True)
class Refused:
    id: str
    setup: Callable[[Path], str]  # makes the input; returns its path
    words: tuple[str, ...]  # all in the one error line
    options: tuple[str, ...] = ()
    commands: tuple[str, ...] = ("impose", "check")


REFUSED = [
    Refused("dev-zero", lambda folder: "/dev/zero", ("/dev/zero", "is a device, not a PDF file")),
    Refused("fifo", _fifo, ("pipe.pdf", "is a named pipe (FIFO), not a PDF file")),
    Refused("folder", _folder, ("folder.pdf", "is a folder, not a PDF file")),
    Refused("rotate-huge", _write("in.pdf", hp.rotate_huge), ("in.pdf", "damaged")),
    Refused("kids-cycle", _write("in.pdf", hp.kids_cycle), ("in.pdf", "damaged", "cyclic")),
    Refused(
        "bomb-array",
        _write("in.pdf", hp.flate_bomb_array),
        ("in.pdf", "the content of a page decodes to more than 75 MB"),
        commands=("impose",),
    ),
    Refused(
        "bomb-preview",
        _write("in.pdf", hp.flate_bomb),
        ("in.pdf", "--preview cannot draw this PDF", "decodes to more than 75 MB"),
        options=("--preview",),
        commands=("impose",),
    ),
    Refused(
        "huge-picture-preview",
        _write("in.pdf", hp.huge_picture),
        ("--preview cannot draw", "20000 x 20000 pixels"),
        options=("--preview",),
        commands=("impose",),
    ),
]


def _cases() -> list[tuple[Refused, str]]:
    return [(case, command) for case in REFUSED for command in case.commands]


@pytest.mark.parametrize(
    ("case", "command"), _cases(), ids=[f"{c.id}-{cmd}" for c, cmd in _cases()]
)
def test_refused_with_one_line(tmp_path: Path, case: Refused, command: str) -> None:
    source = case.setup(tmp_path)
    args = [command, source]
    if command == "impose":
        (tmp_path / "out.pdf").write_bytes(OLD_OUTPUT)
        args += ["-o", "out.pdf", *case.options]
    before = snapshot(tmp_path)
    run = run_child(tmp_path, *args)
    assert run.code == 2, run.stderr
    assert len(run.lines) == 1, run.stderr
    line = run.lines[0]
    assert line.startswith("zinekit: error: ") and "Traceback" not in run.stderr
    for word in case.words:
        assert word in line
    assert snapshot(tmp_path) == before  # nothing added, the older output unchanged
    assert run.peak_mb < PEAK_MB, f"peak {run.peak_mb} MB"


@dataclass(frozen=True)
class Repaired:
    id: str
    build: Callable[[], bytes]
    note: str  # in impose's note and in check's structure details ("" when none is due)


REPAIRED = [
    Repaired("rotate-string", hp.rotate_string, "its /Rotate (ninety) is not a multiple of 90"),
    Repaired("rotate-45", hp.rotate_45, "its /Rotate (45) is not a multiple of 90"),
    Repaired("rotate-big", hp.rotate_big, ""),
    Repaired("contents-cycle", hp.contents_cycle, ""),
    Repaired("resources-cycle", hp.resources_cycle, ""),
    Repaired("form-cycle", hp.form_cycle, ""),
    Repaired("no-eof", hp.no_eof, "no %%EOF at its end"),
    Repaired("bomb", hp.flate_bomb, ""),
]


@pytest.mark.parametrize("case", REPAIRED, ids=[c.id for c in REPAIRED])
def test_imposed_and_checked_despite(tmp_path: Path, case: Repaired) -> None:
    (tmp_path / "in.pdf").write_bytes(case.build())
    imposed = run_child(tmp_path, "impose", "in.pdf", "-o", "out.pdf")
    assert imposed.code == 0, imposed.stderr
    assert "error" not in imposed.stderr and "Traceback" not in imposed.stderr
    assert imposed.peak_mb < PEAK_MB, f"impose peak {imposed.peak_mb} MB"
    checked = run_child(tmp_path, "check", "in.pdf")
    assert checked.code == 3, checked.stderr  # Helvetica is not embedded: fonts fails
    assert checked.stderr == "" and "Traceback" not in checked.stdout
    assert checked.peak_mb < PEAK_MB, f"check peak {checked.peak_mb} MB"
    if case.note:
        assert "repaired on reading (" in imposed.stderr and case.note in imposed.stderr
        structure = checked.stdout.splitlines()[1:3]
        assert structure[0].startswith("WARN  structure") and case.note in structure[1]


def test_check_of_a_bomb_skips_the_tools_that_would_decode_it(tmp_path: Path) -> None:
    (tmp_path / "in.pdf").write_bytes(hp.flate_bomb())
    run = run_child(tmp_path, "check", "in.pdf", "--photocopy")
    assert run.code == 3 and run.peak_mb < PEAK_MB, f"peak {run.peak_mb} MB"
    lines = run.stdout.splitlines()
    assert "SKIP  qpdf: skipped: a stream in the PDF decodes to more than 75 MB" in run.stdout
    assert any(line.startswith("SKIP  ink: skipped: a stream") for line in lines)
    assert "its content could not be read (a stream in the PDF decodes" in run.stdout


def test_photocopy_of_a_bomb_skips_the_heavy_black_measure_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "in.pdf").write_bytes(hp.flate_bomb())
    run = run_child(tmp_path, "impose", "in.pdf", "-o", "out.pdf", "--photocopy")
    assert run.code == 0, run.stderr
    assert "did not check the sheets for heavy solid black: a stream" in run.stderr
    assert run.peak_mb < PEAK_MB, f"peak {run.peak_mb} MB"


def test_pdf_values_in_messages_are_escaped_and_short(tmp_path: Path) -> None:
    (tmp_path / "in.pdf").write_bytes(hp.control_font_name())
    run = run_zinekit("check", tmp_path / "in.pdf")
    fonts = next(line for line in run.stdout.splitlines() if "Evil" in line)
    assert "\x1b" not in run.stdout and "Evil\\x1bRedXXX" in fonts
    assert len(fonts) < 120 and "..." in fonts


def test_marks_name_the_paper_to_print_on(tmp_path: Path) -> None:
    (tmp_path / "in.pdf").write_bytes(wildgen.text_pdf(4))
    run = run_zinekit("impose", tmp_path / "in.pdf", "-o", tmp_path / "out.pdf", "--marks", "crop")
    assert run.code == 0, run.stderr
    assert "each printed on a 315 x 228 mm page to be trimmed" in run.stderr
    assert "at 100% (actual size) on A3 paper, then trim to A4 (297 x 210 mm)" in run.stderr
    plain = run_zinekit("impose", tmp_path / "in.pdf", "-o", tmp_path / "plain.pdf")
    assert "on A3 paper" not in plain.stderr and "to be trimmed" not in plain.stderr


def test_check_recognises_an_imposed_booklet(tmp_path: Path) -> None:
    (tmp_path / "in.pdf").write_bytes(wildgen.text_pdf(8))
    assert run_zinekit("impose", tmp_path / "in.pdf", "-o", tmp_path / "out.pdf").code == 0
    run = run_zinekit("check", tmp_path / "out.pdf", "--layout", "booklet")
    line = next(line for line in run.stdout.splitlines() if "page-count" in line)
    assert line.startswith("PASS  page-count: already imposed: the 4 pages are A4")
    assert "blank" not in run.stdout and "scale" not in run.stdout


def test_a_booklet_too_thick_to_fold_is_warned_about(tmp_path: Path) -> None:
    (tmp_path / "in.pdf").write_bytes(wildgen.text_pdf(84))  # 21 sheets
    run = run_zinekit("impose", tmp_path / "in.pdf", "-o", tmp_path / "out.pdf")
    assert run.code == 0
    assert "note: 21 sheets folded together are too thick" in run.stderr
    assert "--signature-sheets" in run.stderr
    check = run_zinekit("check", tmp_path / "in.pdf", "--layout", "booklet")
    assert "WARN  page-count" in check.stdout and "too thick" in check.stdout
    sections = run_zinekit(
        "impose", tmp_path / "in.pdf", "-o", tmp_path / "out.pdf", "--signature-sheets", "7"
    )
    assert "too thick" not in sections.stderr
    thin = wildgen.text_pdf(80)  # 20 sheets: still folds
    (tmp_path / "thin.pdf").write_bytes(thin)
    ok = run_zinekit("impose", tmp_path / "thin.pdf", "-o", tmp_path / "thin-out.pdf")
    assert "too thick" not in ok.stderr


LOW_RES = """\
title: Blurred
lang: en
blocks:
  - image: {src: small.png}
  - text: Under a small picture.
"""


def test_build_says_what_check_fails_about_a_picture(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("L", (200, 150), 128).save(tmp_path / "small.png")
    (tmp_path / "zine.yaml").write_text(LOW_RES, encoding="utf-8")
    built = run_zinekit("build", tmp_path / "zine.yaml", "-o", tmp_path / "zine.pdf")
    assert built.code == 0, built.stderr
    note = next(line for line in built.lines if "'small.png' prints at" in line)
    assert "under the 300 ppi" in note and "zinekit check fails it" in note
    ppi = note.split("prints at ")[1].split(" ppi")[0]
    checked = run_zinekit("check", tmp_path / "zine.reading.pdf")
    images = [line for line in checked.stdout.splitlines() if "picture" in line]
    assert checked.stdout.count("FAIL  images") == 1
    assert images and f"at {ppi} ppi on page" in images[0] and "FormXob" not in checked.stdout
