"""The words zinekit prints on paper itself, read from assets/i18n-print/<lang>.toml so that
translators edit data, not code."""

from __future__ import annotations

import functools
import tomllib

from zinekit.data import data_dir

LANGS: tuple[str, ...] = ("id", "en")


@functools.cache
def words(lang: str) -> dict[str, dict[str, str]]:
    """Every table of the words file for `lang` ("id" or "en")."""
    with open(data_dir("assets") / "i18n-print" / f"{lang}.toml", "rb") as f:
        return tomllib.load(f)


def document_lang(lang: str | None) -> str:
    """The language to print in for a document whose /Lang is `lang`: Indonesian for "id",
    "id-ID" and the like, English otherwise."""
    return "id" if lang and lang.strip().lower().startswith("id") else "en"
