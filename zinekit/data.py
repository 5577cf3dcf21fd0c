"""Finds zinekit's data folders (layouts, themes, assets) in a checkout and in a wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder `name` ("layouts", "themes" or "assets").

    A wheel carries them in `zinekit/_data/`; a checkout (and an editable install) has them
    beside the package, at the top of the repository.
    """
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"zinekit's {name}/ folder is missing from the installation")
