"""The two programmes most unit tests read: the real one and the small complete fixture."""

from pathlib import Path

import pytest
from pelican.plugins.programme.reading import read_programme
from pelican.plugins.programme.model import Programme

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "programme.yaml"
VALID = ROOT / "tests" / "fixtures" / "programme" / "valid.yaml"


@pytest.fixture(scope="session")
def real() -> Programme:
    return read_programme(str(REAL))


@pytest.fixture(scope="session")
def valid() -> Programme:
    return read_programme(str(VALID))
