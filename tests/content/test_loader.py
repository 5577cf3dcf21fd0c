"""Content files that load, and the loader's promises beyond the golden pairs: safe loading,
positions kept for later stages, files checked relative to the content file's folder."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from zinekit.content.blocks.image import Image
from zinekit.content.blocks.text import Affirmations
from zinekit.content.loader import load_publication
from zinekit.content.model import Model, Publication
from zinekit.content.registry import BLOCK_KEYS
from zinekit.content.wording import example, place
from zinekit.data import data_dir
from zinekit.errors import ContentError, Location

FIXTURES = Path(__file__).with_name("fixtures")
STARTERS = sorted((data_dir("assets") / "starters").glob("*/*.yaml"))
FONT = data_dir("assets") / "fonts" / "NotoSans-Regular.ttf"

SMALL = """\
title: Ruang Dengar
cover:
  footer: Edisi 1
blocks:
  - heading: Pembuka
  - text: Selamat datang.
  - page-break
  - image:
      src: gambar/titik.png
back:
  license: Bebas difotokopi.
"""


def write(folder: Path, text: str, name: str = "zine.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path, **options: bool) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_publication(path, **options)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("starter", STARTERS, ids=[f"{p.parent.name}-{p.stem}" for p in STARTERS])
def test_every_starter_loads(starter: Path) -> None:
    publication = load_publication(starter)
    assert publication.title
    assert all(block.where is not None for block in publication.blocks)


def test_the_starters_are_the_four_kinds() -> None:
    assert sorted({p.stem for p in STARTERS}) == ["affirmations", "agreements", "resources", "zine"]
    assert {p.parent.name for p in STARTERS} == {"en", "id"}


def test_blocks_cover_and_back_know_where_they_were_written(tmp_path: Path) -> None:
    (tmp_path / "gambar").mkdir()
    shutil.copy(FIXTURES / "titik.png", tmp_path / "gambar")
    path = write(tmp_path, SMALL)
    publication = load_publication(path)
    assert [b.where for b in publication.blocks] == [
        Location(path, 5, 5),
        Location(path, 6, 5),
        Location(path, 7, 5),
        Location(path, 8, 5),
    ]
    assert isinstance(publication.blocks[3], Image)
    assert publication.cover is not None and publication.cover.where == Location(path, 2, 1)
    assert publication.back is not None and publication.back.where == Location(path, 10, 1)
    assert str(publication.blocks[1].where).endswith("zine.yaml:6:5")


def test_a_folder_with_spaces_and_non_ascii_characters_works(tmp_path: Path) -> None:
    folder = tmp_path / "zine kita – édisi 1 · 日本"
    (folder / "gambar foto").mkdir(parents=True)
    shutil.copy(FIXTURES / "titik.png", folder / "gambar foto" / "titik ü.png")
    shutil.copy(FONT, folder / "huruf é.ttf")
    text = (
        "title: Catatan Ruang Dengar\n"
        "fonts:\n  regular: huruf é.ttf\n"
        "cover:\n  image: gambar foto/titik ü.png\n"
        "blocks:\n  - image:\n      src: ./gambar foto/../gambar foto/titik ü.png\n"
    )
    path = write(folder, text, "isi zine ñ.yaml")
    publication = load_publication(path)
    assert publication.blocks[0].where == Location(path, 7, 5)

    # ... and a mistake there names the file as it is called.
    write(folder, text.replace("titik ü.png\n", "hilang ü.png\n"), "isi zine ñ.yaml")
    assert problems(path) == [
        f"{path}:5:10: image file 'gambar foto/hilang ü.png' not found"
        " (hint: paths are relative to the folder of the content file)",
        f"{path}:8:12: image file './gambar foto/../gambar foto/hilang ü.png' not found"
        " (hint: paths are relative to the folder of the content file)",
    ]


def test_an_image_outside_the_folder_needs_allow_outside(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "titik.png", tmp_path / "luar.png")
    text = "title: T\nblocks:\n  - image:\n      src: ../luar.png\n"
    path = write(tmp_path / "zine", text)
    (line,) = problems(path)
    assert "is outside the content file's folder" in line and "--allow-outside" in line
    assert load_publication(path, allow_outside=True).blocks[0].where == Location(path, 3, 5)


def test_an_absolute_path_outside_the_folder_is_refused(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "titik.png", tmp_path / "luar.png")
    path = write(
        tmp_path / "zine",
        f"title: T\ncover:\n  image: {tmp_path / 'luar.png'}\nblocks: [page-break]\n",
    )
    (line,) = problems(path)
    assert "outside the content file's folder" in line
    load_publication(path, allow_outside=True)


def test_an_absolute_path_inside_the_folder_is_fine(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "titik.png", tmp_path / "titik.png")
    path = write(
        tmp_path, f"title: T\ncover:\n  image: {tmp_path / 'titik.png'}\nblocks: [page-break]\n"
    )
    load_publication(path)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_a_symlink_that_leads_outside_is_outside(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "titik.png", tmp_path / "rahasia.png")
    folder = tmp_path / "zine"
    folder.mkdir()
    (folder / "titik.png").symlink_to(tmp_path / "rahasia.png")
    (folder / "huruf.ttf").symlink_to(FONT)
    path = write(
        folder, "title: T\nfonts: {regular: huruf.ttf}\nblocks:\n  - image: {src: titik.png}\n"
    )
    lines = problems(path)
    assert len(lines) == 2
    assert "font file 'huruf.ttf' is outside" in lines[0]
    assert "image file 'titik.png' is outside" in lines[1]
    load_publication(path, allow_outside=True)


def test_an_outside_path_is_refused_before_it_is_looked_for(tmp_path: Path) -> None:
    """A shared content file must not learn which files exist on the builder's disk."""
    path = write(
        tmp_path / "zine", "title: T\ncover: {image: ../../tidak/ada.png}\nblocks: [page-break]\n"
    )
    (line,) = problems(path)
    assert "outside" in line and "not found" not in line
    (line,) = problems(path, allow_outside=True)
    assert "not found" in line


