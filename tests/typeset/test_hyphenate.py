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


def _fillers(phrase: str) -> str:
    # Fillers of every length move the line ends through the phrase; short paragraphs, so
    # that a word kept whole to keep a rule is not kept whole everywhere.
    return "\n\n".join(
        " ".join(f"{'a' * (i % 9 + 1)} {phrase} {'kata' * (i % 4 + 1)}" for i in range(j, j + 2))
        for j in range(0, 72, 2)
    )


@pytest.mark.parametrize(
    ("marked", "wrong"),
    [
        ("[Support Groups]{lang=en}", {("Gro", "ups"), ("Grou", "ps")}),
        ("[Sahabat Mental]{nobreak}", {("Sa", "habat"), ("Saha", "bat"), ("Men", "tal")}),
        ("[Sahabat Mental]{.nobreak}", {("Sa", "habat"), ("Saha", "bat"), ("Men", "tal")}),
    ],
)
def test_words_marked_in_text_break_by_their_own_rules(marked: str, wrong: set) -> None:
    plain = marked[1:].split("]")[0]
    # Unmarked, Indonesian rules break these words at the line ends (what the mark prevents).
    unmarked = _breaks(run(publication([{"text": _fillers(plain)}]), size=A7, binding="none").pdf)
    assert wrong & set(unmarked), unmarked
    result = run(publication([{"text": _fillers(marked)}]), size=A7, binding="none")
    breaks = _breaks(result.pdf)
    assert breaks, "no word was broken at a line end"
    assert not wrong & set(breaks), breaks
    lang = "en" if "lang=en" in marked else None
    for head, tail in breaks:  # a marked word breaks only where its language allows
        if head + tail in plain.split():
            assert lang and len(head) in hyphenator(lang).positions(head + tail), (head, tail)
    if "nobreak" in marked:  # a name stays on one line
        assert re.search(r"Sahabat\s*\n", "\n".join(page_texts(result.pdf))) is None


def test_a_block_in_another_language_is_hyphenated_by_it() -> None:
    text = _fillers("Support Groups")
    wrong = {("Gro", "ups"), ("Grou", "ps")}
    unmarked = _breaks(run(publication([{"text": text}]), size=A7, binding="none").pdf)
    assert wrong & set(unmarked), unmarked
    pub = publication([{"text": text, "lang": "en"}, {"text": _fillers("Support Groups")}])
    result = run(pub, size=A7, binding="none")
    per_block = _breaks(result.pdf)
    assert per_block
    # The English block never breaks "Gro-ups"; the Indonesian block after it still does.
    english = _breaks(run(publication([{"text": text, "lang": "en"}]), size=A7, binding="none").pdf)
    assert english and not wrong & set(english), english
    assert wrong & set(per_block)


def test_a_mark_inside_a_block_in_another_language_still_counts() -> None:
    text = _fillers("[Sahabat Mental]{nobreak}")
    pub = publication([{"text": text, "lang": "en"}])
    breaks = _breaks(run(pub, size=A7, binding="none").pdf)
    assert not {("Sa", "habat"), ("Saha", "bat"), ("Men", "tal")} & set(breaks), breaks


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
