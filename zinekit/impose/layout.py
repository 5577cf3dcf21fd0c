"""Layout names and files (TOML, in layouts/ or the user's own) -> validated `Layout` values.

The fields are documented in layouts/README.md. `layout_file` validates a file and explains
its mistakes (with pydantic); `layout_cache` keeps what it validated, so that the next run
reading the same bytes needs no pydantic. The values themselves are in `layout_values`.
"""

from __future__ import annotations

import os
from pathlib import Path

from zinekit.errors import LayoutError, printable
from zinekit.i18n import catalog, current, say
from zinekit.impose import layout_cache
from zinekit.impose.layout_values import (
    DRAWINGS,
    KINDS,
    Guide,
    Kind,
    Layout,
    PictureCell,
    Step,
    builtin_dir,
    readme,
)
from zinekit.validation.wording import nearest, quote

__all__ = [
    "DRAWINGS",
    "KINDS",
    "Guide",
    "Kind",
    "Layout",
    "PictureCell",
    "Step",
    "builtin_dir",
    "builtin_names",
    "load_layout",
    "parse_layout",
    "readme",
    "words",
]


def builtin_names() -> list[str]:
    return sorted(p.stem for p in builtin_dir().glob("*.toml"))


def load_layout(name_or_path: str) -> Layout:
    """A built-in layout by name, or a layout file by path."""
    candidate = Path(name_or_path)
    # A bare built-in name is the built-in, even beside a folder or file of that name.
    looks_like_path = candidate.suffix == ".toml" or "/" in name_or_path or os.sep in name_or_path
    if looks_like_path or (name_or_path not in builtin_names() and candidate.is_file()):
        if not candidate.is_file():
            raise LayoutError(
                say("impose.layout.file-not-found"),
                where=candidate,
                hint=say("impose.layout.file-not-found-hint", names=", ".join(builtin_names())),
            )
        return parse_layout(candidate.read_bytes(), candidate)
    path = builtin_dir() / f"{name_or_path}.toml"
    if not path.is_file():
        raise _unknown(name_or_path)
    return parse_layout(path.read_bytes(), path)


def words(layout: Layout) -> tuple[str, str]:
    """What `layout` is and how to fold it (its `description` and `fold`), in the user's
    language for a built-in layout (assets/messages/<lang>/layouts.toml); a layout file of
    the user's own says them in its own words."""
    if layout.source is not None and layout.source.parent == builtin_dir():
        table = catalog(current(), "layouts").get(layout.name)
        if table:
            return str(table["description"]), str(table["fold"])
    return layout.description, layout.fold


def _unknown(name: str) -> LayoutError:
    """The error for a layout name that is neither built in nor a file, with the built-in
    name a typo most likely meant."""
    names = builtin_names()
    suggestion = nearest(name, names)
    if suggestion is None:
        hint = say("impose.layout.unknown-hint", names=", ".join(names))
    else:
        hint = say(
            "impose.layout.unknown-suggest", suggestion=quote(suggestion), names=", ".join(names)
        )
    return LayoutError(say("impose.layout.unknown", name=quote(printable(name, 60))), hint=hint)


def parse_layout(data: bytes, path: Path) -> Layout:
    """A layout file's bytes as a `Layout`; an error points at the file, line and column."""
    cached = layout_cache.lookup(data, path)
    if cached is not None:
        return cached
    from zinekit.impose.layout_file import validate_layout  # pydantic: on a cache miss only

    layout, cacheable = validate_layout(data, path)
    if cacheable:
        layout_cache.store(data, path, layout)
    return layout
