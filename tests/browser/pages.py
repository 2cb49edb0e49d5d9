"""Helpers the browser tests share: opening a page and telling which kind of page it is."""

from __future__ import annotations

import gzip
from functools import cache

from bs4 import BeautifulSoup

# The kinds of page the theme renders, each told by an element only its template writes
# (checked in this order; a language page matching none is a plain page; 404s go by their name).
KIND_MARKERS = {
    "entry": "body.entry",
    "home": ".event-cards",
    "event": "section.programme",
    "programme": "section.event",
    "working groups": "ul.working-groups",
    "organisations": "ul.organisations",
    "news item": "article.news-item",
    "news list": "ul.news-list",
    "person": "article.person",
    "people": "ul.people",
    "changes": "div.change-log",
    "search": "form.search-form",
}
KINDS = ("404", *KIND_MARKERS, "plain page")
PROGRAMME_KINDS = frozenset({"entry", "home", "event", "programme", "person", "people", "changes"})  # what programme.yaml fills
SEARCH_PAGES = {"de": "/de/suche/", "ru": "/ru/suche/"}  # the pages that load search.js


def visit(page, site, path: str):
    """Opens the page and fails unless the server answered it with 200; returns the response."""
    response = page.goto(site.url(path), wait_until="load")
    assert response is not None and response.status == 200, f"{path}: HTTP {response and response.status}"
    return response


def policy_refusals(target) -> list[str]:
    """A list that keeps from now on what the Content Security Policy refuses in target (a tab or
    a context), as the browser's console words it."""
    refused: list[str] = []
    target.on("console", lambda message: "Content Security Policy" in message.text and refused.append(message.text))
    return refused


@cache  # a built site does not change during the session; parsing its pages again cost seconds
def kind_of_file(site, path: str) -> str:
    """The kind of a built page, told from its file by KIND_MARKERS."""
    if path.endswith("/404.html") and path != "/404.html":
        return "404"
    document = BeautifulSoup(site.file(path).read_text(encoding="utf-8"), "html.parser")
    return next((kind for kind, selector in KIND_MARKERS.items() if document.select_one(selector)), "plain page")


def lang_of_file(site, path: str) -> str | None:
    """The lang of the built page served at path; None where none is."""
    file = site.file(path)
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").html.get("lang") if file.is_file() else None


def _of_the_sites_kinds(site, paths):
    """(path, kind) of each of paths whose kind is one of the site's kinds."""
    for path in paths:
        kind = kind_of_file(site, path)
        if site.kinds is None or kind in site.kinds:
            yield path, kind


def one_page_per_kind(site, paths) -> list[str]:
    """One of paths for each kind of page (of the site's kinds), the languages taking turns: each
    template, in both languages, without loading every page that shares its template."""
    by_kind: dict[str, list[str]] = {}
    for path, kind in _of_the_sites_kinds(site, sorted(paths)):
        by_kind.setdefault(kind, []).append(path)
    chosen = []
    for turn, (kind, candidates) in enumerate(sorted(by_kind.items())):
        lang = ("de", "ru")[turn % 2]
        chosen.append(next((path for path in candidates if path.startswith(f"/{lang}/")), candidates[0]))
    return chosen


def heaviest_page_of_each_kind(site) -> list[str]:
    """For each kind of page (of the site's kinds) and each language (the bilingual pages at the
    root as a third), the page of that kind whose HTML weighs the most gzipped: the one that
    comes nearest to the weight budget. Pages of one kind share their template, their scripts
    and their layout; what differs is their text, which a narrow screen reads here only as far as
    the heaviest page of each kind holds it."""
    heaviest: dict[tuple[str, str], tuple[int, str]] = {}
    for path, kind in _of_the_sites_kinds(site, site.paths):
        group = (path.split("/")[1] if path.count("/") > 1 else "", kind)
        weight = len(gzip.compress(site.file(path).read_bytes(), compresslevel=6))
        heaviest[group] = max(heaviest.get(group, (0, "")), (weight, path))
    return sorted(path for _, path in heaviest.values())


def label(page, path: str) -> str:
    """The page and the conditions it was seen in, for failure messages."""
    size = page.viewport_size
    return f"{path} at {size['width']}px"
