"""Layout on a phone, in print, without JavaScript, and the weight of each kind of page."""

from __future__ import annotations

import gzip

import pytest

from .conftest import PHONE
from .pages import heaviest_page_of_each_kind, one_page_per_kind, visit
from .survey import WIDTHS

BUDGET = 14 * 1024  # what the first round trip of a new TCP connection carries (10 segments)

CRAMMED = """() => [...document.querySelectorAll(".main-menu a, .language-switcher a")]
  .filter(a => a.scrollWidth > a.clientWidth || a.scrollHeight > a.clientHeight).map(a => a.textContent)"""

PRINTED = """() => {
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  return {
    navigation: [...document.querySelectorAll(".main-menu, .language-switcher, .skip-link")]
      .filter(shown).map(el => el.outerHTML.slice(0, 80)),
    sessions: document.querySelectorAll(".session").length,
    hiddenSessions: [...document.querySelectorAll(".session")].filter(el => !shown(el)).map(el => el.id),
  };
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_scrolls_sideways_on_a_phone(each_site, readings, width):
    at_width = [r for r in readings(each_site) if r.width == width]
    assert {r.path for r in at_width} == set(heaviest_page_of_each_kind(each_site))
    found = [
        f"{r.path}: {r.scroll_width}px wide, wider than the {width}px window: {r.wide}"
        for r in at_width if r.scroll_width > min(r.inner_width, width)
    ]
    assert not found, "\n".join(found)


def test_print_hides_the_navigation_and_keeps_the_sessions(site, phone_tab):
    """What print shows is the stylesheet's, the same on every page of a kind."""
    phone_tab.emulate_media(media="print")
    found, sessions = [], 0
    for path in one_page_per_kind(site, site.paths):
        visit(phone_tab, site, path)
        printed = phone_tab.evaluate(PRINTED)
        sessions += printed["sessions"]
        found += [f"{path}: printed navigation {html}" for html in printed["navigation"]]
        found += [f"{path}: session #{id} is not printed" for id in printed["hiddenSessions"]]
    assert not found, "\n".join(found)
    assert sessions, "no page has programme sessions to print"


def test_each_kind_of_page_fits_the_weight_budget_and_stays_on_the_site(each_site, readings):
    found, weights = [], {}
    for reading in readings(each_site):
        path = reading.path
        found += [f"{path}: request to another host: {url}" for url in reading.foreign]
        assert reading.stylesheets, f"{path} loads no stylesheet"
        files = [each_site.file(path)] + [each_site.file(stylesheet) for stylesheet in reading.stylesheets]
        weights[path] = sum(len(gzip.compress(file.read_bytes(), compresslevel=6)) for file in files)
        if weights[path] > BUDGET:
            found.append(f"{path}: {weights[path]} bytes gzipped (HTML + CSS), over {BUDGET}")
    assert not found, "\n".join(sorted(set(found)))
    heaviest = max(weights, key=weights.get)
    print(f"heaviest page: {heaviest}, {weights[heaviest]} bytes gzipped with its CSS")


def test_main_menu_is_compact_and_works_without_javascript(site, no_script):
    """At 390 px without JavaScript every menu link is visible, its label fits its tile, and the
    header leaves most of the first screen to the page."""
    tab = no_script.new_page()
    found = []
    try:  # the menu is the templates' and the same on every page of a kind
        for path in one_page_per_kind(site, site.language_paths):
            visit(tab, site, path)
            links = tab.locator(".main-menu a")
            if links.count() < 5:
                found.append(f"{path}: only {links.count()} menu links")
            found += [f"{path}: menu link {i} hidden" for i in range(links.count()) if not links.nth(i).is_visible()]
            found += [f"{path}: menu label overflows its tile: {text}" for text in tab.evaluate(CRAMMED)]
            header = tab.locator(".site-header").bounding_box()
            if header["height"] > PHONE["height"] * 0.45:
                found.append(f"{path}: the header takes {header['height']:.0f}px of the {PHONE['height']}px screen")
    finally:
        tab.close()
    assert not found, "\n".join(found)
