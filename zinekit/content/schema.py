"""The JSON Schema of content files, generated from the content model, for editors that
complete keys and underline mistakes as you type."""

from __future__ import annotations

from typing import Any

from zinekit.content.model import Publication

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
    return schema
