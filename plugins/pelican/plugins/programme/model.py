"""The programme as plain, typed, immutable objects.

The loader builds these from programme.yaml; everything after it (validation, formatting,
page generation, exports) works on these objects only, never on raw YAML.
Objects are cross-linked: a Session holds its Venue and Person objects, not their ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from zoneinfo import ZoneInfo

LANGUAGES = ("de", "ru")


@dataclass(frozen=True)
class Localized:
    """A text in both site languages."""

    de: str
    ru: str

    def get(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class Source:
    """Where a value sits in programme.yaml, for error messages."""

    file: str
    line: int  # 1-based
    column: int  # 1-based

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class Format(Enum):
    """How one takes part."""

    ON_SITE = "on-site"
    HYBRID = "hybrid"  # on site and online
    ONLINE = "online"

    @property
    def online(self) -> bool:
        return self is not Format.ON_SITE


class Status(Enum):
    """Whether an event or session takes place as announced (schema.org's EventStatusType)."""

    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"  # to a date not yet known
    RESCHEDULED = "rescheduled"  # to the dates it now has


@dataclass(frozen=True)
class PreviousStart:
    """When a postponed or rescheduled event was to start: a day, or only its month."""

    year: int
    month: int
    day: int | None = None

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")


class Interpretation(Enum):
    """The interpreting offered between the languages spoken."""

    SIMULTANEOUS = "simultaneous"
    CONSECUTIVE = "consecutive"
    ANNOUNCED = "yes"  # interpreted; how is not announced
    NONE = "none"


class GroupKind(Enum):
    """What meets in a conference's parallel strand: a working group, or a forum beside them."""

    WORKING_GROUP = "working-group"
    FORUM = "forum"


class OrganisationCategory(Enum):
    ORGANISER = "organiser"  # Durchführungsorganisation
    PARTNER = "partner"  # in cooperation with
    SUPPORTER = "supporter"  # funds or supports
    COORDINATOR = "coordinator"  # coordinates a working group or the youth forum


@dataclass(frozen=True)
class Located:
    """What is read from programme.yaml knows where it was written, for error messages; that
    place is not part of what it is (not compared, not shown). Keyword-only, so that the fields
    of the subclasses keep their order."""

    source: Source | None = field(default=None, compare=False, repr=False, kw_only=True)


@dataclass(frozen=True)
class Organisation(Located):
    id: str
    name: Localized
    category: OrganisationCategory
    role: Localized
    short_name: Localized | None = None
    url: str | None = None


@dataclass(frozen=True)
class Geo:
    """A point in WGS 84 degrees, as OpenStreetMap and schema.org take it."""

    lat: float
    lon: float


@dataclass(frozen=True)
class Room(Located):
    """A hall or room inside a venue; its id is unique across the programme."""

    id: str
    name: Localized


@dataclass(frozen=True)
class Venue(Located):
    """A building (or site) with an address; sessions meet in its rooms."""

    id: str
    name: Localized
    city: Localized
    address: Localized | None = None
    country: str | None = None  # ISO 3166 code, e.g. RU
    geo: Geo | None = None
    rooms: tuple[Room, ...] = ()


@dataclass(frozen=True)
class OnlineAccess:
    """How to take part online; any part may still be unknown."""

    url: str | None = None  # https only
    platform: str | None = None  # a product name, the same in every language
    note: Localized | None = None


@dataclass(frozen=True)
class Photo:
    file: Path  # the image in the repository
    alt: Localized
    width: int
    height: int


@dataclass(frozen=True)
class Person(Located):
    id: str
    name: Localized
    affiliation: Organisation | None = None
    role: Localized | None = None
    bio: Localized | None = None  # Markdown
    photo: Photo | None = None


@dataclass(frozen=True)
class WorkingGroup(Located):
    id: str
    title: Localized
    coordinators: tuple[Organisation, ...]
    kind: GroupKind = GroupKind.WORKING_GROUP
    description: Localized | None = None


@dataclass(frozen=True)
class Session(Located):
    """One item of an event's programme.

    start/end are local times in the event's time zone; None means "to be announced". An end
    before the start is on the next day, which the data says explicitly (ends_next_day).
    venue None means the place is not yet announced; room None with a venue, the room.
    format, online, languages and interpretation are what the data says of this session;
    the event's apply where it says nothing (see the functions below the classes).
    """

    id: str
    title: Localized
    date: dt.date
    start: dt.time | None = None
    end: dt.time | None = None
    ends_next_day: bool = False
    status: Status = Status.SCHEDULED
    previous_start: PreviousStart | None = None
    venue: Venue | None = None
    room: Room | None = None  # one of venue.rooms
    format: Format | None = None
    online: OnlineAccess | None = None
    languages: tuple[str, ...] = ()  # ISO 639 codes of the languages spoken
    interpretation: Interpretation | None = None
    description: Localized | None = None  # Markdown
    speakers: tuple[Person, ...] = ()
    working_group: WorkingGroup | None = None
    slot: int = 0  # sessions sharing a slot number run in parallel

    def starts_at(self, zone: ZoneInfo) -> dt.datetime | None:
        return dt.datetime.combine(self.date, self.start, tzinfo=zone) if self.start else None

    def ends_at(self, zone: ZoneInfo) -> dt.datetime | None:
        if self.end is None:
            return None
        day = self.date + dt.timedelta(days=1) if self.ends_next_day else self.date
        return dt.datetime.combine(day, self.end, tzinfo=zone)


@dataclass(frozen=True)
class Event(Located):
    id: str
    title: Localized
    short_title: Localized
    start: dt.date
    end: dt.date
    cities: tuple[Localized, ...]
    timezone: ZoneInfo
    description: Localized
    format: Format | None = None  # None: no source says how one takes part
    status: Status = Status.SCHEDULED
    previous_start: PreviousStart | None = None
    online: OnlineAccess | None = None
    languages: tuple[str, ...] = ()
    interpretation: Interpretation | None = None
    organisers: tuple[Organisation, ...] = ()
    venue: Venue | None = None
    motto: Localized | None = None
    theme: Localized | None = None  # the subject the event works on; not its motto
    sessions: tuple[Session, ...] = ()


@dataclass(frozen=True)
class Deadline(Located):
    """A dated fact outside the event programme (registration, bookings)."""

    id: str
    date: dt.date
    label: Localized


@dataclass(frozen=True)
class Contact:
    name: Localized  # the organisation that answers
    email: str


@dataclass(frozen=True)
class Link:
    url: str
    language: str  # of the page it leads to (ISO 639)


@dataclass(frozen=True)
class Site:
    """What names the whole site: its title in both languages, whom to write to, where the
    organisers say more, and what makes its calendar entries its own."""

    title: Localized | None = None
    contact: Contact | None = None
    further_information: Link | None = None
    calendar_uid_domain: str | None = None  # never changed once published: calendars match entries by UID


@dataclass(frozen=True)
class Programme:
    events: tuple[Event, ...]
    working_groups: tuple[WorkingGroup, ...]
    organisations: tuple[Organisation, ...]
    venues: tuple[Venue, ...]
    people: tuple[Person, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    site: Site = Site()
    home_timezone: ZoneInfo = ZoneInfo("Europe/Berlin")
    home_label: Localized | None = None  # what precedes a time in the home zone: "In Deutschland"
    zone_names: tuple[ZoneName, ...] = ()  # the editor's wording of zones, over CLDR's
    version: str = ""  # a hash of the text it was read from: changes exactly when the file does

    def event(self, event_id: str) -> Event:
        return next(e for e in self.events if e.id == event_id)

    def zone_name(self, zone: ZoneInfo, lang: str) -> str | None:
        """The editor's name for the zone in lang, if they gave one."""
        return next((name.get(lang) for name in self.zone_names if name.zone == zone.key), None)


@dataclass(frozen=True)
class ZoneName:
    """How a time zone is named after a time, in one or both languages."""

    zone: str  # IANA name
    de: str | None = None
    ru: str | None = None

    def get(self, lang: str) -> str | None:
        return getattr(self, lang)


# What applies to a session: its own value, else its event's.


def session_format(event: Event, session: Session) -> Format | None:
    return session.format or event.format


def session_online(event: Event, session: Session) -> OnlineAccess | None:
    """The session's online access, or the event's for a session one can follow online."""
    format_ = session_format(event, session)
    if session.online or format_ is None or not format_.online:
        return session.online
    return event.online


def session_status(event: Event, session: Session) -> Status:
    """A session of a cancelled or postponed event is cancelled or postponed with it."""
    if session.status is Status.SCHEDULED and event.status in (Status.CANCELLED, Status.POSTPONED):
        return event.status
    return session.status


def session_languages(event: Event, session: Session) -> tuple[str, ...]:
    return session.languages or event.languages


def session_interpretation(event: Event, session: Session) -> Interpretation | None:
    return session.interpretation or event.interpretation
