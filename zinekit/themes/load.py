"""Theme files (TOML, in themes/ or the user's own) to validated `Theme` values.

Read the way layout files are: the standard library's parser first (every build reads a
theme), and only when something is wrong the reader of `zinekit.validation` that keeps
positions, so the error names the file, line and column, worded by
assets/messages/<lang>/theme-errors.toml. A font is looked up beside the theme file, then in
assets/fonts/; a missing one is an error at the font's value.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from zinekit import i18n
from zinekit.data import data_dir
from zinekit.errors import Problem, ThemeError
from zinekit.i18n import say
from zinekit.themes.model import BODY_ROLES, ROLES, ThemeFile
from zinekit.validation.datafile import first_problem, read_model
from zinekit.validation.document import Invalid
from zinekit.validation.explain import Explainer
from zinekit.validation.wording import Messages, quote

DEFAULT_THEME = "sans"


@dataclass(frozen=True)
class Theme:
    """A validated theme: its settings (`spec`) and the font file of every role."""

    name: str
    spec: ThemeFile
    fonts: dict[str, Path]  # role ("regular", "heading"...) -> TrueType file
    source: Path

    @property
    def description(self) -> str:
        """What the theme looks like, in the user's language for a built-in theme (from
        themes.toml [descriptions]); a theme of the user's own says it in its file."""
        if self.source.parent == builtin_dir():
            described = i18n.catalog(i18n.current(), "themes")["descriptions"]
            if self.name in described:
                return str(described[self.name])
        return self.spec.description


def builtin_dir() -> Path:
    return data_dir("themes")


def builtin_names() -> list[str]:
    return sorted(p.stem for p in builtin_dir().glob("*.toml"))


def fonts_dir() -> Path:
    return data_dir("assets") / "fonts"


def readme() -> Path:
    return builtin_dir() / "README.md"


def is_path(name_or_path: str) -> bool:
    """A theme given as a file (`my-look.toml`, `themes/x`) rather than a built-in name."""
    return name_or_path.endswith(".toml") or "/" in name_or_path or os.sep in name_or_path


def load_theme(name_or_path: str, base_dir: Path | None = None) -> Theme:
    """A built-in theme by name, or a theme file by path (relative to `base_dir`)."""
    if is_path(name_or_path):
        path = (base_dir / name_or_path) if base_dir is not None else Path(name_or_path)
        if not path.is_file():
            raise ThemeError(
                say("themes.load.file-not-found"),
                where=path,
                hint=say("themes.load.file-not-found-hint", names=", ".join(builtin_names())),
            )
        return _cached(str(path.resolve()), *_identity(path))
    if name_or_path not in builtin_names():
        raise ThemeError(
            say("themes.load.unknown", name=quote(name_or_path)),
            hint=say("themes.load.unknown-hint", names=", ".join(builtin_names())),
        )
    path = builtin_dir() / f"{name_or_path}.toml"
    return _cached(str(path), *_identity(path))


def _identity(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


@functools.cache
def _cached(path: str, mtime_ns: int, size: int) -> Theme:
    # Tests and benchmarks build many times with the same theme: read each file once.
    return parse_theme(Path(path).read_bytes(), Path(path))


_MESSAGES = Messages("theme-errors", lambda: {"readme": str(readme())})
_EXPLAINER = Explainer(ThemeFile, _MESSAGES)


def parse_theme(data: bytes, path: Path) -> Theme:
    """Validate a theme file's bytes; an error points at the file, line and column."""
    try:
        spec, text, _ = read_model(
            data, path, ThemeFile, _MESSAGES, _EXPLAINER, {"name": path.stem}
        )
    except Invalid as exc:
        raise _error(exc.problems) from None
    fonts, missing = _resolve(spec, path)
    if missing:
        _explain_missing(text, path, missing)
    return Theme(spec.name or path.stem, spec, fonts, path)


def _resolve(spec: ThemeFile, path: Path) -> tuple[dict[str, Path], list[str]]:
    """The file of every role (a reference such as heading = "bold" followed), and the
    roles whose file is found neither beside the theme nor in assets/fonts/."""
    named = spec.fonts.model_dump(by_alias=True)
    files: dict[str, Path] = {}
    missing = []
    for role in ROLES:
        value = named[role]
        if value in BODY_ROLES:
            continue
        found = next((c for c in (path.parent / value, fonts_dir() / value) if c.is_file()), None)
        if found is None:
            missing.append(role)
        else:
            files[role] = found.resolve()
    for role in ROLES:
        value = named[role]
        if value in BODY_ROLES and value in files:
            files[role] = files[value]
    return files, missing


def _explain_missing(text: str, path: Path, missing: list[str]) -> None:
    from zinekit.validation.toml import read_toml

    doc = read_toml(text, path, _MESSAGES)
    role = missing[0]
    value = doc.data["fonts"][role]
    raise _error(
        [
            _MESSAGES.problem(
                "font_missing",
                doc.at(("fonts", role)),
                key=role,
                input=quote(value),
                folder=str(fonts_dir()),
            )
        ]
    )


def _error(problems: list[Problem]) -> ThemeError:
    """The first mistake in the file: a theme error is one line."""
    first = first_problem(problems)
    return ThemeError(first.message, where=first.where, hint=first.hint)
