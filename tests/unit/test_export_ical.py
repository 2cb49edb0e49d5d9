"""iCalendar export: every file read back by three independent parsers.

icalendar resolves a TZID through its own zone database, so for it the VTIMEZONE is also read
on its own (Timezone.to_tz). vobject resolves it through the file's VTIMEZONE (dateutil's
tzical) and ical.js, which has no zone database, only through the file's VTIMEZONE: those two
show what a calendar app that trusts the file will do. The Moscow-hour bug this guards
against: with icalendar's automatic VTIMEZONE for Europe/Moscow, vobject and ical.js put the
18:00 opening at 14:00 UTC instead of 15:00 (both read only the first value of a multi-valued
RDATE, so the 2014 return from +04 to +03 is lost).

ical.js comes from npm (tests/js/package.json, pinned); the test installs it with `npm ci`
when it is missing, and fails, rather than skips, when Node.js or npm is not there.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
import vobject.icalendar
from pelican.plugins.programme.export_ical import (
    PRODID,
    CalendarLinks,
    event_calendar,
    programme_calendar,
    session_calendar,
)
from pelican.plugins.programme.model import Localized, PreviousStart, Programme, Session, Status, Venue
from pelican.plugins.programme.reading import read_programme

from tests.export_words import words

ROOT = Path(__file__).resolve().parents[2]

UTC = dt.timezone.utc
STAMP = dt.datetime(2021, 5, 1, 12, 30, tzinfo=UTC)
DOMAIN = "staedtepartnerkonferenz.example"
PAGES = {"konferenz": "https://staedtepartnerkonferenz.example/de/konferenz/"}
LINKS = CalendarLinks(event_pages=PAGES, uid_domain=DOMAIN, stamp=STAMP, words={lang: words(lang) for lang in ("de", "ru")})
OPENING_UTC = dt.datetime(2021, 6, 28, 15, 0, tzinfo=UTC)  # 18:00 in Moscow (UTC+3)
OPENING_END_UTC = dt.datetime(2021, 6, 28, 17, 0, tzinfo=UTC)
TBA = {lang: words(lang).time_to_be_announced for lang in ("de", "ru")}  # the catalogue's words
CYRILLIC = re.compile("[А-Яа-яЁё]")
TRICKY = 'Komma, Semikolon; Backslash \\ "Zitat"\nzweite Zeile'


# --- the data -----------------------------------------------------------------------------------




@pytest.fixture(scope="module", params=["real", "valid"])
def programme(request, real, valid) -> Programme:
    return {"real": real, "valid": valid}[request.param]


@pytest.fixture(params=["de", "ru"])
def lang(request) -> str:
    return request.param


def opening(programme: Programme):
    event = programme.event("konferenz")
    return event, next(s for s in event.sessions if s.id == "eroeffnung")


def all_files(programme: Programme, lang: str) -> dict[str, bytes]:
    """Every kind of file the export writes for this programme: the whole, each event, each session."""
    files = {"programme": programme_calendar(programme, lang, LINKS)}
    for event in programme.events:
        files[f"event {event.id}"] = event_calendar(programme, event, lang, LINKS)
        for session in event.sessions:
            files[f"session {event.id}/{session.id}"] = session_calendar(programme, event, session, lang, LINKS)
    return files


def berlin_programme(valid: Programme, dates: list[dt.date]) -> Programme:
    """The fixture's conference moved to Berlin, one 12:00-13:00 session on each date."""
    event = valid.event("konferenz")
    sessions = tuple(
        Session(id=f"s{i}", title=Localized(f"Sitzung {i}", f"Заседание {i}"), date=day, start=dt.time(12), end=dt.time(13))
        for i, day in enumerate(dates)
    )
    moved = dataclasses.replace(
        event, timezone=ZoneInfo("Europe/Berlin"), start=min(dates), end=max(dates), sessions=sessions
    )
    return dataclasses.replace(valid, events=(moved,))


def with_session(programme: Programme, **changes) -> tuple[Programme, object, Session]:
    """The programme with the opening session changed."""
    event, session = opening(programme)
    changed = dataclasses.replace(session, **changes)
    event = dataclasses.replace(event, sessions=tuple(changed if s is session else s for s in event.sessions))
    programme = dataclasses.replace(programme, events=tuple(event if e.id == event.id else e for e in programme.events))
    return programme, event, changed


# --- the three parsers --------------------------------------------------------------------------


