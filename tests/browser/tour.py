"""One page of each kind (pages.py: one_page_per_kind) visited once per device for the checks of
accessibility and of the language switcher, read once per test session (tests/once.py): axe-core
in both colour schemes, the first Tab, the size of the header's and footer's targets, and where
the switcher leads (clicked on one page). One visit for all of them instead of one per check
saves 70 page loads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from tests.once import records_once_per_session

from .axe import axe_violations
from .pages import kind_of_file, label, lang_of_file, one_page_per_kind, visit

# Links and buttons of the header and footer (and the entry pages' language links), with what
# WCAG 2.5.8 needs to judge them: the box, and whether the target is inline in a sentence.
TARGETS = """() => [...document.querySelectorAll(
  ".skip-link, .site-header a, .site-header button, .site-header summary, "
  + ".site-footer a, .site-footer button, .entry-link")].map(el => {
  const box = el.getBoundingClientRect();
  const sentence = [...el.parentElement.childNodes].filter(n => n !== el).map(n => n.textContent).join("").trim();
  return {
    html: el.outerHTML.slice(0, 100), width: box.width, height: box.height,
    inline: getComputedStyle(el).display === "inline" && sentence.length > 0,
  };
})"""

FOCUSED = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return {
    html: el.outerHTML.slice(0, 100), skipLink: el.matches(".skip-link"),
    hasSkipLink: document.querySelector(".skip-link") !== null,
    inViewport: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
      && box.bottom <= innerHeight && box.right <= innerWidth,
    visible: style.visibility !== "hidden" && style.opacity !== "0",
    outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
  };
}"""


@dataclass(frozen=True)
class Switcher:
    """The language switcher of a page, and where it leads."""

    links: int  # how many links it has
    hreflang: str | None
    lang: str | None
    leads_to: str | None  # the address path it leads to (each worker serves on a port of its own)
    found: bool  # a page is there (HTTP 200 after the click; a built file otherwise)
    lang_there: str | None  # the lang of the page there
    clicked: bool  # followed by a click, or read from the link as the browser resolves it


@dataclass(frozen=True)
class Visit:
    """One page in one device's window."""

    path: str
    where: str  # the page and the window's width, for messages
    kind: str
    first_focus: dict  # FOCUSED after the first Tab
    targets: tuple[dict, ...]  # TARGETS
    axe: tuple[str, ...]  # axe_violations
    switcher: Switcher | None  # None on the bilingual pages at the root, which have none


def tour(tmp_path_factory, site, device: str, context: Callable) -> list[Visit]:
    """One page of each kind of site in a new tab of context() (a device's, with axe-core); read
    once per test session, named by the folder the site was built in."""
    visits = records_once_per_session(tmp_path_factory, f"tour-{site.root.parent.name}-{device}",
                                      lambda: _visit_each_kind(site, context()))
    return [Visit(**{**visit, "targets": tuple(visit["targets"]), "axe": tuple(visit["axe"]),
                     "switcher": visit["switcher"] and Switcher(**visit["switcher"])})
            for visit in visits]


def _visit_each_kind(site, context) -> list[Visit]:
    pages = one_page_per_kind(site, site.paths)
    # a page that is there for its own sake: a 404 page's switcher leads to the other 404 page
    clicked_on = next((path for path in pages if path in site.language_paths and kind_of_file(site, path) != "404"), None)
    tab = context.new_page()
    visits = []
    try:
        for path in pages:
            context.refused.clear()  # what the policy refused on the page the last switcher led to
            visit(tab, site, path)
            where = label(tab, path)
            # axe before the first Tab: the focused skip link covers the site name, whose contrast
            # axe then cannot judge; the switcher last, as its click leaves the page.
            axe = tuple(axe_violations(tab, where))
            tab.keyboard.press("Tab")
            first_focus, targets = tab.evaluate(FOCUSED), tuple(tab.evaluate(TARGETS))
            switcher = _switch(tab, site, click=path == clicked_on) if path in site.language_paths else None
            visits.append(Visit(path=path, where=where, kind=kind_of_file(site, path), first_focus=first_focus,
                                targets=targets, axe=axe, switcher=switcher))
    finally:
        tab.close()
        context.refused.clear()  # the context is the session's, used by other tests after
    return visits


def _switch(tab, site, click: bool) -> Switcher:
    """The page's language switcher, clicked on one page of a tour: that a click on a link leads
    where its address says is the browser's part, shown once per window; on the other pages the
    address is read from the link as the browser resolves it, and the page there from the built
    site, a page load (0.4 s) less for each kind."""
    links = tab.locator(".language-switcher a")
    if links.count() != 1:
        return Switcher(links.count(), None, None, None, False, None, False)
    link = links.first
    hreflang, lang = link.get_attribute("hreflang"), link.get_attribute("lang")
    if not click:
        path = unquote(urlsplit(link.evaluate("a => a.href")).path)
        return Switcher(1, hreflang, lang, path, site.file(path).is_file(), lang_of_file(site, path), False)
    with tab.expect_navigation() as navigation:
        link.click()
    return Switcher(1, hreflang, lang, unquote(urlsplit(tab.url).path), navigation.value.status == 200,
                    tab.evaluate("document.documentElement.lang"), True)
