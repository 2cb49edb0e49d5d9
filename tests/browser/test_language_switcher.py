"""The language switcher leads from every page to the same page in the other language."""

from __future__ import annotations

from .pages import KINDS, visit

OTHER = {"de": "ru", "ru": "de"}


def test_switcher_leads_to_the_counterpart_on_every_kind_of_page(site, second_site, device, tours):
    """Every kind of page, from the real site or, where it has none yet (speakers' pages), from
    the second fixture conference, in each device's window; on one page of each site (not a
    404 page) the switcher is clicked (tour.py)."""
    found, kinds = [], set()
    for served in (site, second_site):
        visits = tours(served, device)
        assert any(v.switcher and v.switcher.clicked for v in visits), f"{served.base}: no switcher clicked"
        for visited in visits:
            if visited.switcher is None:  # the bilingual pages at the root
                continue
            kinds.add(visited.kind)
            lang = visited.path.split("/")[1]
            other, switcher = OTHER[lang], visited.switcher
            if switcher.links != 1:
                found.append(f"{visited.where}: {switcher.links} links in the language switcher, not 1")
                continue
            if (switcher.hreflang, switcher.lang) != (other, other):
                found.append(f"{visited.where}: switcher link has hreflang {switcher.hreflang} and lang {switcher.lang}, not {other}")
            expected = visited.path.replace(f"/{lang}/", f"/{other}/", 1)
            if switcher.leads_to != expected:
                found.append(f"{visited.where}: the switcher leads to {switcher.leads_to}, not {expected}")
            elif not switcher.found:
                found.append(f"{visited.where}: the switcher leads to {switcher.leads_to}, where there is no page")
            if switcher.lang_there != other:
                found.append(f"{visited.where}: the switcher leads to a page in {switcher.lang_there!r}, not {other!r}")
    assert not found, "\n".join(found)
    missing = set(KINDS) - kinds - {"entry"}
    assert not missing, f"no page of these kinds to test the switcher on: {missing}"


def test_entry_pages_offer_both_languages(site, tab):
    for path in ("/", "/404.html"):
        visit(tab, site, path)
        for lang in OTHER:
            link = tab.locator(f'.entry-column[lang="{lang}"] a[hreflang="{lang}"]')
            assert link.count() == 1, f"{path}: no link to the {lang} site"
            with tab.expect_navigation():
                link.click()
            assert tab.url == site.url(f"/{lang}/")
            assert tab.evaluate("document.documentElement.lang") == lang
            visit(tab, site, path)
