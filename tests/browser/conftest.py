"""The real site and the second fixture conference, each built once and served on localhost, and
Debian's Chromium driven by Playwright.

No browser is ever downloaded: Playwright launches /usr/bin/chromium (`make test` installs the
Debian package when it runs as root). A missing browser, Java or npm fails the tests, never skips.
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitebuild.chromium import CHROMIUM, CHROMIUM_ARGS
from sitebuild.host import host_server
# fixtures: each site is built once for the build and the browser tests
from tests.builds.conftest import real_site, second_conference  # noqa: F401
from tests.js_packages import js_package

from .pages import PROGRAMME_KINDS, policy_refusals
from .survey import survey
from .tour import tour

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # reported by the browser fixture, so that the other tests still run
    sync_playwright = None

PROJECT = Path(__file__).resolve().parents[2]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
TIMEOUT_MS = 15_000


@dataclass(frozen=True)
class Site:
    """The built site: its folder, its address and the address path of every HTML page."""

    root: Path
    base: str
    paths: tuple[str, ...]
    kinds: frozenset[str] | None = None  # the kinds of page the checks of each kind read; None: all

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


@contextmanager
def served(output: Path, kinds: frozenset[str] | None = None):
    """A built site served as the host serves it, as a Site, until the block ends."""
    server = host_server(output, host="127.0.0.1")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        paths = tuple(sorted(address_path(output, f) for f in output.rglob("*.html")))
        assert len(paths) >= 20, f"only {len(paths)} pages were built: {paths}"
        yield Site(root=output, base=f"http://127.0.0.1:{server.server_port}", paths=paths, kinds=kinds)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site(real_site) -> Site:
    with served(real_site.output) as real:
        yield real


@pytest.fixture(scope="session")
def second_site(second_conference) -> Site:
    """The second fixture conference (tests/fixtures/sites/fernost): its own zone, rooms, online
    events and speakers' pages, which the real programme does not have yet. The checks of each
    kind of page read only its kinds that show the programme; its other pages are the real
    site's templates with other words."""
    with served(second_conference.output, kinds=PROGRAMME_KINDS) as second:
        yield second


@pytest.fixture(params=["site", "second_site"])
def each_site(request) -> Site:
    """The real site, then the second fixture conference: for the checks each kind of page must pass."""
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="session")
def browser():
    if sync_playwright is None:
        pytest.fail("Playwright is not installed: run `make test`, which installs requirements-dev.txt")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium package (sudo apt-get install chromium); "
            "`make test` does this itself when run as root. The tests never download a browser."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        yield browser
        browser.close()


# Each context keeps the site's Content Security Policy, as a visitor's browser does.
DEVICES = {
    "phone": {"viewport": PHONE, "device_scale_factor": 2, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": DESKTOP},
}


def _context(browser, viewport, **options):
    context = browser.new_context(viewport=viewport, **options)
    context.set_default_timeout(TIMEOUT_MS)
    return context


def with_axe(context, axe_script: Path):
    """context, with axe-core in each of its pages before the page's own scripts: sent to the
    browser once, not into every page checked (200 instead of 360 ms a page). It comes in outside
    the site's policy, as the tests' own evaluate() does; what it does then stays under the
    policy, and context.refused keeps what the policy refused, for axe_violations to report."""
    context.refused = policy_refusals(context)
    context.add_init_script(path=str(axe_script))
    return context


@pytest.fixture(scope="session")
def devices(browser, axe_script):
    """devices(name): the session's context of DEVICES[name]; devices(name, axe=True) one of its
    own with axe-core (with_axe). Each is made on first use."""
    made = {}

    def device(name: str, axe: bool = False):
        if (name, axe) not in made:
            context = _context(browser, **DEVICES[name])
            made[name, axe] = with_axe(context, axe_script) if axe else context
        return made[name, axe]

    yield device
    for context in made.values():
        context.close()


@pytest.fixture(scope="session")
def phone(devices):
    """A 390 × 844 context (an iPhone 12 to 15 held upright), touch and all."""
    return devices("phone")


@pytest.fixture(scope="session")
def axe_phone(devices):
    return devices("phone", axe=True)


@pytest.fixture(params=list(DEVICES))
def device(request) -> str:
    """Each of DEVICES by name in turn."""
    return request.param


@pytest.fixture
def context(device, devices):
    """Each viewport's context in turn."""
    return devices(device)


@pytest.fixture(scope="session")
def tours(devices, tmp_path_factory):
    """tours(site, device): one page of each kind of site visited in the device's window, with
    axe-core (tour.py); read once per session."""
    return lambda site, device: tour(tmp_path_factory, site, device, lambda: devices(device, axe=True))


@pytest.fixture(scope="session")
def no_script(browser):
    """A 390 px context with JavaScript switched off, as some visitors browse."""
    context = _context(browser, PHONE, java_script_enabled=False)
    yield context
    context.close()


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


@pytest.fixture(scope="session")
def readings(browser, tmp_path_factory):
    """readings(site): the heaviest page of each kind of site at each phone width (survey.py), read
    once per session."""
    return lambda site: survey(tmp_path_factory, site, lambda: _context(browser, **DEVICES["phone"]))


@pytest.fixture(scope="session")
def axe_script() -> Path:
    return js_package("axe-core") / "axe.min.js"
