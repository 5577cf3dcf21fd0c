"""Hostile content files, paths and outputs through the command line: exit 2 and one clear
line (file:line:column where the input is a content file), no traceback, no file left
behind and an older output byte for byte as it was."""

from __future__ import annotations

import io
import os
import signal
import stat
import struct
from pathlib import Path

import pytest

from tests import wildgen
from tests.fulldisk import FullDisk
from tests.runner import Run, run_zinekit

OLD = b"%PDF-1.4 an older output that must survive\n"
GOOD = "title: Test\nblocks:\n  - text: hello\n"


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {
        p.name: p.read_bytes() if p.is_file() and not p.is_symlink() else None
        for p in sorted(folder.iterdir())
    }


def refused(run: Run, *words: str, lines: int = 1) -> str:
    """The one line of a refusal, after checking it is one (exit 2, no traceback)."""
    assert run.code == 2, run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
    assert len(run.lines) == lines, run.stderr
    for word in words:
        assert word in run.stderr, run.stderr
    return run.lines[0]


def content(folder: Path, text: str, name: str = "zine.yaml") -> Path:
    (folder / name).write_text(text, encoding="utf-8")
    (folder / "out.pdf").write_bytes(OLD)
    return folder / name


def build(path: Path, *options: str) -> Run:
    return run_zinekit("build", path, "-o", path.parent / "out.pdf", *options)


def kept(folder: Path, before: dict[str, bytes | None]) -> None:
    assert snapshot(folder) == before
    assert (folder / "out.pdf").read_bytes() == OLD


# --- paths the OS refuses ---------------------------------------------------------------


def test_a_300_character_output_name(tmp_path: Path) -> None:
    source = content(tmp_path, GOOD)
    before = snapshot(tmp_path)
    run = run_zinekit("build", source, "-o", tmp_path / ("y" * 300 + ".pdf"))
    line = refused(run, "file name is too long")
    assert len(line) < 250
    kept(tmp_path, before)


@pytest.mark.parametrize(
    ("name", "src", "words"),
    [
        ("loop", "loop.png", ("loop of symbolic links",)),
        ("nul", "a\\0b.png", ("NUL byte", "'a\\x00b.png'")),
        ("long", "x" * 300 + ".png", ("file name is too long",)),
    ],
)
def test_an_image_path_the_os_refuses(
    tmp_path: Path, name: str, src: str, words: tuple[str, ...]
) -> None:
    (tmp_path / "loop.png").symlink_to("loop.png")
    source = content(tmp_path, f'title: T\nblocks:\n  - image: {{src: "{src}"}}\n')
    before = snapshot(tmp_path)
    line = refused(build(source), *words)
    assert line.startswith(f"zinekit: error: {source}:3:18: ")
    assert len(line) < 300
    kept(tmp_path, before)


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.fdopen

    def fdopen(fd: int, *args: object, **kwargs: object) -> object:
        if os.readlink(f"/proc/self/fd/{fd}").endswith(".part"):
            return io.BufferedWriter(FullDisk(fd))
        return real(fd, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "fdopen", fdopen)


@pytest.mark.usefixtures("full_disk")
@pytest.mark.parametrize("command", ["build", "impose"])
def test_a_full_disk(tmp_path: Path, command: str) -> None:
    if command == "build":
        source = content(tmp_path, GOOD)
    else:
        source = tmp_path / "in.pdf"
        source.write_bytes(wildgen.text_pdf(4))
        (tmp_path / "out.pdf").write_bytes(OLD)
    before = snapshot(tmp_path)
    run = run_zinekit(command, source, "-o", tmp_path / "out.pdf")
    line = refused(run, "the disk is full")
    assert ".pdf: cannot write the output" in line
    kept(tmp_path, before)


# --- outputs that are not regular files -------------------------------------------------


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.pdf")
    return folder / "pipe.pdf"


def _folder(folder: Path) -> Path:
    (folder / "dir.pdf").mkdir()
    return folder / "dir.pdf"


def _device_link(folder: Path) -> Path:
    (folder / "null.pdf").symlink_to(os.devnull)
    return folder / "null.pdf"


