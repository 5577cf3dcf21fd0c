"""Seeded fuzzing: the sample PDFs with bytes flipped, cut short, or a dictionary value
swapped for another's, imposed and checked in-process. Whatever the damage, zinekit exits
0, 2 or 3 (never 1, an internal error), prints at most one error line and no traceback."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import wildgen
from tests.runner import run_zinekit

SEED = 20240613
PER_SAMPLE = 16  # mutants of each kind per sample
SAMPLES: dict[str, Callable[[], bytes]] = {
    "text": lambda: wildgen.text_pdf(3),
    "annotated": wildgen.annotated,
    "fonts-and-image": lambda: wildgen.fonts_and_image(2),
    "object-streams": lambda: wildgen.object_streams(3),
    "inherited-rotation": wildgen.inherited_rotation,
}
# A key and its value in a dictionary: a number, a name, a reference, a short array/string.
_ENTRY = re.compile(
    rb"(/[A-Za-z]+)\s+(\d+ \d+ R|-?[\d.]+|/[A-Za-z]+|\[[^\[\]]{0,60}\]|\([^()]{0,40}\))"
)
# What a swapped-in value may also be: the values hostile files use.
_ODD = [b"(ninety)", b"45", b"-1", b"1e400", b"[ ]", b"<< >>", b"null", b"999 0 R", b"/X" * 40]


def flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def cut(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) // 4, len(data))]


def swap(data: bytes, rng: random.Random) -> bytes:
    """One entry's value replaced by another entry's (or an odd value), the lengths kept
    apart: the xref offsets go stale, which is damage too."""
    entries = list(_ENTRY.finditer(data))
    if len(entries) < 2:
        return flip(data, rng)
    target = rng.choice(entries)
    value = rng.choice(_ODD) if rng.random() < 0.4 else rng.choice(entries).group(2)
    start, end = target.span(2)
    return data[:start] + value + data[end:]


MUTATIONS = {"flip": flip, "cut": cut, "swap": swap}


def _mutants() -> list[tuple[str, bytes]]:
    rng = random.Random(SEED)
    found = []
    for name, build in SAMPLES.items():
        data = build()
        for kind, mutate in MUTATIONS.items():
            for n in range(PER_SAMPLE):
                found.append((f"{name}-{kind}-{n}", mutate(data, rng)))
    return found


MUTANTS = _mutants()


@pytest.mark.parametrize("mutant", [m for _, m in MUTANTS], ids=[i for i, _ in MUTANTS])
def test_mutated_pdf_never_breaks_zinekit(tmp_path: Path, mutant: bytes) -> None:
    source = tmp_path / "in.pdf"
    source.write_bytes(mutant)
    for args in (("impose", source, "-o", tmp_path / "out.pdf"), ("check", source)):
        run = run_zinekit(*args)
        said = run.stdout + run.stderr
        assert run.code in (0, 2, 3), f"{args[0]} exited {run.code}: {run.stderr}"
        assert "Traceback" not in said and "internal error" not in said
        errors = [line for line in run.lines if line.startswith("zinekit: error:")]
        assert len(errors) <= 1, run.stderr
        if run.code == 2:
            assert len(errors) == 1 and len(run.lines) == 1, run.stderr
