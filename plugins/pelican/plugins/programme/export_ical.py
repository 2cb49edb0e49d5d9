"""The programme as iCalendar files (RFC 5545), one language per file.

Pure functions from the model to bytes; the generator writes them. The icalendar library does
the serialising (escaping of text, line folding, CRLF); the only part computed here instead of
by icalendar is the VTIMEZONE, see _vtimezone for why.

What goes in:
- every event as an all-day VEVENT (DTEND is the day after its last day: RFC 5545 makes a DATE
  end exclusive);
- every session: with a start time, DTSTART;TZID=<the event's zone> in local time, as the
  programme states it, and DTEND from Session.ends_at (the next day only where the data says
  ends_next_day: an end before the start is never taken to mean that by itself); with no start
  time, an all-day VEVENT on its date whose DESCRIPTION says the time is to be announced.
  A start without an end gets no DTEND and no DURATION: RFC 5545 (3.6.1) then has it end when
  it starts. Any DURATION would be an invented end time, and the programme never guesses a time.
- texts carry LANGUAGE=de|ru; all-day items are TRANSP:TRANSPARENT (they should not block
  whole days). LOCATION: room, venue and address; an event without a venue gets its cities; an
  online-only session its link (or platform, or the word for online); a session without a venue
  gets no LOCATION (its room is not announced yet). GEO from the venue's coordinates.
- online access: the link as CONFERENCE (RFC 7986; URL stays the item's place on the event page),
  and in DESCRIPTION the link, or that it follows, with the organisers' note; DESCRIPTION also
  names the speakers and the languages spoken with their interpreting, in words of the catalogue
  and of CLDR (Babel), and gives Markdown descriptions as plain text.
- status: STATUS:CANCELLED for what is cancelled (apps then strike or remove the entry they
  hold under the same UID), TENTATIVE for what is postponed to a date not yet known, CONFIRMED
  for what has its new dates; SUMMARY says "cancelled"/"postponed" for apps that ignore STATUS,
  and DESCRIPTION starts with the pages' words for it ("originally planned: August 2020").
- UIDs depend on ids only, so an item keeps its UID across builds and is the same item in the
  German and the Russian file; SEQUENCE counts the changes of what its entry shows in the
  programme's git history (history.py), so calendar apps replace the entry; DTSTAMP is the
  caller's stamp, and no other timestamp is written, so identical input gives identical bytes.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar
from babel import Locale
from babel.lists import format_list

from . import export_paths
from .export_words import ExportWords
from .exports import ExportContext, Output, exporter
from .history import History
from .markdown import to_plain
from .model import (
    LANGUAGES,
    Event,
    Format,
    Interpretation,
    OnlineAccess,
    Programme,
    Room,
    Session,
    Status,
    Venue,
    session_format,
    session_interpretation,
    session_languages,
    session_online,
    session_status,
)

PRODID = "-//pelican.plugins.programme//export_ical//EN"  # the generator, not one conference

_ONE_DAY = dt.timedelta(days=1)
# RFC 5545 3.8.1.11. A scheduled item makes no claim beyond the programme's; a postponed one still
# stands at its old date, which no longer holds. Apps that ignore STATUS see the marked SUMMARY.
_STATUS = {Status.CANCELLED: "CANCELLED", Status.POSTPONED: "TENTATIVE", Status.RESCHEDULED: "CONFIRMED"}


@dataclass(frozen=True)
class CalendarLinks:
    """What the model does not know: where the pages are, whose UIDs, the build's stamp, and the
    catalogue's words in each language asked for."""

    event_pages: Mapping[str, str]  # event id -> absolute URL of its page (may lack ids)
    uid_domain: str  # e.g. "staedtepartnerkonferenz.example"
    stamp: dt.datetime  # DTSTAMP, timezone-aware UTC, passed in so builds are reproducible
    words: Mapping[str, ExportWords]  # language -> its words
    history: History = History.unavailable()  # SEQUENCE: how often an entry changed, so calendars replace it


def programme_calendar(programme: Programme, lang: str, links: CalendarLinks) -> bytes:
    """Every event and every session.

    The calendar is named after the conference: the event with the most sessions (the side
    events have none or few), the first such in the file on a tie.
    """
    _check(lang, links)
    conference = max(programme.events, key=lambda e: len(e.sessions))
    items = [
        item
        for event in sorted(programme.events, key=lambda e: (e.start, e.end))
        for item in ((event, None), *((event, s) for s in _ordered(event.sessions)))
    ]
    return _calendar(conference.title.get(lang), items, lang, links)


