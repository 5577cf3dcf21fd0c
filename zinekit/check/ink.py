"""Ghostscript's ink coverage -> the `ink` check (--photocopy): no page may need cyan,
magenta or yellow ink once separated into CMYK.

This sees what the operators and images cannot tell: shadings, patterns, transparency
blends, colours in JPEG 2000 data. Ghostscript separates RGB greys into all four inks,
so a page the `colour` check only warns about can fail here.
"""

from __future__ import annotations

import re
from pathlib import Path

from zinekit.check.report import Detail, Result, Status, pages_text, plural
from zinekit.check.tools import run_tool, text_lines
from zinekit.i18n import say

NAME = "ink"
_GS_SECONDS = 600
_COVERAGE = re.compile(r"^\s*([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s+CMYK\b")


def check_ink(path: Path, password: str | None, pages: int) -> Result:
    args = ["gs", "-q", "-dSAFER", "-o", "-", "-sDEVICE=inkcov"]
    if password is not None:
        args.append(f"-sPDFPassword={password}")
    run = run_tool([*args, str(path.resolve())], timeout=_GS_SECONDS)
    if isinstance(run, str):
        return Result(NAME, Status.SKIP, say("check.ink.skipped", reason=run))
    coverage = [
        tuple(float(v) for v in match.groups())
        for line in run.stdout.decode("ascii", errors="replace").splitlines()
        if (match := _COVERAGE.match(line))
    ]
    if run.returncode != 0 or len(coverage) != pages:
        said = text_lines(run.stderr) + text_lines(run.stdout)
        reason = said[0] if said else say("check.ink.exit-code", code=run.returncode)
        return Result(
            NAME,
            Status.WARN,
            say(
                "check.ink.partial",
                measured=len(coverage),
                pages=plural(pages, "page"),
                reason=reason,
            ),
        )
    coloured = [
        (number, c, m, y)
        for number, (c, m, y, _) in enumerate(coverage, start=1)
        if max(c, m, y) > 0
    ]
    if not coloured:
        return Result(NAME, Status.PASS, say("check.ink.clean"))
    details = tuple(
        Detail(
            say(
                "check.ink.detail",
                page=pages_text([n]),
                cyan=f"{c:.2%}",
                magenta=f"{m:.2%}",
                yellow=f"{y:.2%}",
            ),
            (n,),
        )
        for n, c, m, y in coloured
    )
    return Result(
        NAME,
        Status.FAIL,
        say("check.ink.fails", pages=plural(len(coloured), "page")),
        details,
    )
