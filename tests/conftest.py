"""Every test is marked by its folder, so that one kind can run alone: pytest -m unit (or build,
browser)."""

from pathlib import Path

import pytest

KINDS = {"unit": "unit", "builds": "build", "browser": "browser"}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        folder = Path(item.fspath).parent.name
        if folder in KINDS:
            item.add_marker(getattr(pytest.mark, KINDS[folder]))
