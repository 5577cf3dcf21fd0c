"""A layout file's bytes -> the `Layout` validated from the same bytes before, if cached.

Validating a layout with its pydantic model means importing pydantic, which costs more than
the rest of `zinekit impose` on a small PDF. Like Python's .pyc files, the result is kept:
the first read of a file validates it and stores the `Layout` as plain JSON in the user's
cache folder ($XDG_CACHE_HOME/zinekit, else ~/.cache/zinekit); later reads of the same
bytes take it from there. Built-in and user files alike: a built-in file edited by hand
has other bytes, so it is validated again.

An entry is named by a hash of everything the validated value depends on: the file's
bytes and name (a file without a `name` field is named after it), zinekit's version, the
source of the modules that validate and convert it, the installed pydantic and Python. A
change to any of them misses the cache. Only valid files are stored, so a mistake is
explained on every run. The cache is an optimisation only: a folder that cannot be
written, or an entry that is unreadable or fails its checksum, means validating again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from functools import cache
from pathlib import Path

import zinekit
from zinekit.impose.layout_values import Layout, from_plain, to_plain

# The modules whose code decides a layout's value: the model, the values it becomes, and
# what the model calls (paper sizes, the errors it raises). tests/impose/test_layout_cache.py
# checks that this lists every zinekit module the model imports.
SOURCES = (
    "impose/layout_file.py",
    "impose/layout_values.py",
    "units.py",
    "errors.py",
    "i18n.py",
    "compat.py",
    "data.py",
    "validation/datafile.py",
    "validation/document.py",
    "validation/explain.py",
    "validation/wording.py",
)
# The installed libraries whose behaviour the value depends on, known by their files'
# size and modification time (reading their versions would import them).
_LIBRARIES = ("pydantic", "pydantic_core")
_PACKAGE = Path(zinekit.__file__).resolve().parent


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "zinekit" / "layouts"


def lookup(data: bytes, path: Path) -> Layout | None:
    """The layout cached for these bytes of the file at `path`, or None."""
    try:
        text = (cache_dir() / f"{_key(data, path)}.json").read_text(encoding="utf-8")
        checksum, _, payload = text.partition("\n")
        if hashlib.sha256(payload.encode()).hexdigest() != checksum:
            return None
        return from_plain(json.loads(payload), path)
    except (OSError, UnicodeError, ValueError, KeyError, TypeError, IndexError):
        return None


def store(data: bytes, path: Path, layout: Layout) -> None:
    """Keep `layout`, validated from `data`, for the next read; silently not if impossible."""
    import tempfile  # only when an entry is written, once per file

    folder = cache_dir()
    payload = json.dumps(to_plain(layout), ensure_ascii=False, separators=(",", ":"))
    text = hashlib.sha256(payload.encode()).hexdigest() + "\n" + payload
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Written beside the entry and renamed into place: a reader running at the same
        # time sees the whole entry or none.
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(tmp, folder / f"{_key(data, path)}.json")
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


def _key(data: bytes, path: Path) -> str:
    digest = hashlib.sha256(_code_identity())
    digest.update(path.stem.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(data)
    return digest.hexdigest()


@cache
def _code_identity() -> bytes:
    digest = hashlib.sha256(f"{zinekit.__version__}\0{sys.version}\0".encode())
    for name in SOURCES:
        digest.update(name.encode() + b"\0" + (_PACKAGE / name).read_bytes())
    for library in _LIBRARIES:
        spec = importlib.util.find_spec(library)
        origin = spec.origin if spec is not None else None
        if origin is not None:
            stat = os.stat(origin)
            digest.update(f"{library}\0{origin}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.digest()
