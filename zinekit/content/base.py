"""What every part of the content model is built from: the base models (kebab-case keys,
unknown keys forbidden) and `BlockKind`, the one declaration of a kind of block.

Each block module (`zinekit.content.blocks.*`) declares its models and one `BlockKind` per
kind; `zinekit.content.registry` lists them, and everything else that depends on the kinds
(the union in the model, the JSON Schema, the files to check, how messages name a block,
the typesetter table) is derived from that list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr
from pydantic_core import PydanticCustomError

from zinekit.errors import Location


def _kebab(name: str) -> str:
    return name.rstrip("_").replace("_", "-")


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        alias_generator=_kebab,
        populate_by_name=False,
        str_strip_whitespace=True,
        # YAML reads `title: 1984` or `length: 90` as numbers; they are meant as text.
        coerce_numbers_to_str=True,
    )


class Located(Model):
    """A part of a content file that remembers where it was written, for messages."""

    _where: Location | None = PrivateAttr(default=None)
    # Where each key inside it was written, by its path of keys below it: ("side",) or
    # ("image", "float"), for messages about one key found only when typesetting.
    _keys: dict[tuple[str | int, ...], Location] = PrivateAttr(default_factory=dict)

    @property
    def where(self) -> Location | None:
        return self._where

    def where_of(self, *path: str | int) -> Location | None:
        """Where the key at `path` inside this part was written; else the part's place."""
        return self._keys.get(path, self._where)


NonEmpty = Annotated[str, Field(min_length=1)]


def _not_a_bool(value: object) -> object:
    # pydantic takes true for 1 (True == 1); `columns: true` is a slip, not one column.
    if isinstance(value, bool):
        raise PydanticCustomError("literal_error", "Input should be 1 or 2", {"expected": "1 or 2"})
    return value


# A number that is 1 or 2 (a heading's level, the columns), never true or false.
OneOrTwo = Annotated[Literal[1, 2], BeforeValidator(_not_a_bool)]
# The languages zinekit hyphenates and labels in.
Lang = Literal["id", "en"]

B = TypeVar("B", bound=Located)


@dataclass(frozen=True)
class BlockKind(Generic[B]):
    """One kind of block, declared once.

    `key` is the YAML key a block of this kind starts with (and its tag in the union);
    `words` gives the first words messages quote to point at a block ("the box block
    "Gambar tempat amanmu""), None for a kind with no text of its own; `files` are the
    places inside the block, as written in YAML, that name a file to check before
    typesetting: ("image", ("image", "src")) is an image at `image: src:`. A `bare` kind
    is written as the bare string `key` (`- page-break`) rather than as a mapping.

    `main` names the block's main value inside a mapping under `key`: for a kind whose
    `key` holds that value directly (`write-in: PROMPT` beside `lines: 5`, the short form)
    it is the name of the same value in the long form (`write-in: {prompt: ..., lines:
    5}`, see `zinekit.content.long_form`); for a kind whose `key` holds a mapping already
    (`quote: {text: ..., by: ...}`) it is the key of that mapping the main value goes in.
    The body of a Markdown container fills it.
    """

    key: str
    model: type[B]
    words: Callable[[B], str] | None = None
    files: tuple[tuple[str, tuple[str, ...]], ...] = ()
    bare: bool = False
    main: str | None = None