@pytest.mark.parametrize("command", ["build", "impose"])
@pytest.mark.parametrize(
    ("make", "kind"),
    [(_fifo, "named pipe"), (_folder, "folder"), (_device_link, "device")],
)
def test_an_output_that_is_not_a_regular_file(
    tmp_path: Path, command: str, make: object, kind: str
) -> None:
    source = content(tmp_path, GOOD)
    if command == "impose":
        source = tmp_path / "in.pdf"
        source.write_bytes(wildgen.text_pdf(4))
    target = make(tmp_path)  # type: ignore[operator]
    mode = os.stat(target).st_mode
    before = snapshot(tmp_path)
    refused(run_zinekit(command, source, "-o", target), kind, "not a file zinekit may replace")
    assert os.stat(target).st_mode == mode
    kept(tmp_path, before)


def test_dev_null_as_output_is_never_replaced(tmp_path: Path) -> None:
    source = content(tmp_path, GOOD)
    refused(run_zinekit("build", source, "-o", os.devnull))
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_sigterm_during_the_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = content(tmp_path, GOOD)
    before = snapshot(tmp_path)
    real = os.fsync

    def fsync(fd: int) -> None:  # the signal arrives while the output is being written
        os.kill(os.getpid(), signal.SIGTERM)
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    run = build(source)
    assert run.code == 143, run.stderr
    assert run.lines == ["zinekit: terminated"]
    kept(tmp_path, before)
    assert signal.getsignal(signal.SIGTERM) is not None


# --- YAML that would never end, or is far too big ---------------------------------------


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("title: T\nblocks: &b [*b]\n", "2:13"),
        ("title: T\ncover: &c {title: *c}\nblocks:\n  - text: hi\n", "2:19"),
    ],
)
def test_an_anchor_that_refers_to_itself(tmp_path: Path, text: str, at: str) -> None:
    source = content(tmp_path, text)
    before = snapshot(tmp_path)
    line = refused(build(source), "refers to the value that contains it")
    assert line.startswith(f"zinekit: error: {source}:{at}: the alias *")
    kept(tmp_path, before)


def test_a_hundred_thousand_items_is_about_size_not_aliases(tmp_path: Path) -> None:
    items = "".join("    - a\n" for _ in range(100_001))
    source = content(tmp_path, f"title: T\nblocks:\n  - list:\n{items}")
    line = refused(build(source), "more than 100000 values")
    assert "alias" not in line


def test_a_twenty_megabyte_text_value(tmp_path: Path) -> None:
    source = content(tmp_path, "title: T\nblocks:\n  - text: " + "a" * 20_000_000 + "\n")
    before = snapshot(tmp_path)
    refused(build(source), "20 MB, more than the 5 MB")
    kept(tmp_path, before)


# --- messages that quote what the user wrote --------------------------------------------


def test_a_path_with_a_newline_stays_on_one_line(tmp_path: Path) -> None:
    source = content(tmp_path, 'title: T\nblocks:\n  - image: {src: "a\\nb.png"}\n')
    refused(build(source), "'a\\nb.png'")


def test_a_400_digit_year_is_not_echoed(tmp_path: Path) -> None:
    year = "9" * 400
    source = content(
        tmp_path, f"title: T\nblocks:\n  - resources:\n      - title: A\n        year: {year}\n"
    )
    line = refused(build(source), "about 400 digits")
    assert len(line) < 200


def test_at_most_twenty_mistakes_are_printed(tmp_path: Path) -> None:
    blocks = "".join(f"  - nonsense{i}: x\n" for i in range(50))
    source = content(tmp_path, f"title: T\nblocks:\n{blocks}")
    run = build(source)
    assert run.code == 2
    assert len(run.lines) == 21, run.stderr
    assert run.lines[-1].startswith("zinekit: error: ... and ") and "more" in run.lines[-1]


# --- pictures: only the formats zinekit prints, and never too many pixels ---------------


def _eps(path: Path) -> None:
    path.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 12000 12000\n{ } loop\n")


