"""The search index Pagefind builds for each language of the fixture site."""

from __future__ import annotations

import json
import subprocess

from sitebuild import search_index

from .conftest import messages


def indexable_pages(site, lang: str) -> set[str]:
    """Addresses of the pages that invite indexing: they name a canonical address."""
    return {
        "/" + path.relative_to(site.output).as_posix().removesuffix("index.html")
        for path in (site.output / lang).rglob("*.html")
        if site.page(path.relative_to(site.output).as_posix()).select_one("link[rel=canonical]")
    }


def test_each_language_has_its_own_index_of_its_indexable_pages(basic_site):
    entry = json.loads((basic_site.output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["de", "ru"]
    for lang in ("de", "ru"):
        fragments = basic_site.search_fragments(lang)
        assert set(fragments) == indexable_pages(basic_site, lang)
        assert entry["languages"][lang]["page_count"] == len(fragments)
    assert not (basic_site.output / "pagefind" / "pagefind-ui.js").exists()


def test_only_the_main_text_is_indexed(basic_site):
    fragment = basic_site.search_fragments("de")["/de/tagung/"]
    assert fragment["meta"]["title"] == basic_site.page("de/tagung/index.html").h1.get_text()
    assert "Zum Inhalt springen" not in fragment["content"]  # the skip link of every page


def test_the_search_page_lists_every_indexed_page_for_visitors_without_javascript(basic_site):
    for lang in ("de", "ru"):
        listed = {f"/{lang}/" + a["href"].split(f"/{lang}/", 1)[1] for a in basic_site.page(f"{lang}/suche/index.html").select(".site-index a")}
        assert listed == set(basic_site.search_fragments(lang))


def test_a_failed_indexer_publishes_nothing(make_site, monkeypatch):
    site = make_site("basic")
    assert site.build().published
    before = site.snapshot()
    monkeypatch.setattr(search_index, "start", lambda site_dir: subprocess.Popen(["false"], stdout=subprocess.PIPE, text=True))
    result = site.build()
    assert not result.published
    assert "the search index (Pagefind) failed" in messages(result)
    assert site.snapshot() == before
