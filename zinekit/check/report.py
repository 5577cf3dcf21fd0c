"""Check results as plain values, and the two ways of showing them: a short text for people,
a JSON object for scripts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from zinekit.compat import StrEnum
from zinekit.i18n import say

# Text reports show this many details per check; the JSON report shows them all.
_SHOWN_DETAILS = 10


class Status(StrEnum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    SKIP = "skip"


@dataclass(frozen=True)
class Detail:
    """One line under a check; `pages` are 1-based, empty when the line is not about pages."""

    text: str
    pages: tuple[int, ...] = ()


@dataclass(frozen=True)
class Result:
    name: str
    status: Status
    message: str
    details: tuple[Detail, ...] = ()


@dataclass
class Report:
    file: str
    pages: int
    results: list[Result] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def failed(self) -> bool:
        return self.count(Status.FAIL) > 0

    def summary(self) -> str:
        return say(
            "check.report.summary",
            failed=self.count(Status.FAIL),
            warnings=plural(self.count(Status.WARN), "warning"),
        )

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "pages": self.pages,
            "checks": [
                {
                    "name": r.name,
                    "status": str(r.status),
                    "message": r.message,
                    "details": [{"text": d.text, "pages": list(d.pages)} for d in r.details],
                }
                for r in self.results
            ],
            "summary": {
                "status": "fail" if self.failed else "pass",
                "failed": self.count(Status.FAIL),
                "warnings": self.count(Status.WARN),
                "passed": self.count(Status.PASS),
                "skipped": self.count(Status.SKIP),
            },
        }

    def as_text(self) -> str:
        lines = [say("check.report.header", file=self.file, pages=plural(self.pages, "page"))]
        for r in self.results:
            lines.append(f"{r.status.upper():<4}  {r.name}: {r.message}")
            for d in r.details[:_SHOWN_DETAILS]:
                lines.append(f"        {d.text}")
            hidden = len(r.details) - _SHOWN_DETAILS
            if hidden > 0:
                lines.append("        " + say("check.report.more", count=hidden))
        lines.append(self.summary())
        return "\n".join(lines)


def worst(statuses: Iterable[Status]) -> Status:
    """The status a check takes from its findings: any failure fails it, any warning warns."""
    found = set(statuses)
    for status in (Status.FAIL, Status.WARN):
        if status in found:
            return status
    return Status.PASS


def pages_text(pages: Iterable[int]) -> str:
    """ "page 3", "pages 1-4, 7, 9-10" for 1-based page numbers."""
    numbers = sorted(set(pages))
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    text = ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in runs)
    key = "check.report.page-list" if len(numbers) == 1 else "check.report.pages-list"
    return say(key, numbers=text)


# The nouns `plural` counts, and their tables under [counts] in check.toml.
_COUNTED = {
    "page": "pages",
    "sheet": "sheets",
    "blank page": "blank-pages",
    "warning": "warnings",
    "font": "fonts",
    "image": "images",
    "problem": "problems",
    "more problem": "more-problems",
}


def plural(number: int, noun: str) -> str:
    """ "1 page", "3 pages" in the user's language; `noun` is a key of `_COUNTED`."""
    return say(f"check.counts.{_COUNTED[noun]}", count=number)
