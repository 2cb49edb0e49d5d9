"""The npm packages of tests/js/package.json, installed with `npm ci` when missing or outdated.

Tests that need one call js_package(name) in a session fixture: it fails, rather than skips, when
npm is not on PATH or `npm ci` does not succeed, so a missing tool never hides a check.
"""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
from pathlib import Path

import pytest

JS = Path(__file__).resolve().parent / "js"
MODULES = JS / "node_modules"


def require_command(name: str, why: str) -> str:
    """The path of a program on PATH; the test fails with `why` when it is not there."""
    path = shutil.which(name)
    if not path:
        pytest.fail(f"`{name}` is not on PATH: {why}")
    return path


def _installed_version(name: str) -> str | None:
    manifest = MODULES / name / "package.json"
    if not manifest.exists():
        return None
    return json.loads(manifest.read_text(encoding="utf-8")).get("version")


def _pinned() -> dict[str, str]:
    return json.loads((JS / "package.json").read_text(encoding="utf-8"))["dependencies"]


def _outdated() -> list[str]:
    return [name for name, version in _pinned().items() if _installed_version(name) != version]


def js_package(name: str) -> Path:
    """tests/js/node_modules/<name>, after `npm ci` if any pinned package is missing or outdated.

    --ignore-scripts: none of the packages needs an install script; vnu-jar's only fetches a Java
    runtime, and the tests use the system's (Debian's default-jre-headless).
    """
    if name not in _pinned():
        pytest.fail(f"{name} is not pinned in tests/js/package.json: add it there and run npm install --prefix tests/js")
    # The test workers (pytest-xdist) ask at the same time; one installs, the others wait for it.
    with (JS / ".npm-ci.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _install_if_outdated()
    return MODULES / name


def _install_if_outdated() -> None:
    if _outdated():
        npm = require_command("npm", "the tests install their npm packages with it (install Node.js 18 or later and npm)")
        result = subprocess.run(
            [npm, "ci", "--prefix", str(JS), "--no-audit", "--no-fund", "--ignore-scripts"],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            pytest.fail(f"npm ci --prefix tests/js failed:\n{result.stdout}\n{result.stderr}")
        if missing := _outdated():
            pytest.fail(f"npm ci --prefix tests/js did not install the pinned {', '.join(missing)}")
