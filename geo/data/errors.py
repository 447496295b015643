"""Problems found in data files, and the one exception that carries them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place, phrased for the person who fixes it.

    ``line`` is the 1-based physical line in ``file`` (``None`` for file-level problems).
    """

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


class DataError(ValueError):
    """Raised when data files cannot be used; carries *all* problems found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class SourceError(RuntimeError):
    """Raised when an external source (npm registry, package tarball) is not usable."""
