"""Bad content files: every mistake gets one line that points at it, all mistakes at once,
in the order of the file.

Golden pairs live in tests/content/bad/: NAME.yaml and NAME.expected.txt, the exact error
lines with the file's path written as <CONTENT>. To rewrite the expected lines after a
deliberate change of wording, run the tests with ZINEKIT_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.golden import check_pairs, expected_lines
from tests.runner import run_zinekit
from zinekit.content.loader import load_publication
from zinekit.errors import ContentError

BAD = Path(__file__).with_name("bad")
BAD_FILES = sorted(BAD.glob("*.yaml"))

# The mistakes the golden pairs must cover, at the least.
REQUIRED = {
    "yaml-bad-indentation",
    "yaml-unclosed-quote",
    "unknown-top-key",
    "unknown-resource-key",
    "unknown-block",
    "wrong-type-year",
    "continue-negative-lines",
    "pattern-without-placeholder",
    "missing-title",
    "missing-blocks",
    "python-tag",
    "missing-image",
    "image-outside",
    "missing-font",
    "several-errors",
    "empty",
    "not-a-mapping",
    "not-utf8",
    "write-in-negative-lines",
    "write-in-pitch-too-small",
    "table-without-columns",
    "worksheet-unknown-keys",
    "float-too-wide",
    "magazine-unknown-keys",
    "yaml-alias-at-start",
    "yaml-dash-without-space",
    "long-form-without-main",
    "one-or-two-as-true",
}


def error_lines(path: Path) -> list[str]:
    """What the command line prints for a content file, path written as <CONTENT>."""
    with pytest.raises(ContentError) as caught:
        load_publication(path)
    return [f"zinekit: error: {p}".replace(str(path), "<CONTENT>") for p in caught.value.problems]


def test_the_golden_pairs_cover_the_known_mistakes() -> None:
    check_pairs(BAD, ".yaml", REQUIRED)


@pytest.mark.parametrize("content", BAD_FILES, ids=[p.stem for p in BAD_FILES])
def test_a_bad_content_file_gets_one_line_per_mistake(content: Path) -> None:
    lines = error_lines(content)
    assert lines
    for line in lines:
        assert line.startswith("zinekit: error: <CONTENT>"), line
        assert "\n" not in line
    assert lines == expected_lines(content, lines)


def test_several_mistakes_come_in_file_order() -> None:
    lines = error_lines(BAD / "several-errors.yaml")
    assert len(lines) >= 10
    places = [tuple(map(int, line.split(":")[3:5])) for line in lines]
    assert places == sorted(places)


def _build_can_run() -> bool:
    # `zinekit build` imports the typesetter before it loads the content file; until the
    # typesetter lands, the command line cannot reach the loader.
    return importlib.util.find_spec("zinekit.typeset") is not None


@pytest.mark.skipif(not _build_can_run(), reason="zinekit.typeset is not written yet")
@pytest.mark.parametrize("content", BAD_FILES, ids=[p.stem for p in BAD_FILES])
def test_zinekit_build_prints_the_same_lines_and_exits_2(tmp_path: Path, content: Path) -> None:
    out = tmp_path / "out.pdf"
    run = run_zinekit("build", content, "-o", out)
    assert run.code == 2, run.stderr
    assert "Traceback" not in run.stderr
    lines = [line.replace(str(content), "<CONTENT>") for line in run.lines]
    assert lines == content.with_suffix(".expected.txt").read_text(encoding="utf-8").splitlines()
    assert list(tmp_path.iterdir()) == []
