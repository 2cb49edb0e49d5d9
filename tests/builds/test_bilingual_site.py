"""The fixture site built in both languages: addresses, switcher, hreflang, html lang, menus."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

LANGS = ("de", "ru")


@pytest.fixture
def site(basic_site):
    return basic_site


def html_pages(site, lang):
    return sorted(p.relative_to(site.output / lang) for p in (site.output / lang).rglob("*.html"))


def test_both_languages_have_the_same_pages_under_the_same_slugs(site):
    assert html_pages(site, "de") == html_pages(site, "ru")
    assert "tagung/index.html" in {str(p) for p in html_pages(site, "de")}


@pytest.mark.parametrize("lang", LANGS)
def test_html_lang_is_the_pages_language(site, lang):
    for path in html_pages(site, lang):
        assert site.page(f"{lang}/{path}").html["lang"] == lang, path


@pytest.mark.parametrize("lang", LANGS)
def test_switcher_leads_to_the_counterpart_not_the_other_home_page(site, lang):
    other = "ru" if lang == "de" else "de"
    for path in html_pages(site, lang):
        page_url = f"/{lang}/{path}".removesuffix("index.html")
        switcher = site.page(f"{lang}/{path}").select_one("nav.language-switcher")
        link = switcher.select_one(f'a[hreflang="{other}"]')
        assert link is not None, path
        assert urljoin(page_url, link["href"]) == f"/{other}/{path}".removesuffix("index.html")
        assert link["lang"] == other
        assert switcher.select_one('[aria-current="true"]')["lang"] == lang


def alternates(soup):
    return {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}


@pytest.mark.parametrize("lang", LANGS)
def test_hreflang_alternates_are_reciprocal_and_include_x_default(site, lang):
    for path in html_pages(site, lang):
        own = alternates(site.page(f"{lang}/{path}"))
        assert set(own) == {"de", "ru", "x-default"}, path
        for other in LANGS:
            target = own[other].lstrip("/") + ("index.html" if own[other].endswith("/") else "")
            assert alternates(site.page(target)) == own, f"{lang}/{path} ↔ {target}"


def test_entry_page_shows_both_languages_side_by_side_as_x_default(site):
    entry = site.page("index.html")
    columns = entry.select(".entry-column")
    assert [c["lang"] for c in columns] == list(LANGS)
    assert alternates(entry) == {"de": "/de/", "ru": "/ru/", "x-default": "/"}
    german, russian = (c.get_text(" ", strip=True) for c in columns)
    assert "Tagung" in german and "Juni 2021" in german and "(hybrid: vor Ort und online)" in german
    assert "Конференция" in russian and "июня 2021" in russian and "(очно и онлайн)" in russian
    assert "vor Ort" not in russian  # each column in its own language, the shared macros too
    assert [c.select_one("a.entry-link")["href"] for c in columns] == ["/de/", "/ru/"]


@pytest.mark.parametrize("lang", LANGS)
def test_menu_follows_the_pages_menu_numbers_and_marks_the_current_page(site, lang):
    menu = site.page(f"{lang}/programm/index.html").select("nav.main-menu a")
    assert [a["href"] for a in menu] == [f"/{lang}/", f"/{lang}/tagung/", f"/{lang}/programm/", f"/{lang}/arbeitsgruppen/", f"/{lang}/teilnahme/"]
    assert [a.get("aria-current") for a in menu] == [None, None, "page", None, None]


def test_theme_strings_are_in_the_pages_language(site):
    assert site.page("de/index.html").select_one("a.skip-link").get_text() == "Zum Inhalt springen"
    assert site.page("ru/index.html").select_one("a.skip-link").get_text() == "Перейти к содержанию"


def test_russian_plural_forms_in_the_theme(site):
    russian = site.page("ru/tagung/index.html").get_text(" ", strip=True)
    assert "2 дня" in russian  # the event's length
    assert "Два параллельных заседания" in russian  # a count in running text, in words
    german = site.page("de/tagung/index.html").get_text(" ", strip=True)
    assert "2 Tage" in german
