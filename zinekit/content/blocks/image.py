"""A picture from a file beside the content file, with an optional caption."""

from __future__ import annotations

from pydantic import Field

from zinekit.content.base import BlockKind, Located, Model, NonEmpty


class ImageSpec(Model):
    src: NonEmpty = Field(description="Path of a JPEG or PNG, relative to the content file.")
    caption: str | None = Field(None, description="A caption under the image.")
    alt: str | None = Field(None, description="What the image shows, for screen readers.")
    width: float = Field(1.0, gt=0, le=1, description="Share of the text width, 0 to 1.")


class Image(Located):
    image: ImageSpec = Field(description="An image with an optional caption.")


IMAGE = BlockKind(
    "image", Image, lambda b: b.image.src, files=(("image", ("image", "src")),), main="caption"
)
