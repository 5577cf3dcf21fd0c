"""`zinekit import`: documents from Word/Google Docs (.docx), LibreOffice (.odt) and the web
(.html) become zinekit Markdown, read back here with markdown-it-py."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from ruamel.yaml import YAML

from tests.importdocs import TITLE, WORDS, make_docx, make_html, make_odt, png_bytes
from tests.runner import Run, run_zinekit

NEEDS_PANDOC = "the import extra is not installed (pip install 'zinekit[import]')"
MAKERS = {"docx": make_docx, "odt": make_odt, "html": make_html}


def _need(kind: str) -> None:
    pytest.importorskip("pypandoc", reason=NEEDS_PANDOC)
    if kind == "docx":
        pytest.importorskip("docx", reason="python-docx (the test extra) makes the .docx")
    if kind == "odt":
        pytest.importorskip("odf", reason="odfpy (the test extra) makes the .odt")


def import_doc(document: Path, out: Path, *options: str) -> Run:
    """`zinekit import DOCUMENT -o OUT`, which must succeed."""
    run = run_zinekit("import", document, "-o", out, *options)
    assert run.code == 0, run.stderr
    return run


@pytest.fixture(params=sorted(MAKERS))
def imported(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Run]:
    """A document of each kind (docx, odt, html) imported to zine.md: its path and the run."""
    kind = request.param
    _need(kind)
    document = MAKERS[kind](tmp_path / f"catatan.{kind}")
    out = tmp_path / "zine.md"
    return out, import_doc(document, out)


@pytest.fixture
def imported_md(imported: tuple[Path, Run]) -> Path:
    """The path of an imported zine.md (one per document kind), for tests that build it."""
    return imported[0]


def _read(md: Path) -> tuple[dict[str, str], list[Token]]:
    text = md.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    return YAML(typ="safe", pure=True).load(front), tokens


def _inline_texts(tokens: list[Token], opener: str) -> list[str]:
    """The words inside each `opener` ... close pair (e.g. strong_open, th_open)."""
    found, depth, words = [], 0, ""
    closer = opener.replace("_open", "_close")
    for token in _flat(tokens):
        if token.type == opener:
            depth, words = depth + 1, ""
        elif token.type == closer:
            depth -= 1
            found.append(words.strip())
        elif depth and token.type == "text":
            words += token.content
    return found


def _flat(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        out.extend(_flat(token.children or []))
    return out


def _list_items(tokens: list[Token], kind: str) -> list[str]:
    items, inside = [], False
    for i, token in enumerate(tokens):
        if token.type == f"{kind}_open":
            inside = True
        elif token.type == f"{kind}_close":
            inside = False
        elif inside and token.type == "inline" and tokens[i - 1].type == "paragraph_open":
            items.append(token.content)
    return items


def test_imported_document_keeps_its_structure(imported: tuple[Path, Run]) -> None:
    md, _ = imported
    front, tokens = _read(md)
    assert front == {"title": TITLE, "lang": "id"}
    headings = [
        (t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert headings == [("h1", WORDS["heading"]), ("h2", WORDS["subheading"])]
    assert _inline_texts(tokens, "strong_open")[0] == WORDS["bold"]
    assert _inline_texts(tokens, "em_open") == [WORDS["italic"]]
    assert _list_items(tokens, "bullet_list")[:2] == WORDS["bullets"]  # the table's list follows
    assert _list_items(tokens, "ordered_list") == WORDS["numbers"]
    assert _inline_texts(tokens, "blockquote_open") == [WORDS["quote"]]
    # A table whose rows hold words becomes its heading row in bold and a list of rows.
    head, *rows = WORDS["table"]
    assert " · ".join(head) in _inline_texts(tokens, "strong_open")
    items = _inline_texts(tokens, "list_item_open")
    assert all(" · ".join(row) in items for row in rows)
    assert not _inline_texts(tokens, "td_open")
    links = [t for t in _flat(tokens) if t.type == "link_open"]
    assert [t.attrs["href"] for t in links] == [WORDS["link"]]
    assert WORDS["bad_link_text"] in md.read_text(encoding="utf-8")  # its words stay


def test_images_are_saved_beside_the_output_and_referenced_relatively(
    imported: tuple[Path, Run],
) -> None:
    from PIL import Image

    md, _ = imported
    _, tokens = _read(md)
    images = [t for t in _flat(tokens) if t.type == "image"]
    assert len(images) == 1
    src = str(images[0].attrs["src"])
    assert src == "zine-images/image-1.png"
    with Image.open(md.parent / src) as picture:
        assert picture.format == "PNG" and picture.size == (40, 30)
    assert not list(md.parent.glob(".*part")), "a temporary file or folder was left behind"


def test_the_note_names_what_was_not_carried_over(imported: tuple[Path, Run]) -> None:
    md, run = imported
    notes = [line for line in run.lines if line.startswith("zinekit: note: ")]
    said = "\n".join(notes)
    assert WORDS["bad_link"] in said
    assert "text colours" in said
    assert "became a list, one item a row" in said
    assert run.lines[-1] == f"zinekit: wrote {md}"
    text = md.read_text(encoding="utf-8")
    assert WORDS["footnote"] not in text and "javascript" not in text


def test_docx_comments_and_odt_footnotes_are_named(tmp_path: Path) -> None:
    for kind, lost in (("docx", "comments"), ("odt", "footnotes")):
        _need(kind)
        out = tmp_path / f"{kind}.md"
        run = import_doc(MAKERS[kind](tmp_path / f"in.{kind}"), out)
        assert f"not carried over: {lost}" in run.stderr
        assert "Ubah warnanya" not in out.read_text(encoding="utf-8")  # the comment's words


def test_html_images_come_only_from_the_page_folder_and_data_addresses(tmp_path: Path) -> None:
    _need("html")
    page_dir = tmp_path / "page"
    page_dir.mkdir()
    (page_dir / "foto.gif").write_bytes(_gif())
    (tmp_path / "rahasia.png").write_bytes(png_bytes())
    page = page_dir / "halaman.html"
    page.write_text(
        '<html><body><h1>Foto</h1><p><img src="foto.gif" alt="di folder"></p>'
        '<p><img src="../rahasia.png" alt="di luar"></p>'
        '<p><img src="https://example.org/x.png" alt="di web"></p>'
        '<table><tr><td colspan="2">gabung</td></tr><tr><td>a</td><td>b</td></tr></table>'
        "</body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "out" / "foto.md"
    out.parent.mkdir()
    run = import_doc(page, out)
    _, tokens = _read(out)
    sources = [t.attrs["src"] for t in _flat(tokens) if t.type == "image"]
    assert sources == ["foto-images/image-1.png"]  # the GIF, converted; nothing else
    assert sorted(p.name for p in (out.parent / "foto-images").iterdir()) == ["image-1.png"]
    assert "image not carried over: ../rahasia.png" in run.stderr
    assert "image not carried over: https://example.org/x.png" in run.stderr
    assert "merged table cells" in run.stderr
    assert "gabung" in _inline_texts(tokens, "strong_open")
    assert "a · b" in _inline_texts(tokens, "list_item_open")
    # the first heading is the title; it is not said twice
    front, _ = _read(out)
    assert front == {"title": "Foto"}
    assert not any(t.type == "heading_open" for t in tokens)


def _gif() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("P", (8, 8), 3).save(out, "GIF")
    return out.getvalue()


def test_an_existing_output_is_kept_unless_forced(tmp_path: Path) -> None:
    _need("html")
    page = make_html(tmp_path / "a.html")
    out = tmp_path / "zine.md"
    out.write_text("my edits\n", encoding="utf-8")
    run = run_zinekit("import", page, "-o", out)
    assert run.code == 2 and len(run.lines) == 1 and "--force" in run.lines[0]
    assert out.read_text(encoding="utf-8") == "my edits\n"
    assert not (tmp_path / "zine-images").exists()
    import_doc(page, out, "--force")
    assert out.read_text(encoding="utf-8").startswith("---\ntitle: Lingkar Dengar\n")
    import_doc(page, out, "--force")  # again, over its own images folder
    assert [p.name for p in (tmp_path / "zine-images").iterdir()] == ["image-1.png"]


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, Path, str]]:
    """name -> (document, output, words the one error line must hold)."""
    not_zip = tmp_path / "renamed.docx"
    not_zip.write_bytes(b"%PDF-1.4 not a document")
    other_zip = tmp_path / "other.docx"
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("hello.txt", "a zip, not a document")
    broken = tmp_path / "broken.odt"
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content><unclosed")
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<p>hi</p>", encoding="utf-8")
    return {
        "missing file": (tmp_path / "nope.docx", tmp_path / "a.md", "no such file"),
        "unknown extension": (notes, tmp_path / "b.md", "cannot import .txt"),
        "not a zip": (not_zip, tmp_path / "c.md", "not a readable .docx document"),
        "a zip that is no document": (other_zip, tmp_path / "d.md", "not a readable .docx"),
        "the output is the input": (page, page, "would overwrite the input"),
        "pandoc refuses it": (broken, tmp_path / "e.md", "could not read the document"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "missing file",
        "unknown extension",
        "not a zip",
        "a zip that is no document",
        "the output is the input",
        "pandoc refuses it",
    ],
)
def test_bad_inputs_exit_2_with_one_line_and_leave_nothing(tmp_path: Path, case: str) -> None:
    if case == "pandoc refuses it":
        _need("odt")
    document, out, words = _bad_inputs(tmp_path)[case]
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    run = run_zinekit("import", document, "-o", out)
    assert run.code == 2, run.stderr
    assert len(run.lines) == 1 and run.lines[0].startswith("zinekit: error: "), run.lines
    assert words in run.lines[0]
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")} == before


def test_without_the_extra_one_line_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pypandoc", None)  # `import pypandoc` raises ImportError
    page = tmp_path / "a.html"
    page.write_text("<h1>Hai</h1>", encoding="utf-8")
    run = run_zinekit("import", page, "-o", tmp_path / "a.md")
    assert run.code == 2
    assert run.lines == [
        "zinekit: error: importing documents needs pandoc (hint: pip install 'zinekit[import]')"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html"]


def test_the_command_line_does_not_load_the_importer_until_it_runs() -> None:
    names = "'zinekit.importer', 'pypandoc'"
    code = f"import sys, zinekit.cli; print(*(m in sys.modules for m in ({names})))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_only_http_https_and_mailto_links_stay_and_a_rule_is_a_page_break(tmp_path: Path) -> None:
    _need("html")
    page = tmp_path / "tautan.html"
    page.write_text(
        '<html lang="en"><body><p><a href="file:///etc/passwd">berkas</a>'
        ' <a href="JaVaScRiPt:alert(1)">skrip</a> <a href="mailto:halo@example.org">surel</a>'
        ' <a href="http://example.org/a_(b)">wiki</a></p><hr>'
        '<iframe src="https://example.org/video"></iframe><p>akhir</p></body></html>',
        encoding="utf-8",
    )
    out = tmp_path / "tautan.md"
    run = import_doc(page, out)
    front, tokens = _read(out)
    assert front == {"title": "tautan", "lang": "en"}
    hrefs = [t.attrs["href"] for t in _flat(tokens) if t.type == "link_open"]
    assert hrefs == ["mailto:halo@example.org", "http://example.org/a_(b)"]
    assert [t.type for t in tokens].count("hr") == 1
    assert "\n\n---\n\nakhir" in out.read_text(encoding="utf-8")  # zinekit's page break
    assert "file:///etc/passwd, JaVaScRiPt:alert(1)" in run.stderr
    assert "embedded objects" in run.stderr
    assert "berkas skrip" in out.read_text(encoding="utf-8")


def test_an_imported_document_builds_and_keeps_its_words(imported_md: Path) -> None:
    """The imported Markdown builds as it is, and its reading PDF says what the document
    said: headings, the bold and italic words, both lists, the quote and the link's words."""
    import pypdfium2 as pdfium

    out = imported_md.with_name("zine.pdf")
    run = run_zinekit("build", imported_md, "-o", out, "-q")
    assert run.code == 0, run.stderr
    reading = pdfium.PdfDocument(out.with_name("zine.reading.pdf"))
    text = " ".join(reading[i].get_textpage().get_text_range() for i in range(len(reading)))
    # A word broken at a line end comes back as its two halves around a hyphen mark.
    printed = " ".join(re.sub(r"[-\ufffe\u00ad]\s*\n\s*", "", text).split())
    for key in ("heading", "subheading", "bold", "italic", "bullets", "numbers", "quote"):
        phrases = WORDS[key] if isinstance(WORDS[key], list) else [WORDS[key]]
        for phrase in phrases:
            assert " ".join(str(phrase).split()) in printed, f"{key} {phrase!r} not printed"
    assert WORDS["link_text"] in printed
