"""Run the zinekit command line in the test process, as `zinekit ARGS...` would."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

from zinekit.cli import main


@dataclass
class Run:
    """What one zinekit command did: exit code and printed text."""

    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        """stderr's non-empty lines."""
        return [line for line in self.stderr.splitlines() if line.strip()]


def run_zinekit(*args: str | Path) -> Run:
    """Run the zinekit command line in this process, as `zinekit ARGS...` would."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return Run(code, out.getvalue(), err.getvalue())


def impose(source: Path, out: Path, *options: str) -> str:
    """`zinekit impose SOURCE -o OUT OPTIONS...`, which must succeed; returns its stderr."""
    run = run_zinekit("impose", source, "-o", out, *options)
    assert run.code == 0, f"zinekit exited {run.code}: {run.stderr}"
    return run.stderr
