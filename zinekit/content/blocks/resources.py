"""A list of films, zines, books and sites, each link printed with a QR code."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from zinekit.content.base import BlockKind, Located, Model, NonEmpty
from zinekit.content.links import LINK_PATTERN

ResourceKind = Literal["film", "zine", "book", "site", "podcast", "article", "music", "other"]


class Resource(Model):
    title: NonEmpty = Field(description="Title of the film, zine, book, site...")
    kind: ResourceKind = Field("other", description="What it is; shown as a translated label.")
    by: str | None = Field(None, description="Author, director or publisher.")
    year: int | None = Field(None, ge=1000, le=2999, description="Year it came out.")
    length: str | None = Field(None, description='Pages or duration: "38 hlm", "90 min".')
    link: str | None = Field(
        None,
        pattern=LINK_PATTERN,
        description="Where to find it (http(s):// or mailto:); printed with a QR code.",
    )
    note: str | None = Field(None, description="A sentence on why it is worth it.")


class Resources(Located):
    resources: Annotated[list[Resource], Field(min_length=1)] = Field(
        description="A list of films, zines, books and sites."
    )
    title: str | None = Field(None, description="An optional title above the list.")


RESOURCES = BlockKind(
    "resources", Resources, lambda b: b.title or b.resources[0].title, main="items"
)
