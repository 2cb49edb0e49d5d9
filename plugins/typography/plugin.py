"""Pelican glue: every HTML page a language run writes is typeset in place.

Feeds, calendars and schedules are written by other means and never pass through here.
"""

from pathlib import Path

from pelican import signals

from .document import typeset_page


def typeset_written_page(path: str, context: dict) -> None:
    page = Path(path)
    if page.suffix == ".html":
        page.write_text(typeset_page(page.read_text(encoding="utf-8"), context["DEFAULT_LANG"]), encoding="utf-8")


def register() -> None:
    signals.content_written.connect(typeset_written_page)
