"""`zinekit build --watch`: build, then build again after every save, one line per build."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from zinekit.cli.studio import require_studio
from zinekit.errors import ContentError, ZinekitError
from zinekit.i18n import say
from zinekit.pipeline import reading_path

IGNORED = (".pdf", ".part", ".png", ".swp", ".swx", "~")  # outputs and editors' scratch files


def watch_build(content: Path, output: Path | None, build_once: Callable[[], None]) -> None:
    """Run `build_once` now and after each change in the content file's folder (not the
    outputs); each run prints one line, or its errors. Ctrl-C ends it (exit 130)."""
    require_studio("zinekit build --watch", ("watchfiles",))
    from watchfiles import DefaultFilter, watch

    target = output if output is not None else content.with_suffix(".pdf")
    reading = reading_path(target)

    class Inputs(DefaultFilter):
        def __call__(self, change: object, path: str) -> bool:
            name = Path(path)
            if name.name.startswith(".") or name.name.endswith(IGNORED):
                return False
            if any(part.endswith(".preview") for part in name.parts):
                return False
            return bool(super().__call__(change, path))  # type: ignore[arg-type]

    def once() -> None:
        began = time.perf_counter()
        clock = time.strftime("%H:%M:%S")
        try:
            build_once()
        except ContentError as exc:
            for problem in exc.problems:
                print(say("common.line.error", message=problem), file=sys.stderr, flush=True)
            return
        except ZinekitError as exc:
            print(say("common.line.error", message=exc), file=sys.stderr, flush=True)
            return
        seconds = f"{time.perf_counter() - began:.1f}"
        line = say("cli.watch.built", clock=clock, target=target, reading=reading, seconds=seconds)
        print(line, file=sys.stderr, flush=True)

    once()
    print(say("cli.watch.watching", folder=content.parent), file=sys.stderr, flush=True)
    folder = content.parent if str(content.parent) else Path(".")
    for _ in watch(folder, watch_filter=Inputs(), debounce=50, step=20, raise_interrupt=True):
        once()
