"""Bad Markdown content files: every mistake gets one line that points at its line and
column in the .md (in the front matter too), worded from the same table as YAML mistakes.

Golden pairs live in tests/content/bad-md/: NAME.md and NAME.expected.txt, the file's path
written as <CONTENT>. ZINEKIT_UPDATE_GOLDEN=1 rewrites the expected lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.content.test_golden import error_lines
from tests.golden import check_pairs, expected_lines
from tests.runner import run_zinekit

BAD = Path(__file__).with_name("bad-md")
BAD_FILES = sorted(BAD.glob("*.md"))

REQUIRED = {
    "unclosed-container",
    "unknown-container",
    "front-matter-syntax",
    "front-matter-unknown-key",
    "front-matter-unclosed",
    "bad-option-negative",
    "bad-option-word",
    "bad-option-syntax",
    "table-ragged-rows",
}


def test_the_golden_pairs_cover_the_known_mistakes() -> None:
    check_pairs(BAD, ".md", REQUIRED)


@pytest.mark.parametrize("content", BAD_FILES, ids=[p.stem for p in BAD_FILES])
def test_a_bad_markdown_file_gets_one_line_per_mistake(content: Path) -> None:
    lines = error_lines(content)
    assert lines
    for line in lines:
        assert line.startswith("zinekit: error: <CONTENT>:"), line
        line_number, column = line.split(":")[3:5]
        assert line_number.isdigit() and column.isdigit(), line
    assert lines == expected_lines(content, lines)


def test_zinekit_build_reads_markdown_and_exits_2(tmp_path: Path) -> None:
    content = BAD / "unknown-container.md"
    run = run_zinekit("build", content, "-o", tmp_path / "out.pdf")
    assert run.code == 2, run.stderr
    lines = [line.replace(str(content), "<CONTENT>") for line in run.lines]
    assert lines == content.with_suffix(".expected.txt").read_text(encoding="utf-8").splitlines()
    assert list(tmp_path.iterdir()) == []