def event_calendar(programme: Programme, event: Event, lang: str, links: CalendarLinks) -> bytes:
    """One event with its sessions."""
    _check(lang, links)
    items = [(event, None), *((event, s) for s in _ordered(event.sessions))]
    return _calendar(event.title.get(lang), items, lang, links)


def session_calendar(programme: Programme, event: Event, session: Session, lang: str, links: CalendarLinks) -> bytes:
    """One session, for "add to calendar"."""
    _check(lang, links)
    return _calendar(event.title.get(lang), [(event, session)], lang, links)


def _ordered(sessions: Iterable[Session]) -> list[Session]:
    return sorted(sessions, key=lambda s: (s.date, s.slot))


def _check(lang: str, links: CalendarLinks) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    if links.stamp.tzinfo is None or links.stamp.utcoffset() is None:
        raise ValueError("CalendarLinks.stamp must be timezone-aware")


def _calendar(name: str, items: list[tuple[Event, Session | None]], lang: str, links: CalendarLinks) -> bytes:
    stamp = links.stamp.astimezone(dt.timezone.utc)

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)

    # local times used per zone, so each VTIMEZONE covers exactly what this file needs
    used: dict[str, tuple[ZoneInfo, list[dt.datetime]]] = {}
    for event, session in items:
        if session is not None and session.start is not None:
            times = used.setdefault(event.timezone.key, (event.timezone, []))[1]
            for moment in (session.starts_at(event.timezone), session.ends_at(event.timezone)):
                if moment is not None:
                    times.append(moment.replace(tzinfo=None))
    for key in sorted(used):
        zone, times = used[key]
        calendar.add_component(_vtimezone(zone, min(times), max(times)))

    for event, session in items:
        component = _event_component(event, lang, links) if session is None else _session_component(event, session, lang, links)
        component.add("dtstamp", stamp)
        calendar.add_component(component)
    return calendar.to_ical()


def _event_component(event: Event, lang: str, links: CalendarLinks) -> icalendar.Event:
    words = links.words[lang]
    component = icalendar.Event()
    component.add("uid", f"{event.id}@{links.uid_domain}")
    component.add("sequence", links.history.sequence(event.id))
    component.add("dtstart", event.start)
    component.add("dtend", event.end + _ONE_DAY)
    component.add("transp", "TRANSPARENT")  # a whole-day entry should not block the reader's days
    online = _online(event.format, event.online)
    paragraphs = [words.status(event.status, event.previous_start, lang), event.description.get(lang),
                  _languages_text(event.languages, event.interpretation, lang, words), _online_text(online, lang, words)]
    _add_status(component, event.status)
    _add_text(component, "summary", words.title(event.status, event.title.get(lang)), lang)
    _add_text(component, "description", "\n\n".join(p for p in paragraphs if p), lang)
    if event.format is Format.ONLINE:
        location = _online_place(online, words)
    elif event.venue:
        location = _venue_text(event.venue, lang)
    else:
        location = ", ".join(c.get(lang) for c in event.cities)
    _add_text(component, "location", location, lang)
    _add_place(component, event.venue if event.format is not Format.ONLINE else None, online)
    if event.id in links.event_pages:
        component.add("url", links.event_pages[event.id])
    return component


