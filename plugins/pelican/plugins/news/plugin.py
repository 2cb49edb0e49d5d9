"""Pelican glue: a news item may leave out `Date:` when no source dates it.

Pelican needs a date to order articles and to write the feed. An undated item gets one for the
feed alone, from the history of its file: published when a commit added it to the site, updated
when one last changed it (so the feed's entry id, which holds the first, stays the same). Without
that history: SOURCE_DATE_EPOCH where the caller sets it, else the epoch. `article.undated` tells
templates to show no date: the date an editor would otherwise type is the day the page was
written, a date no source gives.

Set here, when Pelican makes the article, not when it reads the file: the reader's output is
cached by the file's modification time, and the history changes without the file.

A language without news has no news feed.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from pelican import signals
from pelican.contents import Article

from .history import added_and_changed


def _without_history() -> dt.datetime:
    return dt.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH") or 0), tz=dt.timezone.utc)


def date_undated_article(content) -> None:
    if not isinstance(content, Article) or hasattr(content, "date"):
        return  # a page, or dated by its Date: line or its file name
    moment = _without_history()
    content.date, content.modified = added_and_changed(Path(content.source_path)) or (moment, moment)
    content.undated = True


def no_feed_without_news(generator) -> None:
    """A language without news gets no feed and no link to one: the feed would offer nothing, and
    its date would be the build's clock (feedgenerator's date for a feed without entries)."""
    if not generator.articles:
        for setting in ("FEED_ALL_ATOM", "FEED_ALL_RSS"):
            generator.settings[setting] = generator.context[setting] = None


def register() -> None:
    signals.content_object_init.connect(date_undated_article)
    signals.article_generator_finalized.connect(no_feed_without_news)