def _bomb(path: Path) -> None:
    from PIL import Image

    Image.new("1", (13000, 13000)).save(path)  # 20 KB on disk, 169 million pixels


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (_eps, ("not a picture in a format zinekit prints",)),
        (_bomb, ("13000 x 13000 = 169,000,000 pixels",)),
    ],
)
@pytest.mark.parametrize("command", ["build", "typeset"])
def test_a_picture_zinekit_does_not_open(
    tmp_path: Path, make: object, words: tuple[str, ...], command: str
) -> None:
    make(tmp_path / "pic.png")  # type: ignore[operator]
    source = content(tmp_path, "title: T\nblocks:\n  - image: {src: pic.png}\n")
    before = snapshot(tmp_path)
    if command == "build":
        run = build(source)
    else:  # the same refusal straight from the typesetter, past the content checks
        from zinekit.errors import ImageError
        from zinekit.typeset.images import ImageStore

        with pytest.raises(ImageError) as caught:
            ImageStore(tmp_path).get("pic.png", max_width=100, where=None)
        run = Run(2, "", f"zinekit: error: {caught.value}\n")
    line = refused(run, *words)
    assert "DecompressionBomb" not in run.stderr
    assert "pic.png" in line
    kept(tmp_path, before)


def test_an_import_skips_a_picture_zinekit_does_not_open(tmp_path: Path) -> None:
    from zinekit.importer.images import Images

    _eps(tmp_path / "pic.eps")
    _bomb(tmp_path / "bomb.png")
    images = Images(tmp_path, "pics")
    assert images.save((tmp_path / "pic.eps").read_bytes()) is None
    assert images.save((tmp_path / "bomb.png").read_bytes()) is None
    assert images.count == 0


# --- fonts, layouts and themes a content file names -------------------------------------

_FONT = Path(__file__).parents[2] / "assets" / "fonts" / "NotoSansMono-Bold.ttf"


def _restricted(data: bytes) -> bytes:
    """The font with OS/2 fsType 0x0002: "Restricted License embedding"."""
    font = bytearray(data)
    (count,) = struct.unpack_from(">H", font, 4)
    for i in range(count):
        tag, _, offset, _ = struct.unpack_from(">4sIII", font, 12 + 16 * i)
        if tag == b"OS/2":
            struct.pack_into(">H", font, offset + 8, 0x0002)
    return bytes(font)


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda data: data[:100], "is damaged or cut short"),
        (lambda data: data[: len(data) // 2], "is damaged or cut short"),
        (_restricted, "does not allow embedding"),
    ],
)
def test_a_font_zinekit_cannot_embed(tmp_path: Path, make: object, words: str) -> None:
    (tmp_path / "f.ttf").write_bytes(make(_FONT.read_bytes()))  # type: ignore[operator]
    source = content(tmp_path, "title: T\nfonts: {regular: f.ttf}\nblocks:\n  - text: hi\n")
    before = snapshot(tmp_path)
    line = refused(build(source), words)
    assert line.startswith(f"zinekit: error: {source}:2:18: font 'f.ttf' ")
    kept(tmp_path, before)


def test_the_fonts_zinekit_ships_can_be_embedded() -> None:
    from zinekit.fontfile import font_problem

    fonts = sorted((Path(__file__).parents[2] / "assets").rglob("*.ttf"))
    assert fonts
    assert {font.name: font_problem(font.read_bytes()) for font in fonts} == dict.fromkeys(
        (font.name for font in fonts), None
    )


@pytest.mark.parametrize("key", ["layout", "theme"])
@pytest.mark.parametrize("value", ["../outside/lay.toml", "/etc/passwd"])
def test_a_layout_or_theme_outside_the_folder(tmp_path: Path, key: str, value: str) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "lay.toml").write_text('description = "x"\n')
    folder = tmp_path / "zine"
    folder.mkdir()
    source = content(folder, f"title: T\n{key}: {value}\nblocks:\n  - text: hi\n")
    before = snapshot(folder)
    line = refused(build(source), "is outside the content file's folder")
    assert line.startswith(f"zinekit: error: {source}:2:")
    assert "root:" not in line
    kept(folder, before)


