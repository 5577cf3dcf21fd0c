"""Every bad input through the command line: one clear line, exit code 2, nothing written.

For each case the folder is photographed before and after the run: a failed run adds no
file (no output, no hidden `.part`), and an older good output at the target path stays
byte for byte as it was. Internal errors exit 1 and point at --traceback.
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

import zinekit
from tests import wildgen
from tests.runner import Run, run_zinekit

OLD_OUTPUT = wildgen.text_pdf(2, "Older good output")
BUILTIN_LAYOUTS = ("2up", "4up", "booklet", "minizine", "quarter-booklet")


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under `folder`: name -> bytes (None for a folder)."""
    return {
        p.relative_to(folder).as_posix(): None if p.is_dir() else p.read_bytes()
        for p in sorted(folder.rglob("*"))
    }


def good_input(folder: Path, pages: int = 3, name: str = "in.pdf") -> Path:
    path = folder / name
    path.write_bytes(wildgen.text_pdf(pages))
    return path


@dataclass(frozen=True)
class Bad:
    """One bad run: `setup` makes the files and returns the arguments after `zinekit`."""

    id: str
    setup: Callable[[Path], list[str]]
    words: tuple[str, ...]  # must all appear in the error line
    target: str | None = "out.pdf"  # where an older good output can sit; None: nowhere


def _input_file(name: str, data: bytes, *extra: str) -> Callable[[Path], list[str]]:
    def setup(folder: Path) -> list[str]:
        (folder / name).write_bytes(data)
        return ["impose", name, "-o", "out.pdf", *extra]

    return setup


def _options(*extra: str, pages: int = 3) -> Callable[[Path], list[str]]:
    def setup(folder: Path) -> list[str]:
        good_input(folder, pages)
        return ["impose", "in.pdf", "-o", "out.pdf", *extra]

    return setup


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def _folder_input(folder: Path) -> list[str]:
    (folder / "scans.pdf").mkdir()
    return ["impose", "scans.pdf", "-o", "out.pdf"]


def _layout_file(text: str) -> Callable[[Path], list[str]]:
    def setup(folder: Path) -> list[str]:
        good_input(folder)
        (folder / "mine.toml").write_text(text)
        return ["impose", "in.pdf", "--layout", "mine.toml", "-o", "out.pdf"]

    return setup


def _output(spelling: Callable[[Path], str]) -> Callable[[Path], list[str]]:
    def setup(folder: Path) -> list[str]:
        good_input(folder)
        (folder / "sub").mkdir()
        return ["impose", "in.pdf", "-o", spelling(folder)]

    return setup


def _symlink(folder: Path) -> str:
    (folder / "link.pdf").symlink_to("in.pdf")
    return "link.pdf"


def _hardlink(folder: Path) -> str:
    os.link(folder / "in.pdf", folder / "hard.pdf")
    return "hard.pdf"


def _output_is_folder(folder: Path) -> list[str]:
    good_input(folder)
    (folder / "out.pdf").mkdir()
    return ["impose", "in.pdf", "-o", "out.pdf"]


def _minizine_default_target(folder: Path) -> list[str]:
    good_input(folder, pages=9)
    return ["impose", "in.pdf", "--layout", "minizine"]


