"""The `zinekit new` starters speak the user's language in their comments: one starter per
kind, format and language, and the languages differ in nothing but the comments."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.runner import run_zinekit
from zinekit import i18n
from zinekit.content.loader import load_publication
from zinekit.data import data_dir

STARTERS = data_dir("assets") / "starters"
KINDS = ("affirmations", "agreements", "resources", "zine")
FORMATS = ("md", "yaml")


def test_the_starters_are_in_every_language_and_nothing_else() -> None:
    expected = {f"{kind}.{fmt}" for kind in KINDS for fmt in FORMATS}
    assert {p.name for p in STARTERS.iterdir()} == set(i18n.LANGUAGES)
    for lang in i18n.LANGUAGES:
        assert {p.name for p in (STARTERS / lang).iterdir()} == expected, lang


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_language_builds_the_same_publication(kind: str, fmt: str) -> None:
    """Read through the content reader, each language's starter is the same model: only
    the comments were translated, never the zine's own (Indonesian) words."""
    english = load_publication(STARTERS / "en" / f"{kind}.{fmt}").model_dump()
    for lang in i18n.LANGUAGES:
        path = STARTERS / lang / f"{kind}.{fmt}"
        assert load_publication(path).model_dump() == english, path


@pytest.mark.parametrize("kind", KINDS)
def test_the_comments_differ_between_languages(kind: str) -> None:
    for fmt in FORMATS:
        english = (STARTERS / "en" / f"{kind}.{fmt}").read_text(encoding="utf-8")
        indonesian = (STARTERS / "id" / f"{kind}.{fmt}").read_text(encoding="utf-8")
        assert "Edit the text, then run" in english
        assert "Sunting tulisannya, lalu jalankan" in indonesian
        assert "Edit the text" not in indonesian


def test_new_in_indonesian_writes_indonesian_comments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_zinekit("--lang", "id", "new", "zine")
    assert run.code == 0, run.stderr
    written = tmp_path / "zine.md"
    assert written.read_bytes() == (STARTERS / "id" / "zine.md").read_bytes()
    assert "komentar: zinekit tidak mencetaknya" in written.read_text(encoding="utf-8")
    assert run.lines == [
        "zinekit: zine.md sudah ditulis; sunting berkasnya, lalu jalankan: zinekit build zine.md"
    ]
    run = run_zinekit("--lang", "id", "new", "resources", "--format", "yaml")
    assert run.code == 0, run.stderr
    text = (tmp_path / "resources.yaml").read_text(encoding="utf-8")
    assert "# satu-satunya kunci yang wajib untuk setiap bahan" in text


def test_new_in_english_writes_english_comments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_zinekit("--lang", "en", "new", "agreements", "-").stdout == (
        STARTERS / "en" / "agreements.md"
    ).read_text(encoding="utf-8")