def by_icalendar(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def by_vobject(data: bytes) -> dict[str, object]:
    # vobject keeps one process-wide TZID -> tzinfo map and only fills it from the first
    # VTIMEZONE it sees (or from pytz); a fresh map per file makes it read this file's VTIMEZONE.
    fresh = {"UTC": vobject.icalendar.utc}
    with mock.patch.dict(vobject.icalendar.__dict__, {"__tzidMap": fresh}):
        calendar = vobject.readOne(data.decode("utf-8"))
    return {e.uid.value: e for e in calendar.contents.get("vevent", [])}


def utc_by_icalendar(component: icalendar.Event, name: str) -> dt.datetime:
    return component.decoded(name).astimezone(UTC)


def utc_by_vobject(component, name: str) -> dt.datetime:
    value = getattr(component, name).value
    # the zone must come from the file's VTIMEZONE (dateutil's tzical), not a zone database
    assert type(value.tzinfo).__module__.startswith("dateutil"), type(value.tzinfo)
    return value.astimezone(UTC)


def utc_by_vtimezone(data: bytes, component: icalendar.Event, name: str) -> dt.datetime:
    """icalendar's reading of the file's own VTIMEZONE, not of its zone database."""
    prop = component[name]
    zone = next(
        tz for tz in icalendar.Calendar.from_ical(data).walk("VTIMEZONE") if tz["TZID"] == prop.params["TZID"]
    ).to_tz()
    return prop.dt.replace(tzinfo=None).replace(tzinfo=zone).astimezone(UTC)


def icaljs_utc(moment: dict) -> dt.datetime:
    assert moment["zoneFromFile"], moment
    return dt.datetime.fromtimestamp(moment["unix"], UTC)


def instants_by_every_parser(data: bytes, uid: str, by_icaljs) -> tuple[dict, dict]:
    """The start and the end of the event uid in UTC, as each parser (and icalendar's reading
    of the file's own VTIMEZONE) finds them: {parser: instant} twice."""
    ical, vobj = by_icalendar(data)[uid], by_vobject(data)[uid]
    js = next(e for e in by_icaljs(data)["events"] if e["uid"] == uid)
    return tuple(
        {
            "icalendar": utc_by_icalendar(ical, name),
            "icalendar VTIMEZONE": utc_by_vtimezone(data, ical, name),
            "vobject": utc_by_vobject(vobj, name.lower()),
            "ical.js": icaljs_utc(js[moment]),
        }
        for name, moment in (("DTSTART", "start"), ("DTEND", "end"))
    )


# --- the Moscow hour ----------------------------------------------------------------------------


def test_opening_is_at_15_utc_in_every_file_and_parser(programme, lang, by_icaljs):
    event, session = opening(programme)
    uid = f"konferenz-eroeffnung@{DOMAIN}"
    files = {
        "programme": programme_calendar(programme, lang, LINKS),
        "event": event_calendar(programme, event, lang, LINKS),
        "session": session_calendar(programme, event, session, lang, LINKS),
    }
    for kind, data in files.items():
        assert b"DTSTART;TZID=Europe/Moscow:20210628T180000\r\n" in data, kind
        starts, ends = instants_by_every_parser(data, uid, by_icaljs)
        assert starts == dict.fromkeys(starts, OPENING_UTC), kind
        assert ends == dict.fromkeys(ends, OPENING_END_UTC), kind


def test_moscow_vtimezone_is_minimal(programme):
    data = programme_calendar(programme, "de", LINKS)
    zones = icalendar.Calendar.from_ical(data).walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Moscow"]
    observances = zones[0].subcomponents
    assert [o.name for o in observances] == ["STANDARD"]
    assert observances[0].to_ical().decode().split("\r\n") == [
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZNAME:MSK",
        "TZOFFSETFROM:+0300",
        "TZOFFSETTO:+0300",
        "END:STANDARD",
        "",
    ]


# --- a zone with summer time: Europe/Berlin -----------------------------------------------------

BERLIN_DATES = [dt.date(2021, 3, 27), dt.date(2021, 3, 29), dt.date(2021, 11, 1)]
BERLIN_NOON_UTC = [  # 12:00 CET, 12:00 CEST, 12:00 CET
    dt.datetime(2021, 3, 27, 11, tzinfo=UTC),
    dt.datetime(2021, 3, 29, 10, tzinfo=UTC),
    dt.datetime(2021, 11, 1, 11, tzinfo=UTC),
]


def test_berlin_vtimezone_has_the_transitions_in_range(valid):
    data = programme_calendar(berlin_programme(valid, BERLIN_DATES), "de", LINKS)
    (zone,) = icalendar.Calendar.from_ical(data).walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Berlin"
    observances = [
        (o.name, o["DTSTART"].to_ical().decode(), o["TZOFFSETFROM"].to_ical(), o["TZOFFSETTO"].to_ical(), str(o["TZNAME"]))
        for o in zone.subcomponents
    ]
    # RFC 5545: an onset is the wall time before the change (02:00 CET, 03:00 CEST)
    assert observances == [
        ("STANDARD", "19700101T000000", "+0100", "+0100", "CET"),
        ("DAYLIGHT", "20210328T020000", "+0100", "+0200", "CEST"),
        ("STANDARD", "20211031T030000", "+0200", "+0100", "CET"),
    ]


def test_berlin_summer_only_needs_one_daylight_observance(valid):
    data = programme_calendar(berlin_programme(valid, [dt.date(2021, 6, 28)]), "de", LINKS)
    (zone,) = icalendar.Calendar.from_ical(data).walk("VTIMEZONE")
    assert [(o.name, o["TZOFFSETTO"].to_ical(), str(o["TZNAME"])) for o in zone.subcomponents] == [
        ("DAYLIGHT", "+0200", "CEST")
    ]


def test_berlin_times_across_transitions_in_every_parser(valid, by_icaljs):
    data = programme_calendar(berlin_programme(valid, BERLIN_DATES), "de", LINKS)
    ical, vobj = by_icalendar(data), by_vobject(data)
    js = {e["uid"]: e for e in by_icaljs(data)["events"]}
    for i, expected in enumerate(BERLIN_NOON_UTC):
        uid = f"konferenz-s{i}@{DOMAIN}"
        assert utc_by_icalendar(ical[uid], "DTSTART") == expected
        assert utc_by_vtimezone(data, ical[uid], "DTSTART") == expected
        assert utc_by_vobject(vobj[uid], "dtstart") == expected
        assert icaljs_utc(js[uid]["start"]) == expected


def test_berlin_vtimezone_converts_from_utc_at_the_spring_onset(valid):
    """The hour after 01:00 UTC on 28 March is already summer time (03:xx CEST)."""
    data = programme_calendar(berlin_programme(valid, BERLIN_DATES), "de", LINKS)
    vobj = vobject.readOne(data.decode())
    for zone in (vobj.vtimezone.gettzinfo(), icalendar.Calendar.from_ical(data).walk("VTIMEZONE")[0].to_tz()):
        local = dt.datetime(2021, 3, 28, 1, 30, tzinfo=UTC).astimezone(zone)
        assert (local.hour, local.utcoffset()) == (3, dt.timedelta(hours=2)), zone
        local = dt.datetime(2021, 3, 28, 0, 30, tzinfo=UTC).astimezone(zone)
        assert (local.hour, local.utcoffset()) == (1, dt.timedelta(hours=1)), zone


def test_one_vtimezone_per_zone_used(valid):
    berlin = berlin_programme(valid, [dt.date(2021, 6, 28)]).events[0]
    berlin = dataclasses.replace(berlin, id="berlin")
    both = dataclasses.replace(valid, events=(*valid.events, berlin))
    data = programme_calendar(both, "de", LINKS)
    assert [str(z["TZID"]) for z in icalendar.Calendar.from_ical(data).walk("VTIMEZONE")] == [
        "Europe/Berlin",
        "Europe/Moscow",
    ]
    assert by_vobject(data)[f"berlin-s0@{DOMAIN}"].dtstart.value.astimezone(UTC) == dt.datetime(2021, 6, 28, 10, tzinfo=UTC)


# --- all-day items ------------------------------------------------------------------------------


def test_events_are_all_day_with_exclusive_end(programme, lang):
    data = programme_calendar(programme, lang, LINKS)
    ical, vobj = by_icalendar(data), by_vobject(data)
    for event in programme.events:
        uid = f"{event.id}@{DOMAIN}"
        assert ical[uid]["DTSTART"].params.get("VALUE") == "DATE"
        for start, end in (
            (ical[uid].decoded("DTSTART"), ical[uid].decoded("DTEND")),
            (vobj[uid].dtstart.value, vobj[uid].dtend.value),
        ):
            assert type(start) is dt.date and type(end) is dt.date
            assert (start, end) == (event.start, event.end + dt.timedelta(days=1))


def test_untimed_sessions_are_all_day_and_say_time_to_be_announced(programme, lang, by_icaljs):
    data = programme_calendar(programme, lang, LINKS)
    ical, vobj = by_icalendar(data), by_vobject(data)
    js = {e["uid"]: e for e in by_icaljs(data)["events"]}
    untimed = [(e, s) for e in programme.events for s in e.sessions if s.start is None]
    assert untimed
    for event, session in untimed:
        uid = f"{event.id}-{session.id}@{DOMAIN}"
        next_day = session.date + dt.timedelta(days=1)
        assert (ical[uid].decoded("DTSTART"), ical[uid].decoded("DTEND")) == (session.date, next_day)
        assert (vobj[uid].dtstart.value, vobj[uid].dtend.value) == (session.date, next_day)
        assert type(vobj[uid].dtstart.value) is dt.date
        assert (js[uid]["start"], js[uid]["end"]) == ({"date": session.date.isoformat()}, {"date": next_day.isoformat()})
        assert str(ical[uid]["DESCRIPTION"]).endswith(TBA[lang])
        assert vobj[uid].description.value.endswith(TBA[lang])


def test_timed_sessions_do_not_say_time_to_be_announced(programme, lang):
    ical = by_icalendar(programme_calendar(programme, lang, LINKS))
    for event in programme.events:
        for session in event.sessions:
            if session.start is not None:
                assert TBA[lang] not in str(ical[f"{event.id}-{session.id}@{DOMAIN}"].get("DESCRIPTION", ""))


def test_start_without_end_has_neither_dtend_nor_duration(valid):
    programme, event, session = with_session(valid, end=None)
    data = session_calendar(programme, event, session, "de", LINKS)
    (component,) = by_icalendar(data).values()
    assert "DTEND" not in component and "DURATION" not in component
    assert utc_by_icalendar(component, "DTSTART") == OPENING_UTC
    assert not hasattr(by_vobject(data)[f"konferenz-eroeffnung@{DOMAIN}"], "dtend")


# --- identity: UIDs, DTSTAMP, reproducibility ---------------------------------------------------


def test_programme_file_has_every_event_and_session_once(programme, lang):
    data = programme_calendar(programme, lang, LINKS)
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]
    expected = [f"{e.id}@{DOMAIN}" for e in programme.events]
    expected += [f"{e.id}-{s.id}@{DOMAIN}" for e in programme.events for s in e.sessions]
    assert len(uids) == len(set(uids))
    assert sorted(uids) == sorted(expected)


