"""The problems of a programme file, as every stage reports them: what to fix, and where."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Source


@dataclass(frozen=True)
class Problem:
    """One thing an editor has to fix, with where to fix it."""

    source: Source
    where: str  # a readable path such as events.konferenz.sessions.eroeffnung.end
    message: str  # what is wrong and how to fix it

    def __str__(self) -> str:
        return f"{self.source}: {self.where}: {self.message}"


class ProgrammeError(Exception):
    """Carries every problem found, so an editor can fix them all in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)
