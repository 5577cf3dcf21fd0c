"""The registry of block kinds is the one list: the union, the schema, the file checks and
the names messages use all follow it."""

from __future__ import annotations

from typing import Any

from zinekit.content.base import Model
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
    samples: dict[str, Any] = {
        "heading": {"heading": "H"},
        "text": {"text": "T"},
        "list": {"list": ["a"]},
        "agreements": {"agreements": [{"title": "A"}]},
        "affirmations": {"affirmations": {"pattern": "X {}", "items": ["a"]}},
        "resources": {"resources": [{"title": "R"}]},
        "quote": {"quote": {"text": "Q"}},
        "image": {"image": {"src": "a.png"}},
        "write-in": {"write-in": "W"},
        "box": {"box": "B"},
        "checklist": {"checklist": ["c"]},
        "scale": {"scale": "S"},
        "fields": {"fields": ["Nama"]},
        "table": {"table": ["Hari"]},
        "page-break": "page-break",
    }
    assert list(samples) == list(BLOCK_KEYS)  # a new kind needs a sample here
    pub = Publication.model_validate({"title": "T", "blocks": list(samples.values())})
    for key, value, block in zip(samples, samples.values(), pub.blocks, strict=True):
        assert block_kind(value) == key
        assert block_kind(block) == key
        assert type(block) is BLOCK_KEYS[key]
        assert describe(block).startswith(f"the {key} block")


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
