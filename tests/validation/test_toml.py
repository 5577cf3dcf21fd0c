"""The TOML reader's positions: every key, value and [table] header it places is where the
file has it, and a construct it cannot follow places what follows at no line rather than a
wrong one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from zinekit.compat import tomllib
from zinekit.errors import Location
from zinekit.impose.layout import builtin_dir, readme
from zinekit.validation.document import Invalid
from zinekit.validation.toml import read_toml
from zinekit.validation.wording import Messages

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(builtin_dir().glob("*.toml")) + sorted(
    p for p in (ROOT / "tests" / "impose" / "bad-layouts").glob("*.toml") if p.stem != "not-utf8"
)
MESSAGES = Messages("layout-errors", lambda: {"readme": "README"})


def text_at(text: str, where: Location) -> str:
    assert where.line is not None and where.column is not None
    return text.splitlines()[where.line - 1][where.column - 1 :]


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_key_and_value_is_placed_where_it_is_written(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        doc = read_toml(text, path, MESSAGES)
    except Invalid:
        return  # the syntax-error pairs; their positions are the golden lines
    placed = 0
    for keys, where in doc.keys.items():
        key = keys[-1]
        if isinstance(key, int):
            continue
        written = text_at(text, where)
        assert written.startswith((key, f"[{key}]", f"[[{key}]]")), (keys, where)
        placed += 1
    for keys, where in doc.values.items():
        if keys:
            value = doc.data
            for part in keys:
                value = value[part]
            written = text_at(text, where)
            if isinstance(value, str):
                assert written[1:].startswith(value), (keys, where)
            elif isinstance(value, bool):
                assert written.startswith(str(value).lower())
            elif isinstance(value, int | float):
                assert written.startswith(str(value)[0])
    assert placed >= len(doc.data)  # every top-level key at least


def test_positions_inside_arrays_skip_comments_and_commas() -> None:
    text = 'front = [ # the outside\n  "5r 4r",\n  # the inside\n  "6 1", ]\n'
    doc = read_toml(text, Path("x.toml"), MESSAGES)
    assert doc.values[("front", 0)] == Location(Path("x.toml"), 2, 3)
    assert doc.values[("front", 1)] == Location(Path("x.toml"), 4, 3)
    assert doc.inside(("front", 1), 2) == Location(Path("x.toml"), 4, 6)  # the "1"


def test_text_with_escapes_is_placed_at_its_quote_not_inside() -> None:
    doc = read_toml("a = \"x\\ty\"\nb = 'plain'\n", Path("x.toml"), MESSAGES)
    assert doc.inside(("a",), 2) == Location(Path("x.toml"), 1, 5)
    assert doc.inside(("b",), 2) == Location(Path("x.toml"), 2, 8)


def test_tables_under_implicit_parents_are_placed_at_their_headers() -> None:
    doc = read_toml("top = 1\n\n[a.b]\nc = 2\n", Path("x.toml"), MESSAGES)
    assert doc.at(("a",), key=True) == Location(Path("x.toml"), 3, 1)
    assert doc.at(("a", "b", "c"), key=True) == Location(Path("x.toml"), 4, 1)


def test_after_a_dotted_key_positions_fall_back_to_no_line() -> None:
    doc = read_toml("a = 1\nx.y = 2\nb = 3\n", Path("x.toml"), MESSAGES)
    assert doc.at(("a",), key=True) == Location(Path("x.toml"), 1, 1)
    assert doc.at(("b",), key=True) == Location(Path("x.toml"))


@pytest.mark.parametrize(
    ("text", "where"),
    [("a =\n", (1, 4)), ("a = [\n  1,\n", (2, 1)), ("a = 1\na = 2\n", (2, 1))],
)
def test_a_syntax_error_points_at_line_and_column(text: str, where: tuple[int, int]) -> None:
    with pytest.raises(Invalid) as caught:
        read_toml(text, Path("x.toml"), MESSAGES)
    (problem,) = caught.value.problems
    assert problem.where == Location(Path("x.toml"), *where)
    assert problem.message.startswith("not valid TOML")


def test_the_readme_hint_names_a_file_that_exists() -> None:
    # In a wheel the README is zinekit/_data/layouts/README.md; data_dir() finds either.
    assert readme().is_file()
    assert readme().parent == builtin_dir()


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_tomlkit_reads_the_same_values_as_tomllib(path: Path) -> None:
    """A valid layout is read by tomllib, a faulty one again by tomlkit to place the
    mistake: both must see the same values, or the mistake explained is another one."""
    text = path.read_text(encoding="utf-8")
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        with pytest.raises(Invalid):
            read_toml(text, path, MESSAGES)
        return
    assert read_toml(text, path, MESSAGES).data == expected


def test_a_valid_layout_is_read_without_tomlkit() -> None:
    code = (
        "import sys; from zinekit.impose.layout import load_layout; "
        "load_layout('minizine'); print('tomlkit' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
