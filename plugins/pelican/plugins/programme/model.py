"""The programme as plain, typed, immutable objects.

The loader builds these from programme.yaml; everything after it (validation, formatting,
page generation, exports) works on these objects only, never on raw YAML.
Objects are cross-linked: a Session holds its Venue and Person objects, not their ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
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
    ON_SITE = "on-site"
    HYBRID = "hybrid"


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
class Organisation:
    id: str
    name: Localized
    category: OrganisationCategory
    role: Localized
    short_name: Localized | None = None
    url: str | None = None
    source: Source | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Venue:
    id: str
    name: Localized
    city: Localized
    address: Localized | None = None
    source: Source | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Person:
    id: str
    name: Localized
    affiliation: Organisation | None = None
    source: Source | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class WorkingGroup:
    id: str
    title: Localized
    coordinators: tuple[Organisation, ...]
    kind: GroupKind = GroupKind.WORKING_GROUP
    description: Localized | None = None
    source: Source | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Session:
    """One item of an event's programme.

    start/end are local times in the event's time zone; None means "to be announced".
    venue None means the room is not yet announced.
    """

    id: str
    title: Localized
    date: dt.date
    start: dt.time | None = None
    end: dt.time | None = None
    venue: Venue | None = None
    description: Localized | None = None
    speakers: tuple[Person, ...] = ()
    working_group: WorkingGroup | None = None
    slot: int = 0  # sessions sharing a slot number run in parallel
    source: Source | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Event:
    id: str
    title: Localized
    short_title: Localized
    start: dt.date
    end: dt.date
    cities: tuple[Localized, ...]
    timezone: ZoneInfo
    description: Localized
    format: Format | None = None  # None: no source says how one takes part
    organisers: tuple[Organisation, ...] = ()
    venue: Venue | None = None
    motto: Localized | None = None
    theme: Localized | None = None  # the subject the event works on; not its motto
    sessions: tuple[Session, ...] = ()
    source: Source | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Deadline:
    """A dated fact outside the event programme (registration, bookings)."""

    id: str
    date: dt.date
    label: Localized
    source: Source | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Programme:
    events: tuple[Event, ...]
    working_groups: tuple[WorkingGroup, ...]
    organisations: tuple[Organisation, ...]
    venues: tuple[Venue, ...]
    people: tuple[Person, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    home_timezone: ZoneInfo = ZoneInfo("Europe/Berlin")
    version: str = ""  # a hash of the text it was read from: changes exactly when the file does

    def event(self, event_id: str) -> Event:
        return next(e for e in self.events if e.id == event_id)