CASES = [
    Bad(
        "missing-file",
        lambda f: ["impose", "missing.pdf", "-o", "out.pdf"],
        ("missing.pdf", "not found"),
    ),
    Bad("input-is-a-folder", _folder_input, ("scans.pdf", "folder")),
    Bad("empty-file", _input_file("in.pdf", b""), ("in.pdf", "empty")),
    Bad("png", _input_file("photo.pdf", _png()), ("photo.pdf", "not a PDF", "PNG")),
    Bad(
        "text-file",
        _input_file("notes.pdf", b"Shopping list\n- paper\n- staples\n"),
        ("not a PDF",),
    ),
    Bad(
        "html",
        _input_file("page.pdf", b"<!DOCTYPE html>\n<html><body>Download</body></html>\n"),
        ("not a PDF", "HTML"),
    ),
    Bad(
        "garbage-after-header",
        _input_file("in.pdf", b"%PDF-1.7\n" + random.Random(7).randbytes(4000)),
        ("in.pdf", "damaged"),
    ),
    Bad("truncated", _input_file("in.pdf", wildgen.truncated()), ("in.pdf", "damaged")),
    Bad(
        "bad-ascii85-content", _input_file("in.pdf", wildgen.bad_ascii85()), ("damaged", "ascii85")
    ),
    Bad(
        "unknown-object-stream-filter",
        _input_file("in.pdf", wildgen.unknown_object_stream_filter()),
        ("damaged", "FlateDecodX"),
    ),
    Bad("self-referring-contents", _input_file("in.pdf", wildgen.self_reference()), ("damaged",)),
    Bad("page-without-area", _input_file("in.pdf", wildgen.zero_area()), ("page 1", "no area")),
    Bad(
        "encrypted-without-password",
        _input_file("in.pdf", wildgen.encrypted("sesame", "AES-256")),
        ("in.pdf", "encrypted", "--password"),
    ),
    Bad(
        "encrypted-wrong-password",
        _input_file("in.pdf", wildgen.encrypted("sesame", "AES-256"), "--password", "open"),
        ("in.pdf", "password does not open"),
    ),
    Bad("zero-pages", _input_file("in.pdf", wildgen.no_pages()), ("in.pdf", "no pages")),
    Bad(
        "unknown-layout",
        _options("--layout", "zine"),
        ("unknown layout", "'zine'", *BUILTIN_LAYOUTS),
    ),
    Bad(
        "malformed-layout-file",
        _layout_file('description = "Mine"\nkind = [\n'),
        ("mine.toml:", "not valid TOML"),
    ),
    Bad(
        "invalid-layout-file",
        _layout_file(
            'description = "Mine"\nkind = "spiral"\norientation = "portrait"\n'
            'columns = 2\nrows = 2\nfold = "Bind."\n'
        ),
        ("mine.toml:2:8:", "kind", "spiral"),
    ),
    Bad("missing-layout-file", _options("--layout", "mine.toml"), ("mine.toml", "not found")),
    Bad("unknown-sheet", _options("--sheet", "B9"), ("unknown sheet size", "'B9'", "A4", "F4")),
    Bad("zero-sheet", _options("--sheet", "0x0mm"), ("unknown sheet size", "'0x0mm'")),
    Bad("sheet-without-unit", _options("--sheet", "210x297"), ("unknown sheet size",)),
    Bad("output-is-input", _output(lambda f: "in.pdf"), ("in.pdf", "overwrite the input"), None),
    Bad("output-is-./input", _output(lambda f: "./in.pdf"), ("overwrite the input",), None),
    Bad(
        "output-is-sub/../input", _output(lambda f: "sub/../in.pdf"), ("overwrite the input",), None
    ),
    Bad(
        "output-is-absolute-input",
        _output(lambda f: str(f / "in.pdf")),
        ("overwrite the input",),
        None,
    ),
    Bad("output-is-symlink-to-input", _output(_symlink), ("overwrite the input",), None),
    Bad("output-is-hard-link-to-input", _output(_hardlink), ("overwrite the input",), None),
    Bad(
        "output-folder-missing",
        _output(lambda f: "nowhere/out.pdf"),
        ("nowhere", "does not exist"),
        None,
    ),
    Bad("output-is-a-folder", _output_is_folder, ("out.pdf", "folder"), None),
    Bad("output-not-pdf", _output(lambda f: "out.txt"), ("out.txt", ".pdf"), "out.txt"),
    Bad(
        "minizine-with-9-pages",
        _minizine_default_target,
        ("minizine", "8 pages", "9", "booklet"),
        "in-minizine.pdf",
    ),
    Bad("duplex-foo", _options("--duplex", "foo"), ("--duplex", "foo")),
    Bad("signature-sheets-0", _options("--signature-sheets", "0"), ("--signature-sheets",)),
    Bad("signature-sheets-abc", _options("--signature-sheets", "abc"), ("--signature-sheets",)),
    Bad(
        "signature-sheets-on-2up",
        _options("--layout", "2up", "--signature-sheets", "2"),
        ("--signature-sheets", "booklet"),
    ),
    Bad("pad-at-nowhere", _options("--pad-at", "nowhere"), ("--pad-at", "nowhere")),
    Bad("unknown-option", _options("--colour", "red"), ("--colour",)),
    Bad("no-input", lambda f: ["impose", "-o", "out.pdf"], ("Missing argument",)),
    Bad("unknown-command", lambda f: ["imposer", "in.pdf"], ("imposer",)),
]


def check_one_line_error(run: Run, words: tuple[str, ...]) -> str:
    assert run.code == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert len(run.lines) == 1, run.stderr
    (line,) = run.lines
    assert line.startswith("zinekit: error: ")
    assert line.isprintable()
    for word in words:
        assert word.lower() in line.lower(), f"{word!r} not in {line!r}"
    return line


