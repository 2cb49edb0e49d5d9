"""Helpers the browser tests share: opening a page and telling which kind of page it is."""

from __future__ import annotations

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
}
KINDS = ("404", *KIND_MARKERS, "plain page")
SEARCH_PAGES = {"de": "/de/suche/", "ru": "/ru/suche/"}  # the only pages with a script


def visit(page, site, path: str) -> None:
    """Opens the page and fails unless the server answered it with 200."""
    response = page.goto(site.url(path), wait_until="load")
    assert response is not None and response.status == 200, f"{path}: HTTP {response and response.status}"


def kind_of(page, path: str) -> str:
    if path.endswith("/404.html") and path != "/404.html":
        return "404"
    for kind, selector in KIND_MARKERS.items():
        if page.locator(selector).count():
            return kind
    return "plain page"


def label(page, path: str) -> str:
    """The page and the conditions it was seen in, for failure messages."""
    size = page.viewport_size
    return f"{path} at {size['width']}px"
