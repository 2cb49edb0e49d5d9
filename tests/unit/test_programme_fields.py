"""The fields a hybrid conference needs, read from programme.yaml: zones, rooms, online access,
languages, sessions past midnight, speakers, the site's title. Each case edits the valid fixture
(several replacements where one value needs another), then checks what is read, or that a bad
value is reported at its line and column with what to fix.
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pelican.plugins.programme.model import Format, Interpretation, Status, session_languages, session_online, session_status
from pelican.plugins.programme.reading import read_programme_text

from tests.unit.test_validation import assert_one_problem

VALID = Path(__file__).parent.parent / "fixtures" / "programme" / "valid.yaml"

VENUE_WITH_ROOMS = (
    "    city: {de: Kaluga, ru: Калуга}\n  - id: rathaus",
    "    city: {de: Kaluga, ru: Калуга}\n    country: RU\n    geo: {lat: 54.5138, lon: 36.2612}\n    rooms:\n"
    "      - {id: grosser-saal, name: {de: Großer Saal, ru: Большой зал}}\n"
    "      - {id: kleiner-saal, name: {de: Kleiner Saal, ru: Малый зал}}\n  - id: rathaus",
)
PARALLEL_IN_ROOMS = (
    "start: \"14:00\", end: \"17:00\", venue: philharmonie, working_group: jugend",
    "start: \"14:00\", end: \"17:00\", room: grosser-saal, working_group: jugend",
)
OPENING = '        start: "18:00"\n        end: "20:00"\n        venue: philharmonie\n'


def edited(*replacements: tuple[str, str]) -> str:
    text = VALID.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def read(*replacements: tuple[str, str]):
    return read_programme_text(edited(*replacements), "programme.yaml")


def session(programme, session_id: str):
    return next(s for e in programme.events for s in e.sessions if s.id == session_id)


# --- what is read -------------------------------------------------------------------------------


def test_a_room_brings_its_venue_and_parallel_sessions_in_two_rooms_do_not_clash():
    programme = read(VENUE_WITH_ROOMS, PARALLEL_IN_ROOMS, (
        "venue: rathaus, working_group: kultur", "room: kleiner-saal, working_group: kultur"
    ))
    jugend, kultur = session(programme, "ag-jugend"), session(programme, "ag-kultur")
    assert (jugend.room.id, jugend.venue.id) == ("grosser-saal", "philharmonie")
    assert (kultur.room.id, kultur.venue.id) == ("kleiner-saal", "philharmonie")
    venue = programme.venues[0]
    assert (venue.country, venue.geo.lat, venue.geo.lon) == ("RU", 54.5138, 36.2612)


def test_a_session_past_midnight_ends_on_the_next_day():
    programme = read((OPENING, '        start: "20:00"\n        end: "01:00"\n        ends_next_day: true\n        venue: philharmonie\n'))
    opening = session(programme, "eroeffnung")
    zone = ZoneInfo("Europe/Moscow")
    assert opening.starts_at(zone) == dt.datetime(2021, 6, 28, 20, tzinfo=zone)
    assert opening.ends_at(zone) == dt.datetime(2021, 6, 29, 1, tzinfo=zone)


def test_online_access_languages_and_interpretation_of_an_event_apply_to_its_sessions():
    programme = read(("    format: hybrid\n", (
        "    format: hybrid\n    online: {url: \"https://meet.example.org/konferenz\", platform: Zoom}\n"
        "    languages: [de, ru]\n    interpretation: simultaneous\n"
    )), ("title: {de: Panel, ru: Дискуссия}", "title: {de: Panel, ru: Дискуссия}\n        languages: [en]\n        format: online"))
    event = programme.events[0]
    opening, panel = session(programme, "eroeffnung"), session(programme, "panel")
    assert event.interpretation is Interpretation.SIMULTANEOUS
    assert session_online(event, opening).url == "https://meet.example.org/konferenz"
    assert session_languages(event, opening) == ("de", "ru")
    assert (panel.format, session_languages(event, panel)) == (Format.ONLINE, ("en",))


def test_site_title_contact_and_zone_wording():
    programme = read(("home_timezone: Europe/Berlin\n", (
        "home_timezone: Europe/Berlin\nhome_label: {de: In Deutschland, ru: В Германии}\n"
        "zone_names:\n  Europe/Moscow: {de: Moskauer Zeit}\n"
        "site:\n  title: {de: Konferenz, ru: Конференция}\n"
        "  contact: {name: {de: Stiftung, ru: Фонд}, email: info@example.org}\n"
    )))
    assert programme.home_label.ru == "В Германии"
    assert programme.zone_name(ZoneInfo("Europe/Moscow"), "de") == "Moskauer Zeit"
    assert programme.zone_name(ZoneInfo("Europe/Moscow"), "ru") is None  # CLDR's wording, then
    assert (programme.site.title.de, programme.site.contact.email) == ("Konferenz", "info@example.org")


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    pixels = zlib.compress(b"".join(b"\0" + b"\0\0\0" * width for _ in range(height)))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_a_speaker_has_role_bio_and_a_photo_sized_from_its_file(tmp_path, monkeypatch):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "anna.png").write_bytes(_png(3, 4))
    monkeypatch.chdir(tmp_path)
    programme = read(("    affiliation: drf\n", (
        "    affiliation: drf\n    role: {de: Moderatorin, ru: модератор}\n"
        "    bio: {de: \"*Leitet* das [Forum](https://example.org).\", ru: Руководит форумом.}\n"
        "    photo: {file: images/anna.png, alt: {de: Anna Petrowa, ru: Анна Петрова}}\n"
    )))
    anna = programme.people[0]
    assert (anna.role.de, anna.photo.width, anna.photo.height) == ("Moderatorin", 3, 4)
    assert anna.photo.file == Path("images/anna.png")


# --- what is reported ---------------------------------------------------------------------------

# (replacements, where the problem is (see position()), where, the key part of the message)
DEFECTS = [
    (
        [("home_timezone: Europe/Berlin\n", "home_timezone: Europe/Berlin\nzone_names:\n  Europe/Moskau: {de: Moskauer Zeit}\n")],
        "Europe/Moskau:", "zone_names.Europe/Moskau", "unknown time zone 'Europe/Moskau'; did you mean 'Europe/Moscow'?",
    ),
    (
        [("home_timezone: Europe/Berlin\n", "home_timezone: Europe/Berlin\nzone_names:\n  Europe/Moscow: {}\n")],
        "{}", "zone_names.Europe/Moscow", "give the wording in at least one language",
    ),
    (
        [VENUE_WITH_ROOMS, ("venue: rathaus, working_group: kultur", "room: grosssaal, working_group: kultur")],
        "grosssaal", "events.konferenz.sessions[2].parallel.ag-kultur.room", "unknown room 'grosssaal'; did you mean 'grosser-saal'?",
    ),
    (
        [VENUE_WITH_ROOMS, ("venue: rathaus, working_group: kultur", "venue: rathaus, room: kleiner-saal, working_group: kultur")],
        "venue: rathaus, room: |kleiner-saal", "events.konferenz.sessions[2].parallel.ag-kultur.room",
        "room 'kleiner-saal' is in venue 'philharmonie', not in 'rathaus'",
    ),
    (
        [VENUE_WITH_ROOMS, PARALLEL_IN_ROOMS, ("venue: rathaus, working_group: kultur", "room: grosser-saal, working_group: kultur")],
        "{id: ag-kultur", "events.konferenz.sessions.ag-kultur",
        "room grosser-saal is already taken from 14:00 to 17:00 on 2021-06-29 by session 'ag-jugend'",
    ),
    (
        [VENUE_WITH_ROOMS, ("geo: {lat: 54.5138, lon: 36.2612}", "geo: {lat: 95.5, lon: 36.2612}")],
        "95.5", "venues.philharmonie.geo.lat", "95.5 is out of range: lat runs from -90 to 90",
    ),
    (
        [VENUE_WITH_ROOMS, ("geo: {lat: 54.5138, lon: 36.2612}", "geo: {lat: 54°30', lon: 36.2612}")],
        "54°30'", "venues.philharmonie.geo.lat", "is not a coordinate: write degrees as a decimal number",
    ),
    (
        [VENUE_WITH_ROOMS, ("country: RU", "country: Russland")],
        "Russland", "venues.philharmonie.country", "'Russland' is not a country code",
    ),
    (
        [(OPENING, '        start: "20:00"\n        end: "01:00"\n        venue: philharmonie\n')],
        '"01:00"', "events.konferenz.sessions.eroeffnung.end",
        "end 01:00 is before start 20:00: correct one of them, or add ends_next_day: true if it ends after midnight",
    ),
    (
        [(OPENING, OPENING + "        ends_next_day: true\n")],
        "true", "events.konferenz.sessions.eroeffnung.ends_next_day",
        "ends_next_day is true, but end 20:00 is not before start 18:00",
    ),
    (
        [(OPENING, OPENING + "        ends_next_day: ja\n")],
        "ja\n", "events.konferenz.sessions.eroeffnung.ends_next_day", "unknown value 'ja'; use one of true, false",
    ),
    (
        [("    format: hybrid\n", "    format: hybrid\n    online: {url: \"http://meet.example.org\"}\n")],
        '"http://meet.example.org"', "events.konferenz.online.url", "is not a secure web address: write the whole link, starting with https://",
    ),
    (
        [("    format: hybrid\n", "    format: hybrid\n    online: {}\n")],
        "{}", "events.konferenz.online", "online access needs at least one of url, platform, note",
    ),
    (
        [("    format: hybrid\n", "    format: hybrid\n    online: {link: \"https://meet.example.org\"}\n")],
        "{|link", "events.konferenz.online", "unknown key 'link'",
    ),
    (
        [("    format: on-site\n", "    format: onlien\n")],
        "onlien", "events.deutschlandfest.format", "unknown format 'onlien'; did you mean 'online'?",
    ),
    (
        [("    format: hybrid\n", "    format: hybrid\n    languages: [de, xx]\n")],
        "xx]", "events.konferenz.languages[1]", "unknown language 'xx': use an ISO 639 code such as de, ru, en or fr",
    ),
    (
        [("    format: hybrid\n", "    format: hybrid\n    languages: [Deutsch]\n")],
        "Deutsch]", "events.konferenz.languages[0]", "'Deutsch' is not a language code",
    ),
    (
        [("    format: hybrid\n", "    format: hybrid\n    languages: []\n")],
        "[]", "events.konferenz.languages", "the list is empty: name at least one language",
    ),
    (
        [("    format: hybrid\n", "    format: hybrid\n    interpretation: simultan\n")],
        "simultan", "events.konferenz.interpretation", "unknown interpretation 'simultan'; did you mean 'simultaneous'?",
    ),
    (
        [("    affiliation: drf\n", "    affiliation: drf\n    photo: {file: images/anna.jpg, alt: {de: Anna, ru: Анна}}\n")],
        "images/anna.jpg", "people.anna-petrova.photo.file", "there is no file images/anna.jpg in the folder of programme.yaml",
    ),
    (
        [("    affiliation: drf\n", "    affiliation: drf\n    photo: {file: images/anna.jpg}\n")],
        "{file", "people.anna-petrova.photo", "missing required key 'alt'",
    ),
    (
        [("home_timezone: Europe/Berlin\n", "home_timezone: Europe/Berlin\nsite:\n  contact: {name: {de: S, ru: Ф}, email: info.example.org}\n")],
        "info.example.org", "site.contact.email", "'info.example.org' is not an e-mail address",
    ),
    (
        [("home_timezone: Europe/Berlin\n", "home_timezone: Europe/Berlin\nsite:\n  calendar_uid_domain: Kaluga 2021\n")],
        "Kaluga 2021", "site.calendar_uid_domain", "'Kaluga 2021' cannot end a calendar UID",
    ),
    (
        [("home_timezone: Europe/Berlin\n", "home_timezone: Europe/Berlin\nsite:\n  further_information: {url: \"https://example.org\"}\n")],
        "{url", "site.further_information", "missing required key 'language'",
    ),
]


@pytest.mark.parametrize(("replacements", "at", "where", "message"), DEFECTS, ids=[c[3][:40] for c in DEFECTS])
def test_a_bad_value_is_reported_at_its_line(replacements, at, where, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # photos are looked for beside programme.yaml
    assert_one_problem(edited(*replacements), at, where, message)


STATUS_DEFECTS = [
    ("    format: on-site\n", "    format: on-site\n    status: abgesagt\n", "abgesagt", "events.deutschlandfest.status",
     "unknown status 'abgesagt'; use one of scheduled, cancelled, postponed, rescheduled"),
    ("    format: on-site\n", "    format: on-site\n    status: rescheduled\n    previous_start: 2020-13\n", "2020-13",
     "events.deutschlandfest.previous_start", "2020-13 is not a valid date (YYYY-MM-DD or YYYY-MM)"),
    ("    format: on-site\n", "    format: on-site\n    previous_start: 2020-08\n", "id: deutschlandfest",
     "events.deutschlandfest.previous_start", "previous_start is given, but the status is scheduled"),
    ("    format: on-site\n", "    format: on-site\n    status: postponed\n    previous_start: 2021-07-01\n", "id: deutschlandfest",
     "events.deutschlandfest.previous_start", "previous_start 2021-07-01 is not before the start 2021-06-26"),
]


@pytest.mark.parametrize(("old", "new", "at", "where", "message"), STATUS_DEFECTS, ids=[c[4][:40] for c in STATUS_DEFECTS])
def test_a_bad_status_is_reported_at_its_line(old, new, at, where, message):
    assert_one_problem(edited((old, new)), at, where, message)


def test_a_rescheduled_event_and_a_cancelled_session_whose_room_is_free():
    programme = read(
        ("    format: on-site\n", "    format: on-site\n    status: rescheduled\n    previous_start: 2020-08\n"),
        (OPENING, OPENING + "        status: cancelled\n"),
        ("        title: {de: Panel, ru: Дискуссия}", "        title: {de: Panel, ru: Дискуссия}\n      - {id: ersatz, date: 2021-06-28, start: \"18:00\", end: \"19:00\", venue: philharmonie, title: {de: Ersatz, ru: Замена}}"),
    )
    fest = programme.events[1]
    assert (fest.status, fest.previous_start.isoformat()) == (Status.RESCHEDULED, "2020-08")
    assert session(programme, "eroeffnung").status is Status.CANCELLED  # and "ersatz" does not clash with it


def test_the_sessions_of_a_cancelled_event_are_cancelled_with_it():
    programme = read(("    format: hybrid\n", "    format: hybrid\n    status: cancelled\n"),
                     (OPENING, OPENING + "        status: rescheduled\n        previous_start: 2021-06-20\n"))
    event = programme.events[0]
    assert session_status(event, session(programme, "panel")) is Status.CANCELLED
    assert session_status(event, session(programme, "eroeffnung")) is Status.RESCHEDULED  # its own says more
