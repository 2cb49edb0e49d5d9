"""Every test is marked by its folder, so that one kind can run alone: pytest -m unit (or build,
browser). And the fixtures of more than one kind of test."""

import json
import subprocess
from pathlib import Path

import pytest

from tests.js_packages import js_package, require_command
from tests.once import shared_folder
from tests.shared_cache import SHARED_CACHE

KINDS = {"unit": "unit", "builds": "build", "browser": "browser"}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        folder = Path(item.fspath).parent.name
        if folder in KINDS:
            item.add_marker(getattr(pytest.mark, KINDS[folder]))


@pytest.fixture(scope="session", autouse=True)
def shared_cache(tmp_path_factory) -> None:
    """The folder where every site the tests build keeps what every site makes alike, shared by
    the workers (tests/shared_cache.py)."""
    folder = shared_folder(tmp_path_factory) / "shared-cache"
    folder.mkdir(exist_ok=True)
    SHARED_CACHE[:] = [folder]


@pytest.fixture(scope="session")
def by_icaljs():
    """ical.js's reading of a file, from one Node.js process for the whole session."""
    node = require_command("node", "the ical.js check needs Node.js (install Node.js 20 or later)")
    js_package("ical.js")
    script = Path(__file__).parent / "js" / "read_ical.mjs"
    reader = subprocess.Popen([node, str(script)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def read(data: bytes) -> dict:
        reader.stdin.write(json.dumps(data.decode("utf-8")) + "\n")
        reader.stdin.flush()
        answer = reader.stdout.readline()
        if not answer:
            pytest.fail(f"the ical.js reader ended (exit {reader.wait()})")
        reading = json.loads(answer)
        if "error" in reading:
            pytest.fail(f"ical.js could not read the file: {reading['error']}")
        return reading

    yield read
    reader.stdin.close()
    reader.wait()
