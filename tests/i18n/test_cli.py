"""The commands speak Indonesian: their errors about options and outputs, what they wrote and
how to print it, the listings, and the help of every option; chosen by --lang or the locale."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

import zinekit
from tests.pdfgen import numbered_pdf
from tests.runner import run_zinekit
from zinekit import i18n, oserrors

ROOT = Path(zinekit.__file__).resolve().parents[1]

CONTENT = """\
title: Coba
lang: id
blocks:
  - heading: Halo
  - text: Satu paragraf saja.
"""


def _content(folder: Path) -> Path:
    path = folder / "zine.yaml"
    path.write_text(CONTENT, encoding="utf-8")
    return path


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_impose_with_an_unknown_sheet(tmp_path: Path) -> None:
    source = tmp_path / "in.pdf"
    numbered_pdf(source, 4)
    run = run_zinekit("--lang", "id", "impose", source, "--sheet", "B9")
    assert run.code == 2
    assert run.lines == [
        "zinekit: kesalahan: ukuran kertas 'B9' tidak dikenal (saran: pakai salah satu dari"
        " A3, A4, A5, A6, A7, B5, Letter, Legal, Tabloid, F4, Folio, Ledger, atau LEBARxTINGGI"
        " dengan satuan, misalnya 210x297mm)"
    ]
    assert _files(tmp_path) == {"in.pdf"}


def test_impose_dither_is_for_build(tmp_path: Path) -> None:
    source = tmp_path / "in.pdf"
    numbered_pdf(source, 4)
    run = run_zinekit("impose", source, "--dither", "--lang", "id")
    assert run.code == 2
    assert run.lines == [
        "zinekit: kesalahan: --dither hanya untuk gambar yang ditempatkan zinekit sendiri:"
        " pakai bersama zinekit build (saran: untuk PDF buatan program lain, --photocopy"
        " mengubah gambarnya menjadi abu-abu)"
    ]
    assert _files(tmp_path) == {"in.pdf"}


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ("-o", "zine.txt"),
            "zinekit: kesalahan: nama berkas hasil 'zine.txt' harus berakhiran .pdf"
            " (saran: beri nama seperti out.pdf)",
        ),
        (
            ("--bleed", "3"),
            "zinekit: kesalahan: --bleed '3' bukan ukuran panjang (saran: tulis angka dengan"
            " satuannya: 3mm, 0.5cm, 0.2in atau 10pt)",
        ),
        (
            ("--sheet", "5x5mm"),
            "zinekit: kesalahan: ukuran kertas '5x5mm' di luar batas (saran: setiap sisi harus"
            " antara 20 mm dan 5080 mm (200 in))",
        ),
    ],
    ids=["not-pdf", "bleed-without-unit", "sheet-too-small"],
)
def test_build_with_a_bad_option(tmp_path: Path, args: tuple[str, ...], line: str) -> None:
    content = _content(tmp_path)
    run = run_zinekit("--lang", "id", "build", content, *args)
    assert run.code == 2
    assert run.lines == [line]
    assert _files(tmp_path) == {"zine.yaml"}


def test_build_into_a_missing_folder(tmp_path: Path) -> None:
    content = _content(tmp_path)
    target = tmp_path / "nope" / "zine.pdf"
    run = run_zinekit("--lang", "id", "build", content, "-o", target)
    assert run.code == 2
    assert run.lines == [
        f"zinekit: kesalahan: {target}: folder hasil '{target.parent}' tidak ada"
        " (saran: buat dulu foldernya, atau pilih jalur lain dengan -o)"
    ]
    assert _files(tmp_path) == {"zine.yaml"}


def test_build_says_what_it_wrote_in_indonesian(tmp_path: Path) -> None:
    content = _content(tmp_path)
    target = tmp_path / "zine.pdf"
    run = run_zinekit("--lang", "id", "build", content, "-o", target)
    assert run.code == 0, run.stderr
    lines = run.lines
    assert (
        f"zinekit: selesai menulis {target}: 1 lembar A4 (297 x 210 mm), 1 halaman,"
        " tata letak booklet" in lines
    )
    assert (
        "zinekit: cetak bolak-balik, dibalik pada sisi panjang, dengan skala 100%"
        " (ukuran sebenarnya)" in lines
    )
    assert lines[-1] == (
        f"zinekit: selesai menulis {tmp_path / 'zine.reading.pdf'}: 1 halaman untuk dibaca di layar"
    )
    assert lines[0] == (
        "zinekit: catatan: 3 halaman kosong ditambahkan di akhir untuk memenuhi lembar terakhir"
    )


def test_manual_duplex_steps_in_indonesian(tmp_path: Path) -> None:
    source = tmp_path / "in.pdf"
    numbered_pdf(source, 8)
    run = run_zinekit("--lang", "id", "impose", source, "--duplex", "manual", "-q")
    assert run.code == 0 and run.stderr == ""
    run = run_zinekit(
        "--lang", "id", "impose", source, "--duplex", "manual", "-o", tmp_path / "b.pdf"
    )
    assert run.code == 0, run.stderr
    assert "zinekit: duplex manual, tidak perlu printer" in run.stderr
    assert f"  1. cetak {tmp_path / 'b-fronts.pdf'} (2 lembar);" in run.lines


def test_layouts_and_themes_list_in_indonesian() -> None:
    layouts = run_zinekit("--lang", "id", "layouts")
    assert layouts.code == 0
    assert "  lembar:  A4 (297 x 210 mm) mendatar, bolak-balik" in layouts.stdout.splitlines()
    assert "--duplex mana yang dibutuhkan printer saya?" in layouts.stdout
    themes = run_zinekit("--lang", "id", "themes")
    assert themes.code == 0
    assert "Pilih salah satu dengan `theme: NAMA` di berkas isi" in themes.stdout
    assert "  sampul:      " in themes.stdout


def test_a_full_disk_is_said_in_indonesian() -> None:
    full = OSError(errno.ENOSPC, "No space left on device")
    with i18n.speaking("id"):
        error = str(oserrors.writing(full, "zine.pdf"))  # the hint's frame is worded here
        other = oserrors.explain(OSError(errno.EBUSY, "Device or resource busy"))
    assert error == (
        "zine.pdf: hasil tidak bisa ditulis: disknya penuh"
        " (saran: kosongkan sebagian tempat, atau tulis ke tempat lain dengan -o)"
    )
    assert other == ("kata sistem: device or resource busy", None)


def _zinekit(
    args: list[str], environ: dict[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    """`python -m zinekit ARGS` in a child with exactly `environ` for its language."""
    env = {k: v for k, v in os.environ.items() if k not in ("ZINEKIT_LANG", "LC_ALL", "LANGUAGE")}
    env.pop("LC_MESSAGES", None)
    env.update(environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "zinekit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_locale_chooses_indonesian_and_lang_wins(tmp_path: Path) -> None:
    _content(tmp_path)
    indonesian = {"LANG": "id_ID.UTF-8"}
    done = _zinekit(["build", "zine.yaml", "-o", "zine.txt"], indonesian, tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "zinekit: kesalahan: nama berkas hasil 'zine.txt' harus berakhiran .pdf"
        " (saran: beri nama seperti out.pdf)"
    ]
    done = _zinekit(["build", "zine.yaml", "-o", "zine.txt", "--lang", "en"], indonesian, tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "zinekit: error: the output 'zine.txt' must end in .pdf (hint: name it like out.pdf)"
    ]
    assert _files(tmp_path) == {"zine.yaml"}


def test_option_help_in_indonesian(tmp_path: Path) -> None:
    """Help texts are worded when a command's module is imported: a child process of its own
    imports them after --lang is read."""
    done = _zinekit(["--lang", "id", "build", "--help"], {"LANG": "C.UTF-8"}, tmp_path)
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stdout.split())
    assert "Berkas isi (.yaml atau .md) yang akan dibangun." in text
    assert "Jangan tampilkan apa pun selain kesalahan." in text
    assert "Izinkan gambar dan fon dari luar folder berkas isi." in text
    assert "Print nothing but errors" not in text
    done = _zinekit(["impose", "--help"], {"LANG": "id_ID.UTF-8"}, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "PDF yang akan ditata." in " ".join(done.stdout.split())


def test_calibrate_says_how_to_read_the_sheet(tmp_path: Path) -> None:
    target = tmp_path / "uji.pdf"
    run = run_zinekit("--lang", "id", "calibrate", "-o", target)
    assert run.code == 0, run.stderr
    assert run.lines == [
        f"zinekit: selesai menulis {target}: cetak sekali, bolak-balik, dengan skala 100% dan"
        " pengaturan printer yang biasa, lalu balik lembarnya seperti membalik halaman buku:"
        " separuh bagian belakang yang terbaca tegak menyebutkan --duplex mana yang dipakai"
    ]


def test_convert_never_replaces_without_force(tmp_path: Path) -> None:
    content = _content(tmp_path)
    target = tmp_path / "zine.md"
    target.write_text("lama\n", encoding="utf-8")
    run = run_zinekit("--lang", "id", "convert", content, target)
    assert run.code == 2
    assert run.lines == [
        f"zinekit: kesalahan: {target}: berkas ini sudah ada; zinekit convert hanya menimpa"
        " berkas kalau diberi --force (saran: pakai nama lain, atau tambahkan --force)"
    ]
    assert target.read_text(encoding="utf-8") == "lama\n"
