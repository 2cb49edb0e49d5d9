"""The Nu HTML Checker (vnu.jar, from npm) on built pages: one run for all of them."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from tests.js_packages import js_package, require_command


def assert_valid_html(files: Sequence[Path], root: Path) -> None:
    """The checker finds no error in files; each error is named by its file below root and line."""
    java = require_command("java", "the Nu HTML Checker runs on Java 11 or later (Debian: default-jre-headless)")
    jar = js_package("vnu-jar") / "build" / "dist" / "vnu.jar"
    result = subprocess.run(
        # The checker runs a few seconds: the quick compiler alone (C1) spends half the CPU time
        # of the full one on it; its deeper stack frames need a larger stack.
        [java, "-XX:TieredStopAtLevel=1", "-Xss8m", "-jar", str(jar), "--errors-only", "--format", "json",
         *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise AssertionError(f"vnu.jar did not report in JSON (exit {result.returncode}):\n{result.stderr}") from None
    errors = [
        f"{os.path.relpath(m.get('url', '').removeprefix('file:'), root)}:{m.get('lastLine', '?')}: "
        f"{m.get('message')} [{m.get('extract', '').strip()}]"
        for m in messages
        if m.get("type") != "info"
    ]
    assert not errors, "\n".join(errors)
    assert result.returncode == 0, result.stderr
