"""What Python 3.10 lacks and zinekit uses: tomllib (the tomli backport is the same code)
and StrEnum."""

from __future__ import annotations

import enum
import sys

if sys.version_info >= (3, 11):
    from enum import StrEnum

    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

    class StrEnum(str, enum.Enum):
        """An Enum whose members are strings and print as their value (3.11's StrEnum)."""

        def __str__(self) -> str:
            return str(self.value)

        def __format__(self, spec: str) -> str:
            return format(str(self.value), spec)


__all__ = ["StrEnum", "tomllib"]
