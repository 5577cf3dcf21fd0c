"""Golden pairs of bad input files and the exact error lines they must produce.

A pair is NAME.<suffix> and NAME.expected.txt in one folder. To rewrite the expected lines
after a deliberate change of wording, run the tests with ZINEKIT_UPDATE_GOLDEN=1 and review
the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

UPDATING = bool(os.environ.get("ZINEKIT_UPDATE_GOLDEN"))


def expected_lines(path: Path, found: list[str]) -> list[str]:
    """The pair's expected lines (rewritten from `found` when updating)."""
    expected = path.with_suffix(".expected.txt")
    if UPDATING:
        expected.write_text("".join(line + "\n" for line in found), encoding="utf-8")
    return expected.read_text(encoding="utf-8").splitlines()


def check_pairs(folder: Path, suffix: str, required: set[str]) -> None:
    """Every required mistake has a bad file, every bad file its expected lines, and every
    expected file its bad file."""
    bad = sorted(folder.glob(f"*{suffix}"))
    assert {p.stem for p in bad} >= required, required - {p.stem for p in bad}
    for path in bad:
        assert path.with_suffix(".expected.txt").exists() or UPDATING, (
            f"{path.name} has no {path.stem}.expected.txt"
        )
    for expected in folder.glob("*.expected.txt"):
        assert expected.with_name(expected.name.replace(".expected.txt", suffix)).exists()
