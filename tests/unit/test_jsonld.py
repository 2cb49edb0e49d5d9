"""schema.org JSON-LD of the event pages, and the script element that carries it."""

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup
from pelican.plugins.programme.jsonld import event_jsonld, script_tag
from pelican.plugins.programme.model import Format, Localized, PreviousStart, Status
from pelican.plugins.programme.reading import read_programme

ROOT = Path(__file__).resolve().parents[2]
MOSCOW_OFFSET = dt.timedelta(hours=3)




def links(lang, event_id):
    return f"https://example.org/{lang}/{event_id}/"


def jsonld(programme, event_id, lang="de"):
    return event_jsonld(programme, programme.event(event_id), lang, links(lang, event_id))


def as_list(location):
    return location if isinstance(location, list) else [location]


def of_type(items, type_):
    return [item for item in items if item["@type"] == type_]


def test_basic_fields(real):
    data = jsonld(real, "konferenz", "ru")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "XVI Германо-российская конференция городов-партнёров"
    assert data["description"] == real.event("konferenz").description.ru
    assert data["inLanguage"] == "ru"
    assert data["url"] == "https://example.org/ru/konferenz/"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"


def test_hybrid_event_is_mixed_with_a_virtual_location(real):
    data = jsonld(real, "konferenz")
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert isinstance(data["location"], list)
    assert of_type(data["location"], "VirtualLocation") == [
        {"@type": "VirtualLocation", "url": "https://example.org/de/konferenz/"}
    ]


def test_on_site_event_is_offline_without_a_virtual_location(real):
    fest = real.event("deutschlandfest")
    assert "eventAttendanceMode" not in event_jsonld(real, fest, "de", "https://example.org/de/deutschlandfest/")
    data = event_jsonld(real, dataclasses.replace(fest, format=Format.ON_SITE), "de", "https://example.org/de/deutschlandfest/")
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    locations = as_list(data["location"])
    assert not of_type(locations, "VirtualLocation")
    assert locations == [{
        "@type": "Place",
        "name": "Moskau",
        "address": {"@type": "PostalAddress", "addressLocality": "Moskau"},  # the data gives no country
    }]


@pytest.mark.parametrize("event_id", ["jugendforum", "deutschlandfest", "konferenz"])
def test_dates_carry_the_event_offset(real, event_id):
    data = jsonld(real, event_id)
    event = real.event(event_id)
    start = dt.datetime.fromisoformat(data["startDate"])
    end = dt.datetime.fromisoformat(data["endDate"])
    assert start.utcoffset() == end.utcoffset() == MOSCOW_OFFSET
    assert (start.date(), end.date()) == (event.start, event.end)
    assert start < end


def test_untimed_first_and_last_days_span_the_whole_days(real):
    # the arrival on 28 June has no time, the closing plenary on 30 June neither
    data = jsonld(real, "konferenz")
    assert data["startDate"] == "2021-06-28T00:00:00+03:00"
    assert data["endDate"] == "2021-06-30T23:59:00+03:00"


def test_fully_timed_first_day_starts_with_its_first_session(valid):
    # valid.yaml: only the 18:00 opening on the first day; the last day's closing is untimed
    data = jsonld(valid, "konferenz")
    assert data["startDate"] == "2021-06-28T18:00:00+03:00"
    assert data["endDate"] == "2021-06-30T23:59:00+03:00"


def test_fully_timed_last_day_ends_with_its_last_session(valid):
    event = valid.event("konferenz")
    sessions = tuple(
        dataclasses.replace(s, start=dt.time(9, 0), end=dt.time(13, 30)) if s.id == "abschluss" else s
        for s in event.sessions
    )
    data = event_jsonld(valid, dataclasses.replace(event, sessions=sessions), "de", links("de", "konferenz"))
    assert data["endDate"] == "2021-06-30T13:30:00+03:00"


