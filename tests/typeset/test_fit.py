"""Fixed capacity: content over the target's capacity names the block that runs over;
shrinking makes it fit, never below 7 pt; a back cover is the last page set, with no blank
page before it (imposition adds those)."""

from __future__ import annotations

import re

import pytest

from tests.typeset.helpers import A5, A7, PARAGRAPH_ID, font_sizes, page_texts, publication, run
from zinekit.errors import CapacityError, Location


def _blocks(paragraphs: int) -> list:
    blocks: list = [{"heading": "Pembuka"}]
    for i in range(paragraphs):
        blocks.append({"text": f"Bagian {i + 1}. {PARAGRAPH_ID}"})
    return blocks


def test_overflow_names_the_block_and_the_excess() -> None:
    pub = publication(_blocks(30))
    with pytest.raises(CapacityError) as caught:
        run(pub, size=A7, binding="none", max_pages=8)
    error = caught.value
    assert error.pages_over >= 1
    assert "holds 8" in error.message and "too many" in error.message
    assert " mm " in error.message
    assert "the text block" in error.message
    # The block named is the one running at the top of the ninth page, as laid out in full.
    texts = page_texts(run(pub, size=A7, binding="none").pdf)
    before_ninth = "\n".join(texts[:8]) + "\n" + texts[8].split("\n", 2)[1]
    running = int(re.findall(r"Bagian (\d+)\.", before_ninth)[-1])
    assert error.where == Location("zine.yaml", running + 1, 3)


def test_overflow_counts_the_back_cover() -> None:
    # Seven body pages fit eight pages without a back cover, not with one.
    for paragraphs in range(8, 16):
        pub = publication(_blocks(paragraphs), back={"text": "Selesai."})
        plain = run(publication(_blocks(paragraphs)), size=A7, binding="none")
        if plain.page_count == 8:
            with pytest.raises(CapacityError):
                run(pub, size=A7, binding="none", max_pages=8)
            return
    pytest.fail("no content of exactly eight pages found")


def test_shrink_makes_it_fit() -> None:
    for paragraphs in range(8, 20):
        pub = publication(_blocks(paragraphs))
        if run(pub, size=A7, binding="none").page_count == 9:
            break
    else:
        pytest.fail("no content of exactly nine pages found")
    result = run(pub, size=A7, binding="none", max_pages=8, shrink=True)
    assert result.page_count <= 8
    assert 7.0 <= result.font_size < 7.75
    assert min(font_sizes(result.pdf, 1)) >= 6.0  # page numbers and captions included
    body = [s for s in font_sizes(result.pdf, 2) if s > 6.5]
    assert min(body) == pytest.approx(result.font_size, abs=0.05)
    assert any("pt" in note for note in result.notes)


def test_shrink_never_goes_below_seven_points() -> None:
    pub = publication(_blocks(60))
    with pytest.raises(CapacityError, match="7 pt") as caught:
        run(pub, size=A7, binding="none", max_pages=8, shrink=True)
    assert caught.value.where is not None


def test_without_max_pages_shrink_changes_nothing() -> None:
    result = run(publication(_blocks(30)), size=A7, binding="none", shrink=True)
    assert result.font_size == 7.75
    assert result.page_count > 8


def test_back_cover_is_the_last_page_set_on_a_fixed_layout() -> None:
    """Typeset adds no blank page to reach the eighth: imposition fills the sheet."""
    pub = publication(_blocks(2), back={"text": "Sampul belakang kami."})
    result = run(pub, size=A7, binding="none", max_pages=8)
    texts = page_texts(result.pdf)
    assert result.page_count < 8, "the test needs content shorter than the layout"
    assert "Sampul belakang kami." in texts[-1]
    assert all(t.strip() for t in texts), [i + 1 for i, t in enumerate(texts) if not t.strip()]
    assert not any("blank" in note for note in result.notes)


@pytest.mark.parametrize("paragraphs", [1, 3, 6, 9])
def test_saddle_back_cover_follows_the_content(paragraphs: int) -> None:
    pub = publication(_blocks(paragraphs), back={"text": "Akhir."})
    result = run(pub, size=A5, binding="saddle")
    texts = page_texts(result.pdf)
    assert "Akhir." in texts[-1]
    assert "Akhir." not in "".join(texts[:-1])
    assert all(t.strip() for t in texts), [i + 1 for i, t in enumerate(texts) if not t.strip()]
    assert not any("blank" in note for note in result.notes)
