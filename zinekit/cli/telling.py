"""What zinekit tells the user after imposing: notes that may surprise, what was written,
and how to print it; and a progress counter on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Collection
from pathlib import Path

from zinekit import photocopy
from zinekit.cli.previews import Extras
from zinekit.errors import notice
from zinekit.i18n import say
from zinekit.impose.plan import Plan
from zinekit.impose.sheets import WriteReport
from zinekit.pdf import Source
from zinekit.units import describe_size, smallest_paper


def heavy_black_notice(sides: list[int], measured_by: Collection[str] = ()) -> None:
    """Warn about sheet sides a copier will smear: more than HEAVY_BLACK solid black.
    `measured_by` names a measure other than the usual one, to say so."""
    listed = ", ".join(map(str, sorted(set(sides))))
    how = ""
    if measured_by:
        names = ", ".join(sorted(photocopy.measure_name(m) for m in measured_by))
        how = say("cli.telling.measured-with", how=names)
    share = f"{photocopy.HEAVY_BLACK:.0%}"
    notice(
        say("cli.telling.heavy-black", count=len(set(sides)), sides=listed, share=share, how=how)
    )


class Typesetting:
    """ "zinekit: typesetting page 12" on a terminal's stderr while pages are set, on one
    line rewritten in place; "try 2" when fitting sets the pages again from page 1."""

    def __init__(self) -> None:
        self.tries = 0
        self.shown = False

    def page(self, number: int) -> None:
        if number == 1:
            self.tries += 1
        if self.tries > 1:
            line = say("cli.telling.typesetting-again", page=number, attempt=self.tries)
        else:
            line = say("cli.telling.typesetting", page=number)
        print(f"\r\033[K{line}", end="", file=sys.stderr, flush=True)
        self.shown = True

    def done(self) -> None:
        if self.shown:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


class Progress:
    """A one-line counter on a terminal's stderr; silent when stderr is a file or pipe."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0

    def step(self, _: int, __: int) -> None:
        self.count += 1
        if self.count % 16 == 0 or self.count == self.total:
            line = say("cli.telling.progress", done=self.count, total=self.total)
            print(f"\r{line}", end="", file=sys.stderr)

    def done(self) -> None:
        print("\r\033[K", end="", file=sys.stderr)


def tell(
    source: Source,
    plan: Plan,
    targets: list[Path],
    reports: list[WriteReport],
    actual: bool,
    extras: Extras,
    media: tuple[float, float] | None = None,
) -> None:
    """`media`: the printed page when it is larger than the sheet (printer's marks or bleed
    around it, to be trimmed off): the paper to print on is then named."""
    if source.repairs:
        notice(say("cli.telling.repaired", path=source.path, repair=source.repairs[0]))
    blanks = plan.blanks_note()
    if blanks:
        notice(blanks)
    scaled = set().union(*(r.scaled_pages for r in reports))
    if scaled:
        cell = describe_size(*plan.cell_size)
        notice(say("cli.telling.scaled", count=len(scaled), pages=plan.page_count, cell=cell))
    overflowing = set().union(*(r.overflowing_pages for r in reports))
    if overflowing and actual:
        notice(say("cli.telling.cut", count=len(overflowing)))
    thick = plan.too_thick()
    if thick:
        notice(thick)
    flattened = sum(r.flattened_annotations for r in reports)
    if flattened:
        notice(say("cli.telling.annotations", count=flattened))
    sheet = describe_size(*plan.sheet_size)
    before, after = extras[0]
    instructions = ""
    if before:
        instructions = say("cli.telling.instructions-first")
    elif after:
        instructions = say("cli.telling.instructions-after")
    trimmed, paper = "", ""
    if media is not None:
        printed = describe_size(*media)
        trimmed = say("cli.telling.trimmed", media=printed)
        name = smallest_paper(*media)
        where = (
            say("cli.telling.on-paper", paper=name)
            if name
            else say("cli.telling.on-paper-at-least", media=printed)
        )
        paper = say("cli.telling.then-trim", where=where, sheet=sheet)
    wrote = say(
        "cli.telling.wrote",
        paths=", ".join(map(str, targets)),
        sheets=say("cli.count.sheets", count=len(plan.sheets)),
        sheet=sheet,
        trimmed=trimmed,
        pages=say("cli.count.pages", count=plan.page_count),
        layout=plan.layout,
        instructions=instructions,
    )
    print(wrote, file=sys.stderr)
    if len(targets) == 2:
        fronts = say("cli.count.sheets", count=len(plan.fronts()) + len(before))
        steps = say("cli.telling.manual", fronts=targets[0], sheets=fronts, backs=targets[1])
        print(steps.rstrip("\n"), file=sys.stderr)
        if paper:
            print(say("cli.telling.print-actual", paper=paper), file=sys.stderr)
    elif plan.backs():
        edge = say(f"cli.edge.{plan.duplex}")
        print(say("cli.telling.print-double", edge=edge, paper=paper), file=sys.stderr)
    else:
        print(say("cli.telling.print-single", paper=paper), file=sys.stderr)
