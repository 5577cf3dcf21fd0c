"""The registry of block kinds is the one list: the union, the schema, the file checks and
the names messages use all follow it."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from zinekit.content.base import Model
from zinekit.content.loader import load_publication
from zinekit.content.model import Publication
from zinekit.content.registry import BLOCK_KEYS, KINDS, block_kind, describe, file_paths
from zinekit.content.schema import content_schema


def _aliases(model: type[Model]) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


def test_every_kind_starts_with_a_key_of_its_own_model() -> None:
    assert len({kind.key for kind in KINDS}) == len(KINDS)
    assert len({kind.model for kind in KINDS}) == len(KINDS)
    for kind in KINDS:
        assert kind.key in _aliases(kind.model), kind.key


def test_the_schema_offers_exactly_the_registered_kinds() -> None:
    members = content_schema()["properties"]["blocks"]["items"]["oneOf"]
    refs = [member["$ref"] for member in members]
    assert refs == [f"#/$defs/{kind.model.__name__}" for kind in KINDS]


def test_a_validated_block_and_its_yaml_name_the_same_kind() -> None:
    # The reference and magazine samples use every kind (tests/test_samples.py holds them
    # to that).
    samples = Path(__file__).resolve().parents[2] / "samples"
    pairs = []
    for name in ("kabar-sebaya.yaml", "sahabat-sebaya.yaml"):
        path = samples / name
        written = YAML(typ="safe").load(path.read_text(encoding="utf-8"))["blocks"]
        pairs += list(zip(written, load_publication(path).blocks, strict=True))
    seen = set()
    for value, block in pairs:
        key = block_kind(value)
        assert key is not None
        seen.add(key)
        assert block_kind(block) == key
        assert type(block) is BLOCK_KEYS[key]
        assert describe(block).startswith(f"the {key} block")
    assert seen == set(BLOCK_KEYS)


def test_describe_quotes_the_first_words_and_cuts_long_ones() -> None:
    pub = Publication.model_validate(
        {"title": "T", "blocks": [{"box": "Gambar  tempat\namanmu"}, {"text": "kata " * 20}]}
    )
    box, text = pub.blocks
    assert describe(box) == 'the box block "Gambar tempat amanmu"'
    assert describe(text) == 'the text block "' + ("kata " * 8).strip() + '\u2026"'


def test_file_references_come_from_the_kinds() -> None:
    assert ("image", ("image", "src")) in file_paths()
    for what, inside in file_paths():
        assert what in ("image", "font")
        owners = [kind for kind in KINDS if (what, inside) in kind.files]
        assert owners and all(inside[0] in _aliases(kind.model) for kind in owners)
