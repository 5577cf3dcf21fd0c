"""A disk with no space left, for tests of what a failed write leaves behind."""

from __future__ import annotations

import errno
import io
import os


class FullDisk(io.RawIOBase):
    """A temporary output on a disk with no space left: every write fails with ENOSPC."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0

    def write(self, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def close(self) -> None:
        if not self.closed:
            os.close(self.fd)
        super().close()
