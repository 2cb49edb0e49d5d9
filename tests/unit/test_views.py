"""The programme as templates get it: ordered, grouped, formatted, escaped."""

import dataclasses
from pathlib import Path

import pytest
from pelican.plugins.programme.model import Format, Geo, Interpretation, Localized, OnlineAccess, PreviousStart, Room, Status
from pelican.plugins.programme.reading import read_programme
from pelican.plugins.programme.views import programme_view, view_context

VALID = Path(__file__).resolve().parents[1] / "fixtures" / "programme" / "valid.yaml"


@pytest.fixture(scope="module")
def programme():
    return read_programme(str(VALID))


def konferenz(programme, lang, urls=None):
    return programme_view(view_context(programme, lang, str), urls or {"konferenz": "konferenz/"}).events_by_id["konferenz"]


def test_events_in_date_order(programme):
    view = programme_view(view_context(programme, "de", str), {})
    starts = [event.start_iso for event in view.events]
    assert starts == sorted(starts)


def test_sessions_grouped_by_day_then_slot(programme):
    days = konferenz(programme, "de").days
    assert [day.date_iso for day in days] == ["2021-06-28", "2021-06-29", "2021-06-30"]
    tuesday = days[1]
    assert [[s.id for s in slot.sessions] for slot in tuesday.slots] == [["panel"], ["ag-jugend", "ag-kultur", "ag-offen"]]
    assert [slot.parallel for slot in tuesday.slots] == [False, True]
    assert tuesday.anchor == "konferenz-2021-06-29"


@pytest.mark.parametrize("lang, heading, coordinators, speakers", [
    ("de", "Dienstag, 29.\u00a0Juni", "Deutsch-Russisches Forum und Goethe-Institut", "Anna Petrowa"),
    ("ru", "Вторник, 29\u00a0июня", "Германо-Российский форум и Гёте-Институт", "Анна Петрова"),
])
def test_values_are_formatted_in_the_language(programme, lang, heading, coordinators, speakers):
    event = konferenz(programme, lang)
    assert event.days[1].heading == heading
    kultur = event.days[1].slots[1].sessions[1]
    assert kultur.working_group.coordinator_names == coordinators
    assert event.days[0].slots[0].sessions[0].speakers == speakers


def test_working_groups_point_at_their_session_on_the_event_page(programme):
    view = programme_view(view_context(programme, "ru", str), {"konferenz": "konferenz/"})
    assert [(g.id, g.session_url) for g in view.working_groups] == [
        ("jugend", "konferenz/#ag-jugend"), ("kultur", "konferenz/#ag-kultur")]


def test_without_an_event_page_nothing_links_to_it(programme):
    view = programme_view(view_context(programme, "de", str), {})
    assert view.events_by_id["konferenz"].url is None
    assert {g.session_url for g in view.working_groups} == {None}


def test_unknown_times_stay_unknown(programme):
    abschluss = konferenz(programme, "de").days[2].slots[0].sessions[0]
    assert abschluss.time is None and abschluss.venue is None


def test_deadlines_and_organisation_groups(programme):
    view = programme_view(view_context(programme, "de", str), {})
    assert view.deadlines_by_id["anmeldeschluss"].date == "12.\u00a0Mai 2021"
    groups = {group.category: [o.id for o in group.organisations] for group in view.organisation_groups}
    assert groups["organiser"] == ["drf"] and groups["coordinator"] == ["goethe"]


def _session(programme, lang, session_id, person_urls=None):
    context = view_context(programme, lang, str, "/" + lang, person_urls)
    event = programme_view(context, {"konferenz": "konferenz/"}).events_by_id["konferenz"]
    return next(s for day in event.days for slot in day.slots for s in slot.sessions if s.id == session_id)


def _with(programme, session_id, **changes):
    event = programme.events[0]
    sessions = tuple(dataclasses.replace(s, **changes) if s.id == session_id else s for s in event.sessions)
    return dataclasses.replace(programme, events=(dataclasses.replace(event, sessions=sessions), *programme.events[1:]))


