"""The long form of a block (`write-in: {prompt: ..., lines: 5}`, as `quote: {text: ...}` is
written) is the same block as its short form, for every kind that has a short form; the
kinds come from the registry, the blocks from the reference samples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from zinekit.content.loader import load_publication
from zinekit.content.long_form import has_short_form
from zinekit.content.registry import KINDS, block_kind
from zinekit.errors import ContentError

# Between them the two reference samples use every kind (columns cannot go in kabar-sebaya,
# which is also built as a quarter booklet).
SAMPLES = [
    Path(__file__).resolve().parents[2] / "samples" / name
    for name in ("kabar-sebaya.yaml", "sahabat-sebaya.yaml")
]
SHORT = [kind for kind in KINDS if has_short_form(kind)]


def _long(block: dict[str, Any], key: str, main: str) -> dict[str, Any]:
    inner = {main: block[key], **{k: v for k, v in block.items() if k != key}}
    return {key: inner}


def _publication(tmp_path: Path, blocks: list[Any]) -> Any:
    path = tmp_path / "zine.yaml"
    YAML(typ="safe", pure=True).dump({"title": "T", "blocks": blocks}, path)
    return load_publication(path)


def test_the_kinds_with_a_short_form_are_those_whose_key_holds_a_value() -> None:
    keys = {kind.key for kind in SHORT}
    assert {"heading", "write-in", "table", "scale", "list", "agreements"} <= keys
    assert not keys & {"quote", "image", "affirmations", "page-break"}


@pytest.mark.parametrize("kind", SHORT, ids=[kind.key for kind in SHORT])
def test_a_block_in_its_long_form_is_the_same_block(tmp_path: Path, kind: Any) -> None:
    written = [
        block
        for sample in SAMPLES
        for block in YAML(typ="safe").load(sample.read_text(encoding="utf-8"))["blocks"]
    ]
    blocks = [b for b in written if block_kind(b) == kind.key]
    assert blocks, f"the reference samples have no {kind.key} block"
    short = _publication(tmp_path, blocks)
    long = _publication(tmp_path, [_long(b, kind.key, kind.main) for b in blocks])
    assert long.model_dump() == short.model_dump()


def test_a_mistake_in_a_long_form_points_at_its_key_inside_the_mapping(tmp_path: Path) -> None:
    path = tmp_path / "zine.yaml"
    path.write_text(
        "title: T\nblocks:\n  - write-in:\n      prompt: Tanda awal\n      lines: banyak\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_publication(path)
    (found,) = caught.value.problems
    assert str(found.where).endswith(":5:14")
    assert "'lines'" in str(found)


@pytest.mark.parametrize("kind", SHORT, ids=[kind.key for kind in SHORT])
def test_the_schema_accepts_the_long_form_of_every_block(kind: Any) -> None:
    import jsonschema

    from zinekit.content.schema import content_schema

    validator = jsonschema.Draft202012Validator(content_schema())
    written = [
        block
        for sample in SAMPLES
        for block in YAML(typ="safe").load(sample.read_text(encoding="utf-8"))["blocks"]
    ]
    for block in (b for b in written if block_kind(b) == kind.key):
        short = {"title": "T", "blocks": [block]}
        long = {"title": "T", "blocks": [_long(block, kind.key, kind.main)]}
        assert not list(validator.iter_errors(short)), block
        assert not list(validator.iter_errors(long)), block
        # The long form holds the block's own keys and no others.
        wrong = _long(block, kind.key, kind.main)
        wrong[kind.key]["lenght"] = 3
        assert list(validator.iter_errors({"title": "T", "blocks": [wrong]}))
