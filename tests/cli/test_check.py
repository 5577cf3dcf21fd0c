"""`zinekit check` through the command line: the report, the exit codes, and zinekit's own
imposed output passing its own preflight."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests import wildgen
from tests.check.pdfs import image_page, text_pdf
from tests.runner import run_zinekit

CHECKS = ["structure", "qpdf", "boxes", "fonts", "images", "colour", "ink", "page-count"]


def write(folder: Path, data: bytes, name: str = "in.pdf") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "impose_args",
    [
        (),
        ("--layout", "minizine", "--guides"),
        ("--marks", "crop,fold", "--bleed", "3mm"),
        pytest.param(
            ("--layout", "2up", "--photocopy"),
            marks=pytest.mark.skipif(shutil.which("gs") is None, reason="needs Ghostscript"),
        ),
    ],
    ids=["booklet", "minizine-guides", "marks-bleed", "2up-photocopy"],
)
def test_zinekits_own_imposed_output_passes(tmp_path: Path, impose_args: tuple[str, ...]) -> None:
    source = write(tmp_path, text_pdf(8))
    imposed = run_zinekit("impose", source, "-o", tmp_path / "out.pdf", "-q", *impose_args)
    assert imposed.code == 0, imposed.stderr
    run = run_zinekit("check", tmp_path / "out.pdf", "--photocopy")
    assert run.code == 0, run.stdout
    assert run.stdout.splitlines()[-1] == "zinekit: check: 0 failed, 0 warnings"
    assert run.stderr == ""


def test_source_fit_for_a_booklet_passes_with_the_layout(tmp_path: Path) -> None:
    run = run_zinekit("check", write(tmp_path, text_pdf(8)), "--layout", "booklet")
    assert run.code == 0, run.stdout
    assert "PASS  page-count: 8 pages fill 2 sheets of booklet" in run.stdout


def test_failure_exits_3_with_one_line_per_check(tmp_path: Path) -> None:
    run = run_zinekit("check", write(tmp_path, text_pdf(2, embedded=False)))
    assert run.code == 3
    lines = run.stdout.splitlines()
    assert lines[0] == f"zinekit: check: {tmp_path / 'in.pdf'}: 2 pages"
    assert "FAIL  fonts: 1 font not embedded" in run.stdout
    assert "        Helvetica (Type1) on pages 1-2" in lines
    assert lines[-1] == "zinekit: check: 1 failed, 0 warnings"
    # Each check opens its line with its status, the details beneath are indented.
    heads = [line for line in lines[1:-1] if not line.startswith(" ")]
    assert [h.split(":")[0].split()[1] for h in heads] == CHECKS


def test_warnings_alone_exit_0(tmp_path: Path) -> None:
    run = run_zinekit("check", write(tmp_path, text_pdf(6)), "--layout", "booklet")
    assert run.code == 0
    assert run.stdout.splitlines()[-1] == "zinekit: check: 0 failed, 1 warning"


def test_photocopy_fails_a_colour_page(tmp_path: Path) -> None:
    data = image_page(1250, 1250, (200, 200), space=b"/DeviceRGB")
    run = run_zinekit("check", write(tmp_path, data), "--photocopy")
    assert run.code == 3
    assert "FAIL  colour: colour on 1 page" in run.stdout
    # Without --photocopy, colour is fine.
    assert run_zinekit("check", tmp_path / "in.pdf").code == 0


def test_json_report(tmp_path: Path) -> None:
    run = run_zinekit("check", write(tmp_path, image_page(300, 300, (300, 300))), "--json")
    assert run.code == 3
    report = json.loads(run.stdout)
    assert set(report) == {"file", "pages", "checks", "summary"}
    assert report["pages"] == 1
    assert [c["name"] for c in report["checks"]] == CHECKS
    images = next(c for c in report["checks"] if c["name"] == "images")
    assert images["status"] == "fail"
    assert images["details"] == [
        {
            "text": "a 106 x 106 mm picture, 18 mm from the left and 18 mm from the bottom "
            "(300 x 300 px), at 72 ppi on page 1",
            "pages": [1],
        }
    ]
    assert report["summary"]["failed"] == 1
    assert {c["status"] for c in report["checks"]} <= {"pass", "warn", "fail", "skip"}


def test_encrypted_file_opens_with_its_password(tmp_path: Path) -> None:
    path = write(tmp_path, wildgen.encrypted("sesame", "AES-128"))
    locked = run_zinekit("check", path)
    assert locked.code == 2
    assert "needs a password" in locked.stderr
    assert run_zinekit("check", path, "--password", "sesame").code == 3  # Helvetica


@pytest.mark.parametrize(
    ("setup", "words"),
    [
        (lambda folder: folder / "missing.pdf", "file not found"),
        (lambda folder: write(folder, b"\x89PNG\r\n\x1a\n"), "not a PDF file"),
        (lambda folder: write(folder, wildgen.truncated()), "damaged"),
        (lambda folder: write(folder, wildgen.no_pages()), "no pages"),
    ],
    ids=["missing", "png", "truncated", "no-pages"],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, setup, words: str) -> None:
    run = run_zinekit("check", setup(tmp_path))
    assert run.code == 2
    assert run.stdout == ""
    assert len(run.lines) == 1 and run.lines[0].startswith("zinekit: error: ")
    assert words in run.stderr


def test_unknown_layout_exits_2(tmp_path: Path) -> None:
    run = run_zinekit("check", write(tmp_path, text_pdf(2)), "--layout", "nosuch")
    assert run.code == 2
    assert "unknown layout 'nosuch'" in run.stderr


def test_help() -> None:
    run = run_zinekit("check", "--help")
    assert run.code == 0
    for option in ("--photocopy", "--json", "--layout", "--password"):
        assert option in run.stdout
