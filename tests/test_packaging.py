"""A wheel built from the repository carries the data folders and works outside the checkout."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("zinekit-*.whl")
    return found


@pytest.mark.slow
def test_wheel_contains_every_builtin_layout_and_asset(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for layout in (ROOT / "layouts").glob("*"):
        assert f"zinekit/_data/layouts/{layout.name}" in names
    for asset in (ROOT / "assets").rglob("*"):
        if asset.is_file():
            assert f"zinekit/_data/assets/{asset.relative_to(ROOT / 'assets').as_posix()}" in names


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_lists_the_builtin_layouts(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "fresh venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True
    )
    # Run from an empty folder so nothing from the checkout can be picked up.
    result = subprocess.run(
        [str(env_dir / "bin" / "zinekit"), "layouts"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    )
    listed = [line for line in result.stdout.splitlines() if line and not line.startswith(" ")]
    for layout in ("booklet", "quarter-booklet", "minizine", "2up", "4up"):
        assert layout in listed
    located = subprocess.run(
        [str(python), "-c", "from zinekit.data import data_dir; print(data_dir('layouts'))"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    )
    assert str(env_dir) in located.stdout
