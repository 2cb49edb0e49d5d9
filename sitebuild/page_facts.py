"""What the site-wide checks and the sitemap need from a built page, read in one parse.

Each language's process reads its own pages right after its Pelican run, so the two halves of
the site are parsed in parallel and every page only once.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

import lxml.html


@dataclass(frozen=True)
class PageFacts:
    links: list[tuple[int, str]]  # (line, URL) of every href and src
    ids: set[str]
    canonical: str | None  # None on pages that ask not to be indexed
    alternates: list[tuple[str, str]]  # (hreflang, URL) of the language versions


def read_page(page: Path) -> PageFacts:
    # lxml's C parser: this reads every page of the site, and html.parser is ten times slower.
    document = lxml.html.fromstring(page.read_bytes())
    links, ids, canonical, alternates = [], set(), None, []
    for element in document.iter():
        attributes = element.attrib
        if "id" in attributes:
            ids.add(attributes["id"])
        for name in ("href", "src"):
            if name in attributes:
                links.append((element.sourceline, attributes[name]))
        if element.tag == "link" and attributes.get("rel") == "canonical":
            canonical = attributes.get("href")
        elif element.tag == "link" and attributes.get("rel") == "alternate" and "hreflang" in attributes:
            alternates.append((attributes["hreflang"], attributes.get("href", "")))
    return PageFacts(links, ids, canonical, alternates)


def read_pages(site_dir: Path, folder: str = "", recursive: bool = True) -> dict[str, PageFacts]:
    """The facts of the HTML pages in site_dir/folder, by their path relative to site_dir."""
    pattern = "**/*.html" if recursive else "*.html"
    return {
        posixpath.relpath(page.as_posix(), site_dir.as_posix()): read_page(page)
        for page in sorted((site_dir / folder).glob(pattern))
    }