def test_event_file_has_the_event_and_its_sessions(programme, lang):
    for event in programme.events:
        uids = {str(e["UID"]) for e in icalendar.Calendar.from_ical(event_calendar(programme, event, lang, LINKS)).walk("VEVENT")}
        assert uids == {f"{event.id}@{DOMAIN}"} | {f"{event.id}-{s.id}@{DOMAIN}" for s in event.sessions}


def test_same_uids_in_both_languages(programme):
    de, ru = all_files(programme, "de"), all_files(programme, "ru")
    for kind in de:
        assert list(by_icalendar(de[kind])) == list(by_icalendar(ru[kind])), kind


def test_dtstamp_is_the_given_stamp_in_every_parser(programme, lang, by_icaljs):
    data = programme_calendar(programme, lang, LINKS)
    assert {e.decoded("DTSTAMP") for e in by_icalendar(data).values()} == {STAMP}
    assert {e.dtstamp.value for e in by_vobject(data).values()} == {STAMP}
    assert {e["dtstamp"] for e in by_icaljs(data)["events"]} == {STAMP.timestamp()}
    assert b"CREATED" not in data and b"LAST-MODIFIED" not in data


def test_stamp_in_another_zone_is_written_in_utc_and_a_naive_one_is_refused(valid):
    moscow_noon = dt.datetime(2021, 5, 1, 15, 30, tzinfo=ZoneInfo("Europe/Moscow"))
    data = programme_calendar(valid, "de", dataclasses.replace(LINKS, stamp=moscow_noon))
    assert b"DTSTAMP:20210501T123000Z\r\n" in data
    with pytest.raises(ValueError, match="timezone-aware"):
        programme_calendar(valid, "de", dataclasses.replace(LINKS, stamp=STAMP.replace(tzinfo=None)))


