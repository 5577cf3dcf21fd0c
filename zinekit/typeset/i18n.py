"""The words zinekit prints itself (prompts, labels, resource kinds), read from
assets/messages/<lang>/labels.toml so that translators edit data, not code."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from zinekit.i18n import catalog


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
    table = catalog(lang, "labels")
    return Labels(lang, dict(table["labels"]), dict(table["kinds"]))
