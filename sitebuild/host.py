"""A local web server that answers like the static host: the headers of _headers (the Content
Security Policy among them) and the root 404 page for a missing file. `make serve`, `make audit`
and the browser tests use it, so what they see is what visitors get."""

from __future__ import annotations

import functools
import http.server
import sys
from pathlib import Path


def host_headers(site_dir: Path) -> list[tuple[str, str, str]]:
    """(path pattern, name, value) from the site's _headers file, as Netlify and Cloudflare read it."""
    headers_file = site_dir / "_headers"
    if not headers_file.exists():
        return []
    rules, pattern = [], ""
    for line in headers_file.read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace():
            pattern = line.strip()
        elif line.strip():
            name, value = line.strip().split(":", 1)
            rules.append((pattern, name.strip(), value.strip()))
    return rules


def matches(pattern: str, path: str) -> bool:
    return path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern


class HostHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass

    def end_headers(self):
        path = self.path.split("?", 1)[0]
        for pattern, name, value in self.server.header_rules:
            if matches(pattern, path):
                self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


class HostServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, site_dir: Path, address: tuple[str, int]) -> None:
        super().__init__(address, functools.partial(HostHandler, directory=str(site_dir)))
        self.site_dir = site_dir

    def handle_error(self, request, client_address) -> None:
        # A browser that gives up a download it no longer needs (the visitor went on, a service
        # worker took the page from its cache) is no error of the site: no traceback for it.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    @functools.cached_property
    def header_rules(self) -> list[tuple[str, str, str]]:
        """Read at the first request, not at start: make audit starts the server before the build."""
        return host_headers(self.site_dir)


def host_server(site_dir: Path, host: str = "localhost", port: int = 0) -> HostServer:
    """A server for site_dir (port 0: any free port); the caller runs serve_forever()."""
    return HostServer(site_dir, (host, port))
