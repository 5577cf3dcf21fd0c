"""Seeded fuzzing of content files: the samples, YAML and Markdown, with lines dropped,
repeated, re-indented or swapped and with hostile characters pasted in, built through the
command line. Whatever the damage, zinekit builds (exit 0) or refuses (exit 2) with at most
21 lines that each name the file, never an internal error or a traceback, and a refused
build leaves no file behind."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from tests.runner import run_zinekit

SEED = 20261202

FILES = [
    "tak-apa-apa.yaml",
    "tak-apa-apa.md",
    "perjanjian-pertemuan.yaml",
    "perjanjian-pertemuan.md",
    "daftar-bacaan.yaml",
    "daftar-bacaan.md",
    "check-in.yaml",
    "listening-space.yaml",
]
PER_FILE = 20  # mutants of each file: half line-level, half character-level
# What people paste by accident, and what a hostile file would hold.
PASTED = [
    "\x00",
    "\t",
    "\ufeff",
    "\u202e",
    "\u200b",
    "😀",
    "ا",
    "*",
    "&a",
    "*a",
    "!!python/object ",
    "{",
    "}",
    "[",
    "]",
    ": ",
    "- ",
    "|",
    ">",
    ":::",
    "---",
    "```",
    "<!--",
    "](",
    "\\",
    "%",
    "@",
    "`",
    "'",
    '"',
    "\r",
    "\n\n",
    "    ",
    "#",
    "~~~",
    "[ ]",
    "| a | b |",
]


def _lines(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    for _ in range(rng.randint(1, 3)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        action = rng.choice(["drop", "repeat", "indent", "dedent", "swap", "cut"])
        if action == "drop":
            del lines[i]
        elif action == "repeat":
            lines.insert(i, lines[i])
        elif action == "indent":
            lines[i] = "  " + lines[i]
        elif action == "dedent":
            lines[i] = lines[i][1:]
        elif action == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif action == "cut":
            lines = lines[:i]
    return "\n".join(lines) + "\n"


def _characters(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(PASTED) + text[at:]
    return text


def _mutants() -> list[tuple[str, str, str]]:
    rng = random.Random(SEED)
    found = []
    for name in FILES:
        text = (Path(__file__).parents[2] / "samples" / name).read_text(encoding="utf-8")
        for n in range(PER_FILE):
            mutate = _lines if n % 2 == 0 else _characters
            found.append((f"{name}-{n}", name, mutate(text, rng)))
    return found


MUTANTS = _mutants()


@pytest.mark.parametrize(
    ("name", "text"), [(m[1], m[2]) for m in MUTANTS], ids=[m[0] for m in MUTANTS]
)
def test_a_mutated_sample_builds_or_says_why(tmp_path: Path, name: str, text: str) -> None:
    shutil.copytree(Path(__file__).parents[2] / "samples" / "images", tmp_path / "images")
    source = tmp_path / name
    source.write_text(text, encoding="utf-8", newline="")
    run = run_zinekit("build", source, "-o", tmp_path / "out.pdf")
    assert run.code in (0, 2), run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
    if run.code == 2:
        errors = [line for line in run.lines if line.startswith("zinekit: error: ")]
        assert errors and len(errors) <= 21, run.stderr
        assert all(line.startswith("zinekit: error: ") for line in run.lines), run.stderr
        named = [line for line in errors[:20] if str(source) in line or name in line]
        assert named, run.stderr
        left = sorted(p.name for p in tmp_path.iterdir())
        assert left == sorted(["images", name]), left
    else:
        assert (tmp_path / "out.pdf").is_file()
