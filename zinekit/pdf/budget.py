"""The limits that keep a hostile or broken PDF from exhausting memory: how much of a file
zinekit reads, how much one stream (or one page's content) may decode to, how large a
picture a renderer may be asked to decode, and how much memory an outside tool may take.

The one place for these numbers: `apply_to_pypdf` hands the stream limit to pypdf (its
public `Configuration`), `zinekit.pdf.getters` holds a page's content to it,
`zinekit.pdf.rendering` checks a file against it before pypdfium2 or pdftoppm draws it,
and `limit_tool_memory` caps qpdf and Ghostscript. Importing this module does not import
pypdf.
"""

from __future__ import annotations

from zinekit.errors import DecodeLimitError
from zinekit.i18n import say

_MB = 1024 * 1024

# A PDF bigger than this is refused before it is read: it is held in memory whole (pypdf
# and the renderers need it so), and no zine or booklet comes near it.
INPUT_LIMIT = 2048 * _MB
# What one stream, or one page's content streams together, may decode to. pypdf's own
# default (75 MB) already; fixed here so that the message names the real number. A page's
# drawing operators are rarely over 5 MB; a 600 MB "page" is a decompression bomb.
DECODED_LIMIT = 75 * _MB
# The largest picture (declared width x height x bytes per pixel) a renderer is asked to
# decode for --preview or the heavy-black measure: a 600 ppi A4 scan in CMYK is 140 MB.
RASTER_LIMIT = 256 * _MB
# The address space an outside tool (qpdf, Ghostscript) may use. Both stream their work:
# a normal file needs a few tens of MB; a bomb makes qpdf hold the decoded stream whole.
TOOL_MEMORY = 768 * _MB


def megabytes(size: int) -> str:
    return f"{size / _MB:.0f} MB"


def over_limit(what: str = "a-stream", limit: int = DECODED_LIMIT) -> DecodeLimitError:
    """The error for `what` (a key of [decode-limit] in pdf.toml: "a-stream" or
    "page-content") decoding to more than `limit` bytes."""
    detail = say(
        "pdf.decode-limit.over", what=say(f"pdf.decode-limit.{what}"), limit=megabytes(limit)
    )
    found = DecodeLimitError(detail)
    assert isinstance(found, DecodeLimitError)
    return found


def apply_to_pypdf() -> None:
    """Make pypdf stop decoding any stream at `DECODED_LIMIT`, whatever its filter.

    pypdf keeps its configuration per context (a `ContextVar`); zinekit runs in one.
    """
    import pypdf

    pypdf.overwrite_configuration(
        zlib_maximum_output_length=DECODED_LIMIT,
        lzw_maximum_output_length=DECODED_LIMIT,
        run_length_maximum_output_length=DECODED_LIMIT,
        brotli_maximum_output_length=DECODED_LIMIT,
        jbig2_maximum_output_length=DECODED_LIMIT,
        array_based_stream_maximum_output_length=DECODED_LIMIT,
    )


def limit_tool_memory() -> None:
    """Run in the child before an outside tool starts (`preexec_fn`): cap its memory, so
    that a bomb makes the tool fail (which the check reports) instead of the machine swap."""
    import resource  # POSIX only; callers pass this function only where it exists

    resource.setrlimit(resource.RLIMIT_AS, (TOOL_MEMORY, TOOL_MEMORY))
