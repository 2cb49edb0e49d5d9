"""make new-page SLUG=…: the German and the Russian file of a new page, with its metadata."""

from __future__ import annotations

import re
from pathlib import Path

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# What an editor replaces; the build shows it as it is until then.
STUBS = {
    "de": "Title: Neue Seite\nSummary: Ein Satz über diese Seite für Suchmaschinen und Vorschauen.\n\nText der Seite.\n",
    "ru": "Title: Новая страница\nSummary: Одно предложение об этой странице для поисковых систем и превью.\n\nТекст страницы.\n",
}


class NewPageError(ValueError):
    pass


def create_page(content_dir: Path, slug: str, languages: tuple[str, ...]) -> list[Path]:
    if not SLUG.fullmatch(slug):
        raise NewPageError(
            f"'{slug}' cannot be an address: use lower-case letters, digits and hyphens, e.g. make new-page SLUG=anreise"
        )
    paths = [content_dir / lang / f"{slug}.md" for lang in languages]
    existing = [path for path in paths if path.exists()]
    if existing:
        raise NewPageError(f"{existing[0]} already exists: choose another SLUG or edit that file")
    for lang, path in zip(languages, paths, strict=True):
        path.write_text(STUBS[lang], encoding="utf-8")
    return paths
