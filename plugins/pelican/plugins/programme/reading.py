"""programme.yaml to a checked Programme: the loader (shapes and values), then validation (what
needs several objects to see), in that order, with the problems of both reported together."""

from __future__ import annotations

from .errors import Problem, ProgrammeError
from .loader import load_programme, load_programme_text
from .model import Programme
from .validation import validate


def read_programme(path: str) -> Programme:
    """The checked programme of the file at path; ProgrammeError with every problem otherwise."""
    return _checked(*load_programme(path))


def read_programme_text(text: str, filename: str) -> Programme:
    return _checked(*load_programme_text(text, filename))


def _checked(programme: Programme | None, problems: list[Problem]) -> Programme:
    problems = problems + (validate(programme) if programme else [])
    if problems or programme is None:
        raise ProgrammeError(sorted(problems, key=lambda p: (p.source.line, p.source.column)))
    return programme
