"""A font file's bytes -> what stops zinekit embedding it (or None): a table directory
that does not fit the file (a truncated download), or a licence that forbids embedding.

reportlab reports a truncated font in its own words ("unpack requires a buffer of 2 bytes")
and embeds a font whose OS/2 fsType says "restricted licence" without a word when it has
few glyphs; a PDF handed out with such a font breaks its licence. Checked by the content
checks (`zinekit.content.files`, at the key naming the font) and by the typesetter
(`zinekit.typeset.fonts`, for fonts a theme names).
"""

from __future__ import annotations

import struct

# OS/2 fsType: bits 0-3 are the embedding level; 2 is "Restricted License embedding":
# the font must not be embedded (OpenType spec, OS/2 table).
_LEVEL_MASK = 0x000F
_RESTRICTED = 0x0002
_HEADER = 12  # sfnt version, numTables and three search fields
_RECORD = 16  # tag, checksum, offset, length


def font_problem(data: bytes) -> str | None:
    """ "damaged", "restricted" or None for the bytes of a TrueType font (the first font
    of a collection)."""
    base = 0
    if data[:4] == b"ttcf":
        if len(data) < 16:
            return "damaged"
        (base,) = struct.unpack_from(">I", data, 12)
    if len(data) < base + _HEADER:
        return "damaged"
    (count,) = struct.unpack_from(">H", data, base + 4)
    if count == 0 or len(data) < base + _HEADER + count * _RECORD:
        return "damaged"
    tables = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack_from(">4sIII", data, base + _HEADER + i * _RECORD)
        if offset + length > len(data):
            return "damaged"
        tables[tag] = (offset, length)
    if b"OS/2" in tables:
        offset, length = tables[b"OS/2"]
        if length < 10:
            return "damaged"
        (fs_type,) = struct.unpack_from(">H", data, offset + 8)
        if fs_type & _LEVEL_MASK == _RESTRICTED:
            return "restricted"
    return None
