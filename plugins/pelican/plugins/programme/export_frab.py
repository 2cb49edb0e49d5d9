"""The programme of one event as a frab schedule (schedule.xml and schedule.json).

This is the format that frab and pretalx write and that conference apps (Giggity, ConfClerk,
EventFahrplan) read; its schemas are published by the voc/schedule project and kept in
../shared/schemas/frab. Pure functions: the model in, bytes out. Texts are taken in the language
asked for; URLs and the version string come from the caller, so the same programme always gives
the same bytes (no clock time, no random ids).

What the format cannot say, and how this module handles it:

- Sessions whose start time is not yet announced are left out. A frab event must have a date,
  a start and a duration, and apps place every event on a timetable; inventing a time would put
  a guess on a participant's phone. They reappear in the export as soon as programme.yaml gives
  them a start.
- A session with a start but no end gets the duration "00:00" (both schemas allow it; a default
  length would again be a guess) and, in JSON, no "end".
- Every frab event needs a room: a session's room (named in the language), else its venue
  when it names only that. A timed session with no place goes into one room named "to be
  announced" in the language (the site's own wording for a missing venue), with a fixed guid,
  so apps keep it apart from real rooms and it is the same room in both languages.
- End and duration come from Session.ends_at: past midnight only where the data says
  ends_next_day, never because an end is before a start.
- Days: one per date of the event, including dates without timed sessions, each the whole local
  day (00:00 to 00:00 of the next date, each with its own UTC offset), so a day does not move
  when one more session gets a time. A session belongs to the day it starts on, as in frab; one
  past midnight ends after its day's end.
- Ids: every guid is a uuid5 under NAMESPACE, from ids only (f"{event.id}/{session.id}" for
  sessions, "person/…", "room/…" and "venue/…" for people and rooms), so it is the same in German and
  Russian and across builds, and apps keep a participant's favourites when the programme
  changes. The integer ids the format still requires are taken from the guid (its first 31 bits),
  not from the position in the programme, so inserting a session renumbers nothing.
- Track: a working group's session is in the track named after its working group, so an app can
  filter by group; other sessions have no track ("" in XML, null in JSON).
- Type: frab's vocabulary, which apps may map to icons: "workshop" for working-group sessions,
  "other" for the rest (the model does not say what kind of session the others are).
- abstract: the session's description (Markdown, as plain text), or else its working group's
  description, or ""; description stays empty, as apps show abstract and description one after
  the other.
- language: the languages spoken in the session (its own, else its event's). frab and pretalx
  hold one code per event, and the schemas take any text (XSD: xs:string, JSON: string or
  null), so several are written as "de, ru": an app shows that as it stands, where taking only
  the first would hide the session from everyone filtering by the second. Where the data names
  none, the language of this file's texts, as frab's field has always meant in this export.
- links: the link to take part online, titled as on the pages ("Join via Zoom").
- Status: neither schema has a field for it (nor do the apps), so a cancelled or postponed
  session keeps its place, with its title marked in the catalogue's words ("Abgesagt: …"), the
  one text every app shows in its timetable; a rescheduled one, which takes place at the time
  given, says so in the subtitle ("Verschoben, ursprünglich geplant: August 2020").
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from lxml import etree

from . import export_paths
from .export_words import ExportWords
from .exports import ExportContext, Output, exporter
from .markdown import to_plain
from .model import Event, Person, Session, Status, session_format, session_languages, session_online, session_status

# Fixed once; changing it changes every guid and makes apps lose their users' favourites.
NAMESPACE = uuid.UUID("6f0c3b8e-5a4d-4c1e-9a57-2d8e4b1f0a63")
JSON_SCHEMA = "https://c3voc.de/schedule/schema.json"
TIMESLOT_DURATION = "00:15"
TBA_ROOM_KEY = "room/to-be-announced"  # not "venue/…", so no venue id can take its guid
WORKSHOP = "workshop"
OTHER = "other"
_UTC = dt.timezone.utc


@dataclass(frozen=True)
class FrabLinks:
    base_url: str  # absolute site URL of the language root, e.g. "https://example.org/de/"
    event_page: str | None  # absolute URL of the event's page
    schedule_url: str | None  # absolute URL where this schedule file is published
    version: str  # schedule version string given by the caller (e.g. a content hash) — never a clock time
    words: ExportWords  # the catalogue's words in the schedule's language


# --- the schedule, independent of the file format --------------------------------------------


@dataclass(frozen=True)
class _Named:
    """A frab room or speaker: the name in the schedule's language, and a guid from the id in
    programme.yaml (a fixed one for the room to be announced), so that apps recognise them in
    every version of the schedule and event."""

    name: str
    guid: str

    @property
    def id(self) -> int:
        """The number frab lists a speaker by besides the guid."""
        return _number(self.guid)


@dataclass(frozen=True)
class _Link:
    """A link of a frab event: the way to join it online."""

    url: str
    title: str


@dataclass(frozen=True)
class _Item:
    """One timed session as a frab event."""

    id: int
    guid: str
    date: str  # ISO date-time with offset
    end: str | None  # ISO date-time with offset; None if the end is not announced
    start: str  # HH:MM
    duration: str  # HH:MM
    room: _Named
    slug: str
    url: str
    title: str
    subtitle: str
    track: str | None
    type: str
    language: str
    abstract: str
    persons: tuple[_Named, ...]
    links: tuple[_Link, ...]


@dataclass(frozen=True)
class _Day:
    index: int
    date: str
    start: str
    end: str
    rooms: tuple[tuple[_Named, tuple[_Item, ...]], ...]


@dataclass(frozen=True)
class _Schedule:
    acronym: str
    title: str
    start: str
    end: str
    time_zone_name: str
    url: str
    rooms: tuple[_Named, ...]
    days: tuple[_Day, ...]


def _guid(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, key))


def _number(guid: str) -> int:
    """A positive integer from the guid, below 2**31 so no app's int overflows."""
    return (uuid.UUID(guid).int >> 97) or 1


