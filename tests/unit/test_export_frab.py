"""The frab schedule (schedule.xml, schedule.json) that conference apps read.

Both files are validated against the voc/schedule schemas (tests/frab_schemas.py: FRAB_SCHEMA_DIR
or ../shared/schemas/frab; without them the schema tests are skipped, except in CI, where they fail).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import re
import uuid
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import xmlschema
from lxml import etree
from pelican.plugins.programme.export_frab import (
    NAMESPACE,
    FrabLinks,
    schedule_json,
    schedule_xml,
)
from pelican.plugins.programme.reading import read_programme
from pelican.plugins.programme.model import LANGUAGES, Event, PreviousStart, Programme, Status

from tests.export_words import words
from tests.frab_schemas import frab_schema

from .conftest import REAL, VALID

PROJECT = Path(__file__).resolve().parents[2]
XSD = "schedule.xml.xsd"
JSON_SCHEMA = "schedule.json.schema.json"
CYRILLIC = re.compile("[а-яА-ЯёЁ]")


def links(lang: str) -> FrabLinks:
    return FrabLinks(
        base_url=f"https://example.org/{lang}/",
        event_page=f"https://example.org/{lang}/konferenz/",
        schedule_url=f"https://example.org/{lang}/konferenz/schedule.xml",
        version="3f2a9c1",
        words=words(lang),
    )


def session_guid(event_id: str, session_id: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{event_id}/{session_id}"))


# --- fixtures --------------------------------------------------------------------------------


# The schemas are loaded in the tests, not in fixtures: a missing ../shared then makes the tests
# FAIL, where a fixture would only report an error in setup.
@functools.cache
def xsd() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(frab_schema(XSD)))


@functools.cache
def json_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(frab_schema(JSON_SCHEMA).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema, default=None)
    assert cls is jsonschema.Draft6Validator, f"the schema declares {schema.get('$schema')}"
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def programmes() -> dict[str, Programme]:
    return {"real": read_programme(str(REAL)), "valid": read_programme(str(VALID))}


def xml_root(programme: Programme, lang: str, event_id: str = "konferenz") -> etree._Element:
    return etree.fromstring(schedule_xml(programme.event(event_id), lang, links(lang)))


def json_data(programme: Programme, lang: str, event_id: str = "konferenz") -> dict[str, Any]:
    return json.loads(schedule_json(programme.event(event_id), lang, links(lang)))


def xml_events(root: etree._Element) -> dict[str, etree._Element]:
    """The events by session id (the anchor of their url)."""
    return {event.findtext("url").rsplit("#", 1)[1]: event for event in root.iter("event")}


def json_events(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    days = data["schedule"]["conference"]["days"]
    return {e["url"].rsplit("#", 1)[1]: e for day in days for events in day["rooms"].values() for e in events}


def with_session(programme: Programme, event_id: str, session_id: str, **changes: Any) -> Programme:
    """The programme with one session of one event changed."""

    def change(event: Event) -> Event:
        if event.id != event_id:
            return event
        sessions = tuple(dataclasses.replace(s, **changes) if s.id == session_id else s for s in event.sessions)
        return dataclasses.replace(event, sessions=sessions)

    return dataclasses.replace(programme, events=tuple(change(event) for event in programme.events))


CASES = [(name, lang) for name in ("real", "valid") for lang in LANGUAGES]
IDS = [f"{name}-{lang}" for name, lang in CASES]


# --- schemas ---------------------------------------------------------------------------------


def test_a_missing_schema_is_skipped_with_what_to_do_but_fails_in_ci(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FRAB_SCHEMA_DIR", str(tmp_path))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"FRAB_SCHEMA_DIR.*\.\./shared"):
        frab_schema(XSD)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"FRAB_SCHEMA_DIR.*\.\./shared"):
        frab_schema(XSD)


@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_xml_is_valid_against_the_xsd(programmes, name: str, lang: str) -> None:
    programme = programmes[name]
    output = schedule_xml(programme.event("konferenz"), lang, links(lang))
    assert output.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    xsd().validate(output.decode("utf-8"))


@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_json_is_valid_against_the_json_schema(programmes, name: str, lang: str) -> None:
    data = json_data(programmes[name], lang)
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in json_validator().iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_json_dates_and_urls_are_well_formed(programmes, name: str, lang: str) -> None:
    """What the schema's formats would check with jsonschema's optional format libraries."""
    data = json_data(programmes[name], lang)
    conference = data["schedule"]["conference"]
    for day in conference["days"]:
        for key in ("day_start", "day_end"):
            assert dt.datetime.fromisoformat(day[key]).tzinfo is not None
        for events in day["rooms"].values():
            for event in events:
                assert dt.datetime.fromisoformat(event["date"]).tzinfo is not None
                assert event["url"].startswith("https://")
    assert conference["url"].startswith("https://")


# --- content -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_the_opening_is_at_18_00_moscow_time_for_two_hours_in_the_philharmonie(programmes, name, lang) -> None:
    programme = programmes[name]
    hall = next(v for v in programme.venues if v.id == "philharmonie").name.get(lang)
    opening = xml_events(xml_root(programme, lang))["eroeffnung"]
    assert opening.findtext("date") == "2021-06-28T18:00:00+03:00"
    assert opening.findtext("start") == "18:00"
    assert opening.findtext("duration") == "02:00"
    assert opening.findtext("room") == hall
    assert opening.getparent().get("name") == hall
    assert opening.getparent().getparent().get("date") == "2021-06-28"
    assert opening.get("guid") == session_guid("konferenz", "eroeffnung")
    in_json = json_events(json_data(programme, lang))["eroeffnung"]
    assert (in_json["date"], in_json["duration"], in_json["room"]) == ("2021-06-28T18:00:00+03:00", "02:00", hall)
    assert in_json["end"] == "2021-06-28T20:00:00+03:00"


@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_only_sessions_with_a_start_time_are_exported(programmes, name: str, lang: str) -> None:
    programme = programmes[name]
    sessions = programme.event("konferenz").sessions
    timed = {s.id for s in sessions if s.start}
    untimed = {s.id for s in sessions if not s.start}
    assert untimed, "the programme should have untimed sessions to leave out"
    assert set(xml_events(xml_root(programme, lang))) == timed
    assert set(json_events(json_data(programme, lang))) == timed


def test_the_real_programme_has_only_the_opening(programmes) -> None:
    assert set(xml_events(xml_root(programmes["real"], "de"))) == {"eroeffnung"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_parallel_sessions_are_in_their_two_rooms(programmes, lang: str) -> None:
    programme = programmes["valid"]
    root = xml_root(programme, lang)
    day = root.find("day[@date='2021-06-29']")
    rooms = {room.get("name"): [e.findtext("slug") for e in room.iter("event")] for room in day.findall("room")}
    venues = {venue.id: venue.name.get(lang) for venue in programme.venues}
    philharmonie, rathaus = venues["philharmonie"], venues["rathaus"]
    assert rooms == {philharmonie: ["konferenz-panel", "konferenz-ag-jugend"], rathaus: ["konferenz-ag-kultur"]}
    json_day = json_data(programme, lang)["schedule"]["conference"]["days"][1]
    assert {name: [e["slug"] for e in events] for name, events in json_day["rooms"].items()} == rooms
    conference_rooms = json_data(programme, lang)["schedule"]["conference"]["rooms"]
    assert [room["name"] for room in conference_rooms] == [philharmonie, rathaus]


@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_there_is_one_whole_local_day_per_date_of_the_event(programmes, name: str, lang: str) -> None:
    root = xml_root(programmes[name], lang)
    days = [(d.get("index"), d.get("date"), d.get("start"), d.get("end")) for d in root.iter("day")]
    assert days == [
        ("1", "2021-06-28", "2021-06-28T00:00:00+03:00", "2021-06-29T00:00:00+03:00"),
        ("2", "2021-06-29", "2021-06-29T00:00:00+03:00", "2021-06-30T00:00:00+03:00"),
        ("3", "2021-06-30", "2021-06-30T00:00:00+03:00", "2021-07-01T00:00:00+03:00"),
    ]
    conference = json_data(programmes[name], lang)["schedule"]["conference"]
    assert conference["daysCount"] == 3
    assert [(str(d["index"]), d["date"], d["day_start"], d["day_end"]) for d in conference["days"]] == days


@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_the_conference_is_the_event(programmes, name: str, lang: str) -> None:
    programme = programmes[name]
    conference = xml_root(programme, lang).find("conference")
    assert conference.findtext("acronym") == "konferenz"
    assert conference.findtext("title") == programme.event("konferenz").title.get(lang)
    assert (conference.findtext("start"), conference.findtext("end")) == ("2021-06-28", "2021-06-30")
    assert conference.findtext("time_zone_name") == "Europe/Moscow"
    assert conference.findtext("base_url") == f"https://example.org/{lang}/"
    assert conference.findtext("url") == f"https://example.org/{lang}/konferenz/"
    root = xml_root(programme, lang)
    assert root.findtext("version") == "3f2a9c1"
    assert root.findtext("url") == f"https://example.org/{lang}/konferenz/schedule.xml"


@pytest.mark.parametrize("name", ["real", "valid"])
def test_guids_and_ids_are_the_same_in_german_and_russian(programmes, name: str) -> None:
    programme = programmes[name]
    outputs = {lang: (xml_root(programme, lang), json_data(programme, lang)) for lang in LANGUAGES}

    def identities(root: etree._Element, data: dict[str, Any]) -> list[tuple[str, str, str]]:
        in_xml = [(e.findtext("slug"), e.get("guid"), e.get("id")) for e in root.iter("event")]
        in_json = [(e["slug"], e["guid"], str(e["id"])) for e in json_events(data).values()]
        assert sorted(in_xml) == sorted(in_json)
        return sorted(in_xml)

    de, ru = (identities(*outputs[lang]) for lang in LANGUAGES)
    assert de == ru
    for lang in LANGUAGES:
        root, data = outputs[lang]
        assert root.xpath("day/room/@guid") == outputs["de"][0].xpath("day/room/@guid")
        persons = [(p.get("guid"), p.get("id")) for p in root.iter("person")]
        assert persons == [(p.get("guid"), p.get("id")) for p in outputs["de"][0].iter("person")]
    assert all(guid == session_guid("konferenz", slug.removeprefix("konferenz-")) for slug, guid, _ in de)


def test_ids_do_not_depend_on_the_order_of_sessions(programmes) -> None:
    programme = programmes["valid"]
    event = programme.event("konferenz")
    reordered = dataclasses.replace(event, sessions=tuple(reversed(event.sessions)))
    before = {e.get("guid"): e.get("id") for e in xml_root(programme, "de").iter("event")}
    root = etree.fromstring(schedule_xml(reordered, "de", links("de")))
    after = {e.get("guid"): e.get("id") for e in root.iter("event")}
    assert before == after
    assert len(set(before.values())) == len(before)
    assert all(int(i) > 0 for i in before.values())


@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_texts_are_in_the_requested_language(programmes, name: str, lang: str) -> None:
    programme = programmes[name]
    sessions = {s.id: s for s in programme.event("konferenz").sessions}
    data = json_data(programme, lang)
    assert data["schedule"]["conference"]["title"] == programme.event("konferenz").title.get(lang)
    texts = [data["schedule"]["conference"]["title"]]
    for session_id, event in json_events(data).items():
        session = sessions[session_id]
        assert event["title"] == session.title.get(lang)
        assert event["language"] == lang
        if session.working_group:
            assert event["track"] == session.working_group.title.get(lang)
        texts += [event["title"], event["room"], event["abstract"], event["track"] or ""]
        texts += [person["name"] for person in event["persons"]]
    texts = [text for text in texts if text]
    if lang == "ru":
        assert all(CYRILLIC.search(text) for text in texts), texts
    else:
        assert not any(CYRILLIC.search(text) for text in texts), texts
    xml_titles = {k: e.findtext("title") for k, e in xml_events(xml_root(programme, lang)).items()}
    assert xml_titles == {k: e["title"] for k, e in json_events(data).items()}


def test_a_working_group_session_is_a_workshop_in_its_groups_track(programmes) -> None:
    event = json_events(json_data(programmes["valid"], "ru"))["ag-jugend"]
    assert event["track"] == "Молодёжный обмен"
    assert event["type"] == "workshop"
    assert event["abstract"] == "Как наладить обмен."  # the group's description: the session has none
    assert json_events(json_data(programmes["valid"], "ru"))["panel"]["track"] is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_speakers_are_persons(programmes, lang: str) -> None:
    programme = programmes["valid"]
    anna = next(p for p in programme.people if p.id == "anna-petrova")
    (person,) = json_events(json_data(programme, lang))["eroeffnung"]["persons"]
    assert person["name"] == anna.name.get(lang)
    assert person["guid"] == str(uuid.uuid5(NAMESPACE, "person/anna-petrova"))
    (xml_person,) = xml_events(xml_root(programme, lang))["eroeffnung"].iter("person")
    assert xml_person.text == person["name"]
    assert (xml_person.get("guid"), xml_person.get("id")) == (person["guid"], str(person["id"]))


@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_two_calls_give_the_same_bytes(programmes, name: str, lang: str) -> None:
    programme = programmes[name]
    event = programme.event("konferenz")
    assert schedule_xml(event, lang, links(lang)) == schedule_xml(event, lang, links(lang))
    assert schedule_json(event, lang, links(lang)) == schedule_json(event, lang, links(lang))


def test_json_is_utf8_with_sorted_keys_and_indented(programmes) -> None:
    output = schedule_json(programmes["valid"].event("konferenz"), "ru", links("ru"))
    text = output.decode("utf-8")
    assert "Открытие" in text and "\\u" not in text
    assert text == json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, indent=2) + "\n"


# --- edge cases ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_xml_special_characters_in_titles_survive(programmes, lang: str) -> None:
    title = """Fragen & Antworten <live> "Q&A" 'ответы' ]]> &amp;"""
    localized = dataclasses.replace(programmes["valid"].event("konferenz").sessions[0].title, **{lang: title})
    programme = with_session(programmes["valid"], "konferenz", "eroeffnung", title=localized)
    output = schedule_xml(programme.event("konferenz"), lang, links(lang))
    xsd().validate(output.decode("utf-8"))
    assert b"<live>" not in output
    assert xml_events(etree.fromstring(output))["eroeffnung"].findtext("title") == title
    data = json_data(programme, lang)
    assert json_events(data)["eroeffnung"]["title"] == title
    assert list(json_validator().iter_errors(data)) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_timed_session_without_venue_is_in_the_to_be_announced_room(programmes, lang) -> None:
    programme = with_session(programmes["valid"], "konferenz", "abschluss", start=dt.time(11, 0), end=dt.time(12, 30))
    assert next(s for s in programme.event("konferenz").sessions if s.id == "abschluss").venue is None
    output = schedule_xml(programme.event("konferenz"), lang, links(lang))
    xsd().validate(output.decode("utf-8"))
    closing = xml_events(etree.fromstring(output))["abschluss"]
    assert closing.findtext("room") == words(lang).room_to_be_announced
    assert closing.getparent().get("name") == words(lang).room_to_be_announced
    assert closing.findtext("duration") == "01:30"
    data = json_data(programme, lang)
    assert list(json_validator().iter_errors(data)) == []
    rooms = data["schedule"]["conference"]["rooms"]
    assert rooms[-1]["name"] == words(lang).room_to_be_announced
    guids = {
        other: json_data(programme, other)["schedule"]["conference"]["rooms"][-1]["guid"] for other in LANGUAGES
    }
    assert len(set(guids.values())) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_session_without_end_lasts_00_00(programmes, lang: str) -> None:
    programme = with_session(programmes["valid"], "konferenz", "panel", end=None)
    output = schedule_xml(programme.event("konferenz"), lang, links(lang))
    xsd().validate(output.decode("utf-8"))
    assert xml_events(etree.fromstring(output))["panel"].findtext("duration") == "00:00"
    data = json_data(programme, lang)
    assert list(json_validator().iter_errors(data)) == []
    panel = json_events(data)["panel"]
    assert panel["duration"] == "00:00" and "end" not in panel


def test_without_event_page_and_schedule_url_the_site_root_is_the_url(programmes) -> None:
    programme = programmes["valid"]
    bare = FrabLinks(base_url="https://example.org/de/", event_page=None, schedule_url=None, version="1", words=words("de"))
    output = schedule_xml(programme.event("konferenz"), "de", bare)
    xsd().validate(output.decode("utf-8"))
    root = etree.fromstring(output)
    assert root.find("url") is None
    assert xml_events(root)["panel"].findtext("url") == "https://example.org/de/#panel"
    data = json.loads(schedule_json(programme.event("konferenz"), "de", bare))
    assert "url" not in data["schedule"]
    assert list(json_validator().iter_errors(data)) == []


# --- rooms, online links, languages, persons, a night past midnight --------------------------
# tests/fixtures/programme/exports.yaml: a conference in Berlin over the night the clocks go forward.

EXPORTS = PROJECT / "tests" / "fixtures" / "programme" / "exports.yaml"


@pytest.fixture(scope="module")
def berlin() -> Programme:
    return read_programme(str(EXPORTS))


def berlin_links(lang: str) -> FrabLinks:
    return dataclasses.replace(links(lang), event_page=f"https://example.org/{lang}/berlin/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_berlin_schedule_is_valid(berlin, lang: str) -> None:
    event = berlin.event("konferenz")
    xsd().validate(schedule_xml(event, lang, berlin_links(lang)).decode("utf-8"))
    data = json.loads(schedule_json(event, lang, berlin_links(lang)))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in json_validator().iter_errors(data)] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_night_past_midnight_lasts_until_the_next_morning(berlin, lang: str) -> None:
    event = berlin.event("konferenz")
    root = etree.fromstring(schedule_xml(event, lang, berlin_links(lang)))
    night = xml_events(root)["nachtcafe"]
    # 22:00 CET to 03:30 CEST: four and a half hours, as the clocks went forward at 02:00
    assert (night.findtext("date"), night.findtext("start"), night.findtext("duration")) == (
        "2021-03-27T22:00:00+01:00", "22:00", "04:30")
    assert night.getparent().getparent().get("date") == "2021-03-27"  # the day it starts on
    in_json = json_events(json.loads(schedule_json(event, lang, berlin_links(lang))))["nachtcafe"]
    assert (in_json["duration"], in_json["end"]) == ("04:30", "2021-03-28T03:30:00+02:00")
    end = dt.datetime.fromisoformat(in_json["end"]) - dt.datetime.fromisoformat(in_json["date"])
    assert end == dt.timedelta(hours=4, minutes=30)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_rooms_are_the_real_rooms_then_venues_then_to_be_announced(berlin, lang: str) -> None:
    event = berlin.event("konferenz")
    root = etree.fromstring(schedule_xml(event, lang, berlin_links(lang)))
    rooms = {k: e.findtext("room") for k, e in xml_events(root).items()}
    chamber, town_hall = {"de": ("Kammermusiksaal", "Rathaus"), "ru": ("Камерный зал", "Ратуша")}[lang]
    tba = words(lang).room_to_be_announced
    assert rooms == {"eroeffnung": chamber, "nachtcafe": town_hall, "webinar": tba, "stream": tba}
    data = json.loads(schedule_json(event, lang, berlin_links(lang)))
    conference_rooms = data["schedule"]["conference"]["rooms"]
    assert [room["name"] for room in conference_rooms] == [chamber, town_hall, tba]
    room_guid = str(uuid.uuid5(NAMESPACE, "room/kammersaal"))
    assert conference_rooms[0]["guid"] == room_guid
    assert root.find(f"day/room[@guid='{room_guid}']").get("name") == chamber


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_online_link_is_among_the_events_links(berlin, lang: str) -> None:
    event = berlin.event("konferenz")
    root = etree.fromstring(schedule_xml(event, lang, berlin_links(lang)))
    title = words(lang).join_via % {"platform": "Jitsi"}
    for session_id in ("stream", "eroeffnung"):  # online only, hybrid: the event's link
        links_ = [(link.get("href"), link.text) for link in xml_events(root)[session_id].find("links")]
        assert links_ == [("https://meet.example.org/konferenz", title)]
    for session_id in ("webinar", "nachtcafe"):  # no link yet; on site only
        assert len(xml_events(root)[session_id].find("links")) == 0
    events = json_events(json.loads(schedule_json(event, lang, berlin_links(lang))))
    assert events["stream"]["links"] == [{"url": "https://meet.example.org/konferenz", "title": title}]
    assert events["webinar"]["links"] == []
    assert title == {"de": "Über Jitsi teilnehmen", "ru": "Подключиться через Jitsi"}[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_is_the_language_spoken(berlin, lang: str) -> None:
    event = berlin.event("konferenz")
    root = etree.fromstring(schedule_xml(event, lang, berlin_links(lang)))
    languages = {k: e.findtext("language") for k, e in xml_events(root).items()}
    assert languages == {"eroeffnung": "de, ru", "nachtcafe": "ru", "webinar": "de, ru", "stream": "de, ru"}
    events = json_events(json.loads(schedule_json(event, lang, berlin_links(lang))))
    assert {k: e["language"] for k, e in events.items()} == languages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_persons_keep_their_ids_in_both_languages_and_in_another_order(berlin, lang: str) -> None:
    event = berlin.event("konferenz")
    events = json_events(json.loads(schedule_json(event, lang, berlin_links(lang))))
    names = {"de": ["Anna Petrowa", "Iwan Sokolow"], "ru": ["Анна Петрова", "Иван Соколов"]}[lang]
    persons = events["eroeffnung"]["persons"]
    assert [p["name"] for p in persons] == names
    assert [p["guid"] for p in persons] == [str(uuid.uuid5(NAMESPACE, f"person/{pid}")) for pid in ("anna-petrova", "ivan-sokolov")]
    assert all(isinstance(p["id"], int) and 0 < p["id"] < 2**31 for p in persons)
    opening = next(s for s in event.sessions if s.id == "eroeffnung")
    reversed_ = dataclasses.replace(opening, speakers=tuple(reversed(opening.speakers)))
    other = dataclasses.replace(event, sessions=tuple(reversed_ if s is opening else s for s in event.sessions))
    again = json_events(json.loads(schedule_json(other, "ru" if lang == "de" else "de", berlin_links(lang))))
    assert sorted((p["guid"], p["id"]) for p in again["eroeffnung"]["persons"]) == sorted((p["guid"], p["id"]) for p in persons)
    xml_persons = xml_events(etree.fromstring(schedule_xml(event, lang, berlin_links(lang))))["eroeffnung"].iter("person")
    assert [(p.text, int(p.get("id")), p.get("guid")) for p in xml_persons] == [(p["name"], p["id"], p["guid"]) for p in persons]


def test_the_abstract_is_markdown_as_plain_text(berlin) -> None:
    events = json_events(json.loads(schedule_json(berlin.event("konferenz"), "de", berlin_links("de"))))
    assert events["eroeffnung"]["abstract"] == "Mit Grußworten und dem Programm (https://example.org/programm)."


# --- status: the schemas have no field for it, so the texts every app shows say it -------------


STATUS_TITLES = {"de": {"cancelled": "Abgesagt: Eröffnung", "postponed": "Verschoben: Eröffnung"},
                 "ru": {"cancelled": "Отменено: Открытие", "postponed": "Перенесено: Открытие"}}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("status", [Status.CANCELLED, Status.POSTPONED])
def test_a_cancelled_or_postponed_session_keeps_its_place_with_its_title_marked(programmes, lang, status) -> None:
    programme = with_session(programmes["valid"], "konferenz", "eroeffnung", status=status)
    xml = schedule_xml(programme.event("konferenz"), lang, links(lang))
    xsd().validate(xml.decode("utf-8"))
    data = json_data(programme, lang)
    assert [f"{list(e.absolute_path)}: {e.message}" for e in json_validator().iter_errors(data)] == []
    title = STATUS_TITLES[lang][status.value]
    in_xml, in_json = xml_events(etree.fromstring(xml))["eroeffnung"], json_events(data)["eroeffnung"]
    assert in_xml.findtext("title") == in_json["title"] == title
    assert in_xml.findtext("subtitle") == in_json["subtitle"] == ""
    # the same item at the same time, so an app updates the one it holds
    assert in_xml.get("guid") == in_json["guid"] == session_guid("konferenz", "eroeffnung")
    assert in_xml.findtext("start") == in_json["start"] == "18:00"


@pytest.mark.parametrize("lang, subtitle", [
    ("de", "Verschoben, ursprünglich geplant: Juni 2021"),
    ("ru", "Перенесено, первоначально планировалось на июнь 2021\u00a0г."),
])
def test_a_rescheduled_session_says_so_in_its_subtitle(programmes, lang, subtitle) -> None:
    programme = with_session(programmes["valid"], "konferenz", "eroeffnung", status=Status.RESCHEDULED,
                             previous_start=PreviousStart(2021, 6))
    xml = schedule_xml(programme.event("konferenz"), lang, links(lang))
    xsd().validate(xml.decode("utf-8"))
    data = json_data(programme, lang)
    assert list(json_validator().iter_errors(data)) == []
    title = {"de": "Eröffnung", "ru": "Открытие"}[lang]
    event = xml_events(etree.fromstring(xml))["eroeffnung"]
    assert (event.findtext("title"), event.findtext("subtitle")) == (title, subtitle)
    assert (json_events(data)["eroeffnung"]["title"], json_events(data)["eroeffnung"]["subtitle"]) == (title, subtitle)
