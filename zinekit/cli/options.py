"""The options `zinekit impose` and `zinekit build` share, and what they turn into: plan
options, the finish (marks, bleed) and how the sheets are to be drawn (`Printing`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated

import typer

from zinekit import photocopy
from zinekit.impose.marks import Finish, check_bleed, parse_marks
from zinekit.impose.plan import Options
from zinekit.units import paper_size, parse_length


class Duplex(StrEnum):
    long = "long"
    short = "short"
    manual = "manual"


class PadAt(StrEnum):
    before_back = "before-back"
    end = "end"


LayoutOption = Annotated[
    str | None,
    typer.Option(
        "--layout", "-l", help="A built-in layout (see `zinekit layouts`) or a layout file."
    ),
]
SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        help="Paper: A4, A3, Letter, Legal, F4 (Folio, 215x330mm) or WIDTHxHEIGHT"
        " such as 210x297mm. Default: the layout's.",
    ),
]
DuplexOption = Annotated[
    Duplex,
    typer.Option(
        "--duplex",
        help="long: the printer flips on the long edge (most printers' default); short: on the"
        " short edge; manual: no duplex unit, write fronts and backs as two files.",
    ),
]
GuidesOption = Annotated[
    bool, typer.Option("--guides", help="Draw light dotted fold lines and dashed cut lines.")
]
PadAtOption = Annotated[
    PadAt,
    typer.Option(
        "--pad-at",
        help="Where blank pages go to fill the last sheet: before the back cover, or at the end.",
    ),
]
SignatureOption = Annotated[
    int | None,
    typer.Option(
        "--signature-sheets",
        min=1,
        help="Split a thick booklet into sections of this many sheets, each folded on its own.",
    ),
]
ActualSizeOption = Annotated[
    bool,
    typer.Option(
        "--actual-size", help="Place pages at 100% instead of scaling them to fit the cell."
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
MarksOption = Annotated[
    str | None,
    typer.Option(
        "--marks",
        help="Printer's marks outside the trimmed sheet: crop (corners and cut lines),"
        " fold, or crop,fold.",
    ),
]
BleedOption = Annotated[
    str | None,
    typer.Option(
        "--bleed",
        help="How far pages at the sheet's outer edges print past the trim, e.g. 3mm"
        " (a page's own BleedBox supplies the picture; zinekit build draws its pages so).",
    ),
]
PhotocopyOption = Annotated[
    bool,
    typer.Option(
        "--photocopy",
        help="Black only, for photocopiers: every colour converted to grey (zinekit build"
        " draws the pages so; zinekit impose needs Ghostscript); warns about heavy solid black.",
    ),
]
DitherOption = Annotated[
    bool,
    typer.Option(
        "--dither",
        help="Black only (implies --photocopy), and every picture screened into coarse dots,"
        " about 85 lines per inch, that a photocopier reproduces; for photos. zinekit build"
        " only.",
    ),
]
CreepOption = Annotated[
    str | None,
    typer.Option(
        "--creep",
        help="Paper thickness, e.g. 0.1mm: each nested sheet's pages move toward the spine"
        " by that much per sheet outside it, so the fore-edges line up after folding.",
    ),
]

InstructionsOption = Annotated[
    bool,
    typer.Option(
        "--instructions",
        help="Add an instruction page: print at 100%, which duplex flip, where to fold, cut and"
        " staple, in words and sketches. Double-sided layouts: first, on a sheet of its own"
        " with a blank back; the mini-zine: after its sheet.",
    ),
]
PreviewOption = Annotated[
    bool,
    typer.Option(
        "--preview",
        help="Also write PNG pictures of the sheets and of the pages in reading order to"
        " OUT.preview/ (needs pypdfium2, pip install 'zinekit[preview]', or pdftoppm).",
    ),
]


@dataclass(frozen=True)
class Printing:
    """How the user asked for the sheets to be drawn and reported."""

    guides: bool = False
    actual_size: bool = False
    quiet: bool = False
    finish: Finish = field(default_factory=Finish)
    photocopy: bool = False  # black only, through Ghostscript unless `black_pages`
    instructions: bool = False  # an instruction page; write_imposed then needs the layout
    # The instruction page's language, "id" or "en"; None: the source PDF's /Lang decides
    # (Indonesian when it starts with "id", else English).
    lang: str | None = None
    preview: bool = False  # PNG pictures in OUT.preview/
    # The source pages are black-only already (zinekit typeset them for --photocopy): the
    # sheets need no Ghostscript conversion, only the heavy-black check.
    black_pages: bool = False


def require_tools(printing: Printing) -> None:
    """Before any work: the outside tools the chosen options need are there, or an error
    says how to get them (Ghostscript for --photocopy of pages zinekit did not draw, a
    renderer for --preview)."""
    if printing.photocopy and not printing.black_pages:
        photocopy.require_ghostscript()
    if printing.preview:
        from zinekit.preview import require_renderer

        require_renderer()


def plan_options(
    sheet: str | None,
    duplex: Duplex,
    pad_at: PadAt,
    signature_sheets: int | None,
    creep: str | None = None,
) -> Options:
    return Options(
        sheet=paper_size(sheet) if sheet is not None else None,
        duplex=duplex.value,
        padding=pad_at.value,
        signature_sheets=signature_sheets,
        creep=parse_length(creep, what="--creep") if creep else 0.0,
    )


def finish_options(marks: str | None, bleed: str | None) -> Finish:
    return Finish(
        marks=parse_marks(marks),
        bleed=check_bleed(parse_length(bleed, what="--bleed")) if bleed else 0.0,
    )