@pytest.mark.parametrize("lang, names", [
    ("de", ["Deutsch-Russisches Forum e. V.", "Stadt und Gebiet Kaluga",
            "Bundesverband Deutscher West-Ost-Gesellschaften (BDWO)", "Stiftung West-Östliche Begegnungen"]),
    ("ru", ["Германо-Российский форум", "Город Калуга и Калужская область",
            "Федеральный союз германских обществ «Запад – Восток» (BDWO)",
            "Фонд «Западно-восточные встречи» (Stiftung West-Östliche Begegnungen)"]),
])
def test_organizers_in_the_language(real, lang, names):
    organizers = jsonld(real, "konferenz", lang)["organizer"]
    assert [o["name"] for o in organizers] == names
    assert all(o["@type"] == "Organization" for o in organizers)
    assert organizers[0]["url"] == "https://www.deutsch-russisches-forum.de/"
    assert "url" not in organizers[1]


def test_sub_events_are_the_timed_sessions(real):
    sub_events = jsonld(real, "konferenz")["subEvent"]
    assert [s["startDate"] for s in sub_events] == ["2021-06-28T18:00:00+03:00"]
    opening = sub_events[0]
    assert opening["name"] == "Feierliche Eröffnung der Konferenz"
    assert opening["endDate"] == "2021-06-28T20:00:00+03:00"
    assert opening["url"] == "https://example.org/de/konferenz/#eroeffnung"
    assert opening["eventStatus"] == "https://schema.org/EventScheduled"
    assert opening["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert opening["location"]["name"] == "Konzertsaal der Philharmonie des Gebiets Kaluga"
    urls = {s["url"] for s in sub_events}
    for untimed in ("anreise", "panel", "ag-inklusion", "empfang", "abschlussplenum"):
        assert f"https://example.org/de/konferenz/#{untimed}" not in urls


def test_event_without_timed_sessions_has_no_sub_events(real):
    assert "subEvent" not in jsonld(real, "deutschlandfest")


@pytest.mark.parametrize("lang, name, street, city", [
    ("de", "Konzertsaal der Philharmonie des Gebiets Kaluga", "ul. Lenina 60, Kaluga", "Kaluga"),
    ("ru", "Концертный зал Калужской областной филармонии", "ул. Ленина, 60, Калуга", "Калуга"),
])
def test_place_of_the_conference(real, lang, name, street, city):
    places = of_type(jsonld(real, "konferenz", lang)["location"], "Place")
    # the Philharmonie is in Kaluga, so Kaluga gets no second, city-only Place
    assert places == [{
        "@type": "Place",
        "name": name,
        "address": {"@type": "PostalAddress", "addressLocality": city, "addressCountry": "RU", "streetAddress": street},
    }]


def test_event_in_several_cities_has_a_place_for_each(real):
    places = of_type(jsonld(real, "jugendforum", "ru")["location"], "Place")
    assert [p["address"]["addressLocality"] for p in places] == ["Москва", "Калуга"]
    # a city alone says nothing of its country, and nothing is assumed
    assert not any("addressCountry" in p["address"] for p in places)


def test_result_is_plain_json(real):
    for event in real.events:
        for lang in ("de", "ru"):
            data = event_jsonld(real, event, lang, links(lang, event.id))
            assert json.loads(json.dumps(data)) == data


# --- script_tag ---------------------------------------------------------------------------------

HOSTILE = 'Konferenz </script><script>alert(1)</script> <!-- <script> & "Zitat" \u2028 ende </SCRIPT >'
OPEN = '<script type="application/ld+json">'
CLOSE = "</script>"


@pytest.fixture(scope="module")
def hostile(valid):
    event = valid.event("konferenz")
    hostile_event = dataclasses.replace(event, title=Localized(de=HOSTILE, ru=HOSTILE))
    programme = dataclasses.replace(valid, events=(hostile_event, *valid.events[1:]))
    return event_jsonld(programme, hostile_event, "de", links("de", "konferenz"))


def test_script_tag_is_markup(valid):
    tag = script_tag(jsonld(valid, "konferenz"))
    assert isinstance(tag, Markup)
    assert tag.startswith(OPEN) and tag.endswith(CLOSE)


def test_script_tag_is_compact_and_sorted():
    assert script_tag({"b": 1, "a": [1, 2]}) == Markup(OPEN + '{"a":[1,2],"b":1}' + CLOSE)


def test_script_tag_keeps_non_ascii_text_readable():
    assert script_tag({"name": "Калуга Größe"}) == Markup(OPEN + '{"name":"Калуга Größe"}' + CLOSE)


def test_hostile_title_cannot_close_the_script_or_open_a_comment(hostile):
    tag = str(script_tag(hostile))
    assert hostile["name"] == HOSTILE
    assert tag.lower().count("</script") == 1
    assert tag.count(CLOSE) == 1 and tag.endswith(CLOSE)
    assert "<!--" not in tag
    inner = tag[len(OPEN):-len(CLOSE)]
    assert not set("<>&\u2028\u2029") & set(inner)
    assert json.loads(inner)["name"] == HOSTILE
    assert json.loads(inner) == hostile


def test_hostile_title_round_trips_through_an_html_parser(hostile):
    page = f"<html><head>{script_tag(hostile)}</head><body><p id=after>after</p></body></html>"
    soup = BeautifulSoup(page, "html.parser")
    scripts = soup.find_all("script")
    assert len(scripts) == 1
    assert scripts[0]["type"] == "application/ld+json"
    assert json.loads(scripts[0].string)["name"] == HOSTILE
    assert soup.find(id="after").string == "after"  # the rest of the page is still markup


# --- places, online access, languages, performers, a night past midnight ------------------------
# tests/fixtures/programme/exports.yaml: a conference in Berlin over the night the clocks go forward.

EXPORTS = ROOT / "tests" / "fixtures" / "programme" / "exports.yaml"
PEOPLE = {"anna-petrova": "https://example.org/de/people/anna-petrova/"}  # Iwan has no page


@pytest.fixture(scope="module")
def berlin():
    return read_programme(str(EXPORTS))


def berlin_data(berlin, lang="de", **event_changes):
    event = dataclasses.replace(berlin.event("konferenz"), **event_changes)
    return event_jsonld(berlin, event, lang, links(lang, "konferenz"), PEOPLE)


def sub_events(data):
    return {s["url"].rsplit("#", 1)[1]: s for s in data["subEvent"]}


def test_a_night_past_midnight_ends_the_next_morning(berlin):
    night = sub_events(berlin_data(berlin))["nachtcafe"]
    assert (night["startDate"], night["endDate"]) == ("2021-03-27T22:00:00+01:00", "2021-03-28T03:30:00+02:00")


def test_an_end_before_the_start_is_not_taken_for_the_next_day_by_itself(berlin):
    event = berlin.event("konferenz")
    sessions = tuple(dataclasses.replace(s, ends_next_day=False) if s.id == "nachtcafe" else s for s in event.sessions)
    night = sub_events(berlin_data(berlin, sessions=sessions))["nachtcafe"]
    assert night["endDate"] == "2021-03-27T03:30:00+01:00"


def test_places_name_room_and_venue_with_country_and_coordinates(berlin):
    opening = sub_events(berlin_data(berlin))["eroeffnung"]
    place = of_type(as_list(opening["location"]), "Place")
    assert place == [{
        "@type": "Place",
        "name": "Kammermusiksaal, Philharmonie",
        "address": {"@type": "PostalAddress", "addressLocality": "Berlin", "addressCountry": "DE",
                    "streetAddress": "Herbert-von-Karajan-Straße 1"},
        "geo": {"@type": "GeoCoordinates", "latitude": 52.5098, "longitude": 13.3699},
    }]
    night = sub_events(berlin_data(berlin, "ru"))["nachtcafe"]
    # the town hall: no country, no coordinates given, so none said
    assert night["location"] == {"@type": "Place", "name": "Ратуша",
                                 "address": {"@type": "PostalAddress", "addressLocality": "Берлин"}}


def test_attendance_modes_and_virtual_locations(berlin):
    sessions = sub_events(berlin_data(berlin))
    modes = {k: s.get("eventAttendanceMode", "").rsplit("/", 1)[-1] for k, s in sessions.items()}
    assert modes == {"eroeffnung": "MixedEventAttendanceMode", "nachtcafe": "OfflineEventAttendanceMode",
                     "webinar": "OnlineEventAttendanceMode", "stream": "OnlineEventAttendanceMode"}
    link = {"@type": "VirtualLocation", "url": "https://meet.example.org/konferenz"}
    assert of_type(as_list(sessions["eroeffnung"]["location"]), "VirtualLocation") == [link]  # hybrid: Place and link
    assert len(as_list(sessions["eroeffnung"]["location"])) == 2
    assert sessions["stream"]["location"] == link  # online only: the link alone
    assert "location" not in sessions["webinar"]  # online, its link not yet known: no VirtualLocation without url
    assert not of_type(as_list(sessions["nachtcafe"]["location"]), "VirtualLocation")
    data = berlin_data(berlin)
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert of_type(data["location"], "VirtualLocation") == [link]  # the event's link, not its page


def test_an_online_event_is_only_virtual(berlin):
    data = berlin_data(berlin, format=Format.ONLINE)
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/konferenz"}


def test_in_language_is_the_languages_spoken(berlin, real):
    data = berlin_data(berlin, "ru")
    assert data["inLanguage"] == ["de", "ru"]
    sessions = sub_events(data)
    assert sessions["eroeffnung"]["inLanguage"] == ["de", "ru"]  # the event's
    assert sessions["nachtcafe"]["inLanguage"] == "ru"  # its own
    assert jsonld(real, "jugendforum", "ru")["inLanguage"] == ["de", "ru"]
    assert jsonld(real, "konferenz", "ru")["inLanguage"] == "ru"  # no languages given: the page's


def test_performers_are_people_with_page_and_affiliation(berlin):
    opening = sub_events(berlin_data(berlin))["eroeffnung"]
    assert opening["performer"] == [
        {"@type": "Person", "name": "Anna Petrowa", "url": PEOPLE["anna-petrova"],
         "worksFor": {"@type": "Organization", "name": "Deutsch-Russisches Forum",
                      "url": "https://www.deutsch-russisches-forum.de/"}},
        {"@type": "Person", "name": "Iwan Sokolow"},
    ]
    assert "performer" not in sub_events(berlin_data(berlin))["stream"]


def test_session_descriptions_are_markdown_as_plain_text(berlin):
    opening = sub_events(berlin_data(berlin, "ru"))["eroeffnung"]
    assert opening["description"] == "С приветствиями и программой (https://example.org/programm)."


# --- status ----------------------------------------------------------------------------------


def test_the_real_deutschlandfest_is_rescheduled_from_august_2020(real):
    for lang in ("de", "ru"):
        data = jsonld(real, "deutschlandfest", lang)
        assert data["eventStatus"] == "https://schema.org/EventRescheduled"
        assert data["previousStartDate"] == "2020-08"  # ISO 8601: only the month is known
        assert data["startDate"].startswith("2021-06-26")  # the new date stays the start


def test_a_scheduled_event_has_no_previous_start(real):
    assert "previousStartDate" not in jsonld(real, "konferenz")


@pytest.mark.parametrize("status, expected, previous", [
    (Status.CANCELLED, "https://schema.org/EventCancelled", None),
    (Status.POSTPONED, "https://schema.org/EventPostponed", None),
    (Status.RESCHEDULED, "https://schema.org/EventRescheduled", PreviousStart(2021, 6, 15)),
])
def test_a_sessions_status_and_previous_start(valid, status, expected, previous):
    event = valid.event("konferenz")
    sessions = tuple(dataclasses.replace(s, status=status, previous_start=previous) if s.id == "eroeffnung" else s
                     for s in event.sessions)
    data = event_jsonld(valid, dataclasses.replace(event, sessions=sessions), "ru", links("ru", "konferenz"))
    by_url = {sub["url"]: sub for sub in data["subEvent"]}
    opening = by_url["https://example.org/ru/konferenz/#eroeffnung"]  # a cancelled session stays, at its anchor
    assert opening["eventStatus"] == expected
    assert opening.get("previousStartDate") == (previous and "2021-06-15")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"  # the event itself takes place
    others = [sub for url, sub in by_url.items() if not url.endswith("#eroeffnung")]
    assert others and {sub["eventStatus"] for sub in others} == {"https://schema.org/EventScheduled"}