def test_identical_input_gives_identical_bytes(programme, lang):
    assert all_files(programme, lang) == all_files(programme, lang)
    assert programme_calendar(programme, lang, LINKS) == programme_calendar(
        dataclasses.replace(programme), lang, dataclasses.replace(LINKS, event_pages=dict(PAGES))
    )


# --- text and language --------------------------------------------------------------------------


def test_calendar_header(programme, lang):
    conference = programme.event("konferenz")
    for kind, data in all_files(programme, lang).items():
        calendar = icalendar.Calendar.from_ical(data)
        assert str(calendar["PRODID"]) == PRODID
        assert (str(calendar["VERSION"]), str(calendar["CALSCALE"]), str(calendar["METHOD"])) == ("2.0", "GREGORIAN", "PUBLISH")
        event_id = "konferenz" if kind == "programme" else kind.split()[1].split("/")[0]
        title = (conference if kind == "programme" else programme.event(event_id)).title.get(lang)
        assert str(calendar["X-WR-CALNAME"]) == title, kind


def test_texts_are_in_the_files_language(programme, lang, by_icaljs):
    data = programme_calendar(programme, lang, LINKS)
    ical, vobj = by_icalendar(data), by_vobject(data)
    js = {e["uid"]: e for e in by_icaljs(data)["events"]}
    for event in programme.events:
        items = [(f"{event.id}@{DOMAIN}", event.title, event.description)]
        items += [(f"{event.id}-{s.id}@{DOMAIN}", s.title, s.description) for s in event.sessions]
        for uid, title, description in items:
            assert str(ical[uid]["SUMMARY"]) == vobj[uid].summary.value == js[uid]["summary"] == title.get(lang)
            assert ical[uid]["SUMMARY"].params["LANGUAGE"] == lang
            if description:  # after the status, where there is one
                assert description.get(lang) in vobj[uid].description.value.split("\n\n")[:2]
            texts = [vobj[uid].summary.value]
            if "description" in vobj[uid].contents:
                texts.append(vobj[uid].description.value)
            for text in texts:
                assert bool(CYRILLIC.search(text)) == (lang == "ru"), text


