"""The built-in layouts in words: `zinekit layouts` says what each is and how to fold it
in the user's language; the English words are the layout files' own."""

from __future__ import annotations

import pytest

from tests.runner import run_zinekit
from zinekit import i18n
from zinekit.impose.layout import builtin_names, load_layout, words


@pytest.mark.parametrize("name", builtin_names())
def test_the_english_words_are_the_files(name: str) -> None:
    layout = load_layout(name)
    with i18n.speaking("en"):
        assert words(layout) == (layout.description, layout.fold)
    with i18n.speaking("id"):
        assert words(layout) != (layout.description, layout.fold)


def test_the_listing_in_indonesian() -> None:
    run = run_zinekit("--lang", "id", "layouts")
    assert run.code == 0
    text = " ".join(run.stdout.split())
    assert "Buklet jilid tengah, 2 halaman per sisi (halaman A5 di A4)" in text
    assert "lipat: Lipat setiap lembar jadi dua" in text
    assert "Saddle-stitched" not in text and "No folding" not in text


def test_a_layout_of_ones_own_keeps_its_words(tmp_path) -> None:
    own = tmp_path / "booklet.toml"
    text = (load_layout("booklet").source).read_text(encoding="utf-8")  # type: ignore[union-attr]
    own.write_text(text.replace("Saddle-stitched booklet", "Our booklet"), encoding="utf-8")
    layout = load_layout(str(own))
    with i18n.speaking("id"):
        assert words(layout)[0].startswith("Our booklet")
