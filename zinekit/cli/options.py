"""The options `zinekit impose` and `zinekit build` share, and what they turn into: plan
options, the finish (marks, bleed) and how the sheets are to be drawn (`Printing`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

import typer

from zinekit import photocopy
from zinekit.compat import StrEnum
from zinekit.i18n import say
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
    typer.Option("--layout", "-l", help=say("help.options.layout")),
]
SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        help=say("help.options.sheet"),
    ),
]
DuplexOption = Annotated[
    Duplex,
    typer.Option(
        "--duplex",
        help=say("help.options.duplex"),
    ),
]
GuidesOption = Annotated[bool, typer.Option("--guides", help=say("help.options.guides"))]
PadAtOption = Annotated[
    PadAt,
    typer.Option(
        "--pad-at",
        help=say("help.options.pad-at"),
    ),
]
SignatureOption = Annotated[
    int | None,
    typer.Option(
        "--signature-sheets",
        min=1,
        help=say("help.options.signature-sheets"),
    ),
]
ActualSizeOption = Annotated[
    bool,
    typer.Option("--actual-size", help=say("help.options.actual-size")),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help=say("help.options.quiet"))]
MarksOption = Annotated[
    str | None,
    typer.Option(
        "--marks",
        help=say("help.options.marks"),
    ),
]
BleedOption = Annotated[
    str | None,
    typer.Option(
        "--bleed",
        help=say("help.options.bleed"),
    ),
]
PhotocopyOption = Annotated[
    bool,
    typer.Option(
        "--photocopy",
        help=say("help.options.photocopy"),
    ),
]
DitherOption = Annotated[
    bool,
    typer.Option(
        "--dither",
        help=say("help.options.dither"),
    ),
]
CreepOption = Annotated[
    str | None,
    typer.Option(
        "--creep",
        help=say("help.options.creep"),
    ),
]

InstructionsOption = Annotated[
    bool,
    typer.Option(
        "--instructions",
        help=say("help.options.instructions"),
    ),
]
PreviewOption = Annotated[
    bool,
    typer.Option(
        "--preview",
        help=say("help.options.preview"),
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
