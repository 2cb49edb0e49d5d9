"""Pelican glue: every HTML page a language run writes is typeset in place.

Feeds, calendars and schedules are written by other means and never pass through here.
"""

from pathlib import Path

from pelican import signals
from pelican.plugins.bilingual.settings import site_settings

from .document import typeset_page


def typeset_written_page(path: str, context: dict) -> None:
    page = Path(path)
    if page.suffix == ".html":
        with page.open(encoding="utf-8", newline="") as written:  # keep the line ends as written
            typeset = typeset_page(written.read(), site_settings(context).lang)
        with page.open("w", encoding="utf-8", newline="") as rewritten:
            rewritten.write(typeset)


def register() -> None:
    signals.content_written.connect(typeset_written_page)
