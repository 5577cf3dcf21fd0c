"""Typesetting, pictures, fonts and themes speak Indonesian with --lang id: each kind of
message a user meets often, through the command line, with exit 2, one line and no file
left behind; and the listing of `zinekit themes`."""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFontFile

from tests.runner import Run, run_zinekit
from zinekit.data import data_dir
from zinekit.themes.load import builtin_names

LONG = " ".join(["kata panjang sekali"] * 400)


def _build(tmp_path: Path, content: str, *lang: str) -> tuple[Run, Path]:
    source = tmp_path / "zine.yaml"
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "zine.pdf"
    return run_zinekit(*lang, "build", source, "-o", out), out


def _one_error(run: Run, out: Path) -> str:
    assert run.code == 2, run.stderr
    assert len(run.lines) == 1, run.stderr
    assert not out.exists()
    assert "Traceback" not in run.stderr
    return run.lines[0]


def _matches(line: str, pattern: str, tmp_path: Path) -> None:
    """`line` is `pattern` with {N} standing for any number and {DIR} for tmp_path."""
    regex = (
        re.escape(pattern).replace(r"\{N\}", r"\d+").replace(r"\{DIR\}", re.escape(str(tmp_path)))
    )
    assert re.fullmatch(regex, line), line


def test_capacity(tmp_path: Path) -> None:
    texts = "".join(
        f"  - text: {' '.join(['Kalimat yang cukup panjang.'] * 40)}\n" for _ in range(12)
    )
    run, out = _build(tmp_path, f"title: Uji\nlayout: minizine\nblocks:\n{texts}", "--lang", "id")
    _matches(
        _one_error(run, out),
        "zinekit: kesalahan: {DIR}/zine.yaml:{N}:5: isinya perlu {N} halaman, tetapi tata"
        " letaknya hanya memuat 8: kelebihan {N} halaman (sekitar {N} mm teks), mulai dari"
        ' blok text "Kalimat yang cukup panjang. Kalimat yan…" (saran: pendekkan isinya atau'
        " pilih tata letak dengan lebih banyak halaman, atau jalankan build dengan --shrink"
        " agar hurufnya lebih kecil (sampai 7 pt))",
        tmp_path,
    )


def test_missing_image(tmp_path: Path) -> None:
    """Found by the content checks before typesetting: worded by content-errors.toml."""
    content = "title: Uji\nblocks:\n  - image: {src: tidak-ada.png}\n"
    run, out = _build(tmp_path, content, "--lang", "id")
    line = _one_error(run, out)
    assert line.startswith(f"zinekit: kesalahan: {tmp_path}/zine.yaml:3:")
    assert "tidak-ada.png" in line


def test_missing_image_when_typesetting(tmp_path: Path) -> None:
    """The typesetter's own words, when the file goes missing after the content checks."""
    from zinekit import i18n
    from zinekit.errors import ImageError, Location
    from zinekit.typeset.images import ImageStore

    store = ImageStore(tmp_path)
    with i18n.speaking("id"):
        try:
            store.get("hilang.png", max_width=100, where=Location("zine.yaml", 3, 5))
        except ImageError as exc:
            assert str(exc) == (
                "zine.yaml:3:5: berkas gambar 'hilang.png' tidak ditemukan"
                " (saran: jalur gambar dihitung dari folder berkas isi)"
            )
        else:
            raise AssertionError("no error")


def test_missing_glyph(tmp_path: Path) -> None:
    content = "title: Uji\nblocks:\n  - text: Halo.\n  - text: Huruf \u6f22 ini.\n"
    run, out = _build(tmp_path, content, "--lang", "id")
    assert _one_error(run, out) == (
        f"zinekit: kesalahan: {tmp_path}/zine.yaml:4:5: fon NotoSans-Regular.ttf tidak punya"
        " glif untuk '\u6f22' (U+6F22) di blok text \"Huruf \u6f22 ini.\" (saran: hapus"
        " atau ganti karakter itu, sebutkan fon yang memilikinya di bawah fonts: dalam"
        " berkas isi, atau build dengan --replace-missing)"
    )


