"""Finding pandoc (from the `import` extra, pypandoc-binary) and running it sandboxed."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from zinekit.errors import InputError, ZinekitError
from zinekit.i18n import say

MINIMUM = (3, 0)  # the syntax tree with Figure blocks (pandoc-api 1.23); --sandbox since 2.15


class MissingExtra(ZinekitError):
    """The converter behind `zinekit import` (the `import` extra) is not installed."""


def find_pandoc() -> str:
    """The path of a pandoc new enough, or a MissingExtra saying how to install one."""
    try:
        import pypandoc
    except ImportError:
        raise MissingExtra(
            say("importer.extra.missing"), hint=say("importer.extra.missing-hint")
        ) from None
    try:
        path = str(pypandoc.get_pandoc_path())
        version = str(pypandoc.get_pandoc_version())
    except OSError:
        raise MissingExtra(
            say("importer.extra.not-found"), hint=say("importer.extra.not-found-hint")
        ) from None
    if tuple(int(p) for p in re.findall(r"\d+", version)[:2]) < MINIMUM:
        raise MissingExtra(
            say("importer.extra.too-old", version=version),
            hint=say("importer.extra.missing-hint"),
        )
    return path


def run_pandoc(
    pandoc: str, args: list[str], *, source: Path | None = None, data: bytes | None = None
) -> bytes:
    """pandoc's output for `source` (or `data` on stdin), in its sandbox: it reads nothing but
    its input and writes nothing but its output (no images, no network, no filters)."""
    command = [pandoc, "--sandbox", *args]
    if source is not None:
        command += ["--", str(source.resolve())]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=300, check=False)
    except subprocess.TimeoutExpired:
        raise InputError(say("importer.pandoc.too-long"), where=source) from None
    if done.returncode != 0:
        detail = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["?"])[0]
        raise InputError(
            say("importer.pandoc.cannot-read", detail=detail[:200]),
            where=source,
            hint=say("importer.pandoc.cannot-read-hint"),
        )
    return done.stdout