def test_working_group_sessions_name_their_coordinators(programme, lang):
    ical = by_icalendar(programme_calendar(programme, lang, LINKS))
    label = f"{words(lang).coordinated_by} "
    groups = [(e, s) for e in programme.events for s in e.sessions if s.working_group]
    assert groups
    for event, session in groups:
        description = str(ical[f"{event.id}-{session.id}@{DOMAIN}"]["DESCRIPTION"])
        line = next(p for p in description.split("\n\n") if p.startswith(label))
        for organisation in session.working_group.coordinators:
            assert organisation.name.get(lang) in line


def test_locations_and_urls(valid, lang):
    data = programme_calendar(valid, lang, LINKS)
    ical = by_icalendar(data)
    opening_ = ical[f"konferenz-eroeffnung@{DOMAIN}"]
    assert str(opening_["LOCATION"]) == {"de": "Philharmonie, ul. Lenina 60, Kaluga", "ru": "Филармония, ул. Ленина, 60, Калуга"}[lang]
    assert str(ical[f"konferenz-ag-kultur@{DOMAIN}"]["LOCATION"]) == {"de": "Rathaus, Kaluga", "ru": "Городская управа, Калуга"}[lang]
    assert "LOCATION" not in ical[f"konferenz-ag-offen@{DOMAIN}"]  # room not announced
    assert str(opening_["URL"]) == PAGES["konferenz"] + "#eroeffnung"
    assert str(ical[f"konferenz@{DOMAIN}"]["URL"]) == PAGES["konferenz"]
    assert "URL" not in ical[f"deutschlandfest@{DOMAIN}"]  # its page is not known


def test_special_characters_survive_the_round_trip(valid, lang, by_icaljs):
    venue = Venue(id="saal", name=Localized(TRICKY, TRICKY), city=Localized("Kaluga", "Калуга"))
    hard_break = TRICKY.replace("\n", "\\\n")  # Markdown's hard line break: a backslash at the end
    programme, event, session = with_session(
        valid, title=Localized(TRICKY, TRICKY), description=Localized(hard_break, hard_break), venue=venue, speakers=()
    )
    data = session_calendar(programme, event, session, lang, LINKS)
    uid = f"konferenz-eroeffnung@{DOMAIN}"
    ical, vobj = by_icalendar(data)[uid], by_vobject(data)[uid]
    js = by_icaljs(data)["events"][0]
    assert str(ical["SUMMARY"]) == vobj.summary.value == js["summary"] == TRICKY
    assert str(ical["DESCRIPTION"]) == vobj.description.value == js["description"] == TRICKY
    assert str(ical["LOCATION"]) == vobj.location.value == js["location"] == f"{TRICKY}, {venue.city.get(lang)}"
    assert b"SUMMARY;LANGUAGE=" + lang.encode() + b':Komma\\, Semikolon\\; Backslash \\\\ "Zitat"\\nzweite Zeile' in data


