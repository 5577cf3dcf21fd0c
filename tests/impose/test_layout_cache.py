"""The cache of validated layouts (zinekit.impose.layout_cache): what it returns is what
validating the file gives, a changed file or a changed model misses it, a damaged entry is
ignored, and a faulty file is explained on every run."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests import wildgen
from tests.runner import run_zinekit
from tests.test_imports import all_modules, imports_of
from zinekit.errors import LayoutError
from zinekit.impose import layout_cache
from zinekit.impose.layout import builtin_dir, builtin_names, parse_layout
from zinekit.impose.layout_file import validate_layout

BUILTINS = builtin_names()


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder for each test."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return layout_cache.cache_dir()


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.json")) if cache.is_dir() else []


@pytest.mark.parametrize("name", BUILTINS)
def test_the_cached_layout_equals_the_validated_one(name: str, cache: Path) -> None:
    path = builtin_dir() / f"{name}.toml"
    data = path.read_bytes()
    validated, cacheable = validate_layout(data, path)
    assert cacheable
    assert layout_cache.lookup(data, path) is None
    assert parse_layout(data, path) == validated  # a miss: validated and stored
    assert len(entries(cache)) == 1
    cached = layout_cache.lookup(data, path)
    assert cached == validated  # every field, the pictures and steps included
    assert cached is not validated
    assert parse_layout(data, path) == validated


def test_a_changed_file_misses_the_cache(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "mine.toml"
    data = (builtin_dir() / "booklet.toml").read_bytes()
    parse_layout(data, path)
    changed = data.replace(b"Saddle-stitched booklet", b"My booklet")
    assert changed != data
    assert layout_cache.lookup(changed, path) is None
    assert parse_layout(changed, path).description.startswith("My booklet")
    assert len(entries(cache)) == 2


def test_the_same_bytes_under_another_name_miss_the_cache(tmp_path: Path) -> None:
    # A file without a `name` field is named after the file.
    data = b'description = "d"\nkind = "repeat"\norientation = "portrait"\n'
    data += b'columns = 1\nrows = 1\nfold = "none"\n'
    assert parse_layout(data, tmp_path / "one.toml").name == "one"
    assert parse_layout(data, tmp_path / "two.toml").name == "two"


def test_a_change_to_the_model_misses_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    path = builtin_dir() / "booklet.toml"
    data = path.read_bytes()
    parse_layout(data, path)
    assert layout_cache.lookup(data, path) is not None
    monkeypatch.setattr(layout_cache, "_code_identity", lambda: b"another model")
    assert layout_cache.lookup(data, path) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut short
        lambda text: "",
        lambda text: text.replace('"booklet"', '"bookl3t"'),  # fails the checksum
        lambda text: "x" * 64 + "\n{}",  # no checksum
        lambda text: "\x00\xff garbage",
    ],
    ids=["truncated", "empty", "edited", "no-checksum", "garbage"],
)
def test_a_damaged_entry_is_ignored_and_replaced(cache: Path, damage: object) -> None:
    path = builtin_dir() / "booklet.toml"
    data = path.read_bytes()
    validated = parse_layout(data, path)
    [entry] = entries(cache)
    assert callable(damage)
    entry.write_text(damage(entry.read_text(encoding="utf-8")), encoding="utf-8")
    assert layout_cache.lookup(data, path) is None
    assert parse_layout(data, path) == validated
    assert layout_cache.lookup(data, path) == validated  # validated again and stored again


def test_a_wrongly_shaped_entry_with_a_good_checksum_is_ignored(cache: Path) -> None:
    path = builtin_dir() / "booklet.toml"
    data = path.read_bytes()
    parse_layout(data, path)
    [entry] = entries(cache)
    payload = json.dumps({"name": "booklet"})
    entry.write_text(hashlib.sha256(payload.encode()).hexdigest() + "\n" + payload)
    assert layout_cache.lookup(data, path) is None


def test_an_unwritable_cache_folder_means_validating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = builtin_dir() / "minizine.toml"
    layout = parse_layout(path.read_bytes(), path)
    assert layout.name == "minizine"
    assert layout_cache.lookup(path.read_bytes(), path) is None


def test_a_faulty_file_is_never_cached_and_explained_on_every_run(
    tmp_path: Path, cache: Path
) -> None:
    layout = tmp_path / "bad.toml"
    layout.write_text(
        'description = "Mine"\nkind = "saddle"\norientation = "landscape"\n'
        'columns = 3\nrows = 1\nfold = "in half"\n'
    )
    source = tmp_path / "in.pdf"
    source.write_bytes(wildgen.text_pdf(4))
    for _ in range(2):
        run = run_zinekit("impose", source, "--layout", layout, "-o", tmp_path / "out.pdf")
        assert run.code == 2
        assert run.lines[0].startswith(f"zinekit: error: {layout}:4:11:"), run.lines
        with pytest.raises(LayoutError):
            parse_layout(layout.read_bytes(), layout)
    assert entries(cache) == []


def test_the_key_covers_every_zinekit_module_the_model_imports() -> None:
    """A module the model uses but the key leaves out could change a layout's value without
    missing the cache."""
    modules = all_modules()
    seen: set[str] = set()
    todo = ["zinekit.impose.layout_file"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo += [t for t, _ in imports_of(name, modules[name], modules) if t in modules]
    package = Path(layout_cache.__file__).resolve().parents[1]
    used = {str(modules[name].relative_to(package)) for name in seen}
    # Read only to explain a mistake (tomlkit's reading), never for a value that is cached.
    used -= {"validation/toml.py", "__init__.py", "impose/__init__.py", "validation/__init__.py"}
    assert used <= set(layout_cache.SOURCES), sorted(used - set(layout_cache.SOURCES))
