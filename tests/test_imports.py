"""The import graph of zinekit/, read from the source with `ast`: no cycles, check/ uses no
private part of impose/, pypdf is read in one package; and what the commands import when
they run (a subprocess each: which modules end up in sys.modules, not how long it takes).

An edge A -> B means module A imports module B, at its top or inside a function:
- `import x.y` and `from x import y` where x.y is a module give an edge to x.y;
- `from x import name` where `name` is not a module gives an edge to x (its __init__);
- relative imports are resolved against A's package.
Imports under `if TYPE_CHECKING:` count too: a type-only import back up the layers is the
same tangle (typeset/blocks.py and covers.py importing each other that way was one of the
cycles issue 9 names), even though it never runs.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pdfgen import numbered_pdf

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "zinekit"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement in `tree`, at any depth."""
    return [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[tuple[str, str]]:
    """(imported module, imported name or "") for each import in module `name`; modules
    outside zinekit too (for the pypdf check), by their full dotted name."""
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    result: set[tuple[str, str]] = set()
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            result.update((alias.name, "") for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")
            anchor = anchor[: len(anchor) - (node.level - 1)]
            base = ".".join([*anchor, base] if base else anchor)
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            if sub in modules:
                result.add((sub, ""))
            else:
                result.add((base, alias.name))
    return result


def import_graph() -> dict[str, set[str]]:
    modules = all_modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        graph[name] = {
            target
            for target, _ in imports_of(name, path, modules)
            if target in modules and target != name
        }
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles: in each strongly connected component of more than one module
    (Tarjan's algorithm), the shortest cycle through each of its modules, as a path that
    ends where it starts; the same cycle found from two of its modules is listed once."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()
    for component in components:
        for start in component:
            cycle = _cycle_through(graph, set(component), start)
            if frozenset(cycle) not in seen:
                seen.add(frozenset(cycle))
                found.append(cycle)
    return found


def _cycle_through(graph: dict[str, set[str]], members: set[str], start: str) -> list[str]:
    """The shortest path from `start` back to itself inside one component (breadth first)."""
    paths = {w: [start, w] for w in sorted(graph[start] & members)}
    queue = list(paths)
    while queue:
        v = queue.pop(0)
        if v == start:
            return paths[v]
        for w in sorted(graph[v] & members):
            if w not in paths:
                paths[w] = [*paths[v], w]
                queue.append(w)
    raise AssertionError(f"{start} is in a component without a cycle through it")


# ----------------------------------------------------------------------------- the graph


def test_the_graph_finds_the_imports_it_is_meant_to_find() -> None:
    """The reader itself: function-level, relative, `from pkg import module` and names from
    a package's __init__ all give the edges the module docstring promises."""
    graph = import_graph()
    assert "zinekit.cli.app" in graph["zinekit.cli.impose"]  # from zinekit.cli.app import app
    assert "zinekit.errors" in graph["zinekit.cli.app"]  # from zinekit.errors import ...
    # Imported inside a function only (a renderer is loaded only to measure black).
    assert "zinekit.preview" in graph["zinekit.photocopy"]
    # `from zinekit import photocopy` is an edge to the module, not to zinekit/__init__.py.
    assert "zinekit.photocopy" in graph["zinekit.cli.telling"]
    assert "zinekit" not in graph["zinekit.cli.telling"]


def test_cycles_are_found_with_a_path_through_each() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"f"}, "f": {"e"}}
    assert cycles(graph) == [["a", "b", "c", "a"], ["e", "f", "e"]]
    # Two cycles sharing a module are both listed.
    assert cycles({"a": {"b", "c"}, "b": {"a"}, "c": {"a"}}) == [["a", "b", "a"], ["c", "a", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_in_zinekit() -> None:
    found = cycles(import_graph())
    assert not found, "import cycles:\n" + "\n".join(" -> ".join(c) for c in found)


def test_check_imports_nothing_private_of_impose() -> None:
    modules = all_modules()
    private = []
    for name, path in modules.items():
        if not name.startswith("zinekit.check"):
            continue
        for target, imported in imports_of(name, path, modules):
            if not target.startswith("zinekit.impose"):
                continue
            parts = [*target.split("."), imported]
            if any(p.startswith("_") and p != "__init__" for p in parts if p):
                private.append(f"{name} imports {target}{'.' + imported if imported else ''}")
    assert not private, "\n".join(private)


def pypdf_importers() -> set[str]:
    modules = all_modules()
    return {
        name
        for name, path in modules.items()
        if any(t == "pypdf" or t.startswith("pypdf.") for t, _ in imports_of(name, path, modules))
    }


def test_pypdf_is_imported_only_in_zinekit_pdf() -> None:
    others = {
        n for n in pypdf_importers() if n != "zinekit.pdf" and not n.startswith("zinekit.pdf.")
    }
    assert not others, f"pypdf imported outside zinekit/pdf/: {sorted(others)}"


# ----------------------------------------------------------------------------- the commands

HEAVY = ("pydantic", "pypdf", "reportlab", "ruamel", "PIL")


def loaded_by(args: list[str], env: dict[str, str] | None = None) -> set[str]:
    """The top-level packages in sys.modules after `zinekit ARGS` ran in a fresh Python
    (with the environment `env`, else this one's)."""
    script = (
        "import json, sys\n"
        "from zinekit.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit as exc:\n"
        "    assert exc.code in (0, None), exc.code\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=120,
        env=env,
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


@pytest.mark.parametrize("args", [["--help"], ["--version"]], ids=["help", "version"])
def test_help_and_version_load_no_pdf_typesetting_or_content_library(args: list[str]) -> None:
    loaded = loaded_by(args)
    assert "typer" in loaded  # the check can see a library when it is there
    assert not loaded & set(HEAVY)


def test_impose_loads_no_content_or_typesetting_library(tmp_path: Path) -> None:
    """The layout file is validated with pydantic once, on the first run, which caches the
    result (zinekit.impose.layout_cache, in a cache folder of this test's own, named by
    XDG_CACHE_HOME); the second run, as every later one, reads it without pydantic."""
    source = tmp_path / "in.pdf"
    numbered_pdf(source, 8)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    args = ["impose", str(source), "-o", str(tmp_path / "out.pdf"), "-q"]
    first = loaded_by(args, env)
    assert "pydantic" in first  # an empty cache: the layout is validated
    (tmp_path / "out.pdf").unlink()
    loaded = loaded_by(args, env)
    assert (tmp_path / "out.pdf").exists()
    assert "pypdf" in loaded  # the check can see a library when it is there
    assert not loaded & {"pydantic", "ruamel", "reportlab"}


def test_the_help_lists_each_command_by_its_summary() -> None:
    """`zinekit --help` lists the summaries from the catalog without importing the commands:
    each command's own --help must begin with the same words."""
    from tests.runner import run_zinekit
    from zinekit.cli.app import COMMANDS
    from zinekit.cli.usage import summary

    listed = " ".join(run_zinekit("--help").stdout.split())
    for name in COMMANDS:
        shown = " ".join(run_zinekit(name, "--help").stdout.split())
        first = " ".join(summary(name).split())
        assert first in shown, name
        assert f"{name} {first[:20]}" in listed, name