@pytest.mark.parametrize("lang, spoken, interpretation", [
    ("de", "Deutsch und Russisch", "simultaneous"),
    ("ru", "немецкий и русский", "simultaneous"),
])
def test_session_languages_in_words_of_the_page(programme, lang, spoken, interpretation):
    changed = _with(programme, "panel", languages=("de", "ru"), interpretation=Interpretation.SIMULTANEOUS)
    languages = _session(changed, lang, "panel").languages
    assert (languages.spoken, languages.count, languages.interpretation) == (spoken, 2, interpretation)
    assert _session(programme, lang, "eroeffnung").languages is None  # nothing said: nothing shown


def test_room_venue_and_map_link(programme):
    hall = Room("saal", Localized("Großer Saal", "Большой зал"))
    venue = dataclasses.replace(programme.venues[0], rooms=(hall,), geo=Geo(54.5, 36.25))
    place = _session(_with(programme, "panel", venue=venue, room=hall), "ru", "panel").venue
    assert (place.room, place.name, place.has_rooms) == ("Большой зал", "Филармония", True)
    assert place.map_url == "https://www.openstreetmap.org/?mlat=54.5&mlon=36.25#map=17/54.5/36.25"
    assert _session(programme, "ru", "panel").venue.map_url is None  # no coordinates: no link


def test_online_access_shown_where_the_session_says_so(programme):
    online = _session(_with(programme, "panel", format=Format.ONLINE, online=OnlineAccess(platform="Zoom")), "de", "panel").online
    assert (online.format, online.url, online.platform) == ("online", None, "Zoom")  # the link follows
    assert _session(programme, "de", "panel").online is None  # the event's access is shown with the event


def test_speakers_link_to_their_pages_and_descriptions_are_markdown(programme):
    changed = _with(programme, "eroeffnung", description=Localized("Mit *Musik* & <Gästen>", "С *музыкой*"))
    opening = _session(changed, "de", "eroeffnung", {"anna-petrova": "people/anna-petrova/"})
    assert opening.speakers == '<a href="/de/people/anna-petrova/">Anna Petrowa</a>'
    assert opening.description == "<p>Mit <em>Musik</em> &amp; &lt;Gästen&gt;</p>"


@pytest.mark.parametrize("lang, month, day", [
    ("de", "August 2020", "15.\u00a0August 2020"),
    ("ru", "август 2020\u00a0г.", "15\u00a0августа 2020\u00a0г."),  # the month alone in the nominative
])
def test_status_with_the_earlier_start_in_the_pages_language(programme, lang, month, day):
    scheduled = _session(programme, lang, "panel").status
    assert (scheduled.status, scheduled.scheduled, scheduled.previous_start) == ("scheduled", True, None)
    cancelled = _session(_with(programme, "panel", status=Status.CANCELLED), lang, "panel").status
    assert (cancelled.status, cancelled.scheduled) == ("cancelled", False)
    moved = _session(_with(programme, "panel", status=Status.RESCHEDULED, previous_start=PreviousStart(2020, 8)), lang, "panel")
    assert (moved.status.previous_start, moved.status.previous_start_iso) == (month, "2020-08")
    moved = _session(_with(programme, "panel", status=Status.RESCHEDULED, previous_start=PreviousStart(2020, 8, 15)), lang, "panel")
    assert (moved.status.previous_start, moved.status.previous_start_iso) == (day, "2020-08-15")


def test_a_cancelled_session_keeps_its_place_and_anchor(programme):
    tuesday = konferenz(_with(programme, "ag-kultur", status=Status.CANCELLED), "de").days[1]
    assert [[s.id for s in slot.sessions] for slot in tuesday.slots] == [["panel"], ["ag-jugend", "ag-kultur", "ag-offen"]]


def test_the_real_events_status(real):
    fest = programme_view(view_context(real, "ru", str), {}).events_by_id["deutschlandfest"].status
    assert (fest.status, fest.previous_start, fest.previous_start_iso) == ("rescheduled", "август 2020\u00a0г.", "2020-08")
