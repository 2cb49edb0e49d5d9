"""News items: dated by their `Date:` line, or shown without a date when no source gives one."""

from __future__ import annotations

import subprocess

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


def feed_entry(site, title: str):
    feed = feedparser.parse((site.output / "de" / "news" / "atom.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return next(e for e in feed.entries if e.title == title)


def test_without_history_the_feed_dates_it_at_the_epoch_not_the_clock(site_with_an_undated_item):
    assert feed_entry(site_with_an_undated_item, "Ankündigung").published.startswith("1970-01-01")


def test_the_feed_dates_it_by_the_commits_of_its_file_even_from_the_content_cache(site_with_an_undated_item):
    site = site_with_an_undated_item  # built once before any commit: its reading is in the cache
    environment = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                   "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"}
    git = ["git", "-C", str(site.root)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "content"], check=True)
    added = {**environment, "GIT_AUTHOR_DATE": "2021-04-01T09:00:00+00:00", "GIT_COMMITTER_DATE": "2021-04-01T09:00:00+00:00"}
    subprocess.run([*git, "commit", "-q", "-m", "news"], check=True, env=added)
    assert site.build().published  # the file is unchanged since the first build: read from the cache
    entry = feed_entry(site, "Ankündigung")
    assert (entry.published[:10], entry.updated[:10]) == ("2021-04-01", "2021-04-01")
    item = site.content("de", "news/ankuendigung.md")
    item.write_text(item.read_text(encoding="utf-8") + "Ergänzt.\n", encoding="utf-8")
    changed = {**environment, "GIT_AUTHOR_DATE": "2021-04-03T09:00:00+00:00", "GIT_COMMITTER_DATE": "2021-04-03T09:00:00+00:00"}
    subprocess.run([*git, "commit", "-q", "-am", "fix"], check=True, env=changed)
    result = site.build()
    assert result.published, messages(result)
    entry = feed_entry(site, "Ankündigung")
    assert (entry.published[:10], entry.updated[:10]) == ("2021-04-01", "2021-04-03")
    assert site.page("de/news/ankuendigung/index.html").select_one(".news-date") is None


@pytest.mark.parametrize("lang", LANGS)
def test_the_invitation_shows_no_date_no_source_gives(real_site, lang):
    item = real_site.page(f"{lang}/news/einladung/index.html")
    assert item.select_one(".news-date") is None


def test_a_date_in_the_file_name_still_dates_an_item(make_site):
    site = make_site("basic")
    for lang in LANGS:
        site.content(lang, "news/2021-04-20-notiz.md").write_text(UNDATED.format(title="Notiz"), encoding="utf-8")
    assert site.build().published
    item = site.page("de/news/2021-04-20-notiz/index.html")
    assert item.select_one(".news-date time")["datetime"] == "2021-04-20"
