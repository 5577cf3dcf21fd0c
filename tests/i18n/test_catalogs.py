"""The catalogs in assets/messages/: every language says every message, with the same blanks.

This is the test that fails when a message is added in one language only. It also reads the
code: every key `say()` or `text()` is called with must exist, so a typo in a key is caught
here and not by a user."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from zinekit import i18n
from zinekit.data import data_dir

ROOT = data_dir("assets") / "messages"
CODE = Path(i18n.__file__).parent


def _names(lang: str) -> set[str]:
    return {p.stem for p in (ROOT / lang).glob("*.toml")}


def _leaves(table: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _leaves(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def test_every_language_has_every_catalog() -> None:
    names = {lang: _names(lang) for lang in i18n.LANGUAGES}
    assert names["en"], "no catalogs found"
    for lang in i18n.LANGUAGES:
        assert names[lang] == names["en"], f"{lang} differs from en"


@pytest.mark.parametrize("name", sorted(_names("en")))
def test_same_keys_and_blanks_in_every_language(name: str) -> None:
    english = dict(_leaves(i18n.catalog("en", name)))
    for lang in i18n.LANGUAGES:
        other = dict(_leaves(i18n.catalog(lang, name)))
        assert other.keys() == english.keys(), (
            f"{lang}/{name}.toml: only in en: {sorted(english.keys() - other.keys())}; "
            f"only in {lang}: {sorted(other.keys() - english.keys())}"
        )
        for key, value in english.items():
            if isinstance(value, str):
                assert isinstance(other[key], str), f"{lang}/{name}.toml {key}"
                assert i18n.blanks(other[key]) == i18n.blanks(value), f"{lang}/{name}.toml {key}"
            else:
                assert type(other[key]) is type(value), f"{lang}/{name}.toml {key}"


@pytest.mark.parametrize("name", sorted(_names("en")))
def test_indonesian_is_not_english_left_in_place(name: str) -> None:
    """A sentence copied unchanged into id/ is a message that exists in English only.
    Single words and names (Film, Podcast, A4) may be the same in both languages, and so
    may [examples]: valid lines of a content or data file, code in any language."""
    english = dict(_leaves(i18n.catalog("en", name)))
    same = [
        key
        for key, value in _leaves(i18n.catalog("id", name))
        if isinstance(value, str)
        and value == english[key]
        and _is_prose(value)
        and not key.startswith("examples.")
    ]
    assert not same, f"id/{name}.toml still says in English: {same[:10]}"


def _is_prose(value: str) -> bool:
    words = [w for w in value.split() if w.isalpha() and not w.isupper()]
    return len(words) >= 2


def _called_keys() -> Iterator[tuple[str, int, str]]:
    """Every literal key passed to say(KEY) or text(LANG, KEY) in zinekit's code."""
    for path in sorted(CODE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            position = {"say": 0, "text": 1}.get(name or "")
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and "." in arg.value:
                yield str(path.relative_to(CODE.parent)), node.lineno, arg.value


def test_every_key_the_code_uses_exists() -> None:
    calls = list(_called_keys())
    assert calls, "found no calls of say()"
    missing = []
    for where, line, key in calls:
        try:
            i18n.entry("en", key)
        except (KeyError, FileNotFoundError):
            missing.append(f"{where}:{line}: {key}")
    assert not missing, missing