def test_emoji(tmp_path: Path) -> None:
    content = "title: Uji\nblocks:\n  - text: Halo.\n  - text: Senyum \U0001f600 ya.\n"
    run, out = _build(tmp_path, content, "--lang", "id")
    assert _one_error(run, out) == (
        f"zinekit: kesalahan: {tmp_path}/zine.yaml:4:5: fon NotoSans-Regular.ttf tidak punya"
        " glif untuk '\U0001f600' (U+1F600) di blok text \"Senyum \U0001f600 ya.\" (saran:"
        " zinekit tidak bisa mencetak emoji dengan fon ini: ganti dengan kata-kata, hapus,"
        " atau build dengan --replace-missing)"
    )


def test_overflowing_checklist_item(tmp_path: Path) -> None:
    content = (
        f"title: Uji\nlayout: minizine\nblocks:\n  - checklist:\n      - Pendek\n      - {LONG}\n"
    )
    run, out = _build(tmp_path, content, "--lang", "id")
    line = _one_error(run, out)
    assert "Flowable" not in line and "0x" not in line
    _matches(
        line,
        'zinekit: kesalahan: {DIR}/zine.yaml:4:5: butir 2 ("kata panjang sekali kata panj…")'
        ' di blok checklist "Pendek" terlalu panjang untuk satu halaman (tingginya {N} mm,'
        " ruang di halaman {N} mm) (saran: pendekkan butir itu, atau pecah menjadi dua butir)",
        tmp_path,
    )


def test_theme_file_with_a_mistake(tmp_path: Path) -> None:
    (tmp_path / "tema.toml").write_text(
        'description = "x"\n[fonts]\nregular = "NotoSans-Regular.ttf"\n'
        'bold = "NotoSans-Bold.ttf"\nitalic = "NotoSans-Italic.ttf"\n'
        'bold-italic = "NotoSans-BoldItalic.ttf"\n[scale]\nbodi = 1.0\n',
        encoding="utf-8",
    )
    run, out = _build(
        tmp_path, "title: Uji\ntheme: tema.toml\nblocks:\n  - text: Halo.\n", "--lang", "id"
    )
    assert _one_error(run, out) == (
        f"zinekit: kesalahan: {tmp_path}/tema.toml:8:1: kolom 'bodi' tidak dikenal di [scale]"
        " (saran: maksudmu 'body'? Kolom yang boleh di sini: body, leading, h1, h2, small,"
        " caption, quote, title)"
    )


def test_unknown_theme_by_name() -> None:
    from zinekit import i18n
    from zinekit.errors import ThemeError
    from zinekit.themes import load_theme

    with i18n.speaking("id"):
        try:
            load_theme("kertas")
        except ThemeError as exc:
            assert str(exc) == (
                "tema 'kertas' tidak dikenal (saran: pilih salah satu dari "
                + ", ".join(builtin_names())
                + " (lihat zinekit themes), atau tulis jalur berkas tema (.toml))"
            )
        else:
            raise AssertionError("no error")


def test_themes_listing_in_indonesian() -> None:
    run = run_zinekit("--lang", "id", "themes")
    assert run.code == 0, run.stderr
    assert "  Sans-serif bersih: Noto Sans, judul bagian tebal, tanpa hiasan (bawaan)" in run.stdout
    assert "Clean sans-serif" not in run.stdout
    english = run_zinekit("themes")
    assert (
        "  Clean sans-serif: Noto Sans, bold headings, nothing drawn (the default)"
        in english.stdout
    )


def test_every_builtin_theme_is_described_in_every_language() -> None:
    """The English description in the catalog is the one in the theme's own file."""
    from zinekit import i18n
    from zinekit.compat import tomllib

    for name in builtin_names():
        with open(data_dir("themes") / f"{name}.toml", "rb") as f:
            own = tomllib.load(f)["description"]
        assert i18n.text("en", f"themes.descriptions.{name}") == own
        assert i18n.text("id", f"themes.descriptions.{name}") != own


