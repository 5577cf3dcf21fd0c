"""zinekit studio, import and new speak Indonesian: the command lines' errors and notes, the
studio's answers and the build errors beside the lines, in the language the page asks for."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.runner import run_zinekit
from tests.studio import ZINE
from zinekit import i18n

ORIGIN = "http://127.0.0.1:48124"


# --- zinekit studio ------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "zine"
    root.mkdir()
    (root / "lingkar.yaml").write_text(ZINE.replace("  - text:", "  - teks:"), encoding="utf-8")
    return root


@pytest.fixture
def client(folder: Path) -> Iterator[Any]:
    pytest.importorskip("starlette", reason="the studio extra is not installed")
    from starlette.testclient import TestClient

    from zinekit.studio.server import Studio

    studio = Studio(folder, current=folder / "lingkar.yaml", port=48124, token="rahasia")
    with TestClient(studio.app, base_url=ORIGIN) as client:
        client.headers["X-Zinekit-Token"] = studio.token
        client.headers["Origin"] = ORIGIN
        client.studio = studio
        yield client


def _problem(client: Any, after: int = 0) -> dict[str, Any]:
    studio = client.studio
    end = time.monotonic() + 30
    while time.monotonic() < end:
        latest = studio.builder.latest
        if latest is not None and after < latest.generation == studio.builder.generation:
            (problem,) = studio.describe(latest)["problems"]
            return dict(problem, generation=latest.generation)
        time.sleep(0.02)
    raise AssertionError("no build finished")


def test_the_page_language_words_the_build_errors(client: Any, folder: Path) -> None:
    """The server speaks English (the tests' language) until the page's picker asks for
    Indonesian: then the build error beside line 6 says its hint in Indonesian, and keeps
    its file:line:col."""
    path = folder / "lingkar.yaml"
    english = _problem(client)
    assert english["text"] == f"{path}:6:5: {english['message']} (hint: {english['hint']})"
    asked = client.post("/api/options", json={"lang": "id"})
    assert asked.status_code == 200
    indonesian = _problem(client, after=english["generation"])
    assert (indonesian["file"], indonesian["line"], indonesian["column"]) == ("lingkar.yaml", 6, 5)
    with i18n.speaking("id"):
        from zinekit.pipeline import build

        (expected,) = build(path).problems
    assert indonesian["message"] == expected.message and indonesian["hint"] == expected.hint
    assert indonesian["text"] == f"{path}:6:5: {expected.message} (saran: {expected.hint})"
    state = client.get("/api/state").json()
    assert state["lang"] == "id" and state["latest"]["lang"] == "id"


def test_the_studio_answers_in_the_page_language(client: Any) -> None:
    assert client.post("/api/options", json={"lang": "id"}).status_code == 200
    outside = client.get("/api/file", params={"path": "../luar.yaml"})
    assert outside.status_code == 403
    assert outside.json() == {"error": "../luar.yaml: '..' mengarah ke luar folder"}
    bad = client.post("/api/options", json={"layout": "rahasia"})
    assert bad.json() == {"error": "layout 'rahasia' tidak dikenal"}
    again = client.post("/api/new", json={"starter": "zine", "path": "lingkar.yaml"})
    assert again.status_code == 409
    assert again.json() == {"error": "berkas ini sudah ada; pilih nama lain"}
    wrong = client.get("/api/state", headers={"X-Zinekit-Token": "tebakan"})
    assert wrong.status_code == 403  # no cookie, a wrong token: refused, in the page's language
    assert wrong.text == (
        "zinekit studio: token tidak ada atau salah: buka alamat yang dicetak zinekit studio\n"
    )


def test_the_page_words_come_from_the_catalogs(client: Any) -> None:
    words = client.get("/words").json()
    assert words == {lang: i18n.entry(lang, "studio.page") for lang in i18n.LANGUAGES}
    assert words["id"]["save"] == "Simpan" and words["en"]["save"] == "Save"
    assert client.get("/static/words.json").status_code == 404


def test_the_starters_offered_speak_the_page_language(client: Any, folder: Path) -> None:
    client.post("/api/options", json={"lang": "id"})
    made = client.post("/api/new", json={"starter": "zine", "path": "baru.md"})
    assert made.status_code == 200
    assert "Sunting tulisannya, lalu jalankan" in (folder / "baru.md").read_text(encoding="utf-8")


def test_studio_refuses_a_file_that_is_not_content(tmp_path: Path) -> None:
    pytest.importorskip("starlette", reason="the studio extra is not installed")
    notes = tmp_path / "catatan.txt"
    notes.write_text("pribadi", encoding="utf-8")
    run = run_zinekit("--lang", "id", "studio", notes, "--no-browser")
    assert run.code == 2
    assert run.lines == [
        f"zinekit: kesalahan: {str(notes)!r} bukan berkas konten"
        " (saran: buka berkas .yaml atau .yml atau .md, atau sebuah folder)"
    ]
    run = run_zinekit("--lang", "id", "studio", tmp_path / "hilang", "--no-browser")
    assert run.lines == [
        "zinekit: kesalahan: berkas atau folder itu tidak ada (saran: periksa namanya)"
    ]


def test_the_missing_studio_extra_is_said_in_indonesian() -> None:
    from zinekit.cli.studio import require_studio
    from zinekit.errors import OptionError

    with i18n.speaking("id"):
        with pytest.raises(OptionError) as raised:
            require_studio("zinekit studio", ("zinekit_tidak_ada_1", "zinekit_tidak_ada_2"))
        assert str(raised.value) == (
            "zinekit studio butuh zinekit_tidak_ada_1, zinekit_tidak_ada_2, yang belum terpasang"
            " (saran: pasang dengan: pip install 'zinekit[studio]')"
        )


def test_the_option_help_speaks_indonesian(tmp_path: Path) -> None:
    """Option help is worded when a command's module is imported: in a process of its own."""
    import subprocess

    for command, words in (
        ("new", "Apa yang mau dimulai"),
        ("studio", "Jangan buka halamannya di peramban."),
        ("import", "Timpa berkas hasil"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "zinekit", "--lang", "id", command, "--help"],
            capture_output=True,
            text=True,
            timeout=60,
            env={"PATH": "/usr/bin:/bin", "COLUMNS": "200", "PYTHONPATH": ":".join(sys.path)},
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert words in " ".join(done.stdout.split()), command


# --- zinekit new ---------------------------------------------------------------------------


def test_new_never_replaces_a_file_in_indonesian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "zine.yaml").write_text("karya sehari penuh\n", encoding="utf-8")
    run = run_zinekit("--lang", "id", "new", "zine", "zine.yaml")
    assert run.code == 2
    assert run.lines == [
        "zinekit: kesalahan: zine.yaml: berkas ini sudah ada; zinekit new tidak pernah menimpa"
        " berkas (saran: berikan path lain, misalnya zinekit new zine zine-2.yaml)"
    ]
    assert (tmp_path / "zine.yaml").read_text(encoding="utf-8") == "karya sehari penuh\n"


def test_new_with_an_unknown_kind_in_indonesian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_zinekit("--lang", "id", "new", "agreement")
    assert run.code == 2
    assert run.lines == [
        "zinekit: kesalahan: jenis 'agreement' tidak dikenal (saran: maksudmu 'agreements'?"
        " pilih salah satu: affirmations, agreements, resources, zine)"
    ]
    run = run_zinekit("--lang", "id", "new", "zine", "tidak-ada/zine.md")
    assert run.code == 2
    assert run.lines == [
        "zinekit: kesalahan: tidak-ada/zine.md: folder 'tidak-ada' tidak ada"
        " (saran: buat dulu foldernya, atau berikan path lain)"
    ]
    assert list(tmp_path.iterdir()) == []


# --- zinekit import ------------------------------------------------------------------------


def test_import_notes_what_was_not_carried_over_in_indonesian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pypandoc", reason="the import extra (pandoc) is not installed")
    from tests.importdocs import make_html

    monkeypatch.chdir(tmp_path)
    make_html(tmp_path / "catatan.html")
    run = run_zinekit("--lang", "id", "import", "catatan.html", "-o", "zine.md")
    assert run.code == 0, run.stderr
    assert run.lines == [
        "zinekit: catatan: catatan.html: tidak terbawa: warna tulisan dan stabilo",
        "zinekit: catatan: catatan.html: tautan dibiarkan sebagai tulisan biasa (hanya http,"
        " https dan mailto yang jadi tautan): javascript:alert(1)",
        "zinekit: catatan: catatan.html: sebuah tabel yang barisnya berisi tulisan menjadi"
        " daftar, satu butir per baris (zinekit mencetak tabel hanya sebagai lembar kerja untuk"
        " diisi)",
        "zinekit: zine.md sudah ditulis",
    ]
    again = run_zinekit("--lang", "id", "import", "catatan.html", "-o", "zine.md")
    assert again.code == 2
    assert again.lines == [
        "zinekit: kesalahan: zine.md: 'zine.md' sudah ada (saran: pilih nama lain dengan -o,"
        " atau tambahkan --force untuk menimpanya)"
    ]


def test_import_errors_in_indonesian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "catatan.txt").write_text("halo", encoding="utf-8")
    run = run_zinekit("--lang", "id", "import", "catatan.txt")
    assert run.code == 2
    assert run.lines == [
        "zinekit: kesalahan: catatan.txt: tidak bisa mengimpor .txt"
        " (saran: ekspor dokumennya sebagai .docx, .odt atau .html)"
    ]
    run = run_zinekit("--lang", "id", "import", "hilang.docx")
    assert run.lines == [
        "zinekit: kesalahan: hilang.docx: berkas ini tidak ada (saran: periksa nama dan foldernya)"
    ]
    (tmp_path / "rusak.docx").write_bytes(b"bukan zip")
    run = run_zinekit("--lang", "id", "import", "rusak.docx")
    assert run.lines == [
        "zinekit: kesalahan: rusak.docx: bukan dokumen .docx yang bisa dibaca (rusak, atau berkas"
        " jenis lain yang diganti namanya) (saran: buka dokumennya di pengolah kata, lalu ekspor"
        " lagi)"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catatan.txt", "rusak.docx"]


def test_the_missing_import_extra_is_said_in_indonesian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pypandoc", None)  # `import pypandoc` raises ImportError
    page = tmp_path / "a.html"
    page.write_text("<h1>Hai</h1>", encoding="utf-8")
    run = run_zinekit("--lang", "id", "import", page, "-o", tmp_path / "a.md")
    assert run.code == 2
    assert run.lines == [
        "zinekit: kesalahan: mengimpor dokumen butuh pandoc"
        " (saran: pasang dengan: pip install 'zinekit[import]')"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html"]


def test_every_loss_the_importer_counts_has_its_words() -> None:
    """The notes' keys are made from pandoc's element names: each has words in every language."""
    from zinekit.importer import source, walk

    keys = {source.COLOURS, source.COMMENTS, source.CHANGES, source.OBJECTS, walk.CODE, walk.RAW}
    keys |= {(kind.lower(), "") for kind in walk.UNWRAPPED}
    keys |= {(k, "") for k in ("merged-cells", "formulas", "footnotes", "images")}
    keys |= {("blocks", "Div"), ("elements", "Span")}
    for lang in i18n.LANGUAGES:
        for key, kind in keys:
            assert i18n.text(lang, f"importer.lost.{key}", kind=kind), (lang, key)
