"""The page count and page size against a layout (--layout) -> the `page-count` check.

The plan zinekit would make says it all: blank pages it would add, sheets it would use,
the cell each page is fitted to. Nothing here repeats the planning rules.
"""

from __future__ import annotations

from collections import defaultdict

from zinekit.check.boxes import PageSize
from zinekit.check.report import Detail, Result, Status, pages_text, plural
from zinekit.errors import OptionError
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
            f"already imposed: the {plural(count, 'page')} are {describe_size(*plan.sheet_size)}"
            f" sheets, the size {layout.name} prints on (check the PDF it was imposed from for"
            " its page count)",
        )
    sheets = plural(len(plan.sheets), "sheet")
    details = _other_sizes(plan.cell_size, sizes, layout.name)
    if plan.blanks_added:
        where = "at the end" if plan.padding == "end" or count < 2 else "before the back cover"
        rule = (
            f"it holds {layout.capacity}"
            if layout.capacity is not None
            else f"it takes a multiple of {layout.pages_per_sheet}"
        )
        message = (
            f"{plural(count, 'page')} for {layout.name} ({rule}): zinekit would add"
            f" {plural(plan.blanks_added, 'blank page')} {where} ({sheets})"
        )
        thick = plan.too_thick()
        return Result(NAME, Status.WARN, f"{message}; {thick}" if thick else message, details)
    message = f"{plural(count, 'page')} fill {sheets} of {layout.name} with no blank pages"
    thick = plan.too_thick()
    if thick:
        return Result(NAME, Status.WARN, f"{message}, but {thick}", details)
    if details:
        return Result(NAME, Status.WARN, f"{message}; some pages would be scaled", details)
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
            f"{pages_text(pages)}: {size}, not the {describe_size(*cell)} cell of {layout};"
            " zinekit would scale them to fit",
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
