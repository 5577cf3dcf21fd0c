"""Mistakes in content files said in Indonesian (`--lang id`): the same file:line:column as in
English, through the same table, and no English piece left inside an Indonesian line.

The table is assets/messages/id/content-errors.toml; the pieces composed in Python (kinds of
value, list items, "did you mean", joined choices, the Markdown reader's words) come from
assets/messages/id/content.toml.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.runner import Run, run_zinekit

CONTENT_TESTS = Path(__file__).parents[1] / "content"
BAD = sorted((CONTENT_TESTS / "bad").glob("*.yaml")) + sorted(
    (CONTENT_TESTS / "bad-md").glob("*.md")
)
# Words of the English table that no Indonesian line may hold (outside quoted values).
ENGLISH = ("unknown", "must be", "missing", "hint:", "expected", "e.g.", "did you mean")
_LOCATION = re.compile(r"^zinekit: (?:error|kesalahan): <CONTENT>((?::\d+){0,2}): ")


def _build(tmp_path: Path, name: str, text: str) -> tuple[Run, Path]:
    content = tmp_path / name
    content.write_text(text, encoding="utf-8")
    out = tmp_path / "out.pdf"
    run = run_zinekit("--lang", "id", "build", content, "-o", out)
    assert run.code == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert not out.exists()
    assert not list(tmp_path.glob("*.pdf"))
    return run, content


def _lines(run: Run, content: Path) -> list[str]:
    return [line.replace(str(content), "<CONTENT>") for line in run.lines]


def test_an_unknown_key_is_said_with_did_you_mean(tmp_path: Path) -> None:
    run, content = _build(
        tmp_path, "zine.yaml", "title: Ruang Aman\nlayot: booklet\nblocks:\n  - text: Halo.\n"
    )
    assert _lines(run, content) == [
        "zinekit: kesalahan: <CONTENT>:2:1: kunci 'layot' tidak dikenal di tingkat teratas"
        " (saran: maksudnya 'layout'?)"
    ]


def test_a_wrong_type_is_said_with_its_example(tmp_path: Path) -> None:
    run, content = _build(
        tmp_path,
        "zine.yaml",
        "title: Bacaan\nblocks:\n  - resources:\n      - title: Ruang Aman\n"
        "        year: dua ribu\n",
    )
    assert _lines(run, content) == [
        "zinekit: kesalahan: <CONTENT>:5:15: 'year' harus berupa bilangan bulat, bukan"
        " 'dua ribu' (saran: tulis dengan angka, misalnya year: 2019)"
    ]


def test_a_missing_key_is_said_where_it_belongs(tmp_path: Path) -> None:
    run, content = _build(tmp_path, "zine.yaml", "subtitle: Catatan\nblocks:\n  - text: Halo.\n")
    assert _lines(run, content) == [
        "zinekit: kesalahan: <CONTENT>:1:1: 'title' belum ada di tingkat teratas"
        " (saran: tambahkan, misalnya title: Ruang Aman)"
    ]


def test_a_list_item_and_choices_are_said_in_indonesian(tmp_path: Path) -> None:
    run, content = _build(
        tmp_path,
        "zine.yaml",
        "title: A\nlang: jawa\nblocks:\n  - list: [Satu, '']\n",
    )
    assert _lines(run, content) == [
        "zinekit: kesalahan: <CONTENT>:2:7: 'lang' harus 'id' atau 'en', bukan 'jawa'"
        " (saran: misalnya lang: id)",
        "zinekit: kesalahan: <CONTENT>:4:18: butir ke-2 dari 'list' kosong (saran: tulis"
        " teksnya, atau hapus barisnya, misalnya list: [Dengarkan dulu, Jangan menghakimi])",
    ]


def test_a_yaml_syntax_error_is_said_in_plain_indonesian(tmp_path: Path) -> None:
    run, content = _build(
        tmp_path, "zine.yaml", 'title: A\nsubtitle: "Zine kecil\nblocks:\n  - text: Halo.\n'
    )
    assert _lines(run, content) == [
        "zinekit: kesalahan: <CONTENT>:2:11: teks bertanda kutip yang dimulai di sini tidak"
        " pernah ditutup (saran: tutup teksnya dengan tanda kutip yang sama dengan pembukanya,"
        ' misalnya subtitle: "Zine kecil")'
    ]


def test_a_markdown_container_mistake_is_said_in_indonesian(tmp_path: Path) -> None:
    run, content = _build(
        tmp_path,
        "zine.md",
        "---\ntitle: Lembar kerja\n---\n\n::: write-inn {lines=5}\nTulis di sini.\n:::\n",
    )
    assert _lines(run, content) == [
        "zinekit: kesalahan: <CONTENT>:5:5: blok 'write-inn' setelah ':::' tidak dikenal"
        " (saran: maksudnya 'write-in'?)"
    ]


def test_markdown_that_cannot_go_in_a_block_is_named_in_indonesian(tmp_path: Path) -> None:
    run, content = _build(
        tmp_path,
        "zine.md",
        "---\ntitle: A\n---\n\n::: box\nGambar tempat amanmu\n\n- satu\n:::\n\n```\nkode\n```\n",
    )
    assert _lines(run, content) == [
        "zinekit: kesalahan: <CONTENT>:8:1: daftar tidak bisa masuk ke dalam blok 'box'"
        " (saran: tutup blok itu dengan ':::' sebelumnya, atau pindahkan ke luar)",
        "zinekit: kesalahan: <CONTENT>:11:1: blok kode tidak bisa dicetak dalam zine"
        " (saran: tulis sebagai teks, daftar, kutipan atau blok ':::'; lihat 'Writing in"
        " Markdown' di README)",
    ]


def test_bad_options_are_said_in_our_own_words(tmp_path: Path) -> None:
    run, content = _build(
        tmp_path, "zine.md", '---\ntitle: A\n---\n\n::: box {height="40mm}\nGambar\n:::\n'
    )
    (line,) = _lines(run, content)
    assert line.startswith(
        "zinekit: kesalahan: <CONTENT>:5:22: pilihan '{height=\"40mm}' tidak bisa dibaca:"
        " '}' tidak boleh ditulis di dalam nilai bertanda kutip (saran: "
    ), line


def test_a_front_matter_mistake_points_into_the_front_matter(tmp_path: Path) -> None:
    run, content = _build(
        tmp_path, "zine.md", "---\ntitle: A\ntheme: serif\npage-numbers: kadang\n---\n\nHalo.\n"
    )
    assert _lines(run, content) == [
        "zinekit: kesalahan: <CONTENT>:4:15: 'page-numbers' harus true atau false, bukan"
        " 'kadang' (saran: tulis true atau false, misalnya page-numbers: false)"
    ]


@pytest.mark.parametrize("name", ["zine.yaml", "zine.md"])
def test_an_unknown_layout_is_said_at_its_line_and_column(tmp_path: Path, name: str) -> None:
    text = "title: A\nlayout: nan\n"
    text = f"---\n{text}---\n\nHalo.\n" if name.endswith(".md") else text + "blocks: [text: a]\n"
    run, content = _build(tmp_path, name, text)
    line = 3 if name.endswith(".md") else 2
    (found,) = _lines(run, content)
    assert found.startswith(
        f"zinekit: kesalahan: <CONTENT>:{line}:9: tata letak 'nan' tidak dikenal (saran: pilih"
        " salah satu dari 2up, 4up, booklet"
    ), found


@pytest.mark.parametrize("content", BAD, ids=[f"{p.parent.name}/{p.stem}" for p in BAD])
def test_every_golden_mistake_is_said_in_indonesian_at_the_same_place(
    tmp_path: Path, content: Path
) -> None:
    english = content.with_suffix(".expected.txt").read_text(encoding="utf-8").splitlines()
    run = run_zinekit("--lang", "id", "build", content, "-o", tmp_path / "out.pdf")
    assert run.code == 2, run.stderr
    assert list(tmp_path.iterdir()) == []
    lines = [line.replace(str(content), "<CONTENT>") for line in run.lines]
    assert len(lines) == len(english), lines
    for said, expected in zip(lines, english, strict=True):
        found, wanted = _LOCATION.match(said), _LOCATION.match(expected)
        assert found is not None and wanted is not None, said
        assert said.startswith("zinekit: kesalahan: "), said
        assert found[1] == wanted[1], (said, expected)
        words = _unquoted(said[found.end() :]).lower()
        left = [word for word in ENGLISH if word in words]
        assert not left, f"English {left} in: {said}"


def _unquoted(text: str) -> str:
    """The line without the values quoted from the file, which may hold any word."""
    return re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", text)
