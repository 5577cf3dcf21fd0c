"""Shell completion: `zinekit --install-completion` is offered, and the completion protocol
(what the installed script asks) answers with commands and options, without importing every
command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _complete(words: str) -> list[str]:
    env = {
        **os.environ,
        "_ZINEKIT_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),  # a trailing space starts a new word
    }
    done = subprocess.run(
        [sys.executable, "-c", "from zinekit.cli import main; main()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("zinekit bu", ["build"]),
        ("zinekit i", ["impose", "import"]),
        ("zinekit build --la", ["--layout"]),
        ("zinekit impose --dup", ["--duplex"]),
        ("zinekit impose --duplex ", ["long", "short", "manual"]),
    ],
)
def test_completion_answers(words: str, expected: list[str]) -> None:
    assert _complete(words) == expected


def test_completion_is_offered() -> None:
    from tests.runner import run_zinekit

    text = run_zinekit("--help").stdout
    assert "--install-completion" in text and "--show-completion" in text
