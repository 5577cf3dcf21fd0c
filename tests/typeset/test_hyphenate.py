"""Hyphenation: pyphen corrected by the exception lists, checked on the typeset page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.typeset.helpers import A7, LINE_END_HYPHEN, PARAGRAPH_ID, page_texts, publication, run
from zinekit.typeset.hyphenate import hyphenator, load_exceptions


def _breaks(pdf: bytes) -> list[tuple[str, str]]:
    """(head, tail) of every word broken at a line end with an added hyphen."""
    found = []
    for text in page_texts(pdf):
        for match in re.finditer(rf"(\w+){LINE_END_HYPHEN}\n?(\w+)", text):
            found.append((match[1], match[2]))
    return found


def test_exception_file_format(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("# comment\nmen-de-ngar-kan\n\nPresent  # never breaks\n", encoding="utf-8")
    assert load_exceptions(path) == {"mendengarkan": (3, 5, 9), "present": ()}


def test_listed_word_breaks_only_where_listed() -> None:
    h = hyphenator("id")
    assert h.positions("mendengarkan") == [3, 5, 9]
    assert h.positions("MENDENGARKAN") == [3, 5, 9]
    # pyphen alone would also break mendeng-arkan.
    assert [head for head, _ in h("mendengarkan")] == ["mendengar", "mende", "men"]


def test_clitic_on_a_listed_stem() -> None:
    assert hyphenator("id").positions("mendengarkannya") == [3, 5, 9, 12]


@pytest.mark.parametrize(
    ("word", "wrong"),
    [("dengan", 4), ("masyarakat", 8), ("hirarki", 3), ("perspektif", 3)],
)
def test_pattern_errors_are_gone(word: str, wrong: int) -> None:
    assert wrong not in hyphenator("id").positions(word)


def test_unlisted_indonesian_words_follow_syllables() -> None:
    h = hyphenator("id")
    # Not listed: pyphen's patterns give memil-iki and selur-uh; the syllable rule drops them.
    assert h.positions("memiliki") == [2, 4]
    assert h.positions("seluruh") == [2, 4]


def test_english_exceptions() -> None:
    h = hyphenator("en")
    assert h.positions("present") == []
    assert h.positions("table") == [2]
    assert h.positions("hyphenation")  # the patterns still work for unlisted words


def test_narrow_column_breaks_a_word_with_a_hyphen_not_in_the_source() -> None:
    source = "\n\n".join([PARAGRAPH_ID] * 3)
    result = run(publication([{"text": source}]), size=A7, binding="none")
    breaks = _breaks(result.pdf)
    assert breaks, "no word was broken at a line end"
    source_words = set(re.findall(r"\w+", source))
    for head, tail in breaks:
        assert head + tail in source_words
        assert f"{head}-{tail}" not in source


def test_exception_words_break_only_where_the_list_allows() -> None:
    allowed = {"men", "mende", "mendengar", "de"}  # men-de-ngar-kan, de-ngan
    # Fillers of every length move the line ends through the listed words. Short
    # paragraphs: a word kept whole to keep a rule (no three hyphens in a row, an unbroken
    # last word) is kept whole throughout its paragraph.
    text = "\n\n".join(
        " ".join(
            f"{'a' * (i % 7 + 1)} mendengarkan {'kata' * (i % 3 + 1)} dengan"
            for i in range(j, j + 3)
        )
        for j in range(0, 60, 3)
    )
    result = run(publication([{"text": text}]), size=A7, binding="none")
    broken = [
        (h, t) for h, t in _breaks(result.pdf) if (h + t).lower() in ("mendengarkan", "dengan")
    ]
    assert broken, "the listed words never fell at a line end"
    for head, _ in broken:
        assert head.lower() in allowed


def test_english_text_is_hyphenated_in_a_narrow_column() -> None:
    source = (
        "Collective responsibility means that facilitation rotates, confidentiality is"
        " everybody's business, and accessibility considerations are discussed before every"
        " meeting, not afterwards. Understanding grows when participants acknowledge"
        " uncomfortable disagreements respectfully and generously."
    )
    pub = publication([{"text": "\n\n".join([source] * 3)}], lang="en")
    breaks = _breaks(run(pub, size=A7, binding="none").pdf)
    assert breaks
    words = set(re.findall(r"\w+", source))
    assert all(head + tail in words for head, tail in breaks)


@pytest.mark.parametrize(
    ("word", "breaks"),
    [("masing-masing", [7]), ("anak-anaknya", [5]), ("pertemuan-pertemuan", [10])],
)
def test_a_hyphenated_word_breaks_only_after_its_own_hyphen(word: str, breaks: list[int]) -> None:
    # A break before the hyphen would print it twice ("masing-" / "-masing").
    assert hyphenator("id").positions(word) == breaks


def test_a_deep_copied_style_shares_its_hyphenator() -> None:
    # reportlab's balanced columns deep-copy their paragraphs for every split they try; a
    # copied pyphen dictionary made a two-column build take seconds.
    import copy

    from zinekit.typeset.hyphenate import WordBreaks, hyphenator

    base = hyphenator("id")
    breaks = WordBreaks(base).refusing("Jakarta")
    copied = copy.deepcopy({"lang": base, "breaks": breaks})
    assert copied["lang"] is base
    assert copied["breaks"] is breaks
