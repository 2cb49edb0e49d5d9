"""Pelican glue: a news item may leave out `Date:` when no source dates it.

Pelican needs a date to order articles and to write the feed. An undated item is dated, for the
feed alone, by the history of its file: published when the commit added it to the site, updated
when a commit last changed it (the feed's entry id holds the first, so it stays the same); without
history, the epoch. `article.undated` tells templates to show no date: the date an editor would
otherwise type is the day the page was written, a date no source gives.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pelican import signals

from .history import added_and_changed

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def _undated_aware(reader_class):
    class UndatedAwareReader(reader_class):
        def read(self, source_path):
            content, metadata = super().read(source_path)
            if "date" not in metadata and _is_article(Path(source_path), self.settings):
                metadata["date"], metadata["modified"] = added_and_changed(Path(source_path)) or (EPOCH, EPOCH)
                metadata["undated"] = True
            return content, metadata

    return UndatedAwareReader


def _is_article(path: Path, settings: dict) -> bool:
    content = Path(settings["PATH"]).resolve()
    folders = [content / folder for folder in settings.get("ARTICLE_PATHS", [""])]
    return any(path.resolve().is_relative_to(folder) for folder in folders)


def allow_undated_articles(readers) -> None:
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is not None:
            readers.reader_classes[extension] = _undated_aware(reader_class)


def register() -> None:
    signals.readers_init.connect(allow_undated_articles)
