"""What machines read: sitemap, robots.txt, feeds, structured data, sharing tags, host files."""

from __future__ import annotations

import gzip
import json
from datetime import datetime, timezone

import feedparser
import pytest
from lxml import etree

from tests.frab_schemas import frab_schema

from .conftest import SITE_URL, messages

LANGS = ("de", "ru")
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def html_pages(site):
    return sorted(str(p.relative_to(site.output)) for p in site.output.rglob("*.html"))


def test_sitemap_lists_every_indexable_page_with_reciprocal_alternates(published_site):
    sitemap = etree.parse(str(published_site.output / "sitemap.xml"))
    entries = {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces=NS)
        }
        for url in sitemap.getroot().findall("s:url", namespaces=NS)
    }
    expected = {
        f"{SITE_URL}/" + page.removesuffix("index.html")
        for page in html_pages(published_site)
        if not published_site.page(page).select_one('meta[name=robots][content*="noindex"]')
    }
    assert f"{SITE_URL}/de/tagung/" in expected and f"{SITE_URL}/de/suche/" not in expected
    assert set(entries) == expected
    for location, alternates in entries.items():
        if location == f"{SITE_URL}/":
            continue
        assert set(alternates) == {"de", "ru", "x-default"}
        for lang in LANGS:
            assert entries[alternates[lang]] == alternates, location


def test_robots_txt_names_the_absolute_sitemap(published_site):
    robots = (published_site.output / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}/sitemap.xml" in robots.splitlines()


