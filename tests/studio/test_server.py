"""The studio's HTTP rules, one test each (Host, token, origin, paths), and its routes."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

pytest.importorskip("starlette", reason="the studio extra is not installed")
from starlette.testclient import TestClient  # noqa: E402

from tests.studio import ZINE  # noqa: E402
from zinekit.studio.server import Studio  # noqa: E402

PORT = 48123
ORIGIN = f"http://127.0.0.1:{PORT}"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "zine"
    root.mkdir()
    (root / "lingkar.yaml").write_text(ZINE, encoding="utf-8")
    return root


@pytest.fixture
def studio(folder: Path) -> Iterator[Studio]:
    studio = Studio(folder, current=folder / "lingkar.yaml", port=PORT, token="rahasia-123")
    yield studio


@pytest.fixture
def client(studio: Studio) -> Iterator[TestClient]:
    with TestClient(studio.app, base_url=ORIGIN, follow_redirects=False) as client:
        client.headers["X-Zinekit-Token"] = studio.token
        yield client


def change(client: TestClient, name: str, text: str, **headers: str):  # type: ignore[no-untyped-def]
    return client.put(
        "/api/file",
        params={"path": name},
        content=text.encode(),
        headers={"Origin": ORIGIN, **headers},
    )


def built(studio: Studio, after: int = 0):  # type: ignore[no-untyped-def]
    end = time.monotonic() + 30
    while time.monotonic() < end:
        latest = studio.builder.latest
        if latest is not None and after < latest.generation == studio.builder.generation:
            return latest
        time.sleep(0.02)
    raise AssertionError("no build finished")


def test_a_wrong_host_is_refused(client: TestClient) -> None:
    for host in ("evil.example", f"evil.example:{PORT}", "127.0.0.1:1", f"localhost.evil:{PORT}"):
        response = client.get("/api/state", headers={"Host": host})
        assert response.status_code == 403, host
        assert "Host" in response.text
    assert client.get("/api/state", headers={"Host": f"localhost:{PORT}"}).status_code == 200


def test_a_missing_or_wrong_token_is_refused(studio: Studio) -> None:
    with TestClient(studio.app, base_url=ORIGIN, follow_redirects=False) as bare:
        for path in (
            "/",
            "/api/state",
            "/api/file?path=lingkar.yaml",
            "/static/studio.js",
            "/words",
        ):
            assert bare.get(path).status_code == 403, path
        wrong = bare.get("/api/state", headers={"X-Zinekit-Token": "tebakan"})
        assert wrong.status_code == 403 and "token" in wrong.text
        # The printed address: the token once in the query, then a cookie carries it.
        first = bare.get(f"/?token={studio.token}")
        assert first.status_code == 303 and first.headers["location"] == "/"
        cookie = first.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie
        assert bare.get("/api/state").status_code == 200
        page = bare.get("/")
        assert page.status_code == 200 and "studio.js" in page.text
        assert "default-src 'self'" in page.headers["content-security-policy"]


def test_a_cross_origin_change_is_refused(client: TestClient, folder: Path) -> None:
    before = (folder / "lingkar.yaml").read_text(encoding="utf-8")
    evil = change(client, "lingkar.yaml", "title: diganti\n", Origin="http://evil.example")
    assert evil.status_code == 403
    no_origin = client.put("/api/file", params={"path": "lingkar.yaml"}, content=b"title: x\n")
    assert no_origin.status_code == 403
    other_port = change(client, "lingkar.yaml", "title: x\n", Origin="http://127.0.0.1:1")
    assert other_port.status_code == 403
    posted = client.post("/api/open", json={"path": "lingkar.yaml"}, headers={"Origin": "null"})
    assert posted.status_code == 403
    assert (folder / "lingkar.yaml").read_text(encoding="utf-8") == before
    referer = client.put(
        "/api/file",
        params={"path": "lingkar.yaml"},
        content=ZINE.encode(),
        headers={"Referer": f"{ORIGIN}/"},
    )
    assert referer.status_code == 200


@pytest.mark.parametrize(
    "name", ["../luar.yaml", "sub/../../luar.yaml", "..", "./../luar.yaml", "a/..//b.yaml"]
)
def test_dot_dot_is_refused(client: TestClient, folder: Path, name: str) -> None:
    (folder.parent / "luar.yaml").write_text("title: rahasia\n", encoding="utf-8")
    assert client.get("/api/file", params={"path": name}).status_code == 403
    assert change(client, name, "title: ditimpa\n").status_code == 403
    assert (folder.parent / "luar.yaml").read_text(encoding="utf-8") == "title: rahasia\n"


def test_an_absolute_path_is_refused(client: TestClient, folder: Path) -> None:
    outside = folder.parent / "luar.yaml"
    outside.write_text("title: rahasia\n", encoding="utf-8")
    for name in (str(outside), str(folder / "lingkar.yaml"), "/etc/passwd"):
        assert client.get("/api/file", params={"path": name}).status_code == 403, name
        assert change(client, name, "title: ditimpa\n").status_code == 403
    assert outside.read_text(encoding="utf-8") == "title: rahasia\n"


def test_a_symlink_out_of_the_folder_is_refused(client: TestClient, folder: Path) -> None:
    outside = folder.parent / "luar.yaml"
    outside.write_text("title: rahasia\n", encoding="utf-8")
    (folder / "pintu.yaml").symlink_to(outside)
    (folder / "lorong").symlink_to(folder.parent)
    for name in ("pintu.yaml", "lorong/luar.yaml"):
        assert client.get("/api/file", params={"path": name}).status_code == 403, name
        assert change(client, name, "title: ditimpa\n").status_code == 403
        assert (
            client.post("/api/open", json={"path": name}, headers={"Origin": ORIGIN}).status_code
            == 403
        )
    assert outside.read_text(encoding="utf-8") == "title: rahasia\n"
    assert client.get("/api/state").json()["files"] == ["lingkar.yaml"]
    # Inside the folder a symlink is fine.
    (folder / "sama.yaml").symlink_to(folder / "lingkar.yaml")
    assert client.get("/api/file", params={"path": "sama.yaml"}).json()["text"] == ZINE


def test_only_content_files_are_read(client: TestClient, folder: Path) -> None:
    (folder / "catatan.txt").write_text("pribadi", encoding="utf-8")
    assert client.get("/api/file", params={"path": "catatan.txt"}).status_code == 403


def test_a_save_writes_the_file_and_rebuilds(
    client: TestClient, studio: Studio, folder: Path
) -> None:
    first = built(studio)
    assert first.output.ok, first.output.problems
    text = ZINE.replace("Selamat datang", "Selamat pagi")
    saved = change(client, "lingkar.yaml", text)
    assert saved.status_code == 200
    assert (folder / "lingkar.yaml").read_text(encoding="utf-8") == text
    assert not list(folder.glob(".*.part"))  # written atomically: no temporary file left
    result = built(studio, after=first.generation)
    picture = client.get(f"/api/picture/{result.generation}/reading/0.png")
    assert picture.status_code == 200 and picture.content.startswith(b"\x89PNG")
    for kind in ("front", "fold"):
        assert client.get(f"/api/picture/{result.generation}/{kind}/0.png").status_code == 200
    assert client.get(f"/api/picture/{result.generation}/back/0.png").status_code == 404  # one side
    stale = client.get(f"/api/picture/{first.generation}/reading/0.png")
    assert stale.status_code == 404
    reading = client.get(f"/api/pdf/{result.generation}/reading")
    assert reading.headers["content-disposition"] == 'attachment; filename="lingkar.reading.pdf"'
    assert "Selamat pagi" in PdfReader(io.BytesIO(reading.content)).pages[0].extract_text()
    imposed = PdfReader(io.BytesIO(client.get(f"/api/pdf/{result.generation}/print").content))
    assert len(imposed.pages) == 1


def test_a_mistake_is_reported_with_its_line(client: TestClient, studio: Studio) -> None:
    first = built(studio)
    change(client, "lingkar.yaml", ZINE.replace("  - text:", "  - teks:"))
    result = built(studio, after=first.generation)
    (problem,) = studio.describe(result)["problems"]
    assert (problem["file"], problem["line"], problem["column"]) == ("lingkar.yaml", 6, 5)
    assert problem["text"].startswith(f"{studio.folder.root / 'lingkar.yaml'}:6:5: ")
    # The last good build's pictures are still served, for the page to show meanwhile.
    good = client.get(f"/api/picture/{first.generation}/reading/0.png")
    assert good.status_code == 200 and good.content.startswith(b"\x89PNG")
    assert client.get(f"/api/picture/{result.generation}/reading/0.png").status_code == 404


def test_an_edit_in_another_editor_rebuilds(
    client: TestClient, studio: Studio, folder: Path
) -> None:
    first = built(studio)
    (folder / "lingkar.yaml").write_text(ZINE.replace("minizine", "booklet"), encoding="utf-8")
    result = built(studio, after=first.generation)
    assert result.typeset is not None and result.typeset.job.layout.name == "booklet"


def test_options_and_starters(client: TestClient, studio: Studio, folder: Path) -> None:
    first = built(studio)
    bad = client.post("/api/options", json={"layout": "rahasia"}, headers={"Origin": ORIGIN})
    assert bad.status_code == 400
    ok = client.post(
        "/api/options", json={"layout": "booklet", "duplex": "short"}, headers={"Origin": ORIGIN}
    )
    assert ok.status_code == 200
    result = built(studio, after=first.generation)
    assert result.output.printing == "print double-sided, flip on short edge, at 100% (actual size)"
    made = client.post(
        "/api/new", json={"starter": "zine", "path": "baru.yaml"}, headers={"Origin": ORIGIN}
    )
    assert made.status_code == 200 and (folder / "baru.yaml").read_text().startswith("# ")
    again = client.post(
        "/api/new", json={"starter": "zine", "path": "baru.yaml"}, headers={"Origin": ORIGIN}
    )
    assert again.status_code == 409


def test_a_mistake_is_worded_in_the_servers_language(folder: Path) -> None:
    """`zinekit --lang id studio`: the studio starts in the process's language, and its
    builds word their errors in it (here the hint's frame), file:line:col kept."""
    from zinekit import i18n

    (folder / "lingkar.yaml").write_text(ZINE.replace("  - text:", "  - teks:"), encoding="utf-8")
    with i18n.speaking("id"):
        studio = Studio(folder, current=folder / "lingkar.yaml", port=PORT, token="rahasia-123")
    assert studio.lang == "id"
    with TestClient(studio.app, base_url=ORIGIN) as client:
        client.headers["X-Zinekit-Token"] = studio.token
        built(studio)
        latest = client.get("/api/state").json()["latest"]
        assert latest["lang"] == "id"
        (problem,) = latest["problems"]
        assert (problem["file"], problem["line"], problem["column"]) == ("lingkar.yaml", 6, 5)
        where = folder / "lingkar.yaml"
        assert problem["text"] == f"{where}:6:5: {problem['message']} (saran: {problem['hint']})"
        refused = client.get("/api/file", params={"path": "/etc/passwd"})
        assert refused.json()["error"].endswith(
            "ini path absolut: hanya berkas di dalam folder yang boleh"
        )
