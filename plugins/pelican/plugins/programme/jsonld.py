"""schema.org JSON-LD for event pages, so search engines can read dates, places and organisers.

Pure functions: the model in, plain dicts (and one Markup) out. Texts are taken in the page's
language, URLs are given by the caller (the generator knows where pages are written).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from pelican.plugins.bilingual.wording import capitalized

from .exports import ExportContext, Output, exporter
from .model import Event, Format, Localized, Organisation, Programme, Session, Venue

CONTEXT = "https://schema.org"
SCHEDULED = "https://schema.org/EventScheduled"
MIXED = "https://schema.org/MixedEventAttendanceMode"
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
# Every place in the programme is in Russia; the model has no country field.
COUNTRY = "RU"

_DAY_START = dt.time(0, 0)
_DAY_END = dt.time(23, 59)


def event_jsonld(programme: Programme, event: Event, lang: str, page_url: str) -> dict[str, Any]:
    """The schema.org Event of one event page, in lang ("de" or "ru")."""
    attendance = {Format.HYBRID: MIXED, Format.ON_SITE: OFFLINE}.get(event.format)
    start, end = _event_bounds(event)
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": event.title.get(lang),
        "description": event.description.get(lang),
        "startDate": start.isoformat(),
        "endDate": end.isoformat(),
        "eventStatus": SCHEDULED,
        "location": _event_location(event, lang, page_url),
        "inLanguage": lang,
        "url": page_url,
    }
    if attendance:
        data["eventAttendanceMode"] = attendance
    if event.organisers:
        data["organizer"] = [_organization(organisation, lang) for organisation in event.organisers]
    sub_events = [_session_event(event, session, lang, page_url, attendance) for session in event.sessions if session.start]
    if sub_events:
        data["subEvent"] = sub_events
    return data


def script_tag(data: dict[str, Any]) -> Markup:
    """data as a <script type="application/ld+json"> element, safe to put anywhere in a page."""
    # Jinja's own JSON for HTML escapes <, > and & (a "</script" or "<!--" in a title can neither
    # end the element nor hide its end) and '. U+2028 and U+2029 are legal in JSON strings but end
    # a line for JavaScript before ES2019, so a consumer that evaluates the block would fail on them.
    text = htmlsafe_json_dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup('<script type="application/ld+json">') + text + Markup("</script>")


# --- dates -----------------------------------------------------------------------------------


def _at(event: Event, day: dt.date, time: dt.time) -> dt.datetime:
    """A local time of the event, aware, so isoformat() writes its UTC offset."""
    return dt.datetime.combine(day, time, tzinfo=event.timezone)


def _event_bounds(event: Event) -> tuple[dt.datetime, dt.datetime]:
    """The event's start and end as aware datetimes in its time zone.

    schema.org would take a bare date, but the pages promise ISO 8601 with an offset, so both are
    date-times. They must never claim a later start or an earlier end than the real one, as a
    search result would then hide part of the event:
    - start: the earliest session start on the first day, if every session of that day has a
      start time; otherwise (an untimed session such as the arrival may come before the first
      timed one, or there are no sessions) 00:00 of the first day.
    - end: the latest session end on the last day, if every session of that day has an end time;
      otherwise 23:59 of the last day.
    """
    first_day = [s for s in event.sessions if s.date == event.start]
    last_day = [s for s in event.sessions if s.date == event.end]
    start = _DAY_START
    if first_day and all(s.start for s in first_day):
        start = min(s.start for s in first_day if s.start)
    end = _DAY_END
    if last_day and all(s.end for s in last_day):
        end = max(s.end for s in last_day if s.end)
    return _at(event, event.start, start), _at(event, event.end, end)


# --- places and organisations ----------------------------------------------------------------


def _postal_address(city: Localized, lang: str, street: Localized | None = None) -> dict[str, Any]:
    address = {"@type": "PostalAddress", "addressLocality": city.get(lang), "addressCountry": COUNTRY}
    if street:
        address["streetAddress"] = street.get(lang)
    return address


def _venue_place(venue: Venue, lang: str) -> dict[str, Any]:
    return {"@type": "Place", "name": venue.name.get(lang), "address": _postal_address(venue.city, lang, venue.address)}


def _city_place(city: Localized, lang: str) -> dict[str, Any]:
    return {"@type": "Place", "name": city.get(lang), "address": _postal_address(city, lang)}


def _event_location(event: Event, lang: str, page_url: str) -> dict[str, Any] | list[dict[str, Any]]:
    """The event's venue and its sessions' venues, then a Place for each city none of them is in.

    A hybrid event is also online: a VirtualLocation at the event page, where the stream is
    announced. One location is given as an object, several as a list.
    """
    venues = [event.venue] if event.venue else []
    venues += [s.venue for s in event.sessions if s.venue]
    venues = list({venue.id: venue for venue in venues}.values())  # each once, in order of appearance
    covered = {venue.city for venue in venues}
    places = [_venue_place(venue, lang) for venue in venues]
    places += [_city_place(city, lang) for city in dict.fromkeys(event.cities) if city not in covered]
    if event.format is Format.HYBRID:
        places.append({"@type": "VirtualLocation", "url": page_url})
    return places[0] if len(places) == 1 else places


def _organization(organisation: Organisation, lang: str) -> dict[str, Any]:
    # A name standing alone starts with a capital («город Калуга…» → «Город Калуга…»).
    data = {"@type": "Organization", "name": capitalized(organisation.name.get(lang))}
    if organisation.url:
        data["url"] = organisation.url
    return data


# --- sessions ----------------------------------------------------------------------------------


def _session_event(event: Event, session: Session, lang: str, page_url: str, attendance: str | None) -> dict[str, Any]:
    """A timed session as a sub-event; its anchor on the event page is its id."""
    assert session.start is not None
    data: dict[str, Any] = {
        "@type": "Event",
        "name": session.title.get(lang),
        "startDate": _at(event, session.date, session.start).isoformat(),
        "eventStatus": SCHEDULED,
        "url": f"{page_url}#{session.id}",
    }
    if attendance:
        data["eventAttendanceMode"] = attendance
    if session.end:
        data["endDate"] = _at(event, session.date, session.end).isoformat()
    if session.description:
        data["description"] = session.description.get(lang)
    if session.venue:
        data["location"] = _venue_place(session.venue, lang)
    return data


@exporter
def structured_data(context: ExportContext) -> Output:
    """schema.org JSON-LD in the <head> of each event's page."""
    return Output(event_heads={
        event.id: script_tag(event_jsonld(context.programme, event, context.lang, page))
        for event in context.programme.events
        if (page := context.event_page(event.id))
    })
