"""Pelican glue: whether each page invites indexing, the search page's address for the header of
every page, and the search page's site index and plural samples."""

from pelican import signals
from pelican.plugins.bilingual.settings import site_settings

from .plurals import plural_samples
from .site_index import IndexEntry, indexable, site_index

SEARCH_TEMPLATE = "search"


def add_search_context(generators) -> None:
    pages = next(g for g in generators if hasattr(g, "pages"))
    articles = next(g for g in generators if hasattr(g, "articles"))
    context = pages.context  # one dictionary, shared by all generators of the run
    for document in [*pages.pages, *pages.hidden_pages, *articles.articles]:
        document.indexable = indexable(document)
    context["search_page"] = next(
        (IndexEntry(page.title, page.url) for page in pages.pages if page.template == SEARCH_TEMPLATE), None
    )
    context["site_index"] = site_index([*pages.pages, *articles.articles])
    context["result_plurals"] = plural_samples(site_settings(pages.settings).lang)


def register() -> None:
    signals.all_generators_finalized.connect(add_search_context)
