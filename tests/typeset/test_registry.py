"""Every registered block kind has exactly one typesetter, and every typesetter sets a
registered kind: a new kind cannot be half added."""

from __future__ import annotations

from zinekit.content.registry import KINDS
from zinekit.typeset.story import TYPESETTERS


def test_every_block_kind_has_a_typesetter_and_every_typesetter_a_kind() -> None:
    kinds = {kind.model for kind in KINDS}
    missing = sorted(k.__name__ for k in kinds - TYPESETTERS.keys())
    extra = sorted(k.__name__ for k in TYPESETTERS.keys() - kinds)
    assert not missing, f"no typesetter for {missing}"
    assert not extra, f"typesetters for unregistered models {extra}"
