"""The real site, built once and served on localhost, and Debian's Chromium driven by Playwright.

No browser is ever downloaded: Playwright launches /usr/bin/chromium (`make test` installs the
Debian package when it runs as root). A missing browser, Java or npm fails the tests, never skips.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # reported by the browser fixture, so that the other tests still run
    sync_playwright = None

PROJECT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
TIMEOUT_MS = 15_000


@dataclass(frozen=True)
class Site:
    """The built site: its folder, its address and the address path of every HTML page."""

    root: Path
    base: str
    paths: tuple[str, ...]

    def url(self, path: str) -> str:
        return self.base + path

    def file(self, path: str) -> Path:
        """The file served for an address path ("/de/" → de/index.html)."""
        return self.root / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))

    @property
    def language_paths(self) -> tuple[str, ...]:
        """Pages of one language (everything but the bilingual entry and 404 pages at the root)."""
        return tuple(p for p in self.paths if p.count("/") > 1)


def address_path(root: Path, file: Path) -> str:
    relative = file.relative_to(root).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative.removesuffix("index.html")
    return "/" + relative


def host_headers(site_dir: Path) -> list[tuple[str, str, str]]:
    """(path pattern, name, value) from the site's _headers file, as Netlify and Cloudflare read it."""
    rules, pattern = [], None
    for line in (site_dir / "_headers").read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace():
            pattern = line.strip()
        elif line.strip():
            name, value = line.strip().split(":", 1)
            rules.append((pattern, name.strip(), value.strip()))
    return rules


def matches(pattern: str, path: str) -> bool:
    return path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the output folder like the real host: with the headers of _headers (the Content
    Security Policy among them), and a missing file gets the root 404 page."""

    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass

    def end_headers(self):
        path = self.path.split("?", 1)[0]
        for pattern, name, value in host_headers(Path(self.directory)):
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


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    output = tmp_path_factory.mktemp("browser-site")
    result = subprocess.run(
        [sys.executable, "-m", "sitebuild", "html", "--output", str(output)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        pytest.fail(f"the site did not build:\n{result.stdout}\n{result.stderr}")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(output)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    paths = tuple(sorted(address_path(output, f) for f in output.rglob("*.html")))
    assert len(paths) >= 20, f"only {len(paths)} pages were built: {paths}"
    yield Site(root=output, base=f"http://127.0.0.1:{server.server_port}", paths=paths)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    if sync_playwright is None:
        pytest.fail("Playwright is not installed: run `make test`, or .venv/bin/pip install -r requirements.txt")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium package (sudo apt-get install chromium); "
            "`make test` does this itself when run as root. The tests never download a browser."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _context(browser, viewport, **options):
    # The site's Content Security Policy forbids inline scripts, and Playwright adds axe-core as
    # one; the contexts of the csp fixtures keep the policy.
    options.setdefault("bypass_csp", True)
    context = browser.new_context(viewport=viewport, **options)
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture(scope="session")
def phone(browser):
    """A 390 × 844 context (an iPhone 12 to 15 held upright), touch and all."""
    context = _context(browser, PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield context
    context.close()


@pytest.fixture(scope="session")
def desktop(browser):
    context = _context(browser, DESKTOP)
    yield context
    context.close()


@pytest.fixture(scope="session")
def no_script(browser):
    """A 390 px context with JavaScript switched off, as some visitors browse."""
    context = _context(browser, PHONE, java_script_enabled=False)
    yield context
    context.close()


@pytest.fixture(scope="session")
def csp_phone(browser):
    """A 390 px context that enforces the site's Content Security Policy as a visitor's browser does."""
    context = _context(browser, PHONE, bypass_csp=False)
    yield context
    context.close()


@pytest.fixture(params=["phone", "desktop"])
def context(request):
    """Each viewport's context in turn."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def tab(context):
    """A fresh page (a browser tab) in the context, closed after the test."""
    page = context.new_page()
    yield page
    page.close()


@pytest.fixture
def phone_tab(phone):
    page = phone.new_page()
    yield page
    page.close()
