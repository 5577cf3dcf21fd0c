"""The page count and page size against a layout, as zinekit's own plan sees them."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, A5, A7

from tests.check.helpers import detail_texts
from zinekit.check.boxes import PageSize
from zinekit.check.pagecount import check_page_count
from zinekit.check.report import Status
from zinekit.impose.layout import load_layout


def sizes(count: int, size: tuple[float, float] = A5) -> list[PageSize | None]:
    return [PageSize(*size)] * count


def test_booklet_takes_a_multiple_of_four() -> None:
    result = check_page_count(load_layout("booklet"), sizes(6))
    assert result.status == Status.WARN
    assert result.message == (
        "6 pages for booklet (it takes a multiple of 4): zinekit would add 2 blank pages"
        " before the back cover (2 sheets)"
    )


def test_booklet_of_eight_passes() -> None:
    result = check_page_count(load_layout("booklet"), sizes(8))
    assert result.status == Status.PASS
    assert result.message == "8 pages fill 2 sheets of booklet with no blank pages"


def test_minizine_holds_eight_pages() -> None:
    assert check_page_count(load_layout("minizine"), sizes(8, A7)).status == Status.PASS
    short = check_page_count(load_layout("minizine"), sizes(5, A7))
    assert short.status == Status.WARN
    assert "(it holds 8): zinekit would add 3 blank pages" in short.message
    over = check_page_count(load_layout("minizine"), sizes(9, A7))
    assert over.status == Status.FAIL
    assert over.message.startswith("the minizine layout holds 8 pages; the input has 9")


def test_pages_of_another_size_would_be_scaled() -> None:
    result = check_page_count(load_layout("booklet"), [*sizes(3), PageSize(*A4)])
    assert result.status == Status.WARN
    assert detail_texts(result) == [
        "page 4: A4 (210 x 297 mm), not the 148 x 210 mm cell of booklet;"
        " zinekit would scale them to fit"
    ]
