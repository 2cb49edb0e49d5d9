"""The search page in a browser that enforces the site's Content Security Policy: Pagefind's index
of each language, the result count in the language's grammar, and the page without JavaScript."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from .pages import SEARCH_PAGES, visit
from .axe import axe_violations

RESULTS = ".search-results a"


@pytest.fixture
def search_tab(phone):
    page = phone.new_page()
    page.problems = []
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("pageerror", lambda exception: page.problems.append(str(exception)))
    yield page
    page.close()


def link_paths(tab, selector: str = RESULTS) -> list[str]:
    return tab.eval_on_selector_all(selector, "links => links.map(a => new URL(a.href).pathname)")


def search(tab, query: str) -> list[str]:
    """Types the query, waits for the status line, returns the addresses of the results."""
    tab.fill("#search-query", "")  # empties the status line, so that the wait below sees the new one
    tab.fill("#search-query", query)
    # Selectors, not wait_for_function: the policy rightly refuses the eval() that would need.
    tab.wait_for_selector(".search-status:not(:empty)")
    return link_paths(tab)


def page_texts(site, lang: str) -> str:
    return " ".join(site.file(path).read_text(encoding="utf-8").lower() for path in site.paths if path.startswith(f"/{lang}/"))


def russian_plural(count: int, one: str, few: str, many: str) -> str:
    """CLDR's Russian integer rule, written out here so that the test does not borrow the site's."""
    if count % 10 == 1 and count % 100 != 11:
        return one
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return few
    return many


def test_german_search_finds_german_pages_only(site, search_tab):
    visit(search_tab, site, SEARCH_PAGES["de"])
    found = search(search_tab, "Arbeitsgruppen")
    assert "/de/arbeitsgruppen/" in found
    assert all(path.startswith("/de/") for path in found), found
    count = int(search_tab.inner_text(".search-status").split()[0])
    assert count >= len(found)
    assert search_tab.inner_text(".search-status") == f"{count} {'Seite' if count == 1 else 'Seiten'} gefunden"
    assert search_tab.locator(".search-results mark").count() >= 1, "the matched words are not marked"
    assert not search_tab.problems, search_tab.problems


def test_russian_search_stems_words_and_counts_in_russian(site, search_tab):
    query = "конференциями"  # instrumental plural: on no page as such, while "конференция" is on many
    assert query not in page_texts(site, "ru")
    visit(search_tab, site, SEARCH_PAGES["ru"])
    found = search(search_tab, query)
    assert found and all(path.startswith("/ru/") for path in found), found
    status = re.fullmatch(r"Найден[аоы] (\d+) (\w+)", search_tab.inner_text(".search-status"))
    assert status, search_tab.inner_text(".search-status")
    count = int(status.group(1))
    assert count >= len(found)
    assert status.group(2) == russian_plural(count, "страница", "страницы", "страниц")
    assert not search_tab.problems, search_tab.problems


def test_a_search_address_can_be_shared_and_a_miss_is_explained(site, search_tab):
    visit(search_tab, site, SEARCH_PAGES["de"] + "?q=" + quote("Deutschlandfest"))
    search_tab.wait_for_selector(".search-status:not(:empty)")
    assert search_tab.input_value("#search-query") == "Deutschlandfest"
    assert "/de/deutschlandfest/" in link_paths(search_tab)

    assert search(search_tab, "Quxbazwort") == []
    assert search_tab.inner_text(".search-status").startswith("Nichts gefunden.")
    assert not search_tab.problems, search_tab.problems


def test_without_javascript_the_search_page_lists_every_page(site, no_script):
    tab = no_script.new_page()
    for lang, path in SEARCH_PAGES.items():
        visit(tab, site, path)
        assert not tab.is_visible(".search-form"), "a form that cannot search is shown"
        listed = set(link_paths(tab, ".site-index a"))
        indexable = {p for p in site.paths if p.startswith(f"/{lang}/") and 'rel="canonical"' in site.file(p).read_text(encoding="utf-8")}
        assert listed == indexable
    tab.close()


def test_more_results_come_on_request_and_take_the_focus(site, search_tab):
    visit(search_tab, site, SEARCH_PAGES["ru"])
    first = search(search_tab, "конференция")
    total = int(re.search(r"\d+", search_tab.inner_text(".search-status")).group())
    assert total > len(first) > 0, "the query should find more pages than are shown at once"
    search_tab.click(".search-more")
    search_tab.wait_for_selector(f".search-results li:nth-child({len(first) + 1})")
    shown = link_paths(search_tab)
    assert shown[: len(first)] == first and len(set(shown)) == len(shown)
    focused = search_tab.evaluate("() => new URL(document.activeElement.href).pathname")
    assert focused == shown[len(first)]
    if len(shown) == total:
        assert not search_tab.is_visible(".search-more")
    assert not search_tab.problems, search_tab.problems


def test_axe_finds_no_violation_in_the_search_results(site, axe_phone):
    """The results are made by the script, after the page loaded: axe looks at them too."""
    tab = axe_phone.new_page()
    found = []
    for lang, query in (("de", "Kaluga"), ("ru", "Калуга")):
        path = SEARCH_PAGES[lang]
        visit(tab, site, path)
        search(tab, query)
        assert tab.locator(".search-results li").count() > 0
        found += axe_violations(tab, path)
    tab.close()
    assert not found, "\n".join(found)
