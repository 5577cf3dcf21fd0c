from pathlib import Path

import pytest

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
