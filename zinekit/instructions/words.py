"""The words zinekit prints on paper itself, read from assets/messages/<lang>/print.toml so that
translators edit data, not code."""

from __future__ import annotations

from zinekit.i18n import catalog

LANGS: tuple[str, ...] = ("id", "en")


def words(lang: str) -> dict[str, dict[str, str]]:
    """Every table of the words file for `lang` ("id" or "en")."""
    return catalog(lang, "print")


def document_lang(lang: str | None) -> str:
    """The language to print in for a document whose /Lang is `lang`: Indonesian for "id",
    "id-ID" and the like, English otherwise."""
    return "id" if lang and lang.strip().lower().startswith("id") else "en"
