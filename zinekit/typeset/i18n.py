"""The words zinekit prints itself (prompts, labels, resource kinds), read from
assets/i18n/<lang>.toml so that translators edit data, not code."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass

from zinekit.data import data_dir


@dataclass(frozen=True)
class Labels:
    """The labels of one language; `lang` is also the PDF's /Lang."""

    lang: str
    labels: dict[str, str]
    kinds: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.labels[key]

    def kind(self, kind: str) -> str:
        """The printed name of a resource kind (film, zine, book...)."""
        return self.kinds[kind]


@functools.cache
def labels(lang: str) -> Labels:
    """The labels for `lang` ("id" or "en"); the content model only lets those through."""
    path = data_dir("assets") / "i18n" / f"{lang}.toml"
    with open(path, "rb") as f:
        table = tomllib.load(f)
    return Labels(lang, dict(table["labels"]), dict(table["kinds"]))
