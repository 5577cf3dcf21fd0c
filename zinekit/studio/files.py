"""The opened folder: the content files in it, and the one check every read or write of a
file goes through (`Folder.resolve`), so that nothing outside the folder is reached."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from zinekit.errors import ZinekitError
from zinekit.i18n import say

# The content files the studio opens: one loader reads them all, by suffix.
SUFFIXES = (".yaml", ".yml", ".md")
SKIP = {".git", ".venv", "node_modules", "__pycache__"}


class Refused(ZinekitError):
    """A path the studio will not read or write."""


class Folder:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def resolve(self, name: str) -> Path:
        """The file `name` (relative, with /) names inside the folder, after following every
        symlink; `Refused` for an absolute path, `..`, a path that leads outside (through a
        symlink too) or a file that is not a content file."""
        if not name or "\\" in name or "\0" in name:
            raise Refused(say("studio.files.not-a-name"), where=name)
        pure = PurePosixPath(name)
        if pure.is_absolute() or Path(name).is_absolute() or Path(name).drive:
            raise Refused(say("studio.files.absolute"), where=name)
        if any(part in ("..", "") for part in name.split("/")):
            raise Refused(say("studio.files.dot-dot"), where=name)
        path = (self.root / pure).resolve()
        if not path.is_relative_to(self.root):
            raise Refused(say("studio.files.outside"), where=name)
        if path.suffix.lower() not in SUFFIXES:
            raise Refused(say("studio.files.not-content"), where=name, hint=", ".join(SUFFIXES))
        return path

    def name_of(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()

    def content_files(self, limit: int = 200) -> list[str]:
        """The content files in the folder and below it (not hidden ones), by name."""
        found = []
        for path in sorted(self.root.rglob("*")):
            parts = path.relative_to(self.root).parts
            if any(p.startswith(".") or p in SKIP for p in parts):
                continue
            if path.suffix.lower() in SUFFIXES and path.is_file():
                try:
                    found.append(self.name_of(self.resolve(path.relative_to(self.root).as_posix())))
                except Refused:
                    continue  # a symlink out of the folder
            if len(found) >= limit:
                break
        return found