@pytest.mark.parametrize(
    ("case", "old_output"),
    [
        pytest.param(case, old, id=f"{case.id}-{'old-output' if old else 'fresh'}")
        for case in CASES
        for old in ((False, True) if case.target else (False,))
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: Bad, old_output: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    args = case.setup(tmp_path)
    if old_output:
        (tmp_path / case.target).write_bytes(OLD_OUTPUT)
    before = snapshot(tmp_path)

    run = run_zinekit(*args)

    check_one_line_error(run, case.words)
    assert run.stdout == ""
    assert snapshot(tmp_path) == before  # nothing added, nothing changed, no .part left


def test_an_output_folder_that_is_not_writable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    good_input(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "out.pdf").write_bytes(OLD_OUTPUT)
    locked.chmod(0o555)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: a read-only folder is still writable")
        before = snapshot(tmp_path)
        run = run_zinekit("impose", "in.pdf", "-o", "locked/out.pdf")
        check_one_line_error(run, ("locked", "not writable"))
        assert snapshot(tmp_path) == before
    finally:
        locked.chmod(0o755)


def test_an_output_folder_that_is_not_writable_as_reported_by_the_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same check where chmod cannot show it (as root): the system says no."""
    monkeypatch.chdir(tmp_path)
    good_input(tmp_path)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "out.pdf").write_bytes(OLD_OUTPUT)
    real_access = os.access

    def access(path, mode, **kwargs) -> bool:
        if Path(path).resolve() == (tmp_path / "locked").resolve() and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    before = snapshot(tmp_path)
    run = run_zinekit("impose", "in.pdf", "-o", "locked/out.pdf")
    check_one_line_error(run, ("locked", "not writable"))
    assert snapshot(tmp_path) == before


def test_manual_duplex_writes_both_files_or_neither(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Page 2 is damaged, so the backs fail after the fronts were written: neither old file
    is replaced and no temporary file is left."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.pdf").write_bytes(wildgen.bad_ascii85(2))
    (tmp_path / "out-fronts.pdf").write_bytes(OLD_OUTPUT)
    (tmp_path / "out-backs.pdf").write_bytes(OLD_OUTPUT + b"%backs")
    before = snapshot(tmp_path)

    run = run_zinekit("impose", "in.pdf", "--layout", "2up", "--duplex", "manual", "-o", "out.pdf")

    check_one_line_error(run, ("in.pdf", "damaged"))
    assert snapshot(tmp_path) == before


# -- internal errors ----------------------------------------------------------------------


def _break_writing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make writing fail as a bug would, after the temporary output file was opened."""

    def broken(*args, **kwargs):
        args[3].write(b"%PDF-1.7 half a file")
        raise RuntimeError("the cell grid went negative")

    monkeypatch.setattr("zinekit.cli.imposing.write_sides", broken)


def test_an_internal_error_exits_1_and_points_at_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    good_input(tmp_path)
    (tmp_path / "out.pdf").write_bytes(OLD_OUTPUT)
    _break_writing(monkeypatch)
    before = snapshot(tmp_path)

    run = run_zinekit("impose", "in.pdf", "-o", "out.pdf")

    assert run.code == 1
    assert "Traceback" not in run.stderr
    (line,) = run.lines
    assert line.startswith("zinekit: internal error: ")
    assert "RuntimeError" in line and "the cell grid went negative" in line
    assert "--traceback" in line
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("where", ["before-command", "at-the-end"])
def test_traceback_prints_the_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """--traceback works before the command and, as the message invites, added at the end."""
    monkeypatch.chdir(tmp_path)
    good_input(tmp_path)
    _break_writing(monkeypatch)
    args = ["impose", "in.pdf", "-o", "out.pdf"]
    args = ["--traceback", *args] if where == "before-command" else [*args, "--traceback"]

    run = run_zinekit(*args)

    assert run.code == 1
    assert "Traceback (most recent call last)" in run.stderr
    assert "RuntimeError: the cell grid went negative" in run.stderr
    assert run.lines[-1].startswith("zinekit: internal error: ")
    assert not (tmp_path / "out.pdf").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["in.pdf"]


def test_a_file_named_traceback_after_double_dash_is_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_zinekit("impose", "-o", "out.pdf", "--", "--traceback")
    check_one_line_error(run, ("--traceback", "not found"))


def test_version() -> None:
    run = run_zinekit("--version")
    assert run.code == 0
    assert run.stdout.strip() == f"zinekit {zinekit.__version__}"


def test_the_console_script_reports_bad_input_the_same_way(tmp_path: Path) -> None:
    """One case in a real process: exit status and stderr as a shell sees them."""
    script = Path(sys.executable).with_name("zinekit")
    if not script.exists():
        pytest.skip(f"no zinekit console script beside {script.parent}")
    (tmp_path / "photo.pdf").write_bytes(_png())
    result = subprocess.run(
        [str(script), "impose", "photo.pdf", "-o", "out.pdf"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "zinekit: error: photo.pdf: not a PDF file (it looks like a PNG image)"
        " (hint: export or print it to PDF first)"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["photo.pdf"]
    version = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert version.returncode == 0
    assert version.stdout == f"zinekit {zinekit.__version__}\n"
