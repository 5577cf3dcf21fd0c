"""The label files: both languages say everything zinekit prints."""

from __future__ import annotations

import typing

import pytest

from zinekit.content.blocks.resources import ResourceKind
from zinekit.i18n import catalog
from zinekit.typeset.i18n import labels

LANGS = ["id", "en"]


def _keys(lang: str) -> dict[str, set[str]]:
    table = catalog(lang, "labels")
    return {section: set(values) for section, values in table.items()}


def test_same_keys_in_every_language() -> None:
    assert _keys("id") == _keys("en")


@pytest.mark.parametrize("lang", LANGS)
def test_every_resource_kind_has_a_label(lang: str) -> None:
    kinds = set(typing.get_args(ResourceKind))
    assert set(labels(lang).kinds) == kinds
    assert all(labels(lang).kind(kind).strip() for kind in kinds)


def test_indonesian_prompt() -> None:
    assert labels("id")["continue-prompt"] == "Tulislah dan lanjutkan sendiri..."
    assert labels("id")["page"] == "Halaman"
    assert labels("en")["page"] == "Page"
    assert labels("id")["contact"] == "Kontak"
