"""The report model: page ranges, statuses, the text and JSON shapes."""

from __future__ import annotations

import pytest

from zinekit.check.report import Detail, Report, Result, Status, pages_text, worst


@pytest.mark.parametrize(
    ("pages", "text"),
    [
        ([3], "page 3"),
        ([1, 2, 3, 4], "pages 1-4"),
        ([7, 1, 2, 9, 10, 2], "pages 1-2, 7, 9-10"),
    ],
)
def test_page_ranges(pages: list[int], text: str) -> None:
    assert pages_text(pages) == text


def test_worst_status_wins() -> None:
    assert worst([]) == Status.PASS
    assert worst([Status.PASS, Status.WARN]) == Status.WARN
    assert worst([Status.WARN, Status.FAIL, Status.PASS]) == Status.FAIL


def _report() -> Report:
    many = tuple(Detail(f"line {n}", (n,)) for n in range(1, 15))
    return Report(
        "zine.pdf",
        14,
        [
            Result("fonts", Status.FAIL, "1 font not embedded", many),
            Result("boxes", Status.WARN, "mixed page sizes"),
            Result("colour", Status.SKIP, "skipped: only with --photocopy"),
            Result("images", Status.PASS, "no images"),
        ],
    )


def test_text_report_one_line_per_check_details_beneath() -> None:
    lines = _report().as_text().splitlines()
    assert lines[0] == "zinekit: check: zine.pdf: 14 pages"
    assert lines[1] == "FAIL  fonts: 1 font not embedded"
    assert lines[2] == "        line 1"
    # Ten details, then a count of the rest: the JSON report has them all.
    assert lines[12] == "        ... and 4 more (--json lists them all)"
    assert lines[13:16] == [
        "WARN  boxes: mixed page sizes",
        "SKIP  colour: skipped: only with --photocopy",
        "PASS  images: no images",
    ]
    assert lines[-1] == "zinekit: check: 1 failed, 1 warning"


def test_json_shape() -> None:
    data = _report().as_dict()
    assert data["file"] == "zine.pdf"
    assert data["pages"] == 14
    first = data["checks"][0]
    assert set(first) == {"name", "status", "message", "details"}
    assert first["status"] == "fail"
    assert len(first["details"]) == 14
    assert first["details"][0] == {"text": "line 1", "pages": [1]}
    assert data["summary"] == {
        "status": "fail",
        "failed": 1,
        "warnings": 1,
        "passed": 1,
        "skipped": 1,
    }
