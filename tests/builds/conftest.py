"""Fixture sites: a copy of tests/fixtures/sites/<name> with the project's settings, theme and plugins."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitebuild.build import BuildResult, build_site
from pelican.plugins.typography.document import SOFT_HYPHEN_MARKUP

PROJECT = Path(__file__).resolve().parents[2]
SOFT_HYPHEN, NO_BREAK_SPACE = "\u00ad", "\u00a0"
FIXTURES = PROJECT / "tests" / "fixtures" / "sites"


class Site:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.output = root / "output"

    def build(self, settings: str = "pelicanconf.py") -> BuildResult:
        return build_site(self.root / settings, self.output)

    def publish(self) -> BuildResult:
        return self.build("publishconf.py")

    def page(self, path: str) -> BeautifulSoup:
        """A built page as a visitor reads it: the marks of soft hyphens and no-break spaces are
        typesetting (tested in test_typography.py), so here they read as nothing and as a space."""
        return BeautifulSoup(as_read(self.html(path)), "html.parser")

    def html(self, path: str) -> str:
        return (self.output / path).read_text(encoding="utf-8")

    def content(self, lang: str, name: str) -> Path:
        return self.root / "content" / lang / name

    def append(self, lang: str, name: str, text: str) -> None:
        page = self.content(lang, name)
        page.write_text(page.read_text(encoding="utf-8") + text, encoding="utf-8")

    def search_fragments(self, lang: str) -> dict[str, dict]:
        """Pagefind's record of every indexed page of lang, by address: gzip, a signature, JSON."""
        fragments = {}
        for path in (self.output / "pagefind" / "fragment").glob(f"{lang}_*.pf_fragment"):
            record = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
            fragments[record["url"]] = record
        return fragments

    def snapshot(self) -> dict[str, bytes]:
        return {str(p.relative_to(self.output)): p.read_bytes() for p in sorted(self.output.rglob("*")) if p.is_file()}


@pytest.fixture
def make_site(tmp_path, monkeypatch):
    """make_site("basic") → a Site in a temporary folder, the working directory set to it."""

    def make(name: str) -> Site:
        site = copy_fixture(name, tmp_path / name)
        monkeypatch.chdir(site.root)
        return site

    return make


def as_read(html: str) -> str:
    return html.replace(SOFT_HYPHEN_MARKUP, "").replace(SOFT_HYPHEN, "").replace(NO_BREAK_SPACE, " ")


def messages(result: BuildResult) -> str:
    return "\n".join(str(problem) for problem in result.problems)


def copy_fixture(name: str, root: Path) -> Site:
    shutil.copytree(FIXTURES / name, root)
    for settings in ("pelicanconf.py", "publishconf.py"):
        shutil.copy2(PROJECT / settings, root / settings)
    for shared in ("theme",):  # the plugins are installed (pyproject.toml)
        (root / shared).symlink_to(PROJECT / shared)
    return Site(root)


def built_cleanly(site: Site) -> Site:
    """The site built in its own folder, as `make html` there; it must publish without a problem."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(site.root)
        result = site.build()
    assert result.published, messages(result)
    assert result.problems == (), messages(result)
    return site


@pytest.fixture(scope="session")
def basic_site(tmp_path_factory) -> Site:
    """The basic fixture site, built once for the tests that only read it."""
    return built_cleanly(copy_fixture("basic", tmp_path_factory.mktemp("built") / "basic"))


SITE_URL = "https://staedtepartner.example"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Site:
    """The basic fixture site built as `make publish SITE_URL=…` builds it: absolute addresses."""
    site = copy_fixture("basic", tmp_path_factory.mktemp("published") / "basic")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(site.root)
        patch.setenv("SITE_URL", SITE_URL)
        result = site.publish()
    assert result.published, messages(result)
    return site


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Site:
    """The real content and programme, built as `make html` builds them."""
    root = tmp_path_factory.mktemp("real")
    for name in ("pelicanconf.py", "publishconf.py", "programme.yaml"):
        shutil.copy2(PROJECT / name, root / name)
    for name in ("content", "theme"):
        (root / name).symlink_to(PROJECT / name)
    site = Site(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        site.result = site.build()
    assert site.result.published, messages(site.result)
    return site
