"""Checks before and after the Pelican runs; each returns the problems it found."""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pelican.plugins.placeholders.plugin import PLACEHOLDER_PATTERN
from pelican.plugins.programme.model import Programme
from pelican.plugins.programme.reading import read_programme
from pelican.plugins.programme.errors import ProgrammeError

from .page_facts import PageFacts, read_page
from .report import Problem, error, notice, warning
from .translation_status import TranslationStatus, unknown_originals


def check_settings(settings: dict) -> list[Problem]:
    if settings.get("STRICT") and not settings["ROOT_URL"].startswith("https://"):
        return [
            error(
                "publishconf.py: SITE_URL is not set to the site's https:// address; "
                "run e.g. `make publish SITE_URL=https://example.org`"
            )
        ]
    return []


def check_programme(settings: dict) -> tuple[Programme | None, list[Problem]]:
    """The checked programme, read once for the whole build, or its problems."""
    try:
        return read_programme(os.path.relpath(settings["PROGRAMME_FILE"])), []
    except ProgrammeError as exc:
        return None, [error(str(problem)) for problem in exc.problems]


def check_site(settings: dict, site_dir: Path, pages: dict[str, PageFacts], sources: dict[str, str]) -> list[Problem]:
    return find_placeholders(Path(settings["PATH"])) + find_broken_links(
        site_dir, settings["ROOT_URL"], read=pages, sources=sources
    )


def check_translations(settings: dict, status: TranslationStatus) -> list[Problem]:
    """Each translation whose source changed since: a notice, which publishes; a warning, which
    does not, where OUTDATED_TRANSLATIONS_BLOCK is set. An `Original:` naming no language: a warning. Uncommitted edits are `make translations`'
    business: a draft is no reason to warn."""
    make = warning if settings.get("OUTDATED_TRANSLATIONS_BLOCK", False) else notice
    return [warning(message) for message in unknown_originals(Path(settings["PATH"]), settings["LANGUAGES"])] + [
        make(f"{os.path.relpath(item.page)}: outdated translation: its source {os.path.relpath(item.source)} "
             f"changed on {item.changed.date().isoformat()}; `make translations DIFF=1` shows what changed")
        for item in status.outdated
        if item.certain
    ]


def find_placeholders(content_dir: Path, only: list[Path] | None = None) -> list[Problem]:
    pattern = re.compile(PLACEHOLDER_PATTERN)
    problems = []
    for source in sorted(content_dir.rglob("*.md")) if only is None else only:
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
            for match in pattern.finditer(line):
                problems.append(
                    warning(
                        f"{os.path.relpath(source)}:{number}: placeholder "
                        f"“{match.group('text')}” is still open: replace it with the real detail"
                    )
                )
    return problems


def _target(site_files: set[str], page: str, path: str) -> str:
    """The site-relative file a link path reaches, computed on strings: the site has thousands
    of links, and asking the file system for each one doubled the build time."""
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(page), path)
    target = posixpath.normpath(joined) if joined else "."
    if path.endswith("/") or target == "." or f"{target}/index.html" in site_files:
        target = posixpath.normpath(f"{target}/index.html")
    return target


def find_broken_links(
    site_dir: Path,
    root_url: str,
    only: list[str] | None = None,
    read: dict[str, PageFacts] | None = None,
    sources: dict[str, str] | None = None,
) -> list[Problem]:
    """Every link inside the site must reach a file, and a #fragment an id on that page.

    only: the site-relative pages to check (an incremental rebuild); by default every page.
    read: pages already read (by the language runs); any other page is read when needed.
    sources: the Markdown file of each page, where a link the editor wrote is reported.
    """
    site_files = {
        posixpath.relpath(posixpath.join(folder, name), site_dir) for folder, _, names in os.walk(site_dir) for name in names
    }
    parsed: dict[str, PageFacts] = dict(read or {})

    def page(name: str) -> PageFacts:
        if name not in parsed:
            parsed[name] = read_page(site_dir / name)
        return parsed[name]

    checked = only if only is not None else sorted(name for name in site_files if name.endswith(".html"))
    site_prefix = urlsplit(root_url).path if root_url else ""
    problems = []
    for name in checked:
        for line, link in page(name).links:
            parts = urlsplit(link)
            if root_url and link.startswith(root_url):
                parts = urlsplit(link[len(root_url) :] or "/")
            elif parts.scheme or parts.netloc:
                continue
            path = unquote(parts.path)
            if site_prefix and path.startswith(site_prefix):
                path = path[len(site_prefix) :] or "/"
            target = _target(site_files, name, path) if path else name
            if target not in site_files:
                where = _where_written(name, line, link, sources or {})
                problems.append(warning(f"{where}: link {link} leads nowhere: no file {target}"))
            elif parts.fragment and target.endswith(".html") and parts.fragment not in page(target).ids:
                where = _where_written(name, line, link, sources or {})
                problems.append(warning(f"{where}: link {link} leads to a missing anchor #{parts.fragment}"))
    return problems


def _where_written(page: str, line: int, link: str, sources: dict[str, str]) -> str:
    """content/de/teilnahme.md:12 where the page's Markdown holds the link as written; else the
    built page and its line (a link the theme or the programme data made)."""
    source = sources.get(page)
    if source:
        for number, text in enumerate(Path(source).read_text(encoding="utf-8").splitlines(), start=1):
            if f"({link})" in text or f'"{link}"' in text or f"({link} " in text:
                return f"{os.path.relpath(source)}:{number}"
    return f"{page}:{line}"
