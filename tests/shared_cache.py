"""What every site the tests build makes alike, made once per test session: the compiled
templates and the parsed hyphenation patterns. Making them took half of each new copy's first
build; the copies keep them in the session's one folder instead of their own."""

from __future__ import annotations

from pathlib import Path

from pelican.plugins.bilingual.settings import template_cache
from pelican.plugins.typography.patterns import patterns_folder
from pelican.settings import read_settings

# The session's folder (set by the shared_cache fixture, tests/conftest.py).
SHARED_CACHE: list[Path] = []


def link_shared_cache(root: Path) -> None:
    """The site at root keeps its compiled templates and its hyphenation patterns in the session's
    folder, each cache folder of the site linked to its own there."""
    settings = read_settings(str(root / "pelicanconf.py"))
    cache = root / settings["CACHE_PATH"]  # the builds run in root (make_site, built_once)
    links = [template_cache(folder, settings["JINJA_ENVIRONMENT"])
             for folder in (cache, *(cache / lang for lang in settings["LANGUAGES"]))]
    for link in [*links, patterns_folder(cache)]:
        target = SHARED_CACHE[0] / link.relative_to(root)
        target.mkdir(parents=True, exist_ok=True)
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target, target_is_directory=True)
