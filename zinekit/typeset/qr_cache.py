"""A QR code's modules by the text it encodes, kept between runs.

reportlab encodes a QR code in pure Python and tries all eight mask patterns, scoring each,
to pick the one a phone reads best: about 7 ms a link, 1.4 s of a 200-page build with a
link on every page. As the layout cache does (`zinekit.impose.layout_cache`), the result is
kept in the user's cache folder ($XDG_CACHE_HOME/zinekit/qr, else ~/.cache/zinekit/qr), one
small file per text, named by a hash of the text, the error-correction level, zinekit's
version and reportlab's encoder (its file's size and modification time). A rebuild reads the
modules back; a miss, or an entry that cannot be read or fails its checksum, means encoding
again. The cache is an optimisation only: a folder that cannot be written is left alone.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

from reportlab.graphics.barcode import qrencoder

import zinekit

Modules = tuple[tuple[bool, ...], ...]  # rows from the top, True for a dark module


def modules(value: str) -> Modules:
    """The modules of `value`'s QR code (error correction M), from the cache or encoded."""
    entry = cache_dir() / f"{_key(value)}.txt"
    found = _read(entry)
    if found is not None:
        return found
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    rows = tuple(tuple(bool(m) for m in row) for row in code.modules)
    _write(entry, rows)
    return rows


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "zinekit" / "qr"


def _read(entry: Path) -> Modules | None:
    try:
        checksum, _, payload = entry.read_text(encoding="ascii").partition("\n")
    except (OSError, UnicodeError):
        return None
    if hashlib.sha256(payload.encode()).hexdigest() != checksum:
        return None
    rows = payload.split("\n")
    if not rows or any(len(row) != len(rows) or set(row) - {"0", "1"} for row in rows):
        return None
    return tuple(tuple(c == "1" for c in row) for row in rows)


def _write(entry: Path, rows: Modules) -> None:
    import tempfile  # only when an entry is written

    payload = "\n".join("".join("1" if m else "0" for m in row) for row in rows)
    text = hashlib.sha256(payload.encode()).hexdigest() + "\n" + payload
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        # Renamed into place: a build running at the same time sees all of it or none.
        fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="ascii") as out:
                out.write(text)
            os.replace(tmp, entry)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


def _key(value: str) -> str:
    digest = hashlib.sha256(_code_identity())
    digest.update(value.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@cache
def _code_identity() -> bytes:
    path = qrencoder.__file__
    stat = os.stat(path)
    return f"{zinekit.__version__}\0M\0{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()
