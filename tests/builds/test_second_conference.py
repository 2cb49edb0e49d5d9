"""A second conference, as unlike the real one as the schema allows (tests/fixtures/sites/fernost),
built with the project's settings, theme and plugins: the site is a generator, not one site.

Vladivostok (UTC+10, no summer time, no zone_names: CLDR words it by its city) against the home
zone Berlin, whose summer time ends inside one event; an event across New Year, a one-day and an
online-only event; rooms, parallel sessions, a session past midnight, speakers with pages; and
< & " ' „“ «» in every text. Expected dates and times are written by hand from the site's rules
(tests/unit/test_l10n.py); expected texts are read from programme.yaml with PyYAML.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

import feedparser
import jsonschema
import pytest
import xmlschema
import yaml
from bs4 import BeautifulSoup
from lxml import etree

from tests.frab_schemas import frab_schema
from tests.nu_html import assert_valid_html
from tests.unit.test_export_ical import by_icalendar, by_vobject, icaljs_utc, utc_by_vobject

from .conftest import FIXTURES, NO_BREAK_SPACE as NB, Site, as_read, built_once, copy_fixture, messages

NAME = "fernost"
SITE_URL = "https://fernost-konferenz.example"
LANGS = ("de", "ru")
UTC = dt.timezone.utc
BERLIN = ZoneInfo("Europe/Berlin")
DATA = yaml.safe_load((FIXTURES / NAME / "programme.yaml").read_text(encoding="utf-8"))
SESSION_EVENTS = ("jahreswechsel", "zeitumstellung", "online-abend")  # the events with sessions


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Site:
    """The fixture conference as `make publish SITE_URL=…` builds it: strict, absolute addresses."""
    site = built_once(tmp_path_factory, f"{NAME}-published", lambda folder: copy_fixture(NAME, folder),
                      settings="publishconf.py", env={"SITE_URL": SITE_URL})
    if not site.result.published:
        pytest.fail(f"make publish refused the second conference:\n{messages(site.result)}", pytrace=False)
    return site


# --- the data, as an editor wrote it -------------------------------------------------------------


def by_id(section: list[dict], id_: str) -> dict:
    return next(item for item in section if item["id"] == id_)


def event_data(event_id: str) -> dict:
    return by_id(DATA["events"], event_id)


def session_data(session_id: str) -> dict:
    sessions = [member for event in DATA["events"] for item in event.get("sessions", [])
                for member in item.get("parallel", [item])]
    return by_id(sessions, session_id)


def room_name(room_id: str, lang: str) -> str:
    return next(room["name"][lang] for venue in DATA["venues"] for room in venue.get("rooms", []) if room["id"] == room_id)


def texts(node, path=()) -> list[tuple[tuple, str, str]]:
    """Every {de, ru} text of the data: (where, German, Russian)."""
    if isinstance(node, dict) and set(node) == {"de", "ru"}:
        return [(path, node["de"], node["ru"])]
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    return [found for key, value in items for found in texts(value, (*path, key))]


def as_shown(text: str, where: tuple) -> str:
    """A Markdown text (bios, session descriptions) as a reader sees it: no * and no link syntax."""
    if where[-1] == "bio" or (where[-1] == "description" and "sessions" in where):
        return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("*", "")
    return text


TEXTS = texts(DATA)


def test_every_text_of_the_fixture_holds_the_characters_that_need_escaping():
    """The fixture's own promise, so that the escaping tests below test something."""
    for where, *pair in TEXTS:
        if where[-1] == "city" or "cities" in where or where == ("people", 1, "name"):
            continue  # plain names, as most are
        for text in pair:
            assert all(c in text for c in "<&") and ('"' in text or "'" in text) and any(q in text for q in "„“‚‘«»"), where


# --- pages ---------------------------------------------------------------------------------------


def words(node) -> str:
    return " ".join(node.get_text().split())


def test_development_build_has_no_problem(second_conference):
    assert second_conference.result.problems == (), messages(second_conference.result)