def test_font_without_latin_letters(tmp_path: Path) -> None:
    """The first letter of the user's text the font lacks, in Indonesian."""
    font = TTFontFile(str(data_dir("assets") / "fonts" / "NotoSans-Regular.ttf"))
    (tmp_path / "asing.ttf").write_bytes(font.makeSubset([0x3B1, 0x3B2]))
    content = "title: Uji\nfonts:\n  regular: asing.ttf\nblocks:\n  - text: Halo.\n"
    run, out = _build(tmp_path, content, "--lang", "id")
    line = _one_error(run, out)
    assert "tidak punya glif untuk 'U' (U+0055) di judul" in line, line


def test_fitting_note(tmp_path: Path) -> None:
    """Short content on a mini-zine is set larger to fill its pages, and says so."""
    content = "title: Uji\nlayout: minizine\nblocks:\n  - text: Halo semua, ini teks pendek.\n"
    run, out = _build(tmp_path, content, "--lang", "id")
    assert run.code == 0, run.stderr
    notes = [line for line in run.lines if "huruf diatur" in line]
    assert len(notes) == 1, run.stderr
    assert re.search(
        r"huruf diatur pada \d+(,\d+)? pt, bukan 7,75 pt; isinya mengisi 1 dari 8 halaman$",
        notes[0],
    ), notes[0]


def _restricted_copy(target: Path) -> None:
    """NotoSans-Regular with OS/2 fsType 0x0002: its licence forbids embedding."""
    import struct

    data = bytearray((data_dir("assets") / "fonts" / "NotoSans-Regular.ttf").read_bytes())
    (count,) = struct.unpack_from(">H", data, 4)
    for i in range(count):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag == b"OS/2":
            struct.pack_into(">H", data, offset + 8, 0x0002)
    target.write_bytes(bytes(data))


def test_theme_font_whose_licence_forbids_embedding(tmp_path: Path) -> None:
    """A font a theme names is checked by the typesetter (a content file's own fonts by the
    content checks): refused, in Indonesian, at the font file."""
    _restricted_copy(tmp_path / "terbatas.ttf")
    (tmp_path / "tema.toml").write_text(
        'description = "x"\n[fonts]\nregular = "terbatas.ttf"\nbold = "NotoSans-Bold.ttf"\n'
        'italic = "NotoSans-Italic.ttf"\nbold-italic = "NotoSans-BoldItalic.ttf"\n',
        encoding="utf-8",
    )
    content = "title: Uji\ntheme: tema.toml\nblocks:\n  - text: Halo.\n"
    run, out = _build(tmp_path, content, "--lang", "id")
    assert _one_error(run, out) == (
        f"zinekit: kesalahan: {tmp_path.resolve()}/terbatas.ttf: fon ini tidak bisa disematkan:"
        " lisensinya melarang (OS/2 fsType 0x0002) (saran: pakai fon yang lisensinya"
        " mengizinkan penyematan (SIL Open Font License mengizinkannya))"
    )


def test_every_verdict_on_a_font_file_is_worded() -> None:
    """`font_problem` answers with keys of fonts.toml [file], message and hint."""
    from zinekit import i18n

    for lang in i18n.LANGUAGES:
        for verdict in ("damaged", "restricted"):
            assert i18n.text(lang, f"fonts.file.{verdict}")
            assert i18n.text(lang, f"fonts.file.{verdict}-hint")


def test_every_part_too_large_for_a_page_is_worded() -> None:
    """Each `Part(KIND)` the typesetters tag flowables with has its message and hint."""
    from zinekit import i18n

    code = Path(i18n.__file__).parent / "typeset"
    kinds = {"block"} | {
        kind
        for path in code.glob("*.py")
        for kind in re.findall(r'Part\(\s*"([a-z-]+)"', path.read_text(encoding="utf-8"))
    }
    assert {"item", "prompt", "picture"} <= kinds
    for lang in i18n.LANGUAGES:
        for kind in kinds:
            assert i18n.text(lang, f"typeset.too-large.{kind}-hint")
            assert "{block}" in i18n.entry(lang, f"typeset.too-large.{kind}")
