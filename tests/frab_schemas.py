"""Where the frab schemas (voc/schedule) that the schedule tests validate against are found."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]


def frab_schema(name: str) -> Path:
    """The schema file name from FRAB_SCHEMA_DIR, or else from ../shared/schemas/frab beside the
    project. Without it a test is skipped with what to do, except in CI (CI=true), where a missing
    schema fails: a skipped schema check would let a file no app can read go out unnoticed."""
    directory = Path(os.environ.get("FRAB_SCHEMA_DIR") or PROJECT.parent / "shared" / "schemas" / "frab")
    path = directory / name
    if not path.is_file():
        message = (f"{path} is missing: set FRAB_SCHEMA_DIR to a folder with the voc/schedule schemas "
                   "(schedule.xml.xsd, schedule.json.schema.json), or check out ../shared beside this project")
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return path