def _acronym(event: Event) -> str:
    """The event id as an acronym both schemas accept: no hyphens, at least four characters."""
    acronym = event.id.replace("-", "_")
    return acronym if len(acronym) >= 4 else f"{acronym}_{event.start.year}"


def _slug(acronym: str, session: Session) -> str:
    """acronym-session, as voc's slug pattern wants at least four characters on either side."""
    name = session.id if len(session.id) >= 4 else f"session-{session.id}"
    return f"{acronym}-{name}"


def _at(event: Event, day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=event.timezone)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _room(session: Session, lang: str, words: ExportWords) -> _Named:
    if session.room is not None:
        return _Named(session.room.name.get(lang), _guid(f"room/{session.room.id}"))
    if session.venue is not None:
        return _Named(session.venue.name.get(lang), _guid(f"venue/{session.venue.id}"))
    return _Named(words.room_to_be_announced, _guid(TBA_ROOM_KEY))


def _links(event: Event, session: Session, words: ExportWords) -> tuple[_Link, ...]:
    format_, online = session_format(event, session), session_online(event, session)
    if format_ is None or not format_.online or online is None or online.url is None:
        return ()
    title = words.join_via % {"platform": online.platform} if online.platform else words.join_online
    return (_Link(online.url, title),)


def _person(person: Person, lang: str) -> _Named:
    return _Named(person.name.get(lang), _guid(f"person/{person.id}"))


