"""What a long build shows while it sets pages: each page's number as it begins, on a
terminal only; never in a log or a pipe."""

from __future__ import annotations

import io
from contextlib import redirect_stderr
from pathlib import Path

from tests.runner import run_zinekit
from tests.typeset.helpers import publication
from zinekit.cli.telling import Typesetting
from zinekit.impose.layout import load_layout
from zinekit.impose.target import page_target
from zinekit.typeset import typeset

SAMPLE = Path(__file__).parents[2] / "samples" / "listening-space.yaml"


def test_typeset_tells_each_page_as_it_begins(tmp_path: Path) -> None:
    pub = publication([{"text": "Isi. " * 400}, "page-break", {"text": "Lagi."}])
    seen: list[int] = []
    target = page_target(load_layout("booklet"), None, "end")
    result = typeset(pub, base_dir=tmp_path, target=target, progress=seen.append)
    assert result.page_count > 2
    assert seen[: result.page_count] == list(range(1, result.page_count + 1))


def test_the_counter_rewrites_one_line_and_counts_tries() -> None:
    err = io.StringIO()
    with redirect_stderr(err):
        counter = Typesetting()
        for page in (1, 2, 3, 1, 2):
            counter.page(page)
        counter.done()
    shown = err.getvalue()
    assert "\n" not in shown
    assert shown.split("\r\033[K")[1:] == [
        "zinekit: typesetting page 1",
        "zinekit: typesetting page 2",
        "zinekit: typesetting page 3",
        "zinekit: typesetting page 1 (fitting, try 2)",
        "zinekit: typesetting page 2 (fitting, try 2)",
        "",
    ]


def test_nothing_of_it_reaches_a_log(tmp_path: Path) -> None:
    run = run_zinekit("build", SAMPLE, "-o", tmp_path / "out.pdf")
    assert run.code == 0
    assert "typesetting" not in run.stderr and "\r" not in run.stderr
