"""impose, layout files, the PDF reader and `zinekit check`, heard in Indonesian.

Each bad input is run through the command line with --lang id: the exact Indonesian line,
exit 2, and no output file left. The English wording is what the other tests of these
areas match; here only the Indonesian is checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import wildgen
from tests.runner import run_zinekit
from zinekit.impose.layout import builtin_names, readme

BAD_LAYOUTS = sorted((Path(__file__).parents[1] / "impose" / "bad-layouts").glob("*.toml"))
# Words that give away an English message left in an Indonesian line.
ENGLISH = ("unknown", "must", "missing", "expected", "hint:")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _fails(*args: str) -> str:
    """Run `zinekit --lang id ARGS -o out.pdf`, which must refuse its input: the one line
    it prints."""
    run = run_zinekit("--lang", "id", *args, "-o", "out.pdf")
    assert run.code == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert not Path("out.pdf").exists()
    assert len(run.lines) == 1, run.stderr
    return run.lines[0]


def test_a_missing_input_pdf(folder: Path) -> None:
    assert _fails("impose", "tidak-ada.pdf") == (
        "zinekit: kesalahan: tidak-ada.pdf: berkas tidak ditemukan"
        " (saran: periksa jalur dan ejaan nama berkasnya)"
    )


def test_a_file_that_is_not_a_pdf(folder: Path) -> None:
    Path("foto.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert _fails("impose", "foto.pdf") == (
        "zinekit: kesalahan: foto.pdf: ini bukan berkas PDF (sepertinya gambar PNG)"
        " (saran: ekspor atau cetak dulu ke PDF)"
    )


def test_a_folder_given_as_the_pdf(folder: Path) -> None:
    Path("zine").mkdir()
    assert (
        _fails("impose", "zine") == "zinekit: kesalahan: zine: ini sebuah folder, bukan berkas PDF"
    )


def test_a_damaged_pdf(folder: Path) -> None:
    Path("rusak.pdf").write_bytes(wildgen.zero_area())
    assert _fails("impose", "rusak.pdf") == (
        "zinekit: kesalahan: rusak.pdf: PDF ini rusak dan tidak bisa diperbaiki (halaman 1"
        " tidak punya luas: MediaBox-nya [0.0, 0.0, 0.0, 595.28]) (saran: buka di penampil"
        " PDF, lalu simpan atau cetak ke PDF baru)"
    )


def test_a_damaged_pdf_in_check(folder: Path) -> None:
    Path("rusak.pdf").write_bytes(wildgen.zero_area())
    run = run_zinekit("--lang", "id", "check", "rusak.pdf")
    assert run.code == 2
    assert run.lines == [
        "zinekit: kesalahan: rusak.pdf: PDF ini rusak dan tidak bisa diperbaiki (halaman 1"
        " tidak punya luas: MediaBox-nya [0.0, 0.0, 0.0, 595.28]) (saran: buka di penampil"
        " PDF, lalu simpan atau cetak ke PDF baru)"
    ]


def test_an_encrypted_pdf_without_its_password(folder: Path) -> None:
    Path("kunci.pdf").write_bytes(wildgen.encrypted("rahasia", "AES-128"))
    assert _fails("impose", "kunci.pdf") == (
        "zinekit: kesalahan: kunci.pdf: PDF ini dienkripsi dan butuh kata sandi"
        " (saran: berikan kata sandinya dengan --password)"
    )


def test_an_encrypted_pdf_with_the_wrong_password(folder: Path) -> None:
    Path("kunci.pdf").write_bytes(wildgen.encrypted("rahasia", "AES-128"))
    assert _fails("impose", "kunci.pdf", "--password", "salah") == (
        "zinekit: kesalahan: kunci.pdf: kata sandi itu tidak bisa membuka PDF terenkripsi ini"
    )


def test_an_unknown_layout_name_suggests_the_nearest(folder: Path) -> None:
    Path("zine.pdf").write_bytes(wildgen.text_pdf(4))
    names = ", ".join(builtin_names())
    assert _fails("impose", "zine.pdf", "--layout", "boklet") == (
        "zinekit: kesalahan: tata letak 'boklet' tidak dikenal (saran: maksudnya 'booklet'?"
        f" Tata letak bawaan: {names}, atau berikan jalur berkas tata letak (.toml))"
    )


def test_an_unknown_layout_name_with_nothing_near(folder: Path) -> None:
    Path("zine.pdf").write_bytes(wildgen.text_pdf(4))
    names = ", ".join(builtin_names())
    assert _fails("impose", "zine.pdf", "--layout", "xyzzy") == (
        "zinekit: kesalahan: tata letak 'xyzzy' tidak dikenal (saran: pilih salah satu dari"
        f" {names}, atau berikan jalur berkas tata letak (.toml))"
    )


def test_a_missing_layout_file(folder: Path) -> None:
    Path("zine.pdf").write_bytes(wildgen.text_pdf(4))
    names = ", ".join(builtin_names())
    assert _fails("impose", "zine.pdf", "--layout", "punyaku.toml") == (
        "zinekit: kesalahan: punyaku.toml: berkas tata letak tidak ditemukan"
        f" (saran: tata letak bawaan: {names})"
    )


def test_a_layout_file_with_a_page_used_twice(folder: Path) -> None:
    Path("zine.pdf").write_bytes(wildgen.text_pdf(4))
    Path("kartu.toml").write_text(
        'description = "kartu"\nkind = "sheet"\norientation = "landscape"\ncolumns = 2\n'
        'rows = 1\nfold = "Lipat dua."\nfront = ["1 1"]\nback = ["2 3"]\n',
        encoding="utf-8",
    )
    assert _fails("impose", "zine.pdf", "--layout", "kartu.toml") == (
        "zinekit: kesalahan: kartu.toml:7:11: gambar urutan halaman harus memakai setiap nomor"
        " halaman mulai dari 1 tepat satu kali: halaman 1 dipakai lebih dari sekali,"
        f" halaman 4 tidak ada (saran: lihat {readme()})"
    )


def test_a_layout_file_with_a_choice_that_is_not_one(folder: Path) -> None:
    Path("zine.pdf").write_bytes(wildgen.text_pdf(4))
    Path("kartu.toml").write_text(
        'description = "kartu"\nkind = "repeat"\norientation = "miring"\ncolumns = 2\n'
        'rows = 1\nfold = "Lipat dua."\n',
        encoding="utf-8",
    )
    line = _fails("impose", "zine.pdf", "--layout", "kartu.toml")
    assert line.startswith(
        "zinekit: kesalahan: kartu.toml:3:15: 'orientation' harus 'landscape' atau 'portrait',"
        " bukan 'miring' (saran: "
    )


def test_an_unknown_mark(folder: Path) -> None:
    Path("zine.pdf").write_bytes(wildgen.text_pdf(4))
    assert _fails("impose", "zine.pdf", "--marks", "potong") == (
        "zinekit: kesalahan: tanda 'potong' tidak dikenal"
        " (saran: pakai crop atau fold, atau keduanya: --marks crop,fold)"
    )


def test_too_many_pages_for_a_sheet_layout(folder: Path) -> None:
    Path("zine.pdf").write_bytes(wildgen.text_pdf(12))
    assert _fails("impose", "zine.pdf", "--layout", "minizine") == (
        "zinekit: kesalahan: tata letak minizine memuat 8 halaman; masukannya punya 12"
        " (saran: pakai --layout booklet untuk dokumen yang lebih panjang)"
    )


def test_the_blank_pages_note(folder: Path) -> None:
    Path("zine.pdf").write_bytes(wildgen.text_pdf(6))
    run = run_zinekit("--lang", "id", "impose", "zine.pdf", "-o", "out.pdf")
    assert run.code == 0, run.stderr
    assert run.lines[0] == (
        "zinekit: catatan: 2 halaman kosong ditambahkan sebelum sampul belakang"
        " untuk memenuhi lembar terakhir"
    )


def test_the_plan_words_the_blank_pages_note() -> None:
    from zinekit import i18n
    from zinekit.impose.layout import load_layout
    from zinekit.impose.plan import make_plan

    plan = make_plan(load_layout("booklet"), 6)
    with i18n.speaking("id"):
        assert plan.blanks_note() == (
            "2 halaman kosong ditambahkan sebelum sampul belakang untuk memenuhi lembar terakhir"
        )
    with i18n.speaking("en"):
        assert (
            plan.blanks_note() == "added 2 blank pages before the back cover to fill the last sheet"
        )
    assert make_plan(load_layout("booklet"), 8).blanks_note() is None


def test_check_reports_in_indonesian(folder: Path) -> None:
    # Helvetica, not embedded: the fonts check fails; six pages for a booklet: a warning.
    Path("zine.pdf").write_bytes(wildgen.text_pdf(6))
    run = run_zinekit("--lang", "id", "check", "zine.pdf", "--layout", "booklet")
    assert run.code == 3, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "zinekit: check: zine.pdf: 6 halaman"
    assert "PASS  structure: berkas ini terbuka dan terbaca tanpa perlu diperbaiki" in lines
    assert (
        "FAIL  fonts: 1 fon tidak tertanam: pencetak akan menggantinya dengan fon miliknya"
        " sendiri (ekspor lagi dengan fon tertanam)"
    ) in lines
    assert "        Helvetica (Type1) di halaman 1-6" in lines
    assert "PASS  images: tidak ada gambar" in lines
    assert "SKIP  colour: dilewati: hanya dengan --photocopy (cetak hitam saja)" in lines
    assert (
        "WARN  page-count: 6 halaman untuk booklet (jumlahnya harus kelipatan 4): zinekit akan"
        " menambahkan 2 halaman kosong sebelum sampul belakang (2 lembar)"
    ) in lines
    assert lines[-1] == "zinekit: check: 1 gagal, 1 peringatan"


def test_check_of_an_imposed_booklet_says_it_is_imposed(folder: Path) -> None:
    Path("zine.pdf").write_bytes(wildgen.text_pdf(8))
    assert run_zinekit("impose", "zine.pdf", "-o", "dicetak.pdf", "-q").code == 0
    run = run_zinekit("--lang", "id", "check", "dicetak.pdf", "--layout", "booklet")
    assert (
        "PASS  page-count: sudah ditata: 4 halaman ini berupa lembar A4 (297 x 210 mm), ukuran"
        " yang dipakai booklet untuk mencetak (periksa PDF asalnya untuk jumlah halamannya)"
    ) in run.stdout.splitlines()


@pytest.mark.parametrize("layout", BAD_LAYOUTS, ids=[p.stem for p in BAD_LAYOUTS])
def test_every_bad_layout_golden_in_indonesian(folder: Path, layout: Path) -> None:
    """The golden mistakes of tests/impose/bad-layouts/, in Indonesian: the same place in
    the file, and no English word of the wording tables left."""
    Path("zine.pdf").write_bytes(wildgen.text_pdf(4))
    line = _fails("impose", "zine.pdf", "--layout", str(layout))
    english = layout.with_suffix(".expected.txt").read_text(encoding="utf-8").splitlines()[0]
    place = english.removeprefix("zinekit: error: ").split(": ")[0]
    assert line.startswith(f"zinekit: kesalahan: {place.replace('<LAYOUT>', str(layout))}: ")
    message = line.removeprefix(f"zinekit: kesalahan: {layout}")
    found = [word for word in ENGLISH if word in message.lower()]
    assert not found, line
