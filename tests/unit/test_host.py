"""The local host's server (make serve, make audit, the browser tests) stays quiet when a browser
gives up a download, and still reports its own errors."""

from __future__ import annotations

import pytest

from sitebuild.host import host_server


@pytest.fixture
def server(tmp_path):
    server = host_server(tmp_path, host="127.0.0.1")
    yield server
    server.server_close()


@pytest.mark.parametrize("gone", [BrokenPipeError, ConnectionResetError])
def test_a_download_the_browser_gave_up_prints_nothing(server, capsys, gone):
    try:
        raise gone(32, "the browser closed the connection")
    except gone:
        server.handle_error(None, ("127.0.0.1", 50000))
    assert capsys.readouterr().err == ""


def test_another_error_is_reported_with_its_traceback(server, capsys):
    try:
        raise ValueError("a fault of the server")
    except ValueError:
        server.handle_error(None, ("127.0.0.1", 50000))
    assert "ValueError: a fault of the server" in capsys.readouterr().err
