"""The user's language, and the catalogs every word zinekit says or prints comes from.

One mechanism for everything: a catalog is a TOML file, assets/messages/<lang>/<name>.toml,
and every language has the same files with the same keys and the same {blanks}
(tests/test_messages.py fails the day one language has a message the other lacks).
Messages on the terminal, help texts, the studio's page and the words printed on paper all
come from these files, so translators edit data, never code.

Two languages meet here and must not be confused:
- the *user's* language (`current()`): what zinekit says on the terminal and in the studio,
  chosen by `--lang`, else `ZINEKIT_LANG`, else the locale, else English;
- a *publication's* language (`lang:` in a content file): what is printed on its pages.
`say()` speaks the first; `text(lang, ...)` takes the second explicitly.
"""

from __future__ import annotations

import contextvars
import functools
import os
import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from zinekit.compat import tomllib
from zinekit.data import data_dir

LANGUAGES: tuple[str, ...] = ("en", "id")
DEFAULT = "en"
ENV = "ZINEKIT_LANG"

# A process-wide choice (set once by the command line) that a thread or request may narrow
# for itself (the studio renders each page's errors in the language that page asked for).
_process: list[str | None] = [None]
_asked: list[str | None] = [None]
_narrowed: contextvars.ContextVar[str | None] = contextvars.ContextVar("zinekit_lang", default=None)


class UnknownLanguage(ValueError):
    """`--lang` or ZINEKIT_LANG names a language zinekit does not speak."""

    def __init__(self, value: str, source: str) -> None:
        super().__init__(value)
        self.value = value
        self.source = source  # "--lang" or "ZINEKIT_LANG"


def normalise(value: str) -> str | None:
    """ "id", "ID", "id_ID.UTF-8", "id-ID" → "id"; "en_GB" → "en"; anything else → None."""
    head = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    return head if head in LANGUAGES else None


def from_locale(environ: Mapping[str, str]) -> str:
    """The locale's language as POSIX ranks its variables: the first of LC_ALL, LC_MESSAGES
    and LANG that is set decides; Indonesian when it begins with "id", else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "id" if value.strip().lower().startswith("id") else DEFAULT
    return DEFAULT


def choose(flag: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The user's language: `--lang` (flag), else ZINEKIT_LANG, else the locale, else English.

    A value zinekit does not know in `--lang` or ZINEKIT_LANG raises `UnknownLanguage`: both
    are zinekit's own, so a typo there is worth saying; the locale is everyone's, so only its
    Indonesian is taken and anything else means English."""
    environ = os.environ if environ is None else environ
    for value, source in ((flag, "--lang"), (environ.get(ENV), ENV)):
        if value:
            lang = normalise(value)
            if lang is None:
                raise UnknownLanguage(value, source)
            return lang
    return from_locale(environ)


def ask(flag: str | None) -> None:
    """Remember the language the user named with --lang (None: they named none). Commands
    that print words on paper in a language of their own (the --instructions page in the
    PDF's language) yield to it; the environment does not override a PDF's language."""
    _asked[0] = None if flag is None else normalise(flag)


def asked() -> str | None:
    """The language named with --lang in this run, or None."""
    return _asked[0]


def use(lang: str | None) -> str | None:
    """Speak `lang` from now on, in this whole process (the command line calls it once);
    None goes back to choosing from the environment. Returns the choice it replaced."""
    previous = _process[0]
    _process[0] = None if lang is None else _checked(lang)
    return previous


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Speak `lang` inside the block only, in this thread or task."""
    token = _narrowed.set(_checked(lang))
    try:
        yield
    finally:
        _narrowed.reset(token)


def current() -> str:
    """The language zinekit speaks to its user now."""
    lang = _narrowed.get() or _process[0]
    if lang is None:
        try:
            lang = choose()
        except UnknownLanguage:  # the command line reports it; a library caller gets English
            lang = DEFAULT
        _process[0] = lang
    return lang


def _checked(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"zinekit speaks {', '.join(LANGUAGES)}, not {lang!r}")
    return lang


@functools.cache
def catalog(lang: str, name: str) -> dict[str, Any]:
    """Every table of assets/messages/<lang>/<name>.toml."""
    with open(data_dir("assets") / "messages" / _checked(lang) / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


def entry(lang: str, key: str) -> Any:
    """The value at `key` ("catalog.table.name") in `lang`: a string, a table of plural
    forms, or a whole table."""
    name, _, path = key.partition(".")
    found: Any = catalog(lang, name)
    for part in path.split(".") if path else ():
        found = found[part]
    return found


def text(lang: str, key: str, /, **fields: object) -> str:
    """The message at `key` in `lang`, its {blanks} filled from `fields`.

    A message with plural forms is a table {one = ..., other = ...}, chosen by the `count`
    field (Indonesian gives both forms the same words)."""
    found = entry(lang, key)
    if isinstance(found, dict):
        found = found["one" if fields.get("count") == 1 else "other"]
    return str(found).format_map(fields)


def say(key: str, /, **fields: object) -> str:
    """The message at `key` in the user's language (`current()`), blanks filled."""
    return text(current(), key, **fields)


def reworded(words: str) -> str:
    """`words`, a message of some catalog in any language (without blanks), in the language
    zinekit speaks now; anything else as it is. For help texts: they are worded when a
    command's module is imported, which in one process (a test run, the studio) may be
    under another language than the one --help is later shown in."""
    return _wordings().get(" ".join(words.split()), {}).get(current(), words)


@functools.cache
def _wordings() -> dict[str, dict[str, str]]:
    """Every catalog message without blanks, by its words (whitespace folded) in any
    language: the same message in each language."""
    found: dict[str, dict[str, str]] = {}
    folder = data_dir("assets") / "messages" / DEFAULT
    for name in sorted(p.stem for p in folder.glob("*.toml")):
        tables = {lang: catalog(lang, name) for lang in LANGUAGES}
        for path, english in _leaves(tables[DEFAULT]):
            if not isinstance(english, str) or blanks(english):
                continue
            each = {lang: _at(tables[lang], path) for lang in LANGUAGES}
            for words in each.values():
                found.setdefault(" ".join(str(words).split()), each)
    return found


def _leaves(
    table: dict[str, Any], prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Any]]:
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _leaves(value, (*prefix, key))
        else:
            yield (*prefix, key), value


def _at(table: dict[str, Any], path: tuple[str, ...]) -> Any:
    for part in path:
        table = table[part]
    return table


def blanks(message: str) -> set[str]:
    """The names of the {blanks} in a message ("{count} pages" → {"count"})."""
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}