def _session_component(event: Event, session: Session, lang: str, links: CalendarLinks) -> icalendar.Event:
    words = links.words[lang]
    component = icalendar.Event()
    component.add("uid", f"{event.id}-{session.id}@{links.uid_domain}")
    component.add("sequence", links.history.sequence(event.id, session.id))
    status = session_status(event, session)
    paragraphs = [words.status(status, session.previous_start, lang)]
    if session.description:
        paragraphs.append(to_plain(session.description.get(lang)))
    elif session.working_group and session.working_group.description:
        paragraphs.append(session.working_group.description.get(lang))
    if session.working_group and session.working_group.coordinators:
        names = [o.name.get(lang) for o in session.working_group.coordinators]
        paragraphs.append(f"{words.coordinated_by} {format_list(names, locale=lang)}")
    if session.speakers:
        names = [person.name.get(lang) for person in session.speakers]
        paragraphs.append(f"{words.speakers(len(names))}: {format_list(names, locale=lang)}")
    format_ = session_format(event, session)
    # what the session's own data says, or its event's access where the session is followed online
    online = _online(session.format, session_online(event, session))
    paragraphs.append(_languages_text(session_languages(event, session), session_interpretation(event, session), lang, words))
    paragraphs.append(_online_text(online, lang, words))
    if session.start is None:
        component.add("dtstart", session.date)
        component.add("dtend", session.date + _ONE_DAY)
        component.add("transp", "TRANSPARENT")
        paragraphs.append(words.time_to_be_announced)
    else:
        component.add("dtstart", session.starts_at(event.timezone))
        if session.end is not None:
            component.add("dtend", session.ends_at(event.timezone))
    _add_status(component, status)
    _add_text(component, "summary", words.title(status, session.title.get(lang)), lang)
    _add_text(component, "description", "\n\n".join(p for p in paragraphs if p), lang)
    if format_ is Format.ONLINE:
        _add_text(component, "location", _online_place(online, words), lang)
    elif session.venue:  # no venue: the room is not announced yet; say nothing rather than guess the event's
        _add_text(component, "location", _venue_text(session.venue, lang, session.room), lang)
    _add_place(component, session.venue if format_ is not Format.ONLINE else None, online)
    if event.id in links.event_pages:
        component.add("url", f"{links.event_pages[event.id]}#{session.id}")
    return component


def _add_text(component: icalendar.Event, name: str, value: str, lang: str) -> None:
    if value:
        component.add(name, value, parameters={"LANGUAGE": lang})


def _add_status(component: icalendar.Event, status: Status) -> None:
    if status in _STATUS:
        component.add("status", _STATUS[status])


def _add_place(component: icalendar.Event, venue: Venue | None, online: OnlineAccess | None) -> None:
    """GEO of the venue, and the link to take part online as CONFERENCE (RFC 7986)."""
    if venue and venue.geo:
        component.add("geo", (venue.geo.lat, venue.geo.lon))
    if online and online.url:
        parameters = {"VALUE": "URI", "FEATURE": "VIDEO"}
        if online.platform:
            parameters["LABEL"] = online.platform
        component.add("conference", online.url, parameters=parameters)


def _venue_text(venue: Venue, lang: str, room: Room | None = None) -> str:
    """Room, name and address, with the city unless the address already names it."""
    parts = [room.name.get(lang)] if room else []
    parts.append(venue.name.get(lang))
    address = venue.address.get(lang) if venue.address else ""
    if address:
        parts.append(address)
    city = venue.city.get(lang)
    if city not in address:
        parts.append(city)
    return ", ".join(parts)


def _online(format_: Format | None, online: OnlineAccess | None) -> OnlineAccess | None:
    """The access to name: the one known, or none yet for what one follows online."""
    if online is None and format_ is not None and format_.online:
        return OnlineAccess()
    return online


def _online_place(online: OnlineAccess | None, words: ExportWords) -> str:
    """Where an online-only item takes place: its link, else its platform, else "online"."""
    online = online or OnlineAccess()
    return online.url or online.platform or words.online


def _online_text(online: OnlineAccess | None, lang: str, words: ExportWords) -> str:
    """"Online: <link> (platform)", or that the link follows, then the organisers' note."""
    if online is None:
        return ""
    if online.url:
        access = f"{online.url} ({online.platform})" if online.platform else online.url
    elif online.platform:
        access = words.link_follows_via % {"platform": online.platform}
    else:
        access = words.link_follows
    note = f"\n{online.note.get(lang)}" if online.note else ""
    return f"{words.online}: {access}{note}"


def _languages_text(languages: tuple[str, ...], interpretation: Interpretation | None, lang: str, words: ExportWords) -> str:
    """"Spoken languages: German and Russian, with interpreting", as the pages say it."""
    if not languages and interpretation is None:
        return ""
    names = [Locale.parse(code).get_language_name(lang) for code in languages]
    parts = [format_list(names, locale=lang)] if names else []
    if interpretation is not None:
        parts.append(words.interpretation(interpretation))
    return f"{words.spoken_languages(len(languages))}: {', '.join(parts)}"


