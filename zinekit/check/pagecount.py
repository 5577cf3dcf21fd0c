"""The page count and page size against a layout (--layout) -> the `page-count` check.

The plan zinekit would make says it all: blank pages it would add, sheets it would use,
the cell each page is fitted to. Nothing here repeats the planning rules.
"""

from __future__ import annotations

from collections import defaultdict

from zinekit.check.boxes import PageSize
from zinekit.check.report import Detail, Result, Status, pages_text, plural
from zinekit.errors import OptionError
from zinekit.i18n import say
from zinekit.impose.layout import Layout
from zinekit.impose.plan import make_plan
from zinekit.units import describe_size, mm

NAME = "page-count"
_SLACK = mm(1)


def check_page_count(layout: Layout, sizes: list[PageSize | None]) -> Result:
    count = len(sizes)
    try:
        plan = make_plan(layout, count)
    except OptionError as exc:
        return Result(NAME, Status.FAIL, str(exc))
    if _all_sheets(plan.sheet_size, plan.cell_size, sizes):
        # zinekit's own output (or another imposer's): its pages are the layout's sheets.
        return Result(
            NAME,
            Status.PASS,
            say(
                "check.page-count.imposed",
                pages=plural(count, "page"),
                size=describe_size(*plan.sheet_size),
                layout=layout.name,
            ),
        )
    sheets = plural(len(plan.sheets), "sheet")
    details = _other_sizes(plan.cell_size, sizes, layout.name)
    if plan.blanks_added:
        end = plan.padding == "end" or count < 2
        where = say("impose.blanks-where.end" if end else "impose.blanks-where.before-back")
        rule = (
            say("check.page-count.holds", capacity=layout.capacity)
            if layout.capacity is not None
            else say("check.page-count.multiple", multiple=layout.pages_per_sheet)
        )
        message = say(
            "check.page-count.blanks",
            pages=plural(count, "page"),
            layout=layout.name,
            rule=rule,
            blanks=plural(plan.blanks_added, "blank page"),
            where=where,
            sheets=sheets,
        )
        thick = plan.too_thick()
        if thick:
            message = say("check.page-count.blanks-thick", message=message, thick=thick)
        return Result(NAME, Status.WARN, message, details)
    message = say(
        "check.page-count.fills", pages=plural(count, "page"), sheets=sheets, layout=layout.name
    )
    thick = plan.too_thick()
    if thick:
        message = say("check.page-count.fills-thick", message=message, thick=thick)
        return Result(NAME, Status.WARN, message, details)
    if details:
        message = say("check.page-count.scaled", message=message)
        return Result(NAME, Status.WARN, message, details)
    return Result(NAME, Status.PASS, message)


def _other_sizes(
    cell: tuple[float, float], sizes: list[PageSize | None], layout: str
) -> tuple[Detail, ...]:
    """Pages whose finished size is not the layout's cell: zinekit would scale them."""
    others: dict[str, list[int]] = defaultdict(list)
    for number, size in enumerate(sizes, start=1):
        if size is None:
            continue
        if abs(size.width - cell[0]) > _SLACK or abs(size.height - cell[1]) > _SLACK:
            others[describe_size(size.width, size.height)].append(number)
    return tuple(
        Detail(
            say(
                "check.page-count.other-size",
                pages=pages_text(pages),
                size=size,
                cell=describe_size(*cell),
                layout=layout,
            ),
            tuple(pages),
        )
        for size, pages in others.items()
    )


def _all_sheets(
    sheet: tuple[float, float], cell: tuple[float, float], sizes: list[PageSize | None]
) -> bool:
    """True when every page is the layout's sheet, either way round, and the sheet is not
    also its cell (as for one page a sheet), where a sheet-sized page is a source page."""
    known = [size for size in sizes if size is not None]

    def same(size: PageSize, width: float, height: float) -> bool:
        return abs(size.width - width) <= _SLACK and abs(size.height - height) <= _SLACK

    def sheet_sized(size: PageSize) -> bool:
        return same(size, *sheet) or same(size, sheet[1], sheet[0])

    if sheet_sized(PageSize(*cell)):
        return False
    return bool(known) and all(sheet_sized(size) for size in known)