# --- the files as files -------------------------------------------------------------------------


def test_session_file_has_exactly_one_vevent(programme, lang):
    for event in programme.events:
        for session in event.sessions:
            calendar = icalendar.Calendar.from_ical(session_calendar(programme, event, session, lang, LINKS))
            assert [str(e["UID"]) for e in calendar.walk("VEVENT")] == [f"{event.id}-{session.id}@{DOMAIN}"]
            zones = [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")]
            assert zones == ([event.timezone.key] if session.start else [])
            assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE"] * len(zones) + ["VEVENT"]


def test_lines_are_crlf_folded_utf8(programme, lang):
    for kind, data in all_files(programme, lang).items():
        data.decode("utf-8")
        assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b""), kind
        lines = data.split(b"\r\n")
        assert max(len(line) for line in lines) <= 75, kind
        for line in lines:
            line.decode("utf-8")  # folding never cuts a character in two


def test_unknown_language_is_refused(valid):
    with pytest.raises(ValueError, match="language"):
        programme_calendar(valid, "en", LINKS)


# --- places, online access, languages, speakers, a night past midnight --------------------------
# tests/fixtures/programme/exports.yaml: a conference in Berlin over the night the clocks go forward.

EXPORTS = ROOT / "tests" / "fixtures" / "programme" / "exports.yaml"
NIGHT_START_UTC = dt.datetime(2021, 3, 27, 21, 0, tzinfo=UTC)  # 22:00 CET
NIGHT_END_UTC = dt.datetime(2021, 3, 28, 1, 30, tzinfo=UTC)  # 03:30 CEST, the clocks went forward at 02:00


@pytest.fixture(scope="module")
def berlin() -> Programme:
    return read_programme(str(EXPORTS))


def berlin_file(berlin: Programme, lang: str, **event_changes) -> bytes:
    event = dataclasses.replace(berlin.event("konferenz"), **event_changes)
    return event_calendar(berlin, event, lang, LINKS)


def test_a_night_past_midnight_ends_the_next_morning_in_every_parser(berlin, lang, by_icaljs):
    data = berlin_file(berlin, lang)
    uid = f"konferenz-nachtcafe@{DOMAIN}"
    assert b"DTEND;TZID=Europe/Berlin:20210328T033000\r\n" in data
    starts, ends = instants_by_every_parser(data, uid, by_icaljs)
    assert starts == dict.fromkeys(starts, NIGHT_START_UTC)
    assert ends == dict.fromkeys(ends, NIGHT_END_UTC)  # four and a half hours, not five and a half


def test_the_vtimezone_reaches_the_end_past_midnight(berlin):
    event = berlin.event("konferenz")
    night = next(s for s in event.sessions if s.id == "nachtcafe")
    (zone,) = icalendar.Calendar.from_ical(session_calendar(berlin, event, night, "de", LINKS)).walk("VTIMEZONE")
    assert [(o.name, o["DTSTART"].to_ical().decode()) for o in zone.subcomponents] == [
        ("STANDARD", "19700101T000000"),
        ("DAYLIGHT", "20210328T020000"),
    ]


def test_an_end_before_the_start_is_not_taken_for_the_next_day_by_itself(berlin):
    event = berlin.event("konferenz")
    night = dataclasses.replace(next(s for s in event.sessions if s.id == "nachtcafe"), ends_next_day=False)
    (component,) = by_icalendar(session_calendar(berlin, event, night, "de", LINKS)).values()
    assert component.decoded("DTEND").date() == dt.date(2021, 3, 27)


def test_location_names_room_venue_and_address(berlin, lang):
    ical = by_icalendar(berlin_file(berlin, lang))
    expected = {
        "de": ("Kammermusiksaal, Philharmonie, Herbert-von-Karajan-Straße 1, Berlin", "Rathaus, Berlin"),
        "ru": ("Камерный зал, Филармония, Герберт-фон-Караян-штрассе, 1, Берлин", "Ратуша, Берлин"),
    }[lang]
    assert (str(ical[f"konferenz-eroeffnung@{DOMAIN}"]["LOCATION"]), str(ical[f"konferenz-nachtcafe@{DOMAIN}"]["LOCATION"])) == expected
    assert "LOCATION" not in ical[f"konferenz-offen@{DOMAIN}"]  # no place given