@pytest.mark.parametrize(
    ("command", "suffix"),
    [("impose", ".pdf"), ("check", ".pdf"), ("convert", ".yaml"), ("import", ".docx")],
)
@pytest.mark.parametrize(
    ("stem", "words"),
    [
        ("loop", ("loop of symbolic links",)),
        ("x" * 300, ("file name is too long",)),
        ("a\x01b\nc", ("a\\x01b\\nc",)),
    ],
)
def test_an_input_path_the_os_refuses(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    suffix: str,
    stem: str,
    words: tuple[str, ...],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / f"loop{suffix}").symlink_to(f"loop{suffix}")
    before = snapshot(tmp_path)
    args = [tmp_path / "out.md"] if command == "convert" else []
    line = refused(run_zinekit(command, stem + suffix, *args), *words)
    assert len(line) < 300
    assert snapshot(tmp_path) == before


# --- the heavy ones again, each in a measured child: under 1 GB and 30 s ----------------


def _short_png(path: Path) -> None:
    """A PNG that claims 12000 x 12000 pixels and holds ten rows of them."""
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 12000, 12000, 8, 0, 0, 0, 0)  # 8-bit grey
    rows = zlib.compress(b"".join(b"\0" + bytes(12000) for _ in range(10)))
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def _truncated_font(path: Path) -> None:
    path.write_bytes(b"\x00\x01\x00\x00\x00")


HEAVY = {
    "self-anchor": ("title: T\nblocks: &b [*b]\n", None, "refers to the value that contains it"),
    "100001-items": (
        "title: T\nblocks:\n  - list:\n" + "".join("    - a\n" for _ in range(100_001)),
        None,
        "more than 100000 values",
    ),
    "20-mb-text": ("title: T\nblocks:\n  - text: " + "a" * 20_000_000 + "\n", None, "20 MB"),
    "eps-as-png": (
        "title: T\nblocks:\n  - image: {src: pic.png}\n",
        _eps,
        "not a picture in a format zinekit prints",
    ),
    "pixel-bomb": ("title: T\nblocks:\n  - image: {src: pic.png}\n", _bomb, "169,000,000 pixels"),
    "short-png": ("title: T\nblocks:\n  - image: {src: pic.png}\n", _short_png, "pixels"),
    "truncated-font": (
        "title: T\nfonts: {regular: pic.png}\nblocks:\n  - text: hi\n",
        _truncated_font,
        "pic.png",
    ),
}


@pytest.mark.parametrize("case", sorted(HEAVY))
def test_heavy_content_is_refused_within_budget(tmp_path: Path, case: str) -> None:
    from tests.hostile.measured import PEAK_MB, run_child

    text, make, words = HEAVY[case]
    content(tmp_path, text)
    if make is not None:
        make(tmp_path / "pic.png")
    before = snapshot(tmp_path)
    child = run_child(tmp_path, "build", "zine.yaml", "-o", "out.pdf")
    assert child.code == 2, child.stderr
    assert len(child.lines) == 1 and words in child.lines[0], child.stderr
    assert "Traceback" not in child.stderr and "internal error" not in child.stderr
    assert child.peak_mb < PEAK_MB, f"peak {child.peak_mb} MB"
    kept(tmp_path, before)


@pytest.mark.parametrize(
    ("text", "name", "at"),
    [
        ("title: Teduh \U0001f600\nblocks:\n  - text: hi\n", "zine.yaml", "1:8"),
        ("---\ntitle: T\nsubtitle: x \U0001f600\n---\n\nhi\n", "zine.md", "3:11"),
        ("title: T\nsheet: F\U0001f6004\nblocks:\n  - text: hi\n", "zine.yaml", "2:8"),
    ],
    ids=["emoji-in-title", "emoji-in-subtitle", "emoji-in-sheet"],
)
def test_a_value_at_the_top_is_pointed_at(tmp_path: Path, text: str, name: str, at: str) -> None:
    """What typesetting or the paper table refuses at the top of a content file is said
    at the value's line and column, like any other mistake in it."""
    source = content(tmp_path, text, name)
    before = snapshot(tmp_path)
    line = refused(build(source))
    assert line.startswith(f"zinekit: error: {source}:{at}: "), line
    kept(tmp_path, before)
