"""`zinekit schema` and `zinekit new`: the schema an editor uses agrees with the loader, and
every starter is a valid content file that is never written over an existing one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.runner import run_zinekit
from zinekit.content.loader import load_publication
from zinekit.content.reader import read_document
from zinekit.data import data_dir
from zinekit.errors import ContentError

ROOT = Path(__file__).resolve().parents[2]
# The starters, in every language their comments speak (assets/starters/<lang>/).
STARTERS = sorted((data_dir("assets") / "starters").glob("*/*.yaml"))
ENGLISH = data_dir("assets") / "starters" / "en"  # the tests speak English
# Samples are written alongside this test; whatever exists when the tests run is checked.
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
KINDS = ["affirmations", "agreements", "resources", "zine"]


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    run = run_zinekit("schema")
    assert run.code == 0, run.stderr
    return json.loads(run.stdout)


def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def data(path: Path) -> Any:
    return read_document(path).data


def test_the_schema_is_draft_2020_12_with_a_title(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "zinekit content file"
    assert schema["additionalProperties"] is False
    assert "page-numbers" in schema["properties"]
    validator(schema)


def test_schema_o_writes_the_same_schema(tmp_path: Path, schema: dict[str, Any]) -> None:
    out = tmp_path / "zinekit.schema.json"
    run = run_zinekit("schema", "-o", out)
    assert run.code == 0, run.stderr
    assert run.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8")) == schema
    assert run_zinekit("schema", "-o", out).code == 0  # regenerating replaces the file


def test_schema_o_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    run = run_zinekit("schema", "-o", tmp_path / "tidak-ada" / "s.json")
    assert run.code == 2
    assert len(run.lines) == 1 and "does not exist" in run.stderr


@pytest.mark.parametrize(
    "path", STARTERS + SAMPLES, ids=[f"{p.parent.name}/{p.stem}" for p in STARTERS + SAMPLES]
)
def test_the_schema_accepts_every_starter_and_sample(path: Path, schema: dict[str, Any]) -> None:
    errors = [e.message for e in validator(schema).iter_errors(data(path))]
    assert errors == []


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_every_sample_loads(path: Path) -> None:
    load_publication(path)


@pytest.mark.parametrize(
    "text",
    [
        "titel: Ruang Dengar\nblocks: [{text: Halo}]\n",
        "title: Ruang Dengar\nblocks:\n  - resources: [{title: A, yaer: 2019}]\n",
        "title: Ruang Dengar\nblocks:\n  - heading: Pembuka\n    levle: 2\n",
        "title: Ruang Dengar\nblocks:\n  - heding: Pembuka\n",
        "title: Ruang Dengar\nblocks:\n  - page-brake\n",
        'title: Ruang Dengar\nblocks:\n  - affirmations: {pattern: "x {}", items: [a],'
        " continue: {lines: -3}}\n",
    ],
    ids=["top-level", "in-a-resource", "in-a-heading", "unknown-block", "bad-page-break", "range"],
)
def test_the_schema_rejects_what_the_loader_rejects(
    tmp_path: Path, text: str, schema: dict[str, Any]
) -> None:
    path = tmp_path / "zine.yaml"
    path.write_text(text, encoding="utf-8")
    assert not validator(schema).is_valid(data(path))
    with pytest.raises(ContentError):
        load_publication(path)


@pytest.mark.parametrize("kind", KINDS)
def test_new_writes_a_markdown_starter_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_zinekit("new", kind)
    assert run.code == 0, run.stderr
    written = tmp_path / f"{kind}.md"
    assert written.read_bytes() == (ENGLISH / f"{kind}.md").read_bytes()
    assert f"zinekit build {kind}.md" in run.stderr
    assert "<!--" in written.read_text(encoding="utf-8")  # comments say what each part is
    same = load_publication(ENGLISH / f"{kind}.yaml")
    assert load_publication(written).model_dump() == same.model_dump()


@pytest.mark.parametrize("kind", KINDS)
def test_new_writes_a_starter_that_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_zinekit("new", kind, "--format", "yaml")
    assert run.code == 0, run.stderr
    written = tmp_path / f"{kind}.yaml"
    assert written.read_bytes() == (ENGLISH / f"{kind}.yaml").read_bytes()
    assert f"zinekit build {kind}.yaml" in run.stderr
    first = written.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=zinekit.schema.json"
    load_publication(written)


def test_new_writes_to_a_path_and_into_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "edisi 2").mkdir()
    assert run_zinekit("new", "zine", "edisi 2/ruang dengar.yaml").code == 0
    assert (tmp_path / "edisi 2" / "ruang dengar.yaml").is_file()
    assert run_zinekit("new", "resources", "edisi 2").code == 0
    assert (tmp_path / "edisi 2" / "resources.md").is_file()
    run = run_zinekit("new", "zine", "edisi 2/x.yaml", "--format", "md")
    assert run.code == 2 and "does not match" in run.stderr


def test_new_dash_prints_the_starter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_zinekit("new", "affirmations", "-", "--format", "yaml")
    assert run.code == 0
    assert run.stdout.startswith("# yaml-language-server:")
    assert run_zinekit("new", "affirmations", "-").stdout.startswith("---\n")
    assert list(tmp_path.iterdir()) == []


def test_new_never_replaces_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "zine.yaml").write_text("karya sehari penuh\n", encoding="utf-8")
    run = run_zinekit("new", "zine", "zine.yaml")
    assert run.code == 2
    assert run.lines == [
        "zinekit: error: zine.yaml: this file already exists; zinekit new never replaces a file"
        " (hint: give another path, e.g. zinekit new zine zine-2.yaml)"
    ]
    assert (tmp_path / "zine.yaml").read_text(encoding="utf-8") == "karya sehari penuh\n"


def test_new_with_an_unknown_kind_lists_the_kinds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_zinekit("new", "poster")
    assert run.code == 2
    assert run.lines == [
        "zinekit: error: unknown kind 'poster'"
        " (hint: choose one of affirmations, agreements, resources, zine)"
    ]
    run = run_zinekit("new", "agreement")
    assert run.lines == [
        "zinekit: error: unknown kind 'agreement' (hint: did you mean 'agreements'?"
        " choose one of affirmations, agreements, resources, zine)"
    ]
    assert list(tmp_path.iterdir()) == []


def test_new_into_a_missing_folder_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_zinekit("new", "zine", "tidak-ada/zine.yaml")
    assert run.code == 2
    assert len(run.lines) == 1 and "does not exist" in run.stderr


def test_a_content_error_prints_one_line_per_problem_and_exits_2(tmp_path: Path) -> None:
    """The exit-code map's rule for ContentError, through a command that loads content."""
    path = tmp_path / "zine.yaml"
    path.write_text("titel: T\nlang: jv\nblocks: [{heding: x}]\n", encoding="utf-8")
    run = run_zinekit("build", path, "-o", tmp_path / "out.pdf")
    assert run.code == 2
    assert run.lines == [
        f"zinekit: error: {path}:1:1: unknown key 'titel' at the top level"
        " (hint: did you mean 'title'?)",
        f"zinekit: error: {path}:2:7: 'lang' must be 'id' or 'en', not 'jv' (hint: e.g. lang: id)",
        f"zinekit: error: {path}:3:11: unknown block 'heding' (hint: did you mean 'heading'?)",
    ]
