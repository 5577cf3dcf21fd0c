"""Atomic output: write to a temporary file beside the target, then os.replace.

A failed run never leaves a half-written PDF and never replaces a good older output;
the input file is never a target.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from zinekit import oserrors
from zinekit.errors import OutputError
from zinekit.i18n import say

# What a target names when it is not a regular file (its words in os.toml [kind]): never
# replaced (os.replace over /dev/null, run as root, would put a regular file in its place).
_KINDS = {
    stat.S_IFDIR: "folder",
    stat.S_IFCHR: "device",
    stat.S_IFBLK: "device",
    stat.S_IFIFO: "fifo",
    stat.S_IFSOCK: "socket",
}


def check_target(target: Path, *, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse a target that is an input or not a regular file, or whose folder is missing
    or not writable."""
    try:
        _check_target(target, inputs)
    except (OSError, ValueError) as exc:
        if not oserrors.is_path_error(exc):
            raise
        raise oserrors.writing(exc, target) from None


def _check_target(target: Path, inputs: tuple[Path, ...]) -> None:
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        kind = say(f"os.kind.{_KINDS.get(stat.S_IFMT(mode), 'other')}")
        raise OutputError(
            say("os.output.not-a-file", kind=kind),
            where=oserrors.short(str(target)),
            hint=say("os.output.not-a-file-hint"),
        )
    for source in inputs:
        if _same_path(target, source) or (
            target.exists() and source.exists() and os.path.samefile(target, source)
        ):
            raise OutputError(
                say("os.output.is-input"), where=target, hint=say("os.output.is-input-hint")
            )
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(
            say("os.output.no-folder", folder=repr(str(folder))),
            where=target,
            hint=say("os.output.no-folder-hint"),
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(
            say("os.output.folder-locked", folder=repr(str(folder))),
            where=target,
            hint=say("os.output.folder-locked-hint"),
        )


def _same_path(target: Path, source: Path) -> bool:
    try:
        return target.resolve() == source.resolve()
    except RuntimeError:  # a loop of symbolic links (Python < 3.13): the reader says so
        return False


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
        yield [cast(BinaryIO, _Output(f, t)) for (f, _), t in zip(handles, targets, strict=True)]
        for (f, _), target in zip(handles, targets, strict=True):
            try:
                f.flush()
                os.fsync(f.fileno())
                f.close()
            except OSError as exc:
                _mark(exc, target)
                raise
        for (_, tmp), target in zip(handles, targets, strict=True):
            # mkstemp creates 0600 files; a PDF should get the same mode as any new file.
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, target)
    except BaseException as exc:
        for f, tmp in handles:
            with contextlib.suppress(OSError):
                f.close()  # flushing a full disk's buffer fails again
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        if isinstance(exc, OSError) and _is_ours(exc, handles, targets):
            raise oserrors.writing(exc, _target_of(exc, handles, targets)) from None
        raise


class _Output:
    """A temporary output file as the code writing it sees it: a write that fails (a full
    disk) remembers the target it was for, so that the error names that file and not the
    last one opened (the reading PDF beside an imposed one)."""

    def __init__(self, file: BinaryIO, target: Path) -> None:
        self._file = file
        self._target = target

    def write(self, data: bytes) -> int:
        try:
            return self._file.write(data)
        except OSError as exc:
            _mark(exc, self._target)
            raise

    def flush(self) -> None:
        try:
            self._file.flush()
        except OSError as exc:
            _mark(exc, self._target)
            raise

    def __getattr__(self, name: str) -> object:  # tell, seek, mode, fileno...: the file's
        return getattr(self._file, name)


_TARGET = "zinekit_output"  # the attribute of an OSError naming the target it failed


def _mark(exc: OSError, target: Path) -> None:
    if getattr(exc, _TARGET, None) is None:
        setattr(exc, _TARGET, target)


def _target_of(exc: OSError, handles: list[tuple[BinaryIO, Path]], targets: list[Path]) -> Path:
    """The target whose writing failed with `exc`: the one a write or flush was for, the
    one a temporary file stands for, or the one being opened when the error came."""
    named = getattr(exc, _TARGET, None)
    if isinstance(named, Path):
        return named
    for (_, tmp), target in zip(handles, targets, strict=False):
        if exc.filename is not None and str(exc.filename) == str(tmp):
            return target
    if exc.filename is not None and str(exc.filename) in {str(t) for t in targets}:
        return Path(str(exc.filename))
    return targets[min(len(handles), len(targets) - 1)]


def _is_ours(exc: OSError, handles: list[tuple[BinaryIO, Path]], targets: list[Path]) -> bool:
    """Whether `exc` failed a write to the output (a full disk): an OS error naming no file
    (a write to a handle) or naming a temporary file or a target. An input read inside the
    block names its own file and is the reader's to report."""
    if isinstance(exc, BrokenPipeError) or not oserrors.is_path_error(exc):
        return False
    ours = {str(tmp) for _, tmp in handles} | {str(t) for t in targets}
    return exc.filename is None or str(exc.filename) in ours


def write_atomically(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write one file atomically with `write(file)` (whatever it returns is ignored)."""
    with atomic_outputs([target]) as (f,):
        write(f)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
