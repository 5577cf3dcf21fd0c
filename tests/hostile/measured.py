"""Run zinekit in a child process of its own and measure it: exit code, output, the peak
memory of that child and everything it ran (qpdf, Ghostscript), and a time limit.

A fresh process per run, so the peak is this run's own; the budget is what the hostile-input
tests promise: under 1 GB and 30 s whatever the input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PEAK_MB = 1024
SECONDS = 30
_MEASURE = """
import json, resource, subprocess, sys
run = subprocess.run([sys.executable, "-m", "zinekit", *sys.argv[1:]], capture_output=True,
                     text=True, stdin=subprocess.DEVNULL)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(json.dumps({"code": run.returncode, "stdout": run.stdout, "stderr": run.stderr,
                  "peak_mb": peak}))
"""


@dataclass(frozen=True)
class Child:
    code: int
    stdout: str
    stderr: str
    peak_mb: int

    @property
    def lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def run_child(folder: Path, *args: str) -> Child:
    """`zinekit ARGS` run in `folder`; fails the test when it runs over SECONDS."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, *args],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=SECONDS,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"zinekit {' '.join(args)} ran over {SECONDS} s")
    return Child(**json.loads(done.stdout))
