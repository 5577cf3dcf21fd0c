"""Atomic output: write to a temporary file beside the target, then os.replace.

A failed run never leaves a half-written PDF and never replaces a good older output;
the input file is never a target.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from zinekit.errors import OutputError


def check_target(target: Path, *, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse a target that is an input, or whose folder is missing or not writable."""
    for source in inputs:
        if target.resolve() == source.resolve() or (
            target.exists() and source.exists() and os.path.samefile(target, source)
        ):
            raise OutputError(
                "the output would overwrite the input",
                where=target,
                hint="choose another name with -o",
            )
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(
            f"the output folder {str(folder)!r} does not exist",
            where=target,
            hint="create it first, or choose another path with -o",
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(
            f"the output folder {str(folder)!r} is not writable",
            where=target,
            hint="choose a folder you can write to with -o",
        )
    if target.is_dir():
        raise OutputError("the output path is a folder", where=target, hint="name a .pdf file")


@contextlib.contextmanager
def atomic_outputs(targets: list[Path]) -> Iterator[list[BinaryIO]]:
    """Open one temporary file per target; on success all replace their targets together.

    On any exception, Ctrl-C (KeyboardInterrupt) included, the temporary files are removed
    and no target is touched.
    """
    handles: list[tuple[BinaryIO, Path]] = []
    try:
        for target in targets:
            fd, name = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".part", dir=target.parent
            )
            handles.append((os.fdopen(fd, "wb"), Path(name)))
        yield [f for f, _ in handles]
        for f, _ in handles:
            f.flush()
            os.fsync(f.fileno())
            f.close()
        for (_, tmp), target in zip(handles, targets, strict=True):
            # mkstemp creates 0600 files; a PDF should get the same mode as any new file.
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, target)
    except BaseException:
        for f, tmp in handles:
            f.close()
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        raise


def write_atomically(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write one file atomically with `write(file)` (whatever it returns is ignored)."""
    with atomic_outputs([target]) as (f,):
        write(f)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