def test_without_news_there_is_no_news_feed_and_no_link_to_one(second_conference):
    """An empty feed would offer nothing and be dated by the build's clock."""
    assert not any((second_conference.output / lang / "news").exists() for lang in LANGS)
    linking = [str(path.relative_to(second_conference.output)) for path in second_conference.output.rglob("*.html")
               if "news/atom.xml" in path.read_text(encoding="utf-8")]
    assert linking == []


def test_a_news_feed_bears_the_sites_name_as_written(make_site):
    """Once there is news: the feed's title is the site's name in its language, "<", "&" and
    quotes as programme.yaml has them."""
    site = make_site(NAME)
    for lang in LANGS:
        (site.content(lang, "news")).mkdir()
        site.content(lang, "news/erste.md").write_text("Title: Erste\nDate: 2021-12-01\n\nText.\n", encoding="utf-8")
    result = site.build()
    assert result.published, messages(result)
    for lang in LANGS:
        feed = feedparser.parse((site.output / lang / "news" / "atom.xml").read_bytes())
        assert feed.feed.title == DATA["site"]["title"][lang]


def test_publishes_strictly_with_absolute_addresses(published):
    assert published.result.problems == (), messages(published.result)
    for lang in LANGS:
        event = published.page(f"{lang}/jahreswechsel/index.html")
        assert event.select_one('link[rel="canonical"]')["href"] == f"{SITE_URL}/{lang}/jahreswechsel/"
        calendar = event.select_one('#silvester a[type="text/calendar"]')["href"]
        assert calendar == f"{SITE_URL}/{lang}/calendar/jahreswechsel/silvester.ics"


# Written by hand: no-break spaces between day and month, before "г." and after "с"; an en dash
# with spaces across months and years, none inside one month; Russian months in the genitive.
DATES = {
    "jahreswechsel": (f"30.{NB}Dezember 2021 – 2.{NB}Januar 2022", "4 Tage",
                      f"с{NB}30{NB}декабря 2021{NB}г. по 2{NB}января 2022{NB}г.", "4 дня"),
    "zeitumstellung": (f"29.–31.{NB}Oktober 2022", "3 Tage", f"29–31{NB}октября 2022{NB}г.", "3 дня"),
    "sommertag": (f"12.{NB}Juni 2022", "1 Tag", f"12{NB}июня 2022{NB}г.", "1 день"),
    "online-abend": (f"15.{NB}Februar 2022", "1 Tag", f"15{NB}февраля 2022{NB}г.", "1 день"),
}


@pytest.mark.parametrize("event_id", DATES)
@pytest.mark.parametrize("lang", LANGS)
def test_event_dates(second_conference, lang, event_id):
    dates, days = DATES[event_id][:2] if lang == "de" else DATES[event_id][2:]
    raw = BeautifulSoup(second_conference.html(f"{lang}/{event_id}/index.html"), "html.parser")  # with its no-break spaces
    when = raw.select_one("dl.facts time")
    assert when.get_text() == dates
    assert when["datetime"] == event_data(event_id)["start"].isoformat()
    assert f"({days})" in as_read(words(when.parent))
    overview = BeautifulSoup(second_conference.html(f"{lang}/programm/index.html"), "html.parser")
    assert overview.select_one(f"#{event_id} dl.facts time").get_text() == dates


