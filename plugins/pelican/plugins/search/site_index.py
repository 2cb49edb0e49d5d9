"""All pages and news items of one language, alphabetically: the search page without JavaScript."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class IndexEntry:
    title: str
    url: str  # relative to the language root


# "й" decomposes into "и" and a breve, but it is a letter of its own in Russian, after "и".
KEPT_MARKS = {"\u0306"}


def collation_key(title: str) -> str:
    """Alphabetical order as a reader expects it in both languages: "Ärzte" beside "Arzt"
    (DIN 5007-1) and "ёлка" beside "елка", "й" after "и". Code-point order would put every
    umlaut after "z"; ICU would do this better but needs a compiled extension for a small job."""
    decomposed = unicodedata.normalize("NFD", title.casefold())
    kept = "".join(char for char in decomposed if not unicodedata.combining(char) or char in KEPT_MARKS)
    return unicodedata.normalize("NFC", kept)


def indexable(document) -> bool:
    """Whether a page or article invites indexing: by search engines, the sitemap and the site search."""
    return "noindex" not in (getattr(document, "robots", None) or "").lower()


def site_index(documents) -> list[IndexEntry]:
    """documents: Pelican pages and articles; those that ask robots not to index them are left out."""
    entries = [IndexEntry(doc.title, doc.url) for doc in documents if indexable(doc)]
    return sorted(entries, key=lambda entry: (collation_key(entry.title), entry.url))
