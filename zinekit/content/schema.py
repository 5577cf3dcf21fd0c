"""The JSON Schema of content files, generated from the content model, for editors that
complete keys and underline mistakes as you type.

pydantic describes each block in its short form (`write-in: PROMPT`, `lines: 5` beside it);
a block that has a short form may also be written in its long form (`write-in: {prompt:
PROMPT, lines: 5}`, `zinekit.content.long_form`), which the schema adds to the block's key.
"""

from __future__ import annotations

import copy
from typing import Any

from zinekit.content.long_form import has_short_form
from zinekit.content.model import Publication
from zinekit.content.registry import KINDS

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def content_schema() -> dict[str, Any]:
    """The schema as a JSON-ready dict, keys as written in YAML (`page-numbers`)."""
    generated = Publication.model_json_schema(by_alias=True)
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "title": "zinekit content file",
        "description": "A zine, handout or booklet for `zinekit build`."
        " Start one with `zinekit new zine`.",
    }
    schema.update((k, v) for k, v in generated.items() if k not in ("title", "description"))
    definitions = schema.get("$defs", {})
    for kind in KINDS:
        block = definitions.get(kind.model.__name__)
        if block is not None and kind.main is not None and has_short_form(kind):
            _add_long_form(block, kind.key, kind.main)
    return schema


def _add_long_form(block: dict[str, Any], key: str, main: str) -> None:
    """Let `key` hold either its value (the short form) or a mapping of `main`, that value,
    and the block's other keys (the long form)."""
    properties = block.get("properties", {})
    short = properties.get(key)
    if short is None:
        return
    value = {k: v for k, v in copy.deepcopy(short).items() if k not in ("title", "description")}
    options = {name: copy.deepcopy(spec) for name, spec in properties.items() if name != key}
    long_form = {
        "type": "object",
        "description": f"The long form: {key}: {{{main}: ..., ...}}, the block's other keys"
        " inside it.",
        "properties": {main: value, **options},
        "required": [main],
        "additionalProperties": False,
    }
    properties[key] = {
        "anyOf": [value, long_form],
        **{k: v for k, v in short.items() if k in ("title", "description")},
    }
