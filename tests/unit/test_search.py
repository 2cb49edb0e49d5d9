"""The search page's helpers: plural samples for the browser and the order of the site index."""

from __future__ import annotations

from types import SimpleNamespace

from pelican.plugins.search.plurals import plural_samples
from pelican.plugins.search.site_index import indexable, site_index


def test_russian_has_a_sample_for_one_few_and_many():
    # CLDR: 1 → one ("страница"), 2 → few ("страницы"), 0 and 5 → many ("страниц").
    samples = {sample.category: sample.number for sample in plural_samples("ru")}
    assert samples == {"many": 0, "one": 1, "few": 2}


def test_german_has_a_sample_for_one_and_other():
    assert {sample.category: sample.number for sample in plural_samples("de")} == {"other": 0, "one": 1}


def page(title, url, robots=None):
    return SimpleNamespace(title=title, url=url, robots=robots)


def test_site_index_sorts_umlauts_with_their_letter_and_leaves_out_noindex_pages():
    pages = [page("Zoo", "zoo/"), page("Ärzte", "aerzte/"), page("Anreise", "anreise/"), page("Suche", "suche/", "noindex")]
    assert [entry.title for entry in site_index(pages)] == ["Anreise", "Ärzte", "Zoo"]


def test_site_index_sorts_yo_with_ye_and_short_i_after_i():
    pages = [page("Йошкар-Ола", "a/"), page("Ёлка", "b/"), page("Ель", "c/"), page("Итоги", "d/"), page("Жизнь", "e/")]
    assert [entry.title for entry in site_index(pages)] == ["Ёлка", "Ель", "Жизнь", "Итоги", "Йошкар-Ола"]  # ё as е: "ёл" < "ел"+"ь"


def test_only_noindex_keeps_a_page_out():
    assert [indexable(page("A", "a/", robots)) for robots in (None, "nofollow", "noindex", "NOINDEX, follow")] == [
        True, True, False, False,
    ]
