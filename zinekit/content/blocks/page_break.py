"""A page break, written as the bare string `page-break`."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import model_validator

from zinekit.content.base import BlockKind, Located


class PageBreak(Located):
    """Written as the bare string `page-break`."""

    page_break: Literal[True] = True

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"page-break": True} if value == "page-break" else value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        # In YAML a page break is the bare string, not a mapping.
        return {"const": "page-break", "description": "Start a new page here."}


PAGE_BREAK = BlockKind("page-break", PageBreak, bare=True)