# (session, German, Russian): the time in Vladivostok, then in Berlin, with the day where Berlin's
# differs. Berlin is 9 hours behind in winter, 8 in summer; its summer time ends on 30 October 2022.
TIMES = [
    ("morgenkaffee",
     "08:00–08:45 Uhr Ortszeit Wladiwostok Zum Vergleich: 23:00–23:45 Uhr (Mittwoch, 29. Dezember) MEZ",
     "08:00–08:45 по местному времени (Владивосток) Для сравнения: 23:00–23:45 (среда, 29 декабря) по местному времени (Берлин)"),
    ("eroeffnung",
     "10:00–12:00 Uhr Ortszeit Wladiwostok Zum Vergleich: 01:00–03:00 Uhr MEZ",
     "10:00–12:00 по местному времени (Владивосток) Для сравнения: 01:00–03:00 по местному времени (Берлин)"),
    ("silvester",  # past midnight, into the new year
     "23:00–01:00 Uhr Ortszeit Wladiwostok Zum Vergleich: 14:00–16:00 Uhr MEZ",
     "23:00–01:00 по местному времени (Владивосток) Для сравнения: 14:00–16:00 по местному времени (Берлин)"),
    ("abschied",
     "18:00 Ortszeit Wladiwostok Zum Vergleich: 09:00 MEZ",
     "18:00 по местному времени (Владивосток) Для сравнения: 09:00 по местному времени (Берлин)"),
    ("herbst-auftakt",  # before the change: summer time in Berlin
     "17:00–18:30 Uhr Ortszeit Wladiwostok Zum Vergleich: 09:00–10:30 Uhr MESZ",
     "17:00–18:30 по местному времени (Владивосток) Для сравнения: 09:00–10:30 по местному времени (Берлин)"),
    ("herbst-fruehstueck",  # after it, on the evening of the change in Berlin
     "08:00–08:45 Uhr Ortszeit Wladiwostok Zum Vergleich: 23:00–23:45 Uhr (Sonntag, 30. Oktober) MEZ",
     "08:00–08:45 по местному времени (Владивосток) Для сравнения: 23:00–23:45 (воскресенье, 30 октября) по местному времени (Берлин)"),
    ("herbst-abschluss",  # the same hour in Vladivostok as the opening, an hour earlier in Berlin
     "17:00–18:30 Uhr Ortszeit Wladiwostok Zum Vergleich: 08:00–09:30 Uhr MEZ",
     "17:00–18:30 по местному времени (Владивосток) Для сравнения: 08:00–09:30 по местному времени (Берлин)"),
    ("online-gespraech",
     "19:00–20:30 Uhr Ortszeit Wladiwostok Zum Vergleich: 10:00–11:30 Uhr MEZ",
     "19:00–20:30 по местному времени (Владивосток) Для сравнения: 10:00–11:30 по местному времени (Берлин)"),
]


def event_of(session_id: str) -> str:
    return next(e["id"] for e in DATA["events"] for item in e.get("sessions", [])
                for s in item.get("parallel", [item]) if s["id"] == session_id)


@pytest.mark.parametrize("session_id, de, ru", TIMES, ids=[t[0] for t in TIMES])
@pytest.mark.parametrize("lang", LANGS)
def test_session_times_in_vladivostok_and_berlin(second_conference, lang, session_id, de, ru):
    session = session_data(session_id)
    for path in (f"{lang}/{event_of(session_id)}/index.html", f"{lang}/programm/index.html"):
        card = second_conference.page(path).select_one(f"article#{session_id}")
        assert words(card.select_one(".session-time")) == {"de": de, "ru": ru}[lang], path
        assert card.select_one(".session-time time")["datetime"] == f"{session['date']}T{session['start']}:00+10:00"
    raw = BeautifulSoup(second_conference.html(f"{lang}/{event_of(session_id)}/index.html"), "html.parser")
    shown = raw.select_one(f"article#{session_id} .session-time time").get_text()
    assert shown.endswith(f"{NB}Uhr") == ("–" in shown and lang == "de")  # "08:00–08:45 Uhr", bound


def test_parallel_sessions_in_different_rooms_are_one_slot(second_conference):
    for lang in LANGS:
        event = second_conference.page(f"{lang}/jahreswechsel/index.html")
        [slot] = event.select(".slot.parallel")
        cards = slot.select("article.session")
        assert [card["id"] for card in cards] == ["werkstatt-englisch", "werkstatt-russisch"]
        for card, room in zip(cards, ("seminar-a", "seminar-b")):
            venue = words(card.select_one(".session-venue"))
            assert venue.startswith(f"{room_name(room, lang)[0].upper()}{room_name(room, lang)[1:]}, ")
            assert by_id(DATA["venues"], "campus")["name"][lang][1:] in venue


