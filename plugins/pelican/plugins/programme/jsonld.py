"""schema.org JSON-LD for event pages, so search engines can read dates, places and organisers.

Pure functions: the model in, plain dicts (and one Markup) out. Texts are taken in the page's
language (Markdown as plain text), URLs are given by the caller (the generator knows where pages
are written).

- eventAttendanceMode where the format is known. A VirtualLocation needs a url: a session's is its
  link, and without one it has none (the mode stays); the event's is its link, else its page,
  where the link will be announced.
- Places: room and venue by name, a PostalAddress with the venue's country where the data gives
  one, and its coordinates as GeoCoordinates.
- inLanguage: the languages spoken where the data names them; an event without them keeps the
  page's language, as before the model knew them.
- performer: the speakers as Person, with their page and affiliation.
- eventStatus of the event and of each session, with previousStartDate for what was postponed or
  rescheduled where the data gives it (a day, or only a month: ISO 8601 "2020-08").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from pelican.plugins.bilingual.wording import capitalized

from .exports import ExportContext, Output, exporter
from .markdown import to_plain
from .model import (
    Event,
    Format,
    Localized,
    OnlineAccess,
    Organisation,
    Person,
    Programme,
    Room,
    PreviousStart,
    Session,
    Status,
    Venue,
    session_format,
    session_languages,
    session_online,
    session_status,
)

CONTEXT = "https://schema.org"
STATUS = {
    Status.SCHEDULED: "https://schema.org/EventScheduled",
    Status.CANCELLED: "https://schema.org/EventCancelled",
    Status.POSTPONED: "https://schema.org/EventPostponed",
    Status.RESCHEDULED: "https://schema.org/EventRescheduled",
}
ATTENDANCE = {
    Format.ON_SITE: "https://schema.org/OfflineEventAttendanceMode",
    Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
    Format.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
}
_NO_PAGES: Mapping[str, str] = MappingProxyType({})

_DAY_START = dt.time(0, 0)
_DAY_END = dt.time(23, 59)


def event_jsonld(programme: Programme, event: Event, lang: str, page_url: str,
                 person_pages: Mapping[str, str] = _NO_PAGES) -> dict[str, Any]:
    """The schema.org Event of one event page, in lang ("de" or "ru").

    person_pages: person id -> the absolute address of their page, for those who have one.
    """
    start, end = _event_bounds(event)
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": event.title.get(lang),
        "description": event.description.get(lang),
        "startDate": start.isoformat(),
        "endDate": end.isoformat(),
        **_status(event.status, event.previous_start),
        "location": _event_location(event, lang, page_url),
        "inLanguage": _languages(event.languages) or lang,
        "url": page_url,
    }
    if event.format:
        data["eventAttendanceMode"] = ATTENDANCE[event.format]
    if event.organisers:
        data["organizer"] = [_organization(organisation, lang) for organisation in event.organisers]
    sub_events = [_session_event(event, session, lang, page_url, person_pages) for session in event.sessions if session.start]
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
    - end: the latest session end of the sessions on the last day (past midnight where one ends
      the next day), if every session of that day has an end time; otherwise 23:59 of the last day.
    """
    first_day = [s for s in event.sessions if s.date == event.start]
    last_day = [s for s in event.sessions if s.date == event.end]
    start = _at(event, event.start, _DAY_START)
    if first_day and all(s.start for s in first_day):
        start = min(s.starts_at(event.timezone) for s in first_day if s.start)
    end = _at(event, event.end, _DAY_END)
    if last_day and all(s.end for s in last_day):
        end = max(s.ends_at(event.timezone) for s in last_day if s.end)
    return start, end


def _status(status: Status, previous_start: PreviousStart | None) -> dict[str, str]:
    data = {"eventStatus": STATUS[status]}
    if previous_start:  # validation allows it only with postponed or rescheduled
        data["previousStartDate"] = previous_start.isoformat()
    return data


# --- places and organisations ----------------------------------------------------------------


def _postal_address(city: Localized, lang: str, venue: Venue | None = None) -> dict[str, Any]:
    """The city's address, with the venue's street and country where the data gives them."""
    address = {"@type": "PostalAddress", "addressLocality": city.get(lang)}
    if venue and venue.address:
        address["streetAddress"] = venue.address.get(lang)
    if venue and venue.country:
        address["addressCountry"] = venue.country
    return address


