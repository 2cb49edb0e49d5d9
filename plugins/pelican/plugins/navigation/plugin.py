"""Pelican glue: the main menu and the footer links, ordered by the pages' own metadata.

`Menu: 3` puts a page third in the main menu, `Footer: 1` first among the footer links, so the
theme never hard-codes a page's address.
"""

import logging
import os
from dataclasses import dataclass

from pelican import signals

logger = logging.getLogger(__name__)

MENUS = {"menu": "menu", "footer": "footer_menu"}  # metadata key → template context name


def position(page, key: str) -> int | None:
    raw = getattr(page, key, None)
    if raw is None:
        return None
    try:
        return int(raw)
    except ValueError:
        logger.warning(
            "%s: %s: %r is not a whole number: write e.g. `%s: 3`",
            os.path.relpath(page.source_path), key.capitalize(), raw, key.capitalize(),
        )
        return None


@dataclass(frozen=True)
class MenuItem:
    """A link as the templates need it; computed once, not once per page that shows the menu."""

    title: str
    url: str  # relative to the language root


def ordered_pages(pages, key: str) -> list[MenuItem]:
    entries = [(number, page) for page in pages if (number := position(page, key)) is not None]
    return [MenuItem(page.title, page.url) for _, page in sorted(entries, key=lambda entry: entry[0])]


def build_menus(generator) -> None:
    for key, name in MENUS.items():
        generator.context[name] = ordered_pages(generator.pages, key)


def register() -> None:
    signals.page_generator_finalized.connect(build_menus)
