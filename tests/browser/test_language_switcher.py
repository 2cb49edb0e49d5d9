"""The language switcher leads from every page to the same page in the other language."""

from __future__ import annotations

from .pages import KINDS, kind_of, label, one_page_per_kind, visit

OTHER = {"de": "ru", "ru": "de"}


def test_switcher_leads_to_the_counterpart_on_every_kind_of_page(site, second_site, tab):
    """Every kind of page, from the real site or, where it has none yet (speakers' pages), from
    the second fixture conference."""
    found, kinds = [], set()
    pages = [(site, path) for site in (site, second_site) for path in one_page_per_kind(site, site.language_paths)]
    for site, path in pages:
        lang = path.split("/")[1]
        other = OTHER[lang]
        visit(tab, site, path)
        kinds.add(kind_of(tab, path))
        where = label(tab, path)
        links = tab.locator(".language-switcher a")
        if links.count() != 1:
            found.append(f"{where}: {links.count()} links in the language switcher, not 1")
            continue
        link = links.first
        attributes = {name: link.get_attribute(name) for name in ("hreflang", "lang")}
        if attributes != {"hreflang": other, "lang": other}:
            found.append(f"{where}: switcher link has {attributes}, not hreflang and lang {other}")
        with tab.expect_navigation():
            link.click()
        expected = site.url(path.replace(f"/{lang}/", f"/{other}/", 1))
        if tab.url != expected:
            found.append(f"{where}: the switcher leads to {tab.url}, not {expected}")
        html_lang = tab.evaluate("document.documentElement.lang")
        if html_lang != other:
            found.append(f"{where}: the switcher leads to a page in {html_lang!r}, not {other!r}")
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
