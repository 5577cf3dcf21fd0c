"""The sample content files in samples/: each is a valid publication, every image it names is
there, and the images are fit to print and regenerate the same way.

(Building each sample is tested with `zinekit build`.)
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from ruamel.yaml import YAML

from zinekit.content.files import file_references
from zinekit.content.model import Publication
from zinekit.content.registry import BLOCK_KEYS, block_kind

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
IMAGES = SAMPLES / "images"
SAMPLE_FILES = sorted(SAMPLES.glob("*.yaml"))
LAYOUTS = {path.stem for path in (ROOT / "layouts").glob("*.toml")}

# The reference sample: it must use every kind of block, so new block kinds get a sample;
# except the kinds some layouts refuse (two columns need an A5 page), which the magazine
# sample shows: the reference sample is built on every layout.
EVERY_BLOCK = SAMPLES / "kabar-sebaya.yaml"
MAGAZINE = SAMPLES / "sahabat-sebaya.yaml"
WIDE_PAGES_ONLY = {"columns"}


def load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def image_paths(data: dict[str, Any]) -> list[str]:
    """Every image a content file names: the cover's and those of the blocks that name one."""
    return [src for what, _, src in file_references(data) if what == "image"]


def test_the_samples_are_there():
    names = {path.name for path in SAMPLE_FILES}
    assert {
        "perjanjian-pertemuan.yaml",
        "tak-apa-apa.yaml",
        "daftar-bacaan.yaml",
        "listening-space.yaml",
        "kabar-sebaya.yaml",
        "rencana-krisis.yaml",
        "check-in.yaml",
    } <= names


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_is_a_valid_publication(path: Path):
    publication = Publication.model_validate(load(path))
    assert publication.layout in LAYOUTS, f"{path.name}: layout {publication.layout!r}"


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_images_exist_inside_samples(path: Path):
    for name in image_paths(load(path)):
        image = (path.parent / name).resolve()
        assert SAMPLES in image.parents, f"{path.name}: {name} is outside samples/"
        assert image.is_file(), f"{path.name}: {name} does not exist"
        with Image.open(image) as img:
            assert img.format in ("JPEG", "PNG"), f"{path.name}: {name} is {img.format}"


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_links_are_example_domains(path: Path):
    """Invented content links only to domains reserved for examples."""
    text = path.read_text(encoding="utf-8")
    # Web addresses, and e-mail addresses (in mailto: links and in plain text).
    hosts = re.findall(r"https?://([^/\s)\"']+)", text) + re.findall(r"[\w.-]+@([\w.-]+\w)", text)
    assert {host for host in hosts if host not in ("example.org", "example.net")} == set()


def test_the_reference_sample_uses_every_block_kind():
    data = load(EVERY_BLOCK)
    used = {block_kind(block) for block in data["blocks"]}
    assert used == set(BLOCK_KEYS) - WIDE_PAGES_ONLY
    magazine = {block_kind(block) for block in load(MAGAZINE)["blocks"]}
    assert magazine >= WIDE_PAGES_ONLY
    levels = {block.get("level", 1) for block in data["blocks"] if block_kind(block) == "heading"}
    assert levels == {1, 2}
    lists = [block for block in data["blocks"] if block_kind(block) == "list"]
    assert {bool(block.get("numbered")) for block in lists} == {True, False}
    assert data["cover"].get("image") and data["cover"].get("footer") and data.get("back")
    assert len(image_paths(data)) >= 4  # the cover and at least three in the text


def test_every_image_is_used_and_fit_to_print():
    used = {
        (path.parent / name).resolve() for path in SAMPLE_FILES for name in image_paths(load(path))
    }
    images = sorted(p for p in IMAGES.iterdir() if p.suffix.lower() in (".png", ".jpg", ".jpeg"))
    assert images
    for image in images:
        assert image.resolve() in used, f"{image.name} is not used by any sample"
        assert image.stat().st_size <= 150 * 1024, f"{image.name} is larger than 150 KB"
        with Image.open(image) as img:
            assert 1200 <= max(img.size) <= 1800, f"{image.name} is {img.size}"


def test_images_regenerate_deterministically():
    spec = importlib.util.spec_from_file_location("make_images", IMAGES / "make_images.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for draw in (
        module.linocut_matahari,
        module.lingkaran_dengar,
        module.tembok_tanaman,
        module.senja_kampung,
    ):
        first, second = draw(), draw()
        assert first.tobytes() == second.tobytes(), draw.__name__
