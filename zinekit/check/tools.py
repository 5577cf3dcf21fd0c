"""Running the optional outside tools (qpdf, Ghostscript) that deepen a check."""

from __future__ import annotations

import os
import shutil
import subprocess

from zinekit.i18n import say
from zinekit.pdf import limit_tool_memory, shown


def run_tool(
    args: list[str], *, stdin: bytes | None = None, timeout: float
) -> subprocess.CompletedProcess[bytes] | str:
    """The finished run, or why there is none (not installed, too slow, cannot start).

    The input file is passed by absolute path, so that a name starting with "-" is never
    taken for an option.
    """
    program = shutil.which(args[0])
    if program is None:
        return say("check.tools.not-installed", tool=args[0])
    # Capped: a decompression bomb makes the tool fail, which its check reports, instead of
    # taking the machine's memory.
    limit = limit_tool_memory if os.name == "posix" else None
    try:
        return subprocess.run(
            [program, *args[1:]],
            input=stdin,
            capture_output=True,
            timeout=timeout,
            check=False,
            preexec_fn=limit,
        )
    except subprocess.TimeoutExpired:
        return say("check.tools.too-slow", tool=args[0], seconds=f"{timeout:.0f}")
    except OSError as exc:
        return say("check.tools.cannot-start", tool=args[0], reason=exc.strerror or exc)


def text_lines(data: bytes) -> list[str]:
    """A tool's output as printable lines, whatever its encoding."""
    text = data.decode("utf-8", errors="replace")
    # A tool quotes the file's own bytes at times: escaped and shortened like pypdf's words.
    return [shown(line, 500) for line in text.splitlines() if line.strip()]
