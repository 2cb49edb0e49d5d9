"""News items: dated by their `Date:` line, or shown without a date when no source gives one."""

from __future__ import annotations

import feedparser
import pytest

from .conftest import messages

LANGS = ("de", "ru")
UNDATED = "Title: {title}\nSummary: Ohne Datum.\n\nEine Ankündigung, die keine Quelle datiert.\n"


@pytest.fixture
def site_with_an_undated_item(make_site, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    site = make_site("basic")
    for lang, title in (("de", "Ankündigung"), ("ru", "Объявление")):
        site.content(lang, "news/ankuendigung.md").write_text(UNDATED.format(title=title), encoding="utf-8")
    result = site.build()
    assert result.published, messages(result)
    return site


@pytest.mark.parametrize("lang", LANGS)
def test_an_item_without_a_date_line_is_shown_without_a_date(site_with_an_undated_item, lang):
    site = site_with_an_undated_item
    item = site.page(f"{lang}/news/ankuendigung/index.html")
    assert item.select_one(".news-date") is None
    assert item.select_one('meta[property="article:published_time"]') is None
    listed = {entry.select_one("a")["href"].rsplit("/news/", 1)[1]: entry for entry in
              site.page(f"{lang}/aktuelles/index.html").select(".news-list li")}
    assert listed["ankuendigung/"].select_one(".news-date") is None
    assert listed["erste/"].select_one(".news-date time")["datetime"] == "2021-05-01"  # a dated one keeps its date


def test_without_history_the_feed_dates_it_at_the_epoch_not_the_clock(site_with_an_undated_item):
    feed = feedparser.parse((site_with_an_undated_item.output / "de" / "news" / "atom.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    entry = next(e for e in feed.entries if e.title == "Ankündigung")
    assert entry.published.startswith("1970-01-01")


@pytest.mark.parametrize("lang", LANGS)
def test_the_invitation_shows_no_date_no_source_gives(real_site, lang):
    item = real_site.page(f"{lang}/news/einladung/index.html")
    assert item.select_one(".news-date") is None
    assert "2026" not in item.select_one("main").get_text()