def test_an_online_session_takes_place_at_its_link_or_platform_or_online(berlin, lang, by_icaljs):
    data = berlin_file(berlin, lang)
    ical = by_icalendar(data)
    js = {e["uid"]: e for e in by_icaljs(data)["events"]}
    stream, webinar = f"konferenz-stream@{DOMAIN}", f"konferenz-webinar@{DOMAIN}"
    assert str(ical[stream]["LOCATION"]) == js[stream]["location"] == "https://meet.example.org/konferenz"
    assert str(ical[webinar]["LOCATION"]) == js[webinar]["location"] == "Zoom"  # no link yet
    without_access = by_icalendar(berlin_file(berlin, lang, online=None))
    assert str(without_access[stream]["LOCATION"]) == words(lang).online
    assert str(ical[stream]["URL"]) == PAGES["konferenz"] + "#stream"  # URL stays the page


def test_geo_comes_from_the_venue(berlin):
    data = berlin_file(berlin, "de")
    ical, vobj = by_icalendar(data), by_vobject(data)
    for uid in (f"konferenz@{DOMAIN}", f"konferenz-eroeffnung@{DOMAIN}"):
        assert ical[uid].decoded("GEO") == (52.5098, 13.3699)
        assert vobj[uid].geo.value == "52.5098;13.3699"
    for session_id in ("nachtcafe", "stream", "offen"):  # no coordinates, online, no place
        assert "GEO" not in ical[f"konferenz-{session_id}@{DOMAIN}"]


def test_conference_property_where_a_link_is_known(berlin):
    data = berlin_file(berlin, "de")
    ical, vobj = by_icalendar(data), by_vobject(data)
    for session_id in ("stream", "eroeffnung"):  # online only, and hybrid: both the event's link
        uid = f"konferenz-{session_id}@{DOMAIN}"
        conference = ical[uid]["CONFERENCE"]
        assert str(conference) == "https://meet.example.org/konferenz"
        assert dict(conference.params) == {"VALUE": "URI", "FEATURE": "VIDEO", "LABEL": "Jitsi"}
        assert vobj[uid].conference.value == "https://meet.example.org/konferenz"
        assert vobj[uid].conference.params["LABEL"] == ["Jitsi"]
    for session_id in ("webinar", "nachtcafe"):  # its link not yet known; on site only
        assert "CONFERENCE" not in ical[f"konferenz-{session_id}@{DOMAIN}"]
    unfolded = data.replace(b"\r\n ", b"")
    assert b"\r\nCONFERENCE;FEATURE=VIDEO;LABEL=Jitsi;VALUE=URI:https://meet.example.org/konferenz\r\n" in unfolded


def paragraphs(ical: dict, session_id: str) -> list[str]:
    return str(ical[f"konferenz-{session_id}@{DOMAIN}"]["DESCRIPTION"]).split("\n\n")


def test_description_says_how_to_take_part_online(berlin, lang):
    ical = by_icalendar(berlin_file(berlin, lang))
    online = words(lang).online
    follows = {"de": "Link (Zoom) folgt", "ru": "Ссылка (Zoom) будет опубликована позже"}[lang]
    note = {"de": "Anmeldung erforderlich.", "ru": "Нужна регистрация."}[lang]
    assert f"{online}: {follows}\n{note}" in paragraphs(ical, "webinar")
    assert f"{online}: https://meet.example.org/konferenz (Jitsi)" in paragraphs(ical, "stream")
    assert not any(p.startswith(f"{online}:") for p in paragraphs(ical, "nachtcafe"))  # on site only


def test_description_names_languages_interpreting_and_speakers(berlin, lang):
    ical = by_icalendar(berlin_file(berlin, lang))
    w = words(lang)
    german, russian = {"de": ("Deutsch", "Russisch"), "ru": ("немецкий", "русский")}[lang]
    both = {"de": f"{german} und {russian}", "ru": f"{german} и {russian}"}[lang]
    assert f"{w.spoken_languages(2)}: {both}, {w.simultaneous}" in paragraphs(ical, "eroeffnung")  # the event's
    assert f"{w.spoken_languages(1)}: {russian}, {w.not_interpreted}" in paragraphs(ical, "nachtcafe")  # its own
    names = {"de": "Anna Petrowa und Iwan Sokolow", "ru": "Анна Петрова и Иван Соколов"}[lang]
    assert f"{w.speakers(2)}: {names}" in paragraphs(ical, "eroeffnung")


