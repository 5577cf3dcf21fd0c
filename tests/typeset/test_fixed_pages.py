"""Fitting on fixed-page layouts, read back from the PDF: a title is never cut inside a
word; short content fills every panel of the mini-zine, with the type enlarged only as
far as nothing set on one line at the base size wraps; the note says what was done."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.typeset.helpers import A7, font_sizes, page_texts, publication, run
from zinekit.content.model import Publication
from zinekit.impose.layout import builtin_names, load_layout
from zinekit.impose.target import page_target
from zinekit.typeset import typeset
from zinekit.typeset.geometry import default_font_size

FIXTURE = Path(__file__).parent / "fixtures" / "perasaanmu-valid.yaml"


def _fixture() -> Publication:
    return Publication.model_validate(YAML(typ="safe").load(FIXTURE.read_text(encoding="utf-8")))


def _affirmations(pub: Publication) -> list[str]:
    block = pub.blocks[0].affirmations  # type: ignore[union-attr]
    return [block.pattern.replace("{}", item) for item in block.items]


def _lines(pdf: bytes, pages: slice) -> list[str]:
    return [" ".join(line.split()) for text in page_texts(pdf)[pages] for line in text.split("\n")]


def _minizine(pub: Publication) -> tuple[bytes, int, float, tuple[str, ...]]:
    target = page_target(load_layout("minizine"))
    result = typeset(pub, base_dir=FIXTURE.parent, target=target)
    return result.pdf, result.page_count, result.font_size, result.notes


def test_the_affirmation_sheet_fills_every_panel() -> None:
    pdf, pages, size, notes = _minizine(_fixture())
    assert pages == 8
    texts = page_texts(pdf)
    blank = [i + 1 for i, text in enumerate(texts) if not text.strip()]
    assert blank == []
    # The affirmations are spread over the body panels, not heaped on the first ones.
    body = texts[1:-1]
    counts = [text.count("TAK APA-APA") for text in body]
    assert max(counts) - min(c for c in counts if c) <= 2, counts


def test_no_affirmation_wraps_that_fits_one_line_at_the_base_size() -> None:
    pub = _fixture()
    base = run(pub, size=A7, binding="none")  # no page limit: the base size, not enlarged
    assert base.font_size == default_font_size(A7)
    pdf, _, size, _ = _minizine(pub)
    base_lines, lines = _lines(base.pdf, slice(1, -1)), _lines(pdf, slice(1, -1))
    one_liners = [a for a in _affirmations(pub) if a in base_lines]
    assert len(one_liners) == 14, "the fixture's affirmations each fit a line at the base size"
    assert [a for a in one_liners if a not in lines] == []
    assert size > base.font_size  # and yet the type was enlarged


def test_the_note_says_what_was_done() -> None:
    pdf, _, size, notes = _minizine(_fixture())
    [note] = [n for n in notes if "type set at" in n]
    noted = float(re.search(r"type set at ([\d.]+) pt", note)[1])  # type: ignore[index]
    assert noted == size
    assert "extra space between blocks" in note and "fills the 8 pages" in note
    sizes = [round(s, 2) for s in font_sizes(pdf, 1)]
    assert max(set(sizes), key=sizes.count) == pytest.approx(size, abs=0.05)


def _title(rng: random.Random) -> str:
    letters = "ABCDEFGHIJKLMNOPRSTUWMW"
    count = rng.randint(1, 6)
    return " ".join(
        "".join(rng.choice(letters) for _ in range(rng.randint(3, 14))) for _ in range(count)
    )


TITLES = [_title(random.Random(seed)) for seed in range(6)] + ["WWWWWWWWWWWWWW", "PERASAANMU"]


@pytest.mark.parametrize("layout", builtin_names())
def test_no_title_is_split_inside_a_word(layout: str) -> None:
    page = page_target(load_layout(layout)).page_size
    for title in TITLES:
        for cover in ({}, None):  # the cover title, and the masthead of page 1
            pub = publication([{"heading": title}, {"text": "Isi."}], cover=cover)
            pub = pub.model_copy(update={"title": title})
            texts = page_texts(run(pub, size=page, binding="none").pdf)
            # The title on the cover (or the masthead), the heading on the first body page.
            for text in texts[: 2 if cover is not None else 1]:
                lines = [line.split() for line in text.split("\n")]
                tokens = {token for line in lines for token in line}
                cut = [word for word in title.split() if word not in tokens]
                assert not cut, f"{layout}: {cut} of {title!r} split across lines: {lines}"
