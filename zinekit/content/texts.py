"""The text a content file gives to print: every string value, by its path of keys, except
the values that name files, addresses or options. Read by the checks that look inside
text (links, writing systems) and by `build --replace-missing`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from zinekit.validation.document import KeyPath

# Keys whose values are not text to print: files, links, and names of options.
NOT_TEXT = frozenset({"link", "src", "theme", "fonts", "layout", "sheet", "lang"})


def text_values(data: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Every string in `data` (a content file's plain values) with its path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_TEXT:
                yield from text_values(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from text_values(value, (*path, index))