def test_markdown_descriptions_are_plain_text(berlin, lang):
    ical = by_icalendar(berlin_file(berlin, lang))
    expected = {"de": "Mit Grußworten und dem Programm (https://example.org/programm).",
                "ru": "С приветствиями и программой (https://example.org/programm)."}[lang]
    assert paragraphs(ical, "eroeffnung")[0] == expected


# --- status -------------------------------------------------------------------------------------

STATUS_WORDS = {  # the pages' words, from the catalogues
    "de": {"cancelled": "Abgesagt: Eröffnung", "postponed": "Verschoben: Eröffnung",
           "postponed note": "Verschoben, neuer Termin folgt", "rescheduled note": "Verschoben, ursprünglich geplant: 15.\u00a0Juni 2021"},
    "ru": {"cancelled": "Отменено: Открытие", "postponed": "Перенесено: Открытие",
           "postponed note": "Перенесено, новая дата будет объявлена",
           "rescheduled note": "Перенесено, первоначально планировалось на 15\u00a0июня 2021\u00a0г."},
}


@pytest.mark.parametrize("status, expected, summary", [
    (Status.CANCELLED, "CANCELLED", "cancelled"),
    (Status.POSTPONED, "TENTATIVE", "postponed"),
    (Status.RESCHEDULED, "CONFIRMED", None),
])
def test_a_sessions_status_is_read_back_by_every_parser(valid, lang, by_icaljs, status, expected, summary):
    programme, event, session = with_session(valid, status=status)
    uid = f"konferenz-eroeffnung@{DOMAIN}"
    for data in (session_calendar(programme, event, session, lang, LINKS), programme_calendar(programme, lang, LINKS)):
        ical, vobj = by_icalendar(data)[uid], by_vobject(data)[uid]
        js = next(e for e in by_icaljs(data)["events"] if e["uid"] == uid)
        assert str(ical["STATUS"]) == vobj.status.value == expected
        title = STATUS_WORDS[lang][summary] if summary else session.title.get(lang)
        assert str(ical["SUMMARY"]) == vobj.summary.value == js["summary"] == title
        # the item keeps its UID and time, so a calendar app updates the entry it already holds
        starts, _ = instants_by_every_parser(data, uid, by_icaljs)
        assert starts == dict.fromkeys(starts, OPENING_UTC)


def test_scheduled_items_make_no_status_claim(programme, lang):
    ical = by_icalendar(programme_calendar(programme, lang, LINKS))
    scheduled = [f"{e.id}@{DOMAIN}" for e in programme.events if e.status is Status.SCHEDULED]
    scheduled += [f"{e.id}-{s.id}@{DOMAIN}" for e in programme.events for s in e.sessions if s.status is Status.SCHEDULED]
    assert scheduled and all("STATUS" not in ical[uid] for uid in scheduled)


def test_the_description_starts_with_the_pages_words_for_the_status(valid, lang):
    programme, event, session = with_session(valid, status=Status.POSTPONED)
    vobj = by_vobject(session_calendar(programme, event, session, lang, LINKS))[f"konferenz-eroeffnung@{DOMAIN}"]
    assert vobj.description.value.split("\n\n")[0] == STATUS_WORDS[lang]["postponed note"]
    programme, event, session = with_session(valid, status=Status.RESCHEDULED, previous_start=PreviousStart(2021, 6, 15))
    vobj = by_vobject(session_calendar(programme, event, session, lang, LINKS))[f"konferenz-eroeffnung@{DOMAIN}"]
    assert vobj.description.value.split("\n\n")[0] == STATUS_WORDS[lang]["rescheduled note"]


def test_the_real_deutschlandfest_is_confirmed_at_its_new_dates_and_says_when_it_was_planned(real, lang):
    vobj = by_vobject(programme_calendar(real, lang, LINKS))[f"deutschlandfest@{DOMAIN}"]
    assert vobj.status.value == "CONFIRMED"
    assert vobj.dtstart.value == dt.date(2021, 6, 26)
    first = {"de": "Verschoben, ursprünglich geplant: August 2020",
             "ru": "Перенесено, первоначально планировалось на август 2020\u00a0г."}[lang]
    assert vobj.description.value.split("\n\n")[0] == first
