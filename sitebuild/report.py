"""Problems found while building, and how they are printed for an editor."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    NOTICE = "notice"  # worth knowing, never a reason to stop (an outdated translation, by default)
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    message: str  # starts with "file:line:" where a file is known

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.message}"


def warning(message: str) -> Problem:
    return Problem(Severity.WARNING, message)


def notice(message: str) -> Problem:
    return Problem(Severity.NOTICE, message)


def error(message: str) -> Problem:
    return Problem(Severity.ERROR, message)


def blocks_build(problems: list[Problem], strict: bool) -> bool:
    """Errors always stop a build; in strict mode (publishing) warnings do too, notices never."""
    return any(p.severity is Severity.ERROR or (strict and p.severity is Severity.WARNING) for p in problems)