def _venue_place(venue: Venue, lang: str, room: Room | None = None) -> dict[str, Any]:
    name = f"{room.name.get(lang)}, {venue.name.get(lang)}" if room else venue.name.get(lang)
    place = {"@type": "Place", "name": name, "address": _postal_address(venue.city, lang, venue)}
    if venue.geo:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": venue.geo.lat, "longitude": venue.geo.lon}
    return place


def _city_place(city: Localized, lang: str) -> dict[str, Any]:
    return {"@type": "Place", "name": city.get(lang), "address": _postal_address(city, lang)}


def _event_location(event: Event, lang: str, page_url: str) -> dict[str, Any] | list[dict[str, Any]]:
    """The event's venue and its sessions' venues, then a Place for each city none of them is in.

    An event one can follow online is also a VirtualLocation: at its link, or else at the event
    page, where the link is announced. One location is given as an object, several as a list.
    """
    places = []
    if event.format is not Format.ONLINE:
        venues = [event.venue] if event.venue else []
        venues += [s.venue for s in event.sessions if s.venue]
        venues = list({venue.id: venue for venue in venues}.values())  # each once, in order of appearance
        covered = {venue.city for venue in venues}
        places = [_venue_place(venue, lang) for venue in venues]
        places += [_city_place(city, lang) for city in dict.fromkeys(event.cities) if city not in covered]
    if event.format is not None and event.format.online:
        places.append(_virtual_location(event.online and event.online.url or page_url))
    return places[0] if len(places) == 1 else places


def _virtual_location(url: str) -> dict[str, Any]:
    return {"@type": "VirtualLocation", "url": url}


def _languages(codes: tuple[str, ...]) -> str | list[str] | None:
    """schema.org's inLanguage: one code as text, several as a list, none as nothing."""
    if not codes:
        return None
    return codes[0] if len(codes) == 1 else list(codes)


def _organization(organisation: Organisation, lang: str) -> dict[str, Any]:
    # A name standing alone starts with a capital («город Калуга…» → «Город Калуга…»).
    data = {"@type": "Organization", "name": capitalized(organisation.name.get(lang))}
    if organisation.url:
        data["url"] = organisation.url
    return data


# --- sessions ----------------------------------------------------------------------------------


def _person(person: Person, lang: str, person_pages: Mapping[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Person", "name": person.name.get(lang)}
    if person.id in person_pages:
        data["url"] = person_pages[person.id]
    if person.affiliation:
        data["worksFor"] = _organization(person.affiliation, lang)
    return data


def _session_event(event: Event, session: Session, lang: str, page_url: str,
                   person_pages: Mapping[str, str]) -> dict[str, Any]:
    """A timed session as a sub-event; its anchor on the event page is its id."""
    start = session.starts_at(event.timezone)
    assert start is not None
    data: dict[str, Any] = {
        "@type": "Event",
        "name": session.title.get(lang),
        "startDate": start.isoformat(),
        **_status(session_status(event, session), session.previous_start),
        "url": f"{page_url}#{session.id}",
    }
    format_ = session_format(event, session)
    if format_:
        data["eventAttendanceMode"] = ATTENDANCE[format_]
    end = session.ends_at(event.timezone)
    if end:
        data["endDate"] = end.isoformat()
    if session.description:
        data["description"] = to_plain(session.description.get(lang))
    if languages := _languages(session_languages(event, session)):
        data["inLanguage"] = languages
    if location := _session_location(session, format_, session_online(event, session), lang):
        data["location"] = location
    if session.speakers:
        data["performer"] = [_person(person, lang, person_pages) for person in session.speakers]
    return data


def _session_location(session: Session, format_: Format | None, online: OnlineAccess | None,
                      lang: str) -> dict[str, Any] | list[dict[str, Any]] | None:
    """Its room or venue, unless it is online only, and its link where one is known."""
    places = [_venue_place(session.venue, lang, session.room)] if session.venue and format_ is not Format.ONLINE else []
    if format_ is not None and format_.online and online and online.url:
        places.append(_virtual_location(online.url))
    if not places:
        return None
    return places[0] if len(places) == 1 else places


@exporter
def structured_data(context: ExportContext) -> Output:
    """schema.org JSON-LD in the <head> of each event's page."""
    person_pages = {person_id: page for person_id in context.person_urls if (page := context.person_page(person_id))}
    return Output(event_heads={
        event.id: script_tag(event_jsonld(context.programme, event, context.lang, page, person_pages))
        for event in context.programme.events
        if (page := context.event_page(event.id))
    })
