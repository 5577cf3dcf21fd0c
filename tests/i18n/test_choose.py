"""Which language zinekit speaks: --lang, else ZINEKIT_LANG, else the locale, else English."""

from __future__ import annotations

import pytest

from zinekit import i18n


@pytest.mark.parametrize(
    ("flag", "environ", "expected"),
    [
        (None, {}, "en"),
        (None, {"LANG": "id_ID.UTF-8"}, "id"),
        (None, {"LANG": "en_US.UTF-8"}, "en"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LC_ALL": "id_ID.UTF-8", "LANG": "en_US.UTF-8"}, "id"),
        (None, {"LC_ALL": "en_US.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
        (None, {"LC_MESSAGES": "id_ID", "LANG": "en_US"}, "id"),
        (None, {"ZINEKIT_LANG": "id", "LANG": "en_US.UTF-8"}, "id"),
        (None, {"ZINEKIT_LANG": "en", "LC_ALL": "id_ID.UTF-8"}, "en"),
        ("en", {"ZINEKIT_LANG": "id", "LC_ALL": "id_ID.UTF-8"}, "en"),
        ("id", {"ZINEKIT_LANG": "en"}, "id"),
        ("ID", {}, "id"),
        ("id-ID", {}, "id"),
        (None, {"ZINEKIT_LANG": "id_ID.UTF-8"}, "id"),
    ],
)
def test_choose(flag: str | None, environ: dict[str, str], expected: str) -> None:
    assert i18n.choose(flag, environ) == expected


@pytest.mark.parametrize(("flag", "environ"), [("fr", {}), (None, {"ZINEKIT_LANG": "xx"})])
def test_unknown_language(flag: str | None, environ: dict[str, str]) -> None:
    with pytest.raises(i18n.UnknownLanguage):
        i18n.choose(flag, environ)


def test_speaking_narrows_for_a_block_only() -> None:
    i18n.use("en")
    with i18n.speaking("id"):
        assert i18n.current() == "id"
        assert i18n.say("common.line.note", message="x") == "zinekit: catatan: x"
    assert i18n.current() == "en"
    assert i18n.say("common.line.note", message="x") == "zinekit: note: x"


def test_plural_forms() -> None:
    assert i18n.text("en", "common.line.more", count=3) == "zinekit: error: ... and 3 more"
