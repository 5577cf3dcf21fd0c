"""Builds in a worker thread for the studio and `build --watch`: requests are debounced,
each gets a generation number, and only the newest one's result is kept.

An edit that arrives while a build runs makes that build stale: it stops at the next step
(after reading the file, after typesetting), its result is dropped, and the newest request
is built next. Typesetting is in this process so that fonts and libraries stay loaded: a
warm rebuild of a 16-page zine is a few tenths of a second.

Each request carries the language its errors are worded in (the studio page's language
picker): the build runs inside `i18n.speaking(lang)`, in the builder's thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from zinekit import i18n
from zinekit.errors import ZinekitError
from zinekit.pipeline import BuildOptions, BuildOutput, Cancelled, Typeset, build, problems_of

DEBOUNCE = 0.01  # seconds without a newer request before a build starts (watchfiles and
# the page's autosave debounce too; this one joins requests that come together)


@dataclass
class Result:
    """One finished build that was the newest when it finished."""

    generation: int
    content: Path
    options: BuildOptions
    output: BuildOutput
    seconds: float
    lang: str = i18n.DEFAULT  # the language its problems and notes are worded in
    pictures: dict[tuple[str, int, str], bytes] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def typeset(self) -> Typeset | None:
        return self.output.typeset

    def sides(self) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
        """Per sheet: where its front and back are in `output.imposed` (file, page)."""
        done = self.typeset
        if done is None:
            return []
        two_files = len(self.output.imposed) == 2
        at, backs_at = 0, 0
        sides: list[tuple[tuple[int, int], tuple[int, int] | None]] = []
        for sheet in done.plan.sheets:
            front, back = (0, at), None
            at += 1
            if sheet.back is not None and two_files:
                back, backs_at = (1, backs_at), backs_at + 1
            elif sheet.back is not None:
                back, at = (0, at), at + 1
            sides.append((front, back))
        return sides

    def picture(self, kind: str, number: int, lang: str = "en") -> bytes:
        """A PNG: reading page `number` (0-based), a sheet's front or back, or the fold
        (the instruction page, in `lang`); drawn once and kept."""
        from zinekit.preview import page_png

        key = (kind, number, lang if kind == "fold" else "")
        with self.lock:
            if key in self.pictures:
                return self.pictures[key]
        done = self.typeset
        if done is None:
            raise ZinekitError(i18n.say("studio.builder.failed"))
        if kind == "reading":
            png = page_png(self.output.reading, number, dpi=60)
        elif kind in ("front", "back"):
            sides = self.sides()
            if not 0 <= number < len(sides):
                raise ZinekitError(i18n.say("studio.builder.no-sheet", number=number + 1))
            at = sides[number][0 if kind == "front" else 1]
            if at is None:
                raise ZinekitError(i18n.say("studio.builder.no-back", number=number + 1))
            png = page_png(self.output.imposed[at[0]], at[1], dpi=60)
        elif kind == "fold":
            from zinekit.instructions import instruction_page

            plan = done.plan
            page = instruction_page(
                done.job.layout,
                plan,
                lang if lang in ("id", "en") else "en",
                first=bool(plan.backs()),
            )
            png = page_png(page, 0, dpi=60)
        else:
            raise ZinekitError(i18n.say("studio.builder.unknown-picture", kind=kind))
        with self.lock:
            self.pictures[key] = png
        return png


Listener = Callable[[str, int, "Result | None"], None]  # ("building"|"built", generation, r)


class Builder:
    """One worker thread; `request` asks for a build and returns its generation."""

    def __init__(self, listener: Listener, debounce: float = DEBOUNCE) -> None:
        self.listener = listener
        self.debounce = debounce
        self.generation = 0
        self.latest: Result | None = None
        self.good: Result | None = None  # the newest build that succeeded, shown meanwhile
        self._pending: tuple[int, Path, BuildOptions, str] | None = None
        self._asked_at = 0.0
        self._wake = threading.Condition()
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="zinekit-builder", daemon=True)
        self._thread.start()

    def request(self, content: Path, options: BuildOptions, lang: str | None = None) -> int:
        """Ask for a build of `content`, its errors worded in `lang` (default: the language
        spoken where it is asked)."""
        lang = lang or i18n.current()
        with self._wake:
            self.generation += 1
            self._pending = (self.generation, content, options, lang)
            self._asked_at = time.monotonic()
            self._wake.notify()
            return self.generation

    def stale(self, generation: int) -> bool:
        return generation != self.generation

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify()
        self._thread.join(timeout=5)

    def wait_idle(self, timeout: float = 30) -> Result | None:
        """Wait until the newest request is built (for tests and --watch)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            latest = self.latest
            if latest is not None and latest.generation == self.generation:
                return latest
            time.sleep(0.01)
        return None

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._pending is None and not self._stopped:
                    self._wake.wait()
                if self._stopped:
                    return
                # Debounce: a burst of saves (an editor writing twice) makes one build.
                while (wait := self._asked_at + self.debounce - time.monotonic()) > 0:
                    self._wake.wait(wait)
                    if self._stopped:
                        return
                assert self._pending is not None
                generation, content, options, lang = self._pending
                self._pending = None
            # Everything worded for this build (its problems, notes, and the listener's
            # description of them) speaks the language it was asked in.
            with i18n.speaking(lang):
                self.listener("building", generation, None)
                result = self._build(generation, content, options, lang)
                if result is not None and not self.stale(generation):
                    self.latest = result
                    if result.output.ok:
                        self.good = result
                    self.listener("built", generation, result)

    def _build(
        self, generation: int, content: Path, options: BuildOptions, lang: str
    ) -> Result | None:
        began = time.perf_counter()
        try:
            output = build(content, options, cancelled=lambda: self.stale(generation))
        except Cancelled:
            return None
        except Exception as exc:  # a bug: shown on the page rather than ending the thread
            bug = ZinekitError(
                i18n.say("studio.builder.internal", kind=type(exc).__name__, detail=exc),
                hint=i18n.say("studio.builder.internal-hint"),
            )
            output = BuildOutput(content, problems=problems_of(bug))
        seconds = time.perf_counter() - began
        return Result(generation, content, options, output, seconds, lang=lang)
