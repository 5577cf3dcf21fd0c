"""What zinekit tells the user after imposing: notes that may surprise, what was written,
and how to print it; and a progress counter on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Collection
from pathlib import Path

from zinekit import photocopy
from zinekit.cli.previews import Extras
from zinekit.errors import notice
from zinekit.impose.plan import Plan
from zinekit.impose.sheets import WriteReport
from zinekit.pdf import Source
from zinekit.units import describe_size, smallest_paper


def heavy_black_notice(sides: list[int], measured_by: Collection[str] = ()) -> None:
    """Warn about sheet sides a copier will smear: more than HEAVY_BLACK solid black.
    `measured_by` names a measure other than the usual one, to say so."""
    listed = ", ".join(map(str, sorted(set(sides))))
    many = len(set(sides)) > 1
    how = f" (measured with {', '.join(sorted(measured_by))})" if measured_by else ""
    notice(
        f"sheet side{'s' if many else ''} {listed} {'are' if many else 'is'} more than"
        f" {photocopy.HEAVY_BLACK:.0%} solid black{how}: copiers smear and streak large black"
        " areas and use much toner"
    )


class Progress:
    """A one-line counter on a terminal's stderr; silent when stderr is a file or pipe."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0

    def step(self, _: int, __: int) -> None:
        self.count += 1
        if self.count % 16 == 0 or self.count == self.total:
            print(f"\rzinekit: imposing side {self.count}/{self.total}", end="", file=sys.stderr)

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
        notice(f"{source.path} is damaged; it was repaired on reading ({source.repairs[0]})")
    if plan.blanks_added:
        s = "s" if plan.blanks_added != 1 else ""
        notice(
            f"added {plan.blanks_added} blank page{s} {plan.blanks_where} to fill the last sheet"
        )
    scaled = set().union(*(r.scaled_pages for r in reports))
    if scaled:
        notice(
            f"{len(scaled)} of {plan.page_count} pages differ from the"
            f" {describe_size(*plan.cell_size)} page cell and were scaled to fit"
            " (use --actual-size to place them at 100%)"
        )
    overflowing = set().union(*(r.overflowing_pages for r in reports))
    if overflowing and actual:
        notice(
            f"{len(overflowing)} pages are larger than their cell at 100% and were cut at its edge"
        )
    thick = plan.too_thick()
    if thick:
        notice(thick)
    flattened = sum(r.flattened_annotations for r in reports)
    if flattened:
        notice(f"drew {flattened} printable annotations (form fields, stamps) into the pages")
    sheets = count(len(plan.sheets), "sheet")
    pages = count(plan.page_count, "page")
    before, after = extras[0]
    instructions = ""
    if before:
        instructions = ", after an instruction sheet (blank back) that prints first"
    elif after:
        instructions = ", then an instruction page"
    trimmed, paper = "", ""
    if media is not None:
        trimmed = f", each printed on a {describe_size(*media)} page to be trimmed"
        name = smallest_paper(*media)
        where = f"on {name} paper" if name else f"on paper at least {describe_size(*media)}"
        paper = f" {where}, then trim to {describe_size(*plan.sheet_size)}"
    print(
        f"zinekit: wrote {', '.join(map(str, targets))}: {sheets} of"
        f" {describe_size(*plan.sheet_size)}{trimmed}, {pages}, layout {plan.layout}"
        f"{instructions}",
        file=sys.stderr,
    )
    if len(targets) == 2:
        fronts = count(len(plan.fronts()) + len(before), "sheet")
        print(
            "zinekit: manual duplex, no duplex unit needed:\n"
            f"  1. print {targets[0]} ({fronts});\n"
            "  2. put the printed stack back in the paper tray to print on the blank side,\n"
            "     without reordering it, so the sheet printed first is fed first (most trays:\n"
            "     printed side up, top edge in first; test with one sheet);\n"
            f"  3. print {targets[1]}.\n"
            "  If the backs come out upside down, turn the stack end over end before step 3.",
            file=sys.stderr,
        )
        if paper:
            print(f"zinekit: print at 100% (actual size){paper}", file=sys.stderr)
    elif plan.backs():
        print(
            f"zinekit: print double-sided, flip on {plan.duplex} edge, at 100% (actual size)"
            f"{paper}",
            file=sys.stderr,
        )
    else:
        print(f"zinekit: print single-sided at 100% (actual size){paper}", file=sys.stderr)


def count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"
