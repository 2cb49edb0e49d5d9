"""make devserver: rebuilds on a change, reloads the page, keeps the last good site on an error."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import PROJECT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("localhost", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture
def devserver(make_site, tmp_path):
    site = make_site("basic")
    port = free_port()
    log = (tmp_path / "devserver.log").open("w+", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "sitebuild", "devserver", "--port", str(port)],
        cwd=site.root, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )
    try:
        yield site, f"http://localhost:{port}", log
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def test_a_change_is_rebuilt_and_reloaded_and_an_error_keeps_the_last_good_site(devserver):
    site, url, log = devserver
    wait_for(lambda: "Bitte anmelden." in fetch(f"{url}/de/teilnahme/"))
    page = fetch(f"{url}/de/teilnahme/")
    # livereload's snippet loads its script from the page's own host, never from another one.
    assert 's.src="//"+window.location.hostname+":"+port+ "/livereload.js?port=" + port' in page

    source = site.content("de", "teilnahme.md")
    source.write_text(source.read_text(encoding="utf-8").replace("Bitte anmelden.", "Jetzt anmelden!"), encoding="utf-8")
    wait_for(lambda: "Jetzt anmelden!" in fetch(f"{url}/de/teilnahme/"))

    programme = site.root / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace("venue: saal", "venu: saal"), encoding="utf-8")

    def error_reported():
        log.seek(0)
        return "unknown key 'venu'; did you mean 'venue'?" in log.read()

    wait_for(error_reported)
    assert "Jetzt anmelden!" in fetch(f"{url}/de/teilnahme/")