@pytest.mark.parametrize("lang", LANGS)
def test_rooms_and_a_venue_without_rooms_on_the_event_page(second_conference, lang):
    event = second_conference.page(f"{lang}/jahreswechsel/index.html")
    for session_id in ("morgenkaffee", "eroeffnung", "silvester"):
        assert room_name("aula", lang)[1:] in words(event.select_one(f"#{session_id} .session-venue"))
    lighthouse = by_id(DATA["venues"], "leuchtturm")["name"][lang]
    assert words(event.select_one("#abschied .session-venue")) == lighthouse[0].upper() + lighthouse[1:]
    assert not event.select("#abschied .tba")


ONLINE = {
    "de": ("Nur online", "Über Jitsi & Co teilnehmen"),
    "ru": ("Только онлайн", "Подключиться через Jitsi & Co"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_online_event_links_to_its_platform(second_conference, lang):
    online = event_data("online-abend")["online"]
    event = second_conference.page(f"{lang}/online-abend/index.html")
    facts = {words(div.dt): div.dd for div in event.select("dl.facts > div")}
    only_online, join = ONLINE[lang]
    assert words(facts["Format" if lang == "de" else "Формат"]) == only_online
    link = facts["Online" if lang == "de" else "Онлайн"].a
    assert (link["href"], words(link)) == (online["url"], join)
    assert f"({online['note'][lang]})" in words(facts["Online" if lang == "de" else "Онлайн"])


@pytest.mark.parametrize("lang", LANGS)
def test_a_session_of_an_online_event_has_no_place_to_announce(second_conference, lang):
    card = second_conference.page(f"{lang}/online-abend/index.html").select_one("#online-gespraech")
    assert words(card.select_one(".session-venue")) == ONLINE[lang][0]


LANGUAGE_WORDS = {  # (where, German, Russian)
    "jahreswechsel": ("Sprachen", "Deutsch und Russisch, mit Simultandolmetschen",
                      "Языки", "Немецкий и русский, с синхронным переводом"),
    "zeitumstellung": ("Sprache", "Russisch, mit Konsekutivdolmetschen", "Язык", "Русский, с последовательным переводом"),
    "online-abend": ("Sprache", "Deutsch", "Язык", "Немецкий"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_languages_and_interpreting_in_words(second_conference, lang):
    for event_id, (de_term, de, ru_term, ru) in LANGUAGE_WORDS.items():
        facts = {words(div.dt): words(div.dd) for div in second_conference.page(f"{lang}/{event_id}/index.html").select("dl.facts > div")}
        term, spoken = (de_term, de) if lang == "de" else (ru_term, ru)
        assert facts[term] == spoken, event_id
    english = second_conference.page(f"{lang}/jahreswechsel/index.html").select_one("#werkstatt-englisch .session-languages")
    assert words(english) == {"de": "Sprache: Englisch, ohne Verdolmetschung", "ru": "Язык: английский, без перевода"}[lang]


# --- speakers --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_speakers_are_linked_to_their_pages(second_conference, lang):
    speakers = second_conference.page(f"{lang}/jahreswechsel/index.html").select("#eroeffnung .speakers a")
    people = {person["id"]: person for person in DATA["people"]}
    assert [(a["href"], words(a)) for a in speakers] == [
        (f"/{lang}/people/{id_}/", people[id_]["name"][lang]) for id_ in ("anna-kim", "boris-tschernow")
    ]
    for a in speakers:
        assert (second_conference.output / a["href"].strip("/") / "index.html").is_file(), a["href"]


@pytest.mark.parametrize("lang", LANGS)
def test_speaker_page_has_role_markdown_bio_and_photo(second_conference, lang):
    anna = by_id(DATA["people"], "anna-kim")
    person = second_conference.page(f"{lang}/people/anna-kim/index.html")
    assert words(person.h1) == anna["name"][lang]
    main = words(person.main)
    role = anna["role"][lang]
    assert role in main or role[0].upper() + role[1:] in main
    bio_link = person.select_one('main a[href="https://anna.example/?a=1&b=2"]')
    assert words(bio_link) == {"de": "ihrer Seite", "ru": "её странице"}[lang]
    assert words(person.select_one("main em")) == {"de": "Studio „Ost & West“", "ru": "студией «Восток & Запад»"}[lang]
    [photo] = person.select("main img")
    assert photo["alt"] == anna["photo"]["alt"][lang]
    assert (photo["width"], photo["height"]) == ("384", "480")  # the PNG's own size
    src = photo["src"]
    file = second_conference.output / (src.lstrip("/") if src.startswith("/") else f"{lang}/people/anna-kim/{src}")
    assert file.read_bytes() == (FIXTURES / NAME / anna["photo"]["file"]).read_bytes()
    assert person.select_one('main a[href$="/jahreswechsel/#eroeffnung"]'), "the page links to the speaker's session"


# --- text exactly as written ------------------------------------------------------------------


def language_text(site: Site, lang: str) -> str:
    """Everything a reader of lang reads on the site, as one text (with the bilingual root pages)."""
    files = [*(site.output / lang).rglob("*.html"), site.output / "index.html"]
    return "\n".join(words(site.page(str(f.relative_to(site.output)))) for f in files)


NOT_TEXT = ("alt", "short_name")  # alt: an attribute (test_speaker_page_…); short_name: no page shows it


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_is_shown_literally(second_conference, lang):
    shown = language_text(second_conference, lang)
    missing = []
    for where, *pair in TEXTS:
        if where[-1] in NOT_TEXT:
            continue
        text = " ".join(as_shown(pair[LANGS.index(lang)], where).split())
        if text not in shown and text[0].upper() + text[1:] not in shown:
            missing.append(f"{'.'.join(map(str, where))}: {text}")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("lang", LANGS)
def test_markup_characters_are_escaped_in_html(second_conference, lang):
    """No text's <…> reaches a page as a tag, and a quote never ends an attribute early."""
    raw = "\n".join(p.read_text(encoding="utf-8") for p in (second_conference.output / lang).rglob("*.html"))
    tags = {tag for _, *pair in TEXTS for tag in re.findall(r"<[^<>]+>", pair[LANGS.index(lang)])}
    assert tags and not [tag for tag in tags if tag in raw]
    for path in (f"{lang}/index.html", f"{lang}/jahreswechsel/index.html"):
        head = second_conference.page(path)
        assert head.select_one('meta[property="og:site_name"]')["content"] == DATA["site"]["title"][lang]
        assert words(head.title).endswith(DATA["site"]["title"][lang])
    online = second_conference.page(f"{lang}/jahreswechsel/index.html").select_one("dl.facts a[rel=noopener][href*=stream]")
    assert online["href"] == "https://stream.fernost.example/live?room=aula&lang=de"
    assert 'href="https://stream.fernost.example/live?room=aula&amp;lang=de"' in raw


def test_nu_html_checker_finds_no_error(second_conference):
    files = sorted(second_conference.output.rglob("*.html"))
    names = {file.relative_to(second_conference.output).as_posix() for file in files}
    assert {"de/jahreswechsel/index.html", "ru/people/anna-kim/index.html", "index.html"} <= names, names
    assert_valid_html(files, second_conference.output)


# --- JSON-LD -------------------------------------------------------------------------------------


def jsonld(site: Site, lang: str, event_id: str) -> tuple[str, dict]:
    [script] = BeautifulSoup(site.html(f"{lang}/{event_id}/index.html"), "html.parser").select(
        'script[type="application/ld+json"]'
    )
    return script.string, json.loads(script.string)


def locations(data: dict) -> list[dict]:
    """schema.org gives one location as an object, several as a list."""
    return data["location"] if isinstance(data["location"], list) else [data["location"]]


def moment(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


EVENT_BOUNDS = {  # the first session's start, and the last day's latest end (23:59 where one has none)
    "jahreswechsel": ("2021-12-30T08:00:00+10:00", "2022-01-02T23:59:00+10:00"),
    "zeitumstellung": ("2022-10-29T17:00:00+10:00", "2022-10-31T18:30:00+10:00"),
    "sommertag": ("2022-06-12T00:00:00+10:00", "2022-06-12T23:59:00+10:00"),
    "online-abend": ("2022-02-15T19:00:00+10:00", "2022-02-15T20:30:00+10:00"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_jsonld_dates_carry_the_offset_of_vladivostok(published, lang):
    for event_id, (start, end) in EVENT_BOUNDS.items():
        raw, data = jsonld(published, lang, event_id)
        assert (data["startDate"], data["endDate"]) == (start, end), event_id
        assert data["name"] == event_data(event_id)["title"][lang]
        assert data["url"] == f"{SITE_URL}/{lang}/{event_id}/"
        # escaped for a <script> element: no tag can start or end inside it
        assert "<" not in raw and ">" not in raw and "&" not in raw
    _, data = jsonld(published, lang, "jahreswechsel")
    sessions = {sub["url"].rsplit("#", 1)[1]: sub for sub in data["subEvent"]}
    assert (sessions["silvester"]["startDate"], sessions["silvester"]["endDate"]) == (
        "2021-12-31T23:00:00+10:00", "2022-01-01T01:00:00+10:00")
    _, data = jsonld(published, lang, "zeitumstellung")
    sessions = {sub["url"].rsplit("#", 1)[1]: sub for sub in data["subEvent"]}
    berlin = {id_: moment(sub["startDate"]).astimezone(BERLIN) for id_, sub in sessions.items()}
    assert berlin["herbst-auftakt"].isoformat() == "2022-10-29T09:00:00+02:00"
    assert berlin["herbst-abschluss"].isoformat() == "2022-10-31T08:00:00+01:00"


@pytest.mark.parametrize("lang", LANGS)
def test_jsonld_sessions_name_their_room_and_describe_in_plain_text(published, lang):
    _, data = jsonld(published, lang, "jahreswechsel")
    sessions = {sub["url"].rsplit("#", 1)[1]: sub for sub in data["subEvent"]}
    for session_id, room in (("werkstatt-englisch", "seminar-a"), ("werkstatt-russisch", "seminar-b")):
        places = [place.get("name", "") for place in locations(sessions[session_id])]
        assert any(room_name(room, lang) in name for name in places), places
    description = sessions["eroeffnung"]["description"]
    assert "*" not in description and "](" not in description, description
    assert {"de": "„Ost & West“", "ru": "«Восток & Запад»"}[lang] in description


@pytest.mark.parametrize("lang", LANGS)
def test_jsonld_online_event_is_online_at_its_address(published, lang):
    _, data = jsonld(published, lang, "online-abend")
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    virtual = [place["url"] for place in locations(data) if place["@type"] == "VirtualLocation"]
    assert virtual == [event_data("online-abend")["online"]["url"]]


# --- iCalendar ------------------------------------------------------------------------------------

# (session, start in UTC, end in UTC): the instants, whichever zone a calendar app shows them in
INSTANTS = {
    "morgenkaffee": (dt.datetime(2021, 12, 29, 22, tzinfo=UTC), dt.datetime(2021, 12, 29, 22, 45, tzinfo=UTC)),
    "silvester": (dt.datetime(2021, 12, 31, 13, tzinfo=UTC), dt.datetime(2021, 12, 31, 15, tzinfo=UTC)),
    "herbst-auftakt": (dt.datetime(2022, 10, 29, 7, tzinfo=UTC), dt.datetime(2022, 10, 29, 8, 30, tzinfo=UTC)),
    "herbst-abschluss": (dt.datetime(2022, 10, 31, 7, tzinfo=UTC), dt.datetime(2022, 10, 31, 8, 30, tzinfo=UTC)),
    "online-gespraech": (dt.datetime(2022, 2, 15, 9, tzinfo=UTC), dt.datetime(2022, 2, 15, 10, 30, tzinfo=UTC)),
}


@pytest.mark.parametrize("lang", LANGS)
def test_calendar_instants_in_three_parsers(published, lang, by_icaljs):
    data = (published.output / lang / "calendar" / "programme.ics").read_bytes()
    ical, vobj = by_icalendar(data), by_vobject(data)
    js = {event["uid"]: event for event in by_icaljs(data)["events"]}
    uids = {uid.split("@")[0]: uid for uid in ical}
    for session_id, (start, end) in INSTANTS.items():
        uid = uids[f"{event_of(session_id)}-{session_id}"]
        readings = {
            "icalendar": (ical[uid].decoded("DTSTART"), ical[uid].decoded("DTEND")),
            "vobject": (utc_by_vobject(vobj[uid], "dtstart"), utc_by_vobject(vobj[uid], "dtend")),
            "ical.js": (icaljs_utc(js[uid]["start"]), icaljs_utc(js[uid]["end"])),
        }
        assert readings == dict.fromkeys(readings, (start, end)), session_id
        assert str(ical[uid]["SUMMARY"]) == vobj[uid].summary.value == js[uid]["summary"] == session_data(session_id)["title"][lang]
    # Berlin's clock: summer time before the change, winter time after it
    before, after = (ical[uids[f"zeitumstellung-{s}"]].decoded("DTSTART").astimezone(BERLIN) for s in ("herbst-auftakt", "herbst-abschluss"))
    assert (before.isoformat(), after.isoformat()) == ("2022-10-29T09:00:00+02:00", "2022-10-31T08:00:00+01:00")


@pytest.mark.parametrize("lang", LANGS)
def test_session_calendar_carries_room_speakers_and_link(published, lang):
    data = (published.output / lang / "calendar" / "jahreswechsel" / "eroeffnung.ics").read_bytes()
    [event] = by_icalendar(data).values()
    [vevent] = by_vobject(data).values()
    assert room_name("aula", lang) in str(event["LOCATION"]) == vevent.location.value
    description = str(event["DESCRIPTION"])
    assert all(by_id(DATA["people"], id_)["name"][lang] in description for id_ in ("anna-kim", "boris-tschernow"))
    assert "Speakers" not in description  # the words around the names come from the catalogue
    assert str(event["URL"]) == f"{SITE_URL}/{lang}/jahreswechsel/#eroeffnung"
    [online] = by_icalendar((published.output / lang / "calendar" / "online-abend" / "online-gespraech.ics").read_bytes()).values()
    assert event_data("online-abend")["online"]["url"] in online.to_ical().decode().replace("\r\n ", "")


# --- frab schedules ------------------------------------------------------------------------------


@pytest.mark.parametrize("event_id", SESSION_EVENTS)
@pytest.mark.parametrize("lang", LANGS)
def test_frab_schedules_validate(published, lang, event_id):
    folder = published.output / lang / event_id
    xmlschema.XMLSchema(str(frab_schema("schedule.xml.xsd"))).validate(str(folder / "schedule.xml"))
    schema = json.loads(frab_schema("schedule.json.schema.json").read_text(encoding="utf-8"))
    document = json.loads((folder / "schedule.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(document)
    title = event_data(event_id)["title"][lang]
    assert etree.parse(str(folder / "schedule.xml")).findtext("conference/title") == title
    assert document["schedule"]["conference"]["title"] == title


@pytest.mark.parametrize("lang", LANGS)
def test_frab_rooms_and_the_session_past_midnight(published, lang):
    schedule = etree.parse(str(published.output / lang / "jahreswechsel" / "schedule.xml"))
    events = {event.findtext("slug").removeprefix("jahreswechsel-"): event for event in schedule.iter("event")}
    silvester = events["silvester"]
    assert (silvester.findtext("date"), silvester.findtext("duration")) == ("2021-12-31T23:00:00+10:00", "02:00")
    assert silvester.findtext("title") == session_data("silvester")["title"][lang]
    parallel = [events[s].findtext("room") for s in ("werkstatt-englisch", "werkstatt-russisch")]
    assert room_name("seminar-a", lang) in parallel[0] and room_name("seminar-b", lang) in parallel[1]
    assert events["werkstatt-englisch"].findtext("language") == "en"