def test_a_folder_named_as_an_image_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "gambar").mkdir()
    path = write(tmp_path, "title: T\nblocks:\n  - image: {src: gambar}\n")
    assert problems(path) == [
        f"{path}:3:18: image 'gambar' is a folder, not a file (hint: name the file inside it)"
    ]


def test_an_opentype_cff_font_is_refused_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "huruf.otf").write_bytes(b"OTTO" + bytes(60))
    path = write(tmp_path, "title: T\nfonts: {regular: huruf.otf}\nblocks: [page-break]\n")
    (line,) = problems(path)
    assert "PostScript (CFF) outlines" in line


def test_loading_never_constructs_objects(tmp_path: Path) -> None:
    marker = tmp_path / "dibuat"
    path = write(
        tmp_path,
        "title: T\nblocks:\n"
        f"  - text: !!python/object/apply:pathlib.Path.touch [{marker}]\n"
        f"  - text: !!python/object/new:pathlib.Path [{marker}]\n"
        "  - text: !!binary aGFsbw==\n"
        "  - text: !!set {a: null}\n",
    )
    lines = problems(path)
    assert len(lines) == 4
    assert all("is not allowed in a content file" in line for line in lines)
    assert not marker.exists()


def test_aliases_of_aliases_stop_early(tmp_path: Path) -> None:
    lines = ["title: T", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    path = write(tmp_path, "\n".join(lines) + "\nblocks: [page-break]\n")
    start = time.monotonic()
    (line,) = problems(path)
    assert "expands to more than" in line
    assert time.monotonic() - start < 5


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "title: &judul Ruang Dengar\ncover: {title: *judul}\nblocks: [{heading: *judul}]\n",
    )
    assert load_publication(path).cover_title == "Ruang Dengar"


def test_numbers_and_dates_written_as_text_stay_text(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "title: 1984\ncover: {footer: 2020-06-01}\nblocks:\n"
        "  - resources: [{title: 451, year: 1953, length: 90}]\n",
    )
    publication = load_publication(path)
    assert publication.title == "1984"
    assert publication.cover is not None and publication.cover.footer == "2020-06-01"
    resource = publication.blocks[0].resources[0]  # type: ignore[union-attr]
    assert (resource.title, resource.year, resource.length) == ("451", 1953, "90")


def test_yes_and_no_are_text_as_in_yaml_1_2(tmp_path: Path) -> None:
    path = write(tmp_path, "title: T\nblocks:\n  - list: [yes, no, on, off]\n")
    block = load_publication(path).blocks[0]
    assert block.items == ["yes", "no", "on", "off"]  # type: ignore[union-attr]


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "zine.yaml"
    path.write_bytes(b"\xef\xbb\xbftitle: T\nblocks: [page-break]\n")
    assert load_publication(path).title == "T"


def test_utf16_is_named(tmp_path: Path) -> None:
    path = tmp_path / "zine.yaml"
    path.write_bytes("title: T\nblocks: [page-break]\n".encode("utf-16"))
    assert problems(path) == [
        f"{path}:1:1: the content file is UTF-16 text, not UTF-8 (hint:"
        " save it as UTF-8; most editors offer this under 'Save with"
        " encoding')"
    ]


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    assert problems(tmp_path / "tidak-ada.yaml") == [
        f"{tmp_path / 'tidak-ada.yaml'}: content file not found"
        " (hint: check the name; start a new one with 'zinekit new zine')"
    ]
    assert problems(tmp_path) == [
        f"{tmp_path}: this is a folder, not a content file (hint: give the path of a .yaml file)"
    ]


def test_a_control_character_is_pointed_at(tmp_path: Path) -> None:
    path = write(tmp_path, "title: T\nblocks:\n  - text: ab\x01c\n")
    (line,) = problems(path)
    assert line.startswith(f"{path}:3:13: the file holds a control character (0x1)")


def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path, "title: T\nblocks: " + "[" * 20000 + "\n")
    (line,) = problems(path)
    assert line.startswith(str(path))


def test_a_value_with_a_bad_tag_is_reported_once(tmp_path: Path) -> None:
    path = write(tmp_path, "title: !!python/name:os.system\nblocks: [page-break]\n")
    (line,) = problems(path)
    assert "!!python/name:os.system" in line


def test_the_wording_has_an_example_for_every_key_and_a_place_for_every_model() -> None:
    models = {Publication, Affirmations, *BLOCK_KEYS.values()}
    seen: set[type[Model]] = set()
    while models:
        model = models.pop()
        seen.add(model)
        assert place(model.__name__) != "here", model.__name__
        for name, info in model.model_fields.items():
            key = info.alias or name
            if key != "page-break":
                assert example(model.__name__, key), f"{model.__name__}.{key}"
            for sub in _models_in(info.annotation):
                if sub not in seen:
                    models.add(sub)


def _models_in(annotation: object) -> list[type[Model]]:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, Model):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def test_no_blank_is_left_unfilled_in_the_golden_lines() -> None:
    for expected in (Path(__file__).with_name("bad")).glob("*.expected.txt"):
        text = expected.read_text(encoding="utf-8")
        assert not re.search(r"\{[a-z_]+\}", text), expected.name