def _item(event: Event, session: Session, lang: str, links: FrabLinks, acronym: str) -> _Item:
    start, end = session.starts_at(event.timezone), session.ends_at(event.timezone)
    assert start is not None and session.start is not None
    # in UTC, so a day with a clock change gives the real length
    minutes = int((end.astimezone(_UTC) - start.astimezone(_UTC)).total_seconds()) // 60 if end else 0
    group = session.working_group
    guid = _guid(f"{event.id}/{session.id}")
    page = links.event_page or links.base_url
    return _Item(
        id=_number(guid),
        guid=guid,
        date=start.isoformat(),
        end=end.isoformat() if end else None,
        start=session.start.strftime("%H:%M"),
        duration=_hhmm(minutes),
        room=_room(session, lang, links.words),
        slug=_slug(acronym, session),
        url=f"{page}#{session.id}",
        title=links.words.title(session_status(event, session), session.title.get(lang)),
        subtitle=links.words.status(session.status, session.previous_start, lang) if session.status is Status.RESCHEDULED else "",
        track=group.title.get(lang) if group else None,
        type=WORKSHOP if group else OTHER,
        language=", ".join(session_languages(event, session)) or lang,
        abstract=_abstract(session, lang),
        persons=tuple(_person(person, lang) for person in session.speakers),
        links=_links(event, session, links.words),
    )


def _abstract(session: Session, lang: str) -> str:
    if session.description:
        return to_plain(session.description.get(lang))
    group = session.working_group
    return group.description.get(lang) if group and group.description else ""


def _schedule(event: Event, lang: str, links: FrabLinks) -> _Schedule:
    acronym = _acronym(event)
    timed = sorted(
        (session for session in event.sessions if session.start is not None),
        key=lambda session: (session.date, session.start),  # sorted() is stable: list order breaks ties
    )
    items = [(session.date, _item(event, session, lang, links, acronym)) for session in timed]
    _check_unique(item for _, item in items)
    rooms = tuple(dict.fromkeys(item.room for _, item in items))  # in order of first use
    _check_room_names(rooms)
    days = []
    for index in range((event.end - event.start).days + 1):
        date = event.start + dt.timedelta(days=index)
        on_day = [item for day, item in items if day == date]
        days.append(
            _Day(
                index=index + 1,
                date=date.isoformat(),
                start=_at(event, date, dt.time(0, 0)).isoformat(),
                end=_at(event, date + dt.timedelta(days=1), dt.time(0, 0)).isoformat(),
                rooms=tuple(
                    (room, tuple(item for item in on_day if item.room == room))
                    for room in rooms
                    if any(item.room == room for item in on_day)
                ),
            )
        )
    return _Schedule(
        acronym=acronym,
        title=event.title.get(lang),
        start=event.start.isoformat(),
        end=event.end.isoformat(),
        time_zone_name=event.timezone.key,
        url=links.event_page or links.base_url,
        rooms=rooms,
        days=tuple(days),
    )


def _check_unique(items: Any) -> None:
    """Integer ids are 31 bits of a guid: a clash is all but impossible, but must not pass silently."""
    seen: dict[int, str] = {}
    for item in items:
        if seen.setdefault(item.id, item.guid) != item.guid:
            guids = f"{seen[item.id]}, {item.guid}"
            raise ValueError(f"frab id {item.id} derived from two guids ({guids}): change NAMESPACE")


def _check_room_names(rooms: tuple[_Named, ...]) -> None:
    """Apps (and JSON, where a day's rooms are keyed by name) tell rooms apart by name."""
    names = [room.name for room in rooms]
    clashes = sorted({name for name in names if names.count(name) > 1})
    if clashes:
        raise ValueError(f"several rooms are named {', '.join(clashes)}: give the rooms and venues distinct names")


