"""Every sample (and the affirmation fixture) is set as a careful typesetter would sign:
see tests/typography.py. New samples are picked up from samples/ by themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.typeset.helpers import A5, A7, PARAGRAPH_ID, page_texts, publication, run
from tests.typography import sample_faults, typography_faults
from zinekit.units import mm

A6 = (mm(105), mm(148))

ROOT = Path(__file__).resolve().parents[2]
CONTENT = sorted((ROOT / "samples").glob("*.yaml")) + sorted(
    (Path(__file__).parent / "fixtures").glob("*.yaml")
)


THEMES = sorted(p.stem for p in (ROOT / "themes").glob("*.toml"))


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.name)
def test_set_as_a_typesetter_would(path: Path, theme: str) -> None:
    """Every sample in every theme (a theme changes the measure and the sizes, so the
    line and page ends fall elsewhere)."""
    assert sample_faults(path, theme=theme) == []


def _stress() -> list[dict[str, object]]:
    """Paragraphs of every length, headings between them, in a narrow column: the line
    ends and page ends fall everywhere."""
    words = PARAGRAPH_ID.split()
    blocks: list[dict[str, object]] = []
    for i in range(45):
        if i % 4 == 0:
            blocks.append({"heading": f"Bagian {i // 4 + 1}", "level": 1 + i % 2})
        count = 6 + (i * 7) % (len(words) - 6)
        blocks.append({"text": " ".join(words[(i * 3) % 10 :][:count]) + " stigmatisasi."})
    return blocks


@pytest.mark.parametrize("size", [A7, A6], ids=["A7", "A6"])
def test_text_of_every_length_is_set_as_a_typesetter_would(size: tuple[float, float]) -> None:
    result = run(publication(_stress()), size=size, binding="none")
    assert result.page_count > 4
    assert typography_faults(result) == []


def test_a_heading_takes_only_the_first_lines_of_its_text_along() -> None:
    """A heading near the foot stays there with the first lines of a paragraph that does
    not fit whole, instead of moving to the next page with all of it (reportlab's own
    keep-together) and leaving the foot of this one empty."""
    long_text = " ".join([PARAGRAPH_ID] * 2)
    for lead_in in range(4, 12):
        blocks = [{"text": " ".join([PARAGRAPH_ID] * 3)[: lead_in * 60]}]
        blocks += [{"heading": "Judul Bagian"}, {"text": long_text}]
        result = run(publication(blocks, cover=None), size=A6, binding="none")
        texts = page_texts(result.pdf)
        if "Judul Bagian" in texts[0] and len(texts) > 1:
            assert texts[0].split("Judul Bagian", 1)[1].strip(), "the heading ends its page"
            assert typography_faults(result) == []
            return
    pytest.fail("no lead-in left the heading near the foot of page 1")


@pytest.mark.parametrize("side", ["right", "left"])
def test_text_beside_a_pull_quote_turns_the_page_as_a_typesetter_would(side: str) -> None:
    """Text beside a side pull quote and on under it, with the page turning at every line
    of it: the paragraph begun beside the quote never leaves its last line alone at the
    head of the next page."""
    words = PARAGRAPH_ID.split()
    turns: set[int] = set()
    for lead in range(0, 60, 2):
        blocks: list[dict[str, object]] = [{"text": " ".join((words * 10)[: 40 + lead * 9])}]
        blocks.append({"pullquote": " ".join(words[:4]), "side": side})
        blocks.append({"text": " ".join((words * 3)[: 30 + lead % 7 * 5])})
        blocks.append({"text": " ".join(words * 2)})
        result = run(publication(blocks, cover=None), size=A5, binding="none")
        assert typography_faults(result) == [], f"lead-in of {40 + lead * 9} words"
        quote = next(i for i, p in enumerate(result.paragraphs) if p.style == "pullquote")
        serial = result.paragraphs[quote + 1].serial
        turns.add(len({p.page for p in result.paragraphs if p.serial == serial}))
    assert turns == {1, 2}, "the page never turned inside the text beside the quote"
