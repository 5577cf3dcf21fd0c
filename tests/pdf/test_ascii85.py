"""The fast ASCII85 decoder gives what pypdf's decoder gives, on good data and bad."""

from __future__ import annotations

import base64
import random

import pytest
from pypdf.filters import ASCII85Decode

from zinekit.pdf import ascii85


def _pypdf(data: bytes) -> bytes | str:
    try:
        return ASCII85Decode.decode(data)
    except ValueError as exc:
        return f"ValueError: {exc}"


def _ours(data: bytes) -> bytes | str:
    try:
        return ascii85.decode(data)
    except ValueError as exc:
        return f"ValueError: {exc}"


@pytest.mark.parametrize("length", [*range(0, 13), 255, 256, 4099])
def test_decodes_what_the_standard_encodes(length: int) -> None:
    rnd = random.Random(length)
    for trial in range(12):
        # Runs of zeros make "z" groups; wrapped lines put whitespace between groups.
        raw = bytes(rnd.choice((0, rnd.randrange(256))) for _ in range(length))
        encoded = base64.a85encode(raw, adobe=True, wrapcol=(0, 20, 75)[trial % 3])
        encoded = encoded if trial % 2 else encoded[2:]  # "<~" is optional in a PDF
        assert ascii85._decode(encoded) == raw  # the fast path itself, not the fallback
        assert ascii85.decode(encoded) == raw


@pytest.mark.parametrize(
    "data",
    [
        b"",  # no end marker: pypdf warns and decodes
        b"87cURD]i,",  # no end marker, with data
        b'87cU RD]i,\n"Ebo80~ \n>',  # whitespace anywhere, even inside the end marker
        b"!~>",  # a lone last digit encodes nothing
        b's8W-"~>',  # a group over 2**32 - 1
        b"ab z~>",  # "z" inside a group
        b"ab{cd~>",  # not a digit
        b"<~zz!!~>",
        b"  \x00<~87cURD]~>\r\n",
    ],
)
def test_unusual_data_decodes_as_pypdf_does(data: bytes) -> None:
    assert _ours(data) == _pypdf(data)


def test_the_fast_path_is_taken_for_ordinary_streams() -> None:
    encoded = base64.a85encode(bytes(range(256)) * 40, adobe=True, wrapcol=75)
    assert ascii85._decode(encoded) is not None
