"""zinekit.pdf is the one place that imports pypdf, and its errors come out as
`DamagedPDFError` by type: nothing outside it imports pypdf, and `check/` uses only the
public names of zinekit.pdf and of impose's plan and layout."""

from __future__ import annotations

import ast
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from pypdf.generic import NameObject, StreamObject

import zinekit.pdf
from zinekit.errors import DamagedPDFError
from zinekit.pdf import operations, stream_data

PACKAGE = Path(zinekit.__file__).parent


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) of every import in `path`; names is empty for `import module`."""
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def test_only_zinekit_pdf_imports_pypdf() -> None:
    outside = [
        f"{path.relative_to(PACKAGE)} imports {module}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] != "pdf"
        for module, _ in _imports(path)
        if module == "pypdf" or module.startswith("pypdf.")
    ]
    assert outside == []


def test_check_uses_only_public_names_of_pdf_and_impose() -> None:
    public_pdf = set(zinekit.pdf.__all__)
    wrong = []
    for path in sorted((PACKAGE / "check").glob("*.py")):
        for module, names in _imports(path):
            if module == "zinekit.pdf":
                wrong += [f"{path.name}: zinekit.pdf.{n}" for n in names if n not in public_pdf]
            elif module.startswith("zinekit.pdf."):
                wrong.append(f"{path.name}: {module} (import from zinekit.pdf)")
            elif module.startswith("zinekit.impose"):
                if module not in ("zinekit.impose.layout", "zinekit.impose.plan"):
                    wrong.append(f"{path.name}: {module}")
                wrong += [f"{path.name}: {module}.{n}" for n in names if n.startswith("_")]
    assert wrong == []


def test_importing_the_package_and_the_cli_does_not_load_pypdf() -> None:
    code = (
        "import sys, zinekit.pdf, zinekit.impose.sheets, zinekit.cli\n"
        "from zinekit.pdf import Source, SourcePage, Box\n"
        "loaded = sorted(m for m in sys.modules if m == 'pypdf' or m.startswith('pypdf.'))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_stream_that_cannot_be_decoded_is_damaged() -> None:
    stream = StreamObject.initialize_from_dictionary(
        {"__streamdata__": b"87cU{}RD]~>", NameObject("/Filter"): NameObject("/ASCII85Decode")}
    )
    with pytest.raises(DamagedPDFError) as caught:
        stream_data(stream)
    assert "Ascii85" in caught.value.detail
    assert "damaged" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_good_stream_decodes() -> None:
    data = b"1 0 0 1 5 5 cm /Im0 Do"
    stream = StreamObject.initialize_from_dictionary(
        {"__streamdata__": zlib.compress(data), NameObject("/Filter"): NameObject("/FlateDecode")}
    )
    assert stream_data(stream) == data
    assert [op for _, op in operations(data, None)] == [b"cm", b"Do"]


def test_a_damaged_error_names_its_file_once_known() -> None:
    error = DamagedPDFError("bad xref")
    assert str(error).startswith("the PDF is damaged and could not be repaired (bad xref)")
    located = error.located(Path("in.pdf"))
    assert str(located).startswith("in.pdf: the PDF is damaged")
    assert located.located(Path("other.pdf")) is located
