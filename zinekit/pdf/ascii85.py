"""ASCII85 data (PDF 32000-1:2008, 7.4.3) -> the bytes it encodes, fast.

Producers such as reportlab wrap compressed content streams in ASCII85; imposition drops that
layer (it only makes binary data 7-bit safe, at 25% more bytes). The standard library's
decoder (which pypdf uses) loops over every character in Python, about a sixth of imposing
a large file. This one does the arithmetic for all groups at once on big integers: each
group of five digits gets its own 8-byte lane of one integer per digit position, so one
multiply-and-add per position decodes every group, and slicing with a step moves bytes in
and out of the lanes. Anything unusual (a character that is not a digit, `z` inside a group,
a group over 2**32, a missing `~>`) goes to pypdf's decoder, which has the exact behaviour:
its repairs, warnings and error messages.
"""

from __future__ import annotations

from pypdf.filters import ASCII85Decode

# What pypdf's decoder ignores between digits.
_WHITESPACE = b"\x00\t\n\x0c\r "
_DIGITS = bytes(range(33, 118))  # "!" (0) to "u" (84)
_VALUES = bytes((b - 33) % 256 for b in range(256))
_LANE = 8  # bytes per group while decoding: 85**5 < 2**40 never carries into the next lane


def decode(data: bytes) -> bytes:
    """The bytes `data` (ASCII85, with its `~>` end marker) encodes."""
    fast = _decode(data)
    return fast if fast is not None else ASCII85Decode.decode(data)


def _decode(data: bytes) -> bytes | None:
    """The decoded bytes, or None when `data` needs pypdf's careful decoder."""
    body = data.strip(_WHITESPACE)
    if body.startswith(b"<~"):
        body = body[2:]
    body = body.translate(None, _WHITESPACE)
    if not body.endswith(b"~>"):
        return None
    body = body[:-2]
    if b"z" in body:
        # "z" stands for a group of four zero bytes, only between groups.
        groups = body.split(b"z")
        if any(len(g) % 5 for g in groups[:-1]):
            return None
        body = b"!!!!!".join(groups)
    if body.translate(None, _DIGITS):
        return None
    tail = len(body) % 5
    if tail == 1:
        return None  # a lone digit encodes nothing; pypdf's decoder says what it does
    size = len(body) // 5 * 4 + (tail - 1 if tail else 0)
    body += b"u" * ((5 - tail) % 5)  # as the standard pads the last group
    count = len(body) // 5
    values = body.translate(_VALUES)
    total = 0
    for position in range(5):
        lanes = bytearray(count * _LANE)
        lanes[0::_LANE] = values[position::5]
        total = total * 85 + int.from_bytes(lanes, "little")
    lanes = bytearray(total.to_bytes(count * _LANE, "little"))
    if lanes[4::_LANE].count(0) != count:
        return None  # a group over 2**32 - 1
    out = bytearray(count * 4)
    for position in range(4):  # each lane holds its group little-endian; ASCII85 is big
        out[position::4] = lanes[3 - position :: _LANE]
    return bytes(out[:size])
