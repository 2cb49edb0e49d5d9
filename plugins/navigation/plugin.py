"""Pelican glue: puts the ordered menu into the template context."""

import logging
import os

from pelican import signals

logger = logging.getLogger(__name__)


def menu_position(page) -> int | None:
    raw = getattr(page, "menu", None)
    if raw is None:
        return None
    try:
        return int(raw)
    except ValueError:
        logger.warning("%s: Menu: %r is not a whole number: write e.g. `Menu: 3`", os.path.relpath(page.source_path), raw)
        return None


def build_menu(generator) -> None:
    entries = [(position, page) for page in generator.pages if (position := menu_position(page)) is not None]
    generator.context["menu"] = [page for _, page in sorted(entries, key=lambda entry: entry[0])]


def register() -> None:
    signals.page_generator_finalized.connect(build_menu)
