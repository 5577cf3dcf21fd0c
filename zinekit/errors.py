"""The exception family, the exit-code map and the policy for telling the user things.

Policy (after pypdf's): raise a `ZinekitError` when the user must act; call `notice()` when
the result may surprise them (blank pages added, pages scaled); log nothing they must read.
Only `zinekit.cli` turns exceptions into exit codes and printed lines.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from zinekit.i18n import say


class ExitCode(enum.IntEnum):
    OK = 0
    INTERNAL = 1  # a bug in zinekit: rerun with --traceback and report it
    BAD_INPUT = 2  # bad input or usage: the user can fix it
    CHECK_FAILED = 3  # the PDF was read but failed the preflight (`zinekit check`)


@dataclass(frozen=True)
class Location:
    """Where in a user's file the problem is; line and column are 1-based."""

    path: Path | str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        text = printable(str(self.path))
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text


class ZinekitError(Exception):
    """A problem the user can fix. Printed as one line; exit code 2."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(
        self, message: str, *, where: Location | Path | str | None = None, hint: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def __str__(self) -> str:
        return _describe(self.message, self.where, self.hint)


def printable(text: str, limit: int = 240) -> str:
    """`text` (a path, a value quoted from a file) escaped onto one printable line and cut
    to about `limit` characters: a newline in a file name must not break the line apart."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    if len(shown) <= limit:
        return shown
    half = (limit - 1) // 2
    return f"{shown[:half]}…{shown[-half:]}"


def _describe(message: str, where: Location | Path | str | None, hint: str | None) -> str:
    if where is not None and not isinstance(where, Location):
        where = printable(str(where))
    text = f"{where}: {message}" if where is not None else message
    if hint:
        text = say("common.line.hint", message=text, hint=hint)
    return text


@dataclass(frozen=True)
class Problem:
    """One mistake in a user's file, printed as `file:line:col: message (hint: ...)`."""

    message: str
    where: Location | Path | str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        return _describe(self.message, self.where, self.hint)


class ContentError(ZinekitError):
    """A content file has mistakes; all of them are reported at once, one line each.

    The first problem doubles as the error's own message, so code that shows any
    `ZinekitError` as one line still says something true.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("a ContentError needs at least one problem")
        first = problems[0]
        super().__init__(first.message, where=first.where, hint=first.hint)
        self.problems: tuple[Problem, ...] = tuple(problems)

    def __str__(self) -> str:
        return "\n".join(map(str, self.problems))


class InputError(ZinekitError):
    """The input PDF cannot be used: missing, not a PDF, damaged beyond repair, locked."""


class DamagedPDFError(InputError):
    """pypdf failed on the PDF's structure and could not repair it; `detail` is its reason,
    on one printable line. `where` is None while the file is not yet known (deep in a read)."""

    def __init__(self, detail: str, *, where: Location | Path | str | None = None) -> None:
        super().__init__(
            say("pdf.damaged.message", detail=detail), where=where, hint=say("pdf.damaged.hint")
        )
        self.detail = detail

    def located(self, where: Location | Path | str) -> DamagedPDFError:
        """This error naming the file it was met in (when it does not yet)."""
        if self.where is not None:
            return self
        found = type(self)(self.detail, where=where)
        found.__cause__ = self.__cause__
        return found


class DecodeLimitError(DamagedPDFError):
    """A stream decodes to more than zinekit's budget (`zinekit.pdf.budget`): a
    decompression bomb, or content far beyond what a page needs. A damaged file to the
    code that reads pages (it skips or reports what it cannot read), with its own words."""

    def __init__(self, detail: str, *, where: Location | Path | str | None = None) -> None:
        InputError.__init__(
            self,
            say("pdf.decode-limit.message", detail=detail),
            where=where,
            hint=say("pdf.decode-limit.hint"),
        )
        self.detail = detail


class LayoutError(ZinekitError):
    """A layout name or layout file is wrong."""


class ThemeError(ZinekitError):
    """A theme name or theme file is wrong (a missing font included)."""


class OptionError(ZinekitError):
    """An option value is wrong or options contradict each other."""


class OutputError(ZinekitError):
    """The output cannot be written where the user asked."""


class TypesetError(ZinekitError):
    """The content cannot be set on the pages asked for."""


class MissingGlyphError(TypesetError):
    """A character the font cannot draw."""


class FontError(TypesetError):
    """A font file is missing or cannot be embedded."""


class ImageError(TypesetError):
    """An image file is missing or unreadable."""


class CapacityError(TypesetError):
    """The content needs more pages than the layout holds (`max_pages`)."""

    def __init__(
        self,
        message: str,
        *,
        pages_over: int,
        where: Location | Path | str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, where=where, hint=hint)
        self.pages_over = pages_over


def notice(message: str) -> None:
    """Tell the user about a result that may surprise them; never fails the run."""
    print(say("common.line.note", message=message), file=sys.stderr)