# --- XML -----------------------------------------------------------------------------------


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def schedule_xml(event: Event, lang: str, links: FrabLinks) -> bytes:
    """schedule.xml of the event's timed sessions, texts in lang, UTF-8 with declaration."""
    schedule = _schedule(event, lang, links)
    root = etree.Element("schedule")
    if links.schedule_url:
        _sub(root, "url", links.schedule_url)
    _sub(root, "version", links.version)
    conference = _sub(root, "conference")
    _sub(conference, "acronym", schedule.acronym)
    _sub(conference, "title", schedule.title)
    _sub(conference, "start", schedule.start)
    _sub(conference, "end", schedule.end)
    _sub(conference, "days", str(len(schedule.days)))
    _sub(conference, "timeslot_duration", TIMESLOT_DURATION)
    _sub(conference, "base_url", links.base_url)
    _sub(conference, "url", schedule.url)
    _sub(conference, "time_zone_name", schedule.time_zone_name)
    for day in schedule.days:
        day_element = _sub(root, "day", index=str(day.index), date=day.date, start=day.start, end=day.end)
        for room, items in day.rooms:
            room_element = _sub(day_element, "room", name=room.name, guid=room.guid)
            for item in items:
                _xml_event(room_element, item)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _xml_event(parent: etree._Element, item: _Item) -> None:
    element = _sub(parent, "event", id=str(item.id), guid=item.guid)
    _sub(element, "date", item.date)
    _sub(element, "start", item.start)
    _sub(element, "duration", item.duration)
    _sub(element, "room", item.room.name)
    _sub(element, "slug", item.slug)
    _sub(element, "url", item.url)
    _sub(element, "title", item.title)
    _sub(element, "subtitle", item.subtitle)
    _sub(element, "track", item.track or "")
    _sub(element, "type", item.type)
    _sub(element, "language", item.language)
    _sub(element, "abstract", item.abstract)
    _sub(element, "description", "")
    persons = _sub(element, "persons")
    for person in item.persons:
        _sub(persons, "person", person.name, id=str(person.id), guid=person.guid)
    links = _sub(element, "links")
    for link in item.links:
        _sub(links, "link", link.title, href=link.url)
    _sub(element, "attachments")


# --- JSON ----------------------------------------------------------------------------------


def schedule_json(event: Event, lang: str, links: FrabLinks) -> bytes:
    """schedule.json of the event's timed sessions, texts in lang, UTF-8, keys sorted."""
    schedule = _schedule(event, lang, links)
    body: dict[str, Any] = {
        "version": links.version,
        "base_url": links.base_url,
        "conference": {
            "acronym": schedule.acronym,
            "title": schedule.title,
            "start": schedule.start,
            "end": schedule.end,
            "daysCount": len(schedule.days),
            "timeslot_duration": TIMESLOT_DURATION,
            "time_zone_name": schedule.time_zone_name,
            "url": schedule.url,
            "rooms": [{"name": room.name, "guid": room.guid} for room in schedule.rooms],
            "days": [
                {
                    "index": day.index,
                    "date": day.date,
                    "day_start": day.start,
                    "day_end": day.end,
                    "rooms": {room.name: [_json_event(item) for item in items] for room, items in day.rooms},
                }
                for day in schedule.days
            ],
        },
    }
    if links.schedule_url:
        body["url"] = links.schedule_url
    data = {"$schema": JSON_SCHEMA, "schedule": body}
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


def _json_event(item: _Item) -> dict[str, Any]:
    data: dict[str, Any] = {
        "guid": item.guid,
        "id": item.id,
        "date": item.date,
        "start": item.start,
        "duration": item.duration,
        "room": item.room.name,
        "slug": item.slug,
        "url": item.url,
        "title": item.title,
        "subtitle": item.subtitle,
        "track": item.track,
        "type": item.type,
        "language": item.language,
        "abstract": item.abstract,
        "description": "",
        # name without public_name: the schema's oneOf takes it as a pretalx person, not a frab one
        "persons": [{"guid": p.guid, "id": p.id, "name": p.name} for p in item.persons],
        "links": [{"url": link.url, "title": link.title} for link in item.links],
        "attachments": [],
    }
    if item.end:
        data["end"] = item.end
    return data


@exporter
def schedules(context: ExportContext) -> Output:
    """schedule.xml and schedule.json beside the page of each event that has sessions."""
    files = {}
    for event in context.programme.events:
        page_url = context.event_urls.get(event.id)
        if page_url is None or not event.sessions:
            continue
        for extension, write in (("xml", schedule_xml), ("json", schedule_json)):
            path = export_paths.schedule(page_url, extension)
            links = FrabLinks(f"{context.site_url}/", context.event_page(event.id), f"{context.site_url}/{path}",
                              context.version, context.words)
            files[path] = write(event, context.lang, links)
    return Output(files=files)
