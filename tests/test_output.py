import io
import os
from pathlib import Path

import pytest

from tests.fulldisk import FullDisk
from tests.pdfgen import numbered_pdf
from tests.runner import run_zinekit
from zinekit.errors import OutputError
from zinekit.output import atomic_outputs, check_target, write_atomically


def test_a_failed_write_leaves_the_older_output_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"good older output")

    def half_then_fail(f) -> None:
        f.write(b"half a PDF")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomically(target, half_then_fail)
    assert target.read_bytes() == b"good older output"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_two_outputs_appear_together_or_not_at_all(tmp_path: Path) -> None:
    targets = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    with pytest.raises(RuntimeError), atomic_outputs(targets) as (a, _):
        a.write(b"fronts")
        raise RuntimeError("failed while writing the backs")
    assert list(tmp_path.iterdir()) == []
    with atomic_outputs(targets) as (a, b):
        a.write(b"fronts")
        b.write(b"backs")
    assert [t.read_bytes() for t in targets] == [b"fronts", b"backs"]


def test_the_target_is_never_the_input(tmp_path: Path) -> None:
    source = tmp_path / "zine.pdf"
    source.write_bytes(b"%PDF-1.4")
    with pytest.raises(OutputError, match="overwrite the input"):
        check_target(tmp_path / "." / "zine.pdf", inputs=(source,))
    with pytest.raises(OutputError, match="does not exist"):
        check_target(tmp_path / "missing" / "out.pdf", inputs=(source,))
    with pytest.raises(OutputError, match="is a folder"):
        check_target(tmp_path, inputs=(source,))


def test_ctrl_c_while_writing_leaves_the_older_output_and_no_temporary_file(
    tmp_path: Path,
) -> None:
    # KeyboardInterrupt is not an Exception: a handler for Exception alone would leave the
    # half-written temporary file behind.
    target = tmp_path / "out.pdf"
    target.write_bytes(b"good older output")

    def half_then_ctrl_c(f) -> None:
        f.write(b"half a PDF")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, half_then_ctrl_c)
    assert target.read_bytes() == b"good older output"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_ctrl_c_with_two_outputs_touches_neither(tmp_path: Path) -> None:
    targets = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    targets[1].write_bytes(b"older backs")
    with pytest.raises(KeyboardInterrupt), atomic_outputs(targets) as (a, b):
        a.write(b"fronts")
        b.write(b"half the backs")
        raise KeyboardInterrupt
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.pdf"]
    assert targets[1].read_bytes() == b"older backs"


def test_ctrl_c_during_impose_exits_130_and_keeps_the_older_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    numbered_pdf(tmp_path / "in.pdf", 8)
    (tmp_path / "out.pdf").write_bytes(b"good older output")

    def interrupted(*args, **kwargs):
        args[3].write(b"%PDF-1.7 half a file")  # the temporary output, opened
        raise KeyboardInterrupt

    monkeypatch.setattr("zinekit.cli.imposing.write_sides", interrupted)
    run = run_zinekit("impose", tmp_path / "in.pdf", "-o", tmp_path / "out.pdf")
    assert run.code == 130
    assert run.lines == ["zinekit: interrupted"]
    assert (tmp_path / "out.pdf").read_bytes() == b"good older output"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.pdf", "out.pdf"]


def _fill_disk(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The disk is full for the temporary file of the output called `name` only."""
    real = os.fdopen

    def fdopen(fd: int, *args: object, **kwargs: object) -> object:
        if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).startswith(f".{name}."):
            return io.BufferedWriter(FullDisk(fd))
        return real(fd, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "fdopen", fdopen)


@pytest.mark.parametrize("full", ["a.pdf", "b.pdf"])
@pytest.mark.parametrize("small", [True, False], ids=["buffered", "unbuffered"])
def test_a_full_disk_names_the_output_it_failed_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full: str, small: bool
) -> None:
    """A small write fails when the buffer is flushed at the end, a large one at once:
    either way the error names the file that could not be written, not the last opened."""
    _fill_disk(monkeypatch, full)
    data = b"x" * (10 if small else 100_000)
    targets = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    with pytest.raises(OutputError) as error, atomic_outputs(targets) as files:
        for f in files:
            f.write(data)
    assert str(error.value).startswith(f"{tmp_path / full}: cannot write the output: the disk")
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_on_build_names_the_imposed_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "zine.yaml"
    content.write_text("title: Test\nblocks:\n  - text: hello\n", encoding="utf-8")
    _fill_disk(monkeypatch, "out.pdf")
    run = run_zinekit("build", content, "-o", tmp_path / "out.pdf")
    assert run.code == 2
    assert run.lines == [
        f"zinekit: error: {tmp_path / 'out.pdf'}: cannot write the output: the disk is full"
        " (hint: free some space, or write somewhere else with -o)"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zine.yaml"]