@pytest.mark.parametrize("lang", LANGS)
def test_atom_feed_per_language_parses_with_absolute_links(published_site, lang):
    feed = feedparser.parse((published_site.output / lang / "news" / "atom.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    [entry] = feed.entries
    assert entry.link == f"{SITE_URL}/{lang}/news/erste/"
    assert entry.title == {"de": "Erste Nachricht", "ru": "Первая новость"}[lang]
    assert entry.published.startswith("2021-05-01T00:00:00+03:00")
    page = published_site.page(f"{lang}/aktuelles/index.html")
    assert page.select_one('link[type="application/atom+xml"]')["href"] == f"{SITE_URL}/{lang}/news/atom.xml"


@pytest.mark.parametrize("lang, locale, alternate", [("de", "de_DE", "ru_RU"), ("ru", "ru_RU", "de_DE")])
def test_sharing_tags_in_the_pages_language(published_site, lang, locale, alternate):
    page = published_site.page(f"{lang}/teilnahme/index.html")
    meta = {tag["property"]: tag["content"] for tag in page.select("meta[property]")}
    assert meta["og:locale"] == locale and meta["og:locale:alternate"] == alternate
    assert meta["og:url"] == f"{SITE_URL}/{lang}/teilnahme/"
    assert page.select_one('link[rel="canonical"]')["href"] == meta["og:url"]
    assert meta["og:description"] == page.select_one('meta[name="description"]')["content"]
    assert meta["og:title"] == page.select_one("h1").get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_event_page_carries_schema_org_event(published_site, lang):
    page = published_site.page(f"{lang}/tagung/index.html")
    [script] = page.select('script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert data["@type"] == "Event" and data["inLanguage"] == lang
    assert data["url"] == f"{SITE_URL}/{lang}/tagung/"
    assert datetime.fromisoformat(data["startDate"]).utcoffset().total_seconds() == 3 * 3600
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"


def test_404_pages_per_language_and_at_the_root_are_not_indexed(published_site):
    for path in ("404.html", "de/404.html", "ru/404.html"):
        page = published_site.page(path)
        assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    root = published_site.page("404.html")
    assert [a["href"] for a in root.select("a.entry-link")] == [f"{SITE_URL}/de/", f"{SITE_URL}/ru/"]


def test_headers_file_sets_a_strict_policy_the_pages_keep(published_site):
    headers = (published_site.output / "_headers").read_text(encoding="utf-8")
    policy = next(line for line in headers.splitlines() if "Content-Security-Policy" in line)
    assert "unsafe-inline" not in policy and "http" not in policy and "default-src 'none'" in policy
    assert "Strict-Transport-Security: max-age=" in headers and "Referrer-Policy:" in headers
    stylesheet = published_site.page("de/index.html").select_one('link[rel="stylesheet"]')["href"]
    assert f"{stylesheet.removeprefix(SITE_URL)}\n  Cache-Control: public, max-age=31536000, immutable" in headers
    for path in html_pages(published_site):
        page = published_site.page(path)
        assert page.select("style, [style]") == [], path
        for script in page.select("script"):  # data, or a script file of the theme's
            own_file = script.get("src", "").startswith(f"{SITE_URL}/theme/js/") and not script.string
            assert script.get("type") == "application/ld+json" or own_file, path


def test_text_files_have_identical_gzip_copies(published_site):
    for path in html_pages(published_site) + ["sitemap.xml", "de/news/atom.xml"]:
        original = published_site.output / path
        copy = original.with_name(original.name + ".gz")
        assert gzip.decompress(copy.read_bytes()) == original.read_bytes(), path


@pytest.mark.parametrize("lang", LANGS)
def test_calendars_are_linked_from_the_pages_and_parse(published_site, lang):
    import icalendar

    programme_page = published_site.page(f"{lang}/programm/index.html")
    calendar_links = [a["href"] for a in programme_page.select('a[type="text/calendar"]')]
    assert f"{SITE_URL}/{lang}/calendar/programme.ics" in calendar_links
    session_link = published_site.page(f"{lang}/tagung/index.html").select_one('#eroeffnung a[type="text/calendar"]')
    assert session_link["href"] == f"{SITE_URL}/{lang}/calendar/tagung/eroeffnung.ics"
    for href in calendar_links + [session_link["href"]]:
        calendar = icalendar.Calendar.from_ical((published_site.output / href.removeprefix(f"{SITE_URL}/")).read_bytes())
        assert calendar.walk("VEVENT"), href
    opening = icalendar.Calendar.from_ical((published_site.output / lang / "calendar/tagung/eroeffnung.ics").read_bytes())
    [event] = opening.walk("VEVENT")
    # 18:00 in Moscow, in the event's zone: 15:00 UTC whichever zone reads the calendar.
    assert event.decoded("dtstart") == datetime(2021, 6, 28, 15, 0, tzinfo=timezone.utc)
    assert str(event.decoded("dtstart").tzinfo) == "Europe/Moscow"
    assert str(event["url"]) == f"{SITE_URL}/{lang}/tagung/#eroeffnung"


@pytest.mark.parametrize("lang", LANGS)
def test_frab_schedules_beside_the_event_page_validate(published_site, lang):
    import jsonschema
    import xmlschema
    links = {a.get_text(): a["href"] for a in published_site.page(f"{lang}/tagung/index.html").select(".downloads a[lang]")}
    assert links == {name: f"{SITE_URL}/{lang}/tagung/{name}" for name in ("schedule.xml", "schedule.json")}
    xmlschema.XMLSchema(str(frab_schema("schedule.xml.xsd"))).validate(str(published_site.output / lang / "tagung" / "schedule.xml"))
    schema = json.loads(frab_schema("schedule.json.schema.json").read_text(encoding="utf-8"))
    document = json.loads((published_site.output / lang / "tagung" / "schedule.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(document)
    assert document["schedule"]["conference"]["title"] == {"de": "Probetagung", "ru": "Пробная конференция"}[lang]


def test_a_warning_in_one_language_keeps_its_pages_in_the_sitemap(make_site):
    """A local build publishes despite warnings; the sitemap still lists that language's pages."""
    site = make_site("basic")
    site.content("de", "nur-deutsch.md").write_text("Title: Nur Deutsch\n\nNoch ohne Übersetzung.\n", encoding="utf-8")
    result = site.build()
    assert result.published and "has no ru version" in messages(result)
    sitemap = (site.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "/de/nur-deutsch/" in sitemap and "/de/tagung/" in sitemap and "/ru/tagung/" in sitemap


@pytest.mark.parametrize("lang", LANGS)
def test_speakers_in_structured_data_schedules_and_calendars_lead_to_their_pages(published_site, lang):
    import icalendar

    [script] = published_site.page(f"{lang}/tagung/index.html").select('script[type="application/ld+json"]')
    [opening] = [s for s in json.loads(script.string)["subEvent"] if s["url"].endswith("#eroeffnung")]
    names = {"de": ["Anna Petrova", "Jonas Weber"], "ru": ["Анна Петрова", "Йонас Вебер"]}[lang]
    assert [p["name"] for p in opening["performer"]] == names
    for person in opening["performer"]:
        page = published_site.output / person["url"].removeprefix(f"{SITE_URL}/") / "index.html"
        assert page.is_file(), person["url"]  # the person's own page, built
        assert published_site.page(str(page.relative_to(published_site.output))).select_one("h1").get_text(strip=True) == person["name"]
    assert opening["performer"][0]["worksFor"]["@type"] == "Organization"
    schedule = json.loads((published_site.output / lang / "tagung" / "schedule.json").read_text(encoding="utf-8"))
    [event] = [e for day in schedule["schedule"]["conference"]["days"] for room in day["rooms"].values() for e in room]
    assert [p["name"] for p in event["persons"]] == names
    [vevent] = icalendar.Calendar.from_ical((published_site.output / lang / "calendar/tagung/eroeffnung.ics").read_bytes()).walk("VEVENT")
    assert all(name in str(vevent["DESCRIPTION"]) for name in names)
