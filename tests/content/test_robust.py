"""Whatever a content file holds, loading it ends in a Publication or a ContentError: never
an internal error. Mutated starters stand in for the half-edited files people really build."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from zinekit.content.loader import load_publication
from zinekit.data import data_dir
from zinekit.errors import ContentError

ZINE = (data_dir("assets") / "starters" / "id" / "zine.yaml").read_text(encoding="utf-8")
VALUES = ["", "[]", "{}", "null", "12", "-3", "true", "x {}", "[a, [b]]", "{a: 1}", "'", "!!str"]


def mutations(seed: int) -> str:
    rng = random.Random(seed)
    lines = ZINE.splitlines()
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        action = rng.choice(["drop", "repeat", "indent", "dedent", "value", "key", "swap"])
        if action == "drop":
            del lines[i]
        elif action == "repeat":
            lines.insert(i, lines[i])
        elif action == "indent":
            lines[i] = "  " + lines[i]
        elif action == "dedent":
            lines[i] = lines[i][2:]
        elif action == "value" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {rng.choice(VALUES)}"
        elif action == "key" and ":" in lines[i]:
            key, rest = lines[i].split(":", 1)
            lines[i] = f"{key[:-1] or 'x'}:{rest}"
        elif action == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        if not lines:
            break
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(300))
def test_a_mutated_starter_loads_or_says_why(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "zine.yaml"
    path.write_text(mutations(seed), encoding="utf-8")
    try:
        load_publication(path)
    except ContentError as exc:
        for problem in exc.problems:
            text = str(problem)
            assert text.startswith(str(path)), text
            assert "\n" not in text and "{" + "key}" not in text
