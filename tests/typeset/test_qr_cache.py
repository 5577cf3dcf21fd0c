"""QR modules kept between runs (zinekit.typeset.qr_cache): the same modules as encoding
gives, read back on the next run, and encoding again when the entry is damaged or the cache
folder cannot be written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from reportlab.graphics.barcode import qrencoder

from zinekit.typeset import qr_cache

LINK = "https://example.org/ruang-dengar"


def _encoded(value: str) -> qr_cache.Modules:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "zinekit" / "qr"


def test_the_modules_are_those_encoded_and_kept_for_the_next_run(cache_home: Path) -> None:
    assert qr_cache.modules(LINK) == _encoded(LINK)
    [entry] = cache_home.glob("*.txt")
    # What the next run reads is the entry: one written by hand (with its checksum) is used.
    rows = ["1" * 21] * 21
    payload = "\n".join(rows)
    entry.write_text(hashlib.sha256(payload.encode()).hexdigest() + "\n" + payload)
    assert qr_cache.modules(LINK) == tuple(tuple([True] * 21) for _ in range(21))


def test_a_damaged_entry_is_encoded_again(cache_home: Path) -> None:
    qr_cache.modules(LINK)
    [entry] = cache_home.glob("*.txt")
    checksum, _, payload = entry.read_text().partition("\n")
    entry.write_text(checksum + "\n" + payload.replace("1", "0", 5))
    assert qr_cache.modules(LINK) == _encoded(LINK)


def test_a_cache_folder_that_cannot_be_made_still_gives_the_modules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert qr_cache.modules(LINK) == _encoded(LINK)
