"""Markdown content files: the same publication as YAML, whatever the input.

`zinekit convert` round-trips every sample and every starter, YAML -> Markdown -> YAML, to
an equal model; the Markdown samples build to the same words in the same order as their
YAML twins (the reading PDFs read back with pypdfium2); and each piece of Markdown becomes
the block the README says.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from tests.runner import run_zinekit
from zinekit.content.loader import load_content, load_publication, read_content
from zinekit.content.model import Publication
from zinekit.content.writer import to_markdown, to_yaml

ROOT = Path(__file__).resolve().parents[2]
YAML_FILES = sorted((ROOT / "samples").glob("*.yaml")) + sorted(
    (ROOT / "assets" / "starters").glob("*/*.yaml")
)
# The Markdown samples: those with a YAML twin (samples/README.md is not a content file).
TWINS = sorted(p for p in (ROOT / "samples").glob("*.md") if p.with_suffix(".yaml").exists())


def _model(path: Path) -> dict[str, Any]:
    return Publication.model_validate(read_content(path).data).model_dump()


@pytest.mark.parametrize(
    "source", YAML_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in YAML_FILES]
)
def test_yaml_to_markdown_to_yaml_gives_an_equal_model(tmp_path: Path, source: Path) -> None:
    publication, doc = load_content(source)
    markdown = tmp_path / f"{source.stem}.md"
    markdown.write_text(to_markdown(doc.data), encoding="utf-8")
    assert _model(markdown) == publication.model_dump()
    back = tmp_path / f"{source.stem}.yaml"
    back.write_text(to_yaml(read_content(markdown).data), encoding="utf-8")
    assert _model(back) == publication.model_dump()


def test_the_prose_samples_have_a_markdown_twin() -> None:
    names = {path.stem for path in TWINS}
    assert {"perjanjian-pertemuan", "tak-apa-apa", "daftar-bacaan"} <= names


def _words(pdf: Path) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        words = []
        for page in document:
            text = page.get_textpage()
            words += text.get_text_range().split()
            text.close()
            page.close()
        return words
    finally:
        document.close()


@pytest.mark.parametrize("twin", TWINS, ids=[p.stem for p in TWINS])
def test_a_markdown_sample_builds_to_the_same_words_as_its_yaml_twin(
    tmp_path: Path, twin: Path
) -> None:
    words = []
    for source in (twin, twin.with_suffix(".yaml")):
        out = tmp_path / f"{source.suffix[1:]}.pdf"
        run = run_zinekit("build", source, "-o", out, "-q")
        assert run.code == 0, run.stderr
        words.append(_words(out.with_name(f"{out.stem}.reading.pdf")))
    assert len(words[0]) > 100
    assert words[0] == words[1]


def _blocks(tmp_path: Path, markdown: str) -> list[Any]:
    path = tmp_path / "zine.md"
    path.write_text("---\ntitle: T\n---\n\n" + markdown, encoding="utf-8")
    return load_publication(path).model_dump(by_alias=True, exclude_defaults=True)["blocks"]


def test_each_piece_of_markdown_becomes_its_block(tmp_path: Path) -> None:
    blocks = _blocks(
        tmp_path,
        "# Satu\n\n## Dua\n\nKata *miring* dan __tebal__, [tautan](https://example.org).\n"
        "Baris kedua.\n\nParagraf lain.\n\n- a\n- b\n\n***\n\n1. x\n2. y\n\n"
        "- [ ] minum\n- [ ] tidur\n\n> Kita tidak sendirian.\n> \u2014 Kawan\n\n"
        "| Hari | Rasa |\n|---|---|\n|  |  |\n|  |  |\n\n"
        "::: write-in {lines=5 large=true}\nTanda awal\n:::\n",
    )
    assert blocks == [
        {"heading": "Satu"},
        {"heading": "Dua", "level": 2},
        {
            "text": "Kata _miring_ dan **tebal**, [tautan](https://example.org).\nBaris kedua."
            "\n\nParagraf lain."
        },
        {"list": ["a", "b"]},
        {},  # the page break: its only key is its default
        {"list": ["x", "y"], "numbered": True},
        {"checklist": ["minum", "tidur"]},
        {"quote": {"text": "Kita tidak sendirian.", "by": "Kawan"}},
        {"table": ["Hari", "Rasa"], "rows": 2},
        {"write-in": "Tanda awal", "lines": 5, "large": True},
    ]


def test_an_image_paragraph_is_an_image_with_its_caption_and_options(tmp_path: Path) -> None:
    (tmp_path / "foto.png").write_bytes((ROOT / "tests/content/bad/titik.png").read_bytes())
    (image,) = _blocks(tmp_path, '![Dua bangku](foto.png "Taman kota"){width=0.6}\n')
    assert image == {
        "image": {"src": "foto.png", "caption": "Taman kota", "alt": "Dua bangku", "width": 0.6}
    }


def test_titled_items_and_a_title_above_a_list(tmp_path: Path) -> None:
    agreements, resources, checklist = _blocks(
        tmp_path,
        "::: agreements {numbered=false}\n## Rahasia\n\nCerita tinggal di sini.\n\n"
        "## Boleh diam\n:::\n\n"
        "::: resources\n## Ruang Aman\n- kind: zine\n- year: 2019\n\nBacaan ringan.\n:::\n\n"
        "::: checklist\nYang membantu\n\n- [ ] air\n:::\n",
    )
    assert agreements == {
        "agreements": [
            {"title": "Rahasia", "text": "Cerita tinggal di sini."},
            {"title": "Boleh diam"},
        ],
        "numbered": False,
    }
    assert resources == {
        "resources": [
            {"title": "Ruang Aman", "kind": "zine", "year": 2019, "note": "Bacaan ringan."}
        ]
    }
    assert checklist == {"checklist": ["air"], "title": "Yang membantu"}


def test_convert_writes_markdown_that_builds_and_never_replaces_a_file(tmp_path: Path) -> None:
    source = ROOT / "samples" / "check-in.yaml"
    out = tmp_path / "check-in.md"
    run = run_zinekit("convert", source, out)
    assert run.code == 0, run.stderr
    assert out.read_text(encoding="utf-8").startswith("---\ntitle: ")
    assert _model(out) == load_publication(source).model_dump()
    again = run_zinekit("convert", source, out)
    assert again.code == 2 and "--force" in again.stderr
    assert run_zinekit("convert", source, out, "--force").code == 0
    bad = run_zinekit("convert", source, tmp_path / "x.txt")
    assert bad.code == 2 and "neither a .yaml nor a .md" in bad.stderr
