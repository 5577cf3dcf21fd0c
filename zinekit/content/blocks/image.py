"""A picture from a file beside the content file, with an optional caption."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from zinekit.content.base import BlockKind, Located, Model, NonEmpty

# A picture with text beside it takes at most this share of the text width.
FLOAT_LIMIT = 0.6


class ImageSpec(Model):
    src: NonEmpty = Field(description="Path of a JPEG or PNG, relative to the content file.")
    caption: str | None = Field(None, description="A caption under the image.")
    alt: str | None = Field(None, description="What the image shows, for screen readers.")
    width: float = Field(1.0, gt=0, le=1, description="Share of the text width, 0 to 1.")
    credit: str | None = Field(
        None, description='Who made the picture, set small apart from the caption: "Foto: Dina".'
    )
    float_: Literal["left", "right"] | None = Field(
        None,
        alias="float",
        description="Set the picture at the left or right with the text that follows running"
        f" beside it; needs a `width` under {FLOAT_LIMIT:g}.",
    )
    keep: bool = Field(
        False,
        description="Keep the picture exactly where it is written: when it does not fit at"
        " the foot of a page it goes to the next page and leaves the space empty. Without it,"
        " the text after the picture fills that space and the picture opens the next page.",
    )

    @field_validator("float_")
    @classmethod
    def _narrow_enough(cls, value: str | None, info: ValidationInfo) -> str | None:
        width = info.data.get("width")
        if value is not None and width is not None and width >= FLOAT_LIMIT:
            raise PydanticCustomError(
                "float_too_wide",
                "a floated picture needs a width under {limit}",
                {"limit": f"{FLOAT_LIMIT:g}", "width": f"{width:g}"},
            )
        return value


class Image(Located):
    image: ImageSpec = Field(description="An image with an optional caption.")


IMAGE = BlockKind(
    "image", Image, lambda b: b.image.src, files=(("image", ("image", "src")),), main="caption"
)
