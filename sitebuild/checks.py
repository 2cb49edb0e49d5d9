"""Checks before and after the Pelican runs; each returns the problems it found."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from placeholders.plugin import PLACEHOLDER_PATTERN
from programme.loader import load_programme
from programme.validation import ProgrammeError

from .report import Problem, error, warning


def check_settings(settings: dict) -> list[Problem]:
    if settings.get("STRICT") and not settings["ROOT_URL"].startswith("https://"):
        return [
            error(
                "publishconf.py: SITE_URL is not set to the site's https:// address; "
                "run e.g. `make publish SITE_URL=https://example.org`"
            )
        ]
    return []


def check_programme(settings: dict) -> list[Problem]:
    try:
        load_programme(os.path.relpath(settings["PROGRAMME_FILE"]))
    except ProgrammeError as exc:
        return [error(str(problem)) for problem in exc.problems]
    return []


def check_site(settings: dict, site_dir: Path) -> list[Problem]:
    return find_placeholders(Path(settings["PATH"])) + find_broken_links(site_dir, settings["ROOT_URL"])


def find_placeholders(content_dir: Path) -> list[Problem]:
    pattern = re.compile(PLACEHOLDER_PATTERN)
    problems = []
    for source in sorted(content_dir.rglob("*.md")):
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
            for match in pattern.finditer(line):
                problems.append(
                    warning(
                        f"{os.path.relpath(source)}:{number}: placeholder "
                        f"“{match.group('text')}” is still open: replace it with the real detail"
                    )
                )
    return problems


class _LinksAndIds(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[int, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            elif name in ("href", "src") and value is not None:
                self.links.append((self.getpos()[0], value))


def _parse(page: Path) -> _LinksAndIds:
    parser = _LinksAndIds()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _target_file(site_dir: Path, page: Path, path: str) -> Path:
    target = site_dir / path.lstrip("/") if path.startswith("/") else page.parent / path
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target.resolve()


def find_broken_links(site_dir: Path, root_url: str) -> list[Problem]:
    """Every link inside the site must reach a file, and a #fragment an id on that page."""
    site_dir = site_dir.resolve()
    pages = {page: _parse(page) for page in sorted(site_dir.rglob("*.html"))}
    site_prefix = urlsplit(root_url).path if root_url else ""
    problems = []
    for page, parsed in pages.items():
        for line, link in parsed.links:
            parts = urlsplit(link)
            if link.startswith(root_url) and root_url:
                parts = urlsplit(link[len(root_url) :] or "/")
            elif parts.scheme or parts.netloc:
                continue
            path = unquote(parts.path)
            if site_prefix and path.startswith(site_prefix):
                path = path[len(site_prefix) :] or "/"
            target = _target_file(site_dir, page, path) if path else page
            shown = os.path.relpath(page, site_dir)
            if not target.is_file():
                problems.append(warning(f"{shown}:{line}: link {link} leads nowhere: no file {os.path.relpath(target, site_dir)}"))
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if parts.fragment not in ids:
                    problems.append(warning(f"{shown}:{line}: link {link} leads to a missing anchor #{parts.fragment}"))
    return problems