# --- VTIMEZONE ---------------------------------------------------------------------------------
#
# Written here rather than by icalendar's Timezone.from_tzinfo, for two reasons:
# - by default it describes the zone from 1970 to 2038 with every historic transition, many of
#   them as one multi-valued RDATE. vobject and ical.js read only the first value of an RDATE in
#   a VTIMEZONE, so for Europe/Moscow they lose the return from +04 to +03 on 2014-10-26 (the last
#   value of a long list) and put the 18:00 opening of June 2021 at 14:00 UTC instead of 15:00.
# - given a date range, it writes a spring-forward onset in the new offset's wall time
#   (Berlin 20210328T030000 with TZOFFSETFROM +0100), whereas RFC 5545 (3.6.5 and its
#   examples) reads DTSTART in the offset before the change (02:00 CET).
# So: one observance for what is in force just before the first time used, starting "long ago"
# (1970-01-01, as most producers write it) with TZOFFSETFROM = TZOFFSETTO, and one observance
# per transition inside the range of times used, its DTSTART being the wall time just before the
# change. No RRULE and no RDATE: the file never needs the zone outside its own times, and a
# component per onset is what every parser reads.

_LONG_AGO = dt.datetime(1970, 1, 1)
_SCAN_STEP = dt.timedelta(hours=6)  # shorter than any two transitions in a row
_MARGIN = dt.timedelta(days=1)


def _vtimezone(zone: ZoneInfo, first: dt.datetime, last: dt.datetime) -> icalendar.Timezone:
    """A VTIMEZONE for zone, correct for local times from first to last (naive, local)."""
    start = (first.replace(tzinfo=zone) - _MARGIN).astimezone(dt.timezone.utc)
    end = (last.replace(tzinfo=zone) + _MARGIN).astimezone(dt.timezone.utc)
    timezone = icalendar.Timezone()
    timezone.add("tzid", zone.key)
    before = start.astimezone(zone)
    timezone.add_component(_observance(before, before.utcoffset(), min(_LONG_AGO, before.replace(tzinfo=None))))
    for instant in _transitions(zone, start, end):
        previous = (instant - dt.timedelta(seconds=1)).astimezone(zone).utcoffset()
        # the onset as the wall clock shows it just before the change
        onset = (instant + previous).replace(tzinfo=None)
        timezone.add_component(_observance(instant.astimezone(zone), previous, onset))
    return timezone


def _observance(local: dt.datetime, offset_from: dt.timedelta, onset: dt.datetime) -> icalendar.Component:
    component = icalendar.TimezoneDaylight() if local.dst() else icalendar.TimezoneStandard()
    component.add("dtstart", onset)
    component.add("tzoffsetfrom", offset_from)
    component.add("tzoffsetto", local.utcoffset())
    component.add("tzname", local.tzname())
    return component


@cache  # every session's file asks for the same few days
def _transitions(zone: ZoneInfo, start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    """The UTC instants in (start, end] at which the zone's offset, DST flag or name changes.

    zoneinfo has no public list of transitions, so scan and bisect to the second.
    """

    def state(instant: dt.datetime) -> tuple:
        local = instant.astimezone(zone)
        return local.utcoffset(), bool(local.dst()), local.tzname()

    found = []
    low = start
    while low < end:
        high = min(low + _SCAN_STEP, end)
        if state(low) != state(high):
            a, b = low, high  # state(a) != state(b); find the first second with the new state
            while b - a > dt.timedelta(seconds=1):
                middle = a + (b - a) / 2
                middle = middle.replace(microsecond=0)
                if state(middle) == state(a):
                    a = middle
                else:
                    b = middle
            found.append(b)
        low = high
    return found


@exporter
def calendars(context: ExportContext) -> Output:
    """The whole programme, each event, and each session as its own .ics file."""
    programme, lang = context.programme, context.lang
    links = CalendarLinks(
        event_pages={event_id: page for event_id in context.event_urls if (page := context.event_page(event_id))},
        uid_domain=context.uid_domain,
        stamp=context.stamp,
        words={lang: context.words},
        history=context.history,
    )
    files = {export_paths.PROGRAMME_CALENDAR: programme_calendar(programme, lang, links)}
    for event in programme.events:
        files[export_paths.event_calendar(event.id)] = event_calendar(programme, event, lang, links)
        for session in event.sessions:
            files[export_paths.session_calendar(event.id, session.id)] = session_calendar(programme, event, session, lang, links)
    return Output(files=files)
