"""Settings for the whole test run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from zinekit import i18n


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A cache folder of the run's own (zinekit.impose.layout_cache), for the tests and the
    zinekit processes they start: tests never read or fill the user's ~/.cache."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder))
        yield folder


@pytest.fixture(autouse=True, scope="session")
def _english() -> Iterator[None]:
    """Tests speak English unless they choose otherwise, whatever this machine's locale:
    ZINEKIT_LANG reaches the zinekit processes they start, `use` the in-process calls."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ZINEKIT_LANG", "en")
        i18n.use("en")
        yield
