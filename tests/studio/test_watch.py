"""`zinekit build --watch`: a build per save, one line each, errors as build prints them,
and Ctrl-C ends it with 130."""

from __future__ import annotations

import io
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

pytest.importorskip("watchfiles", reason="the studio extra is not installed")

ZINE = """\
title: Catatan Malam
lang: id
layout: minizine
blocks:
  - heading: Pelan-pelan saja
  - text: Tidak apa-apa beristirahat.
"""


def lines_of(process: subprocess.Popen[str]) -> queue.Queue[str]:
    found: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            found.put(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    return found


def next_line(found: queue.Queue[str], start: str, timeout: float = 60) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            line = found.get(timeout=0.5)
        except queue.Empty:
            continue
        if line.startswith(start):
            return line
    raise AssertionError(f"no line starting {start!r}")


def test_watch_builds_on_every_save_until_ctrl_c(tmp_path: Path) -> None:
    content = tmp_path / "malam.yaml"
    content.write_text(ZINE, encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-m", "zinekit", "build", "--watch", str(content)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    ) as process:
        try:
            watched(process, content, tmp_path)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()


def watched(process: subprocess.Popen[str], content: Path, tmp_path: Path) -> None:
    """Three saves: two good ones, then a mistake; then Ctrl-C."""
    found = lines_of(process)
    first = next_line(found, "zinekit: ")
    assert first.endswith(" s") and f"wrote {tmp_path / 'malam.pdf'} and " in first
    next_line(found, "zinekit: watching")
    # The line comes just before watchfiles starts watching: give it a moment to begin.
    time.sleep(0.5)
    reading = tmp_path / "malam.reading.pdf"
    assert "Pelan-pelan" in PdfReader(reading).pages[0].extract_text()

    content.write_text(ZINE.replace("Pelan-pelan saja", "Tarik napas"), encoding="utf-8")
    second = next_line(found, "zinekit: ")
    assert "wrote" in second
    assert "Tarik napas" in PdfReader(io.BytesIO(reading.read_bytes())).pages[0].extract_text()

    content.write_text(ZINE.replace("  - text:", "  - teks:"), encoding="utf-8")
    error = next_line(found, "zinekit: ")
    assert error.startswith(f"zinekit: error: {content}:6:5: unknown block 'teks'")
    # A failed build leaves the good older output alone.
    assert "Tarik napas" in PdfReader(reading).pages[0].extract_text()

    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 130
