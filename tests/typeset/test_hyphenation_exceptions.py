"""The exception lists (assets/hyphenation/*.txt) win over pyphen's patterns for a word in
any case, and a listed word without hyphens never breaks. Each case uses a word the
patterns alone break differently, so that the list is what the test sees."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.typeset.helpers import A7, LINE_END_HYPHEN, page_texts, publication, run
from zinekit.typeset.hyphenate import Hyphenator, hyphenator, load_exceptions


@pytest.mark.parametrize(
    ("word", "listed"),
    [("perspektif", [4, 7]), ("kompleks", [3]), ("transportasi", [5, 8, 10])],
)
@pytest.mark.parametrize("case", [str.lower, str.capitalize, str.upper])
def test_a_listed_word_breaks_as_listed_in_any_case(word: str, listed: list[int], case) -> None:
    written = case(word)
    assert Hyphenator("id", {}).positions(written) != listed  # the patterns alone differ
    assert hyphenator("id").positions(written) == listed


def test_a_capitalised_stem_with_an_ending_breaks_as_listed() -> None:
    assert hyphenator("id").positions("Perspektifnya") == [4, 7, 10]


def test_the_list_may_spell_a_word_with_capitals(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text("Hyph-enation\n", encoding="utf-8")
    h = Hyphenator("en", load_exceptions(path))
    assert h.positions("hyphenation") == h.positions("Hyphenation") == [4]


@pytest.mark.parametrize("written", ["hyphenation", "Hyphenation", "HYPHENATION"])
def test_a_word_listed_without_hyphens_never_breaks(tmp_path: Path, written: str) -> None:
    path = tmp_path / "en.txt"
    path.write_text("# no break points: never break\nhyphenation\n", encoding="utf-8")
    assert Hyphenator("en", {}).positions(written)  # the patterns would break it
    assert Hyphenator("en", load_exceptions(path)).positions(written) == []


def test_a_capitalised_listed_word_breaks_as_listed_on_the_page() -> None:
    # Fillers of every length move the line ends through the word. Short paragraphs of
    # words too short to break: a paragraph keeps a word whole everywhere in it once a rule
    # needed it whole (a last word, a third hyphen in a row), which would hide the list.
    text = "\n\n".join(
        f"{'aku ' * (i % 12 + 1)}{'a' * (i % 3)} Perspektif dan aku di sini." for i in range(48)
    )
    result = run(publication([{"text": text}]), size=A7, binding="none")
    broken = [
        head
        for page in page_texts(result.pdf)
        for head, tail in re.findall(rf"(\w+){LINE_END_HYPHEN}\n?(\w+)", page)
        if head + tail == "Perspektif"
    ]
    assert broken, "the word never fell at a line end"
    assert set(broken) <= {"Pers", "Perspek"}
