"""A TOML data file that people edit (a layout, a theme): its bytes to a validated pydantic
model, or `Invalid` with the problems, each at its file, line and column.

Most files are fine, and every impose and build reads one: the standard library's parser
reads them fast. The reader that keeps positions (tomlkit, pure Python, slower to import
and to run) is imported only to say where a mistake is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from zinekit.compat import tomllib
from zinekit.errors import Location, Problem
from zinekit.validation.document import Invalid, decode
from zinekit.validation.explain import Explainer
from zinekit.validation.wording import Messages

M = TypeVar("M", bound=BaseModel)


def read_model(
    data: bytes,
    path: Path,
    model: type[M],
    messages: Messages,
    explainer: Explainer,
    defaults: dict[str, Any] | None = None,
) -> tuple[M, str, bool]:
    """The file as `model` (with `defaults` for keys it leaves out), its text, and whether
    the standard library's parser read it (only then is the value fixed by the bytes, this
    code and Python alone). Raises `Invalid`."""
    text = decode(data, path, messages)

    def validate(values: dict[str, Any]) -> M:
        return model.model_validate({**(defaults or {}), **values})

    try:
        return validate(tomllib.loads(text)), text, True
    except (tomllib.TOMLDecodeError, ValidationError):
        pass
    from zinekit.validation.toml import read_toml  # tomlkit: imported only for mistakes

    doc = read_toml(text, path, messages)
    if not doc.data:
        raise Invalid([messages.problem("file_empty", Location(path))])
    try:
        # Fails again and is explained; passes only where tomllib alone refused the text
        # (the two parsers differ on a corner of TOML): tomlkit's reading then stands.
        return validate(doc.data), text, False
    except ValidationError as exc:
        raise Invalid(explainer.explain(exc, doc)) from None


def first_problem(problems: list[Problem]) -> Problem:
    """The mistake that comes first in the file: a data file's error is one line, and the
    first is the one to mend first."""

    def order(problem: Problem) -> tuple[int, int]:
        where = problem.where
        if isinstance(where, Location):
            return (where.line or 0, where.column or 0)
        return (0, 0)

    return min(problems, key=order)
