"""Fixture sites: a copy of tests/fixtures/sites/<name> with the project's settings, theme and plugins."""

from __future__ import annotations

import gzip
import json
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pelican.plugins.typography.document import SOFT_HYPHEN_MARKUP
from sitebuild.build import BuildResult, build_site
from tests.once import once_per_session
from tests.shared_cache import link_shared_cache

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
    """make_site("basic") → a Site in a temporary folder, the working directory set to it; with
    own_cache=True it makes everything it caches itself (link_shared_cache)."""

    def make(name: str, own_cache: bool = False) -> Site:
        site = copy_fixture(name, tmp_path / name, own_cache)
        monkeypatch.chdir(site.root)
        return site

    return make


def as_read(html: str) -> str:
    return html.replace(SOFT_HYPHEN_MARKUP, "").replace(SOFT_HYPHEN, "").replace(NO_BREAK_SPACE, " ")


def messages(result: BuildResult) -> str:
    return "\n".join(str(problem) for problem in result.problems)


def copy_fixture(name: str, root: Path, own_cache: bool = False) -> Site:
    shutil.copytree(FIXTURES / name, root)
    for settings in ("pelicanconf.py", "publishconf.py"):
        shutil.copy2(PROJECT / settings, root / settings)
    for shared in ("theme",):  # the plugins are installed (pyproject.toml)
        (root / shared).symlink_to(PROJECT / shared)
    if not own_cache:
        link_shared_cache(root)
    return Site(root)


def built_cleanly(site: Site) -> Site:
    """The site built in its own folder, as `make html` there; it must publish without a problem."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(site.root)
        result = site.build()
    assert result.published, messages(result)
    assert result.problems == (), messages(result)
    return site


# Run in a process of its own, as `make html` runs: a test worker may run a browser's threads,
# and the build forks one process per language.
BUILD_KEEPING_THE_RESULT = """
import pickle, sys
from pathlib import Path
from sitebuild.build import build_site
settings, output, result = sys.argv[1:]
Path(result).write_bytes(pickle.dumps(build_site(Path(settings), Path(output))))
"""
RESULT = "build-result.pickle"


def built_once(tmp_path_factory, name: str, prepare: Callable[[Path], Site], settings: str = "pelicanconf.py",
               env: dict[str, str] | None = None) -> Site:
    """A site the tests only read, built once per test session: prepare(folder) lays out its
    sources in folder; the site gets its BuildResult as .result."""

    def build(folder: Path) -> None:
        site = prepare(folder)
        run = subprocess.run(
            [sys.executable, "-c", BUILD_KEEPING_THE_RESULT, settings, str(site.output), str(folder / RESULT)],
            cwd=site.root,
            env={**os.environ, "PYTHONPATH": str(PROJECT), **(env or {})},  # sitebuild is the project's, not installed
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode:
            pytest.fail(f"{name} did not build:\n{run.stdout}\n{run.stderr}")

    site = Site(once_per_session(tmp_path_factory, name, build))
    site.result = pickle.loads((site.root / RESULT).read_bytes())
    return site


def published_cleanly(site: Site) -> Site:
    assert site.result.published, messages(site.result)
    return site


@pytest.fixture(scope="session")
def basic_site(tmp_path_factory) -> Site:
    """The basic fixture site, built once for the tests that only read it; it must publish
    without a problem."""
    site = published_cleanly(built_once(tmp_path_factory, "basic", lambda folder: copy_fixture("basic", folder)))
    assert site.result.problems == (), messages(site.result)
    return site


SITE_URL = "https://staedtepartner.example"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Site:
    """The basic fixture site built as `make publish SITE_URL=…` builds it: absolute addresses."""
    return published_cleanly(built_once(tmp_path_factory, "basic-published", lambda folder: copy_fixture("basic", folder),
                                        settings="publishconf.py", env={"SITE_URL": SITE_URL}))


def real_sources(folder: Path) -> Site:
    """The real content and programme in folder, outside the project's git history."""
    folder.mkdir()
    for name in ("pelicanconf.py", "publishconf.py", "programme.yaml"):
        shutil.copy2(PROJECT / name, folder / name)
    for name in ("content", "theme"):
        (folder / name).symlink_to(PROJECT / name)
    link_shared_cache(folder)
    return Site(folder)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Site:
    """The real content and programme, built as `make html` builds them."""
    return published_cleanly(built_once(tmp_path_factory, "real", real_sources))


@pytest.fixture(scope="session")
def second_conference(tmp_path_factory) -> Site:
    """The second fixture conference (tests/fixtures/sites/fernost) as `make html` builds it."""
    return published_cleanly(built_once(tmp_path_factory, "fernost", lambda folder: copy_fixture("fernost", folder)))
