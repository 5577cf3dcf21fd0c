"""The file itself -> the `structure` check (what pypdf had to repair) and the `qpdf` check
(`qpdf --check`, when qpdf is installed)."""

from __future__ import annotations

from pathlib import Path

from zinekit.check.report import Detail, Result, Status, plural
from zinekit.check.tools import run_tool, text_lines
from zinekit.i18n import say
from zinekit.pdf import shown

STRUCTURE, QPDF = "structure", "qpdf"
_QPDF_SECONDS = 300
# qpdf's closing lines repeat what its exit code says.
_QPDF_VERDICTS = ("qpdf: operation succeeded with warnings", "qpdf: errors detected")


def check_structure(repairs: list[str]) -> Result:
    """`repairs`: what pypdf worked around while opening and reading the file."""
    found = list(dict.fromkeys(shown(r, 200) for r in repairs if r.strip()))
    if not found:
        return Result(STRUCTURE, Status.PASS, say("check.structure.clean"))
    return Result(
        STRUCTURE,
        Status.WARN,
        say("check.structure.damaged", problems=plural(len(found), "problem")),
        tuple(Detail(text) for text in found),
    )


def check_qpdf(path: Path, password: str | None) -> Result:
    target = str(path.resolve())
    args = ["qpdf", "--check", target]
    if password is not None:
        # From standard input: a password on the command line shows in the process list.
        args.insert(1, "--password-file=-")
    run = run_tool(args, stdin=(password or "").encode(), timeout=_QPDF_SECONDS)
    if isinstance(run, str):
        return Result(QPDF, Status.SKIP, say("check.report.skipped", reason=run))
    lines = [
        line.replace(f"{target}: ", "").replace(f"{target} ", "")
        for line in text_lines(run.stderr) + text_lines(run.stdout)
        if line.startswith(("WARNING:", "ERROR:", "qpdf:")) and line not in _QPDF_VERDICTS
    ]
    details = tuple(Detail(line) for line in dict.fromkeys(lines))
    if run.returncode == 0:
        return Result(QPDF, Status.PASS, say("check.structure.qpdf-clean"))
    if run.returncode == 3:
        return Result(QPDF, Status.WARN, say("check.structure.qpdf-warnings"), details)
    return Result(QPDF, Status.FAIL, say("check.structure.qpdf-errors"), details)
