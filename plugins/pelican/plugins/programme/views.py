"""The programme as templates need it: one language, every value formatted, nothing to compute.

Pure functions from the model (and the event pages' URLs) to frozen view objects.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby

from babel.lists import format_list
from markupsafe import Markup

from pelican.plugins.bilingual.foreign_words import mark_foreign_words
from pelican.plugins.bilingual.wording import capitalized

from . import export_paths
from .l10n import TimeLabel, format_date, format_date_range, format_day_short, session_time_label
from .model import Deadline, Event, GroupKind, Localized, Organisation, OrganisationCategory, Programme, Session, Venue, WorkingGroup


@dataclass(frozen=True)
class VenueView:
    name: Markup
    address: Markup | None


@dataclass(frozen=True)
class OrganisationView:
    id: str
    name: Markup
    role: Markup
    url: str | None


@dataclass(frozen=True)
class WorkingGroupView:
    id: str
    title: Markup
    coordinator_names: Markup
    description: Markup | None
    session_url: str | None  # where it meets in the programme


@dataclass(frozen=True)
class SessionView:
    id: str  # also the anchor on the event page
    title: Markup
    description: Markup | None
    time: TimeLabel | None  # None: to be announced
    venue: VenueView | None  # None: to be announced
    speakers: Markup  # names as a list in the language's own pattern; empty if none are known
    working_group: WorkingGroupView | None
    calendar: str  # "add to calendar": the session's .ics below the language root


@dataclass(frozen=True)
class SlotView:
    sessions: tuple[SessionView, ...]

    @property
    def parallel(self) -> bool:
        return len(self.sessions) > 1


@dataclass(frozen=True)
class DayView:
    anchor: str
    date_iso: str
    heading: str
    slots: tuple[SlotView, ...]


@dataclass(frozen=True)
class EventView:
    id: str
    url: str | None  # the event's page, relative to the language root
    title: Markup
    short_title: Markup
    dates: str
    start_iso: str
    places: Markup
    format: str | None  # a Format value ("on-site", "hybrid"); None where no source says
    motto: Markup | None
    theme: Markup | None
    description: Markup
    organisers: tuple[OrganisationView, ...]
    organiser_names: Markup
    venue: VenueView | None
    days: tuple[DayView, ...]
    day_count: int
    calendar: str  # the event's .ics below the language root
    schedule_xml: str | None  # frab schedule for conference apps, if it has sessions and a page
    schedule_json: str | None


@dataclass(frozen=True)
class OrganisationGroup:
    category: str  # OrganisationCategory value; the template names it
    organisations: tuple[OrganisationView, ...]


@dataclass(frozen=True)
class DeadlineView:
    id: str
    label: Markup
    date: str
    date_iso: str


@dataclass(frozen=True)
class ProgrammeView:
    lang: str
    events: tuple[EventView, ...]  # in date order
    events_by_id: Mapping[str, EventView]
    working_groups: tuple[WorkingGroupView, ...]  # the working groups proper, in the data's order
    forums: tuple[WorkingGroupView, ...]  # forums that meet beside them
    organisation_groups: tuple[OrganisationGroup, ...]
    deadlines_by_id: Mapping[str, DeadlineView]
    calendar: str = export_paths.PROGRAMME_CALENDAR


def text(localized: Localized, lang: str) -> Markup:
    """A text of the data in one language, escaped, with the other language's words marked."""
    return mark_foreign_words(localized.get(lang), lang)


def names(items: Sequence[Markup], lang: str) -> Markup:
    """"A, B und C" / "A, B и C": the language's own list pattern; the items are escaped already."""
    return Markup(format_list(list(items), locale=lang)) if items else Markup("")


def optional_text(localized: Localized | None, lang: str) -> Markup | None:
    return text(localized, lang) if localized else None


def venue_view(venue: Venue | None, lang: str) -> VenueView | None:
    if venue is None:
        return None
    return VenueView(text(venue.name, lang), optional_text(venue.address, lang))


def organisation_view(organisation: Organisation, lang: str) -> OrganisationView:
    return OrganisationView(organisation.id, text(organisation.name, lang), text(organisation.role, lang), organisation.url)


def working_group_view(group: WorkingGroup, lang: str, session_url: str | None) -> WorkingGroupView:
    return WorkingGroupView(
        id=group.id,
        title=text(group.title, lang),
        coordinator_names=names([text(o.name, lang) for o in group.coordinators], lang),
        description=optional_text(group.description, lang),
        session_url=session_url,
    )


def session_view(session: Session, event: Event, programme: Programme, lang: str) -> SessionView:
    return SessionView(
        id=session.id,
        title=text(session.title, lang),
        description=optional_text(session.description, lang),
        time=session_time_label(
            session.date, session.start, session.end, event.timezone, programme.home_timezone, lang
        ),
        venue=venue_view(session.venue, lang),
        speakers=names([text(person.name, lang) for person in session.speakers], lang),
        working_group=working_group_view(session.working_group, lang, None) if session.working_group else None,
        calendar=export_paths.session_calendar(event.id, session.id),
    )


def day_views(event: Event, programme: Programme, lang: str) -> tuple[DayView, ...]:
    ordered = sorted(event.sessions, key=lambda s: (s.date, s.slot))
    days = []
    for date, sessions_of_day in groupby(ordered, key=lambda s: s.date):
        slots = tuple(
            SlotView(tuple(session_view(s, event, programme, lang) for s in sessions_of_slot))
            for _, sessions_of_slot in groupby(sessions_of_day, key=lambda s: s.slot)
        )
        # A heading starts with a capital; CLDR writes Russian weekdays in lower case.
        heading = capitalized(format_day_short(date, lang))
        days.append(DayView(f"{event.id}-{date.isoformat()}", date.isoformat(), heading, slots))
    return tuple(days)


def event_view(event: Event, programme: Programme, lang: str, url: str | None) -> EventView:
    return EventView(
        id=event.id,
        url=url,
        title=text(event.title, lang),
        short_title=text(event.short_title, lang),
        dates=format_date_range(event.start, event.end, lang),
        start_iso=event.start.isoformat(),
        places=names([text(city, lang) for city in event.cities], lang),
        format=event.format.value if event.format else None,
        motto=optional_text(event.motto, lang),
        theme=optional_text(event.theme, lang),
        description=text(event.description, lang),
        organisers=tuple(organisation_view(o, lang) for o in event.organisers),
        organiser_names=names([text(o.name, lang) for o in event.organisers], lang),
        venue=venue_view(event.venue, lang),
        days=day_views(event, programme, lang),
        day_count=(event.end - event.start).days + 1,
        calendar=export_paths.event_calendar(event.id),
        schedule_xml=export_paths.schedule(url, "xml") if url and event.sessions else None,
        schedule_json=export_paths.schedule(url, "json") if url and event.sessions else None,
    )


def _session_urls(programme: Programme, event_urls: Mapping[str, str]) -> dict[str, str]:
    """Where each working group meets: the anchor of its session on its event's page."""
    return {
        session.working_group.id: f"{event_urls[event.id]}#{session.id}"
        for event in programme.events
        if event.id in event_urls
        for session in event.sessions
        if session.working_group
    }


def deadline_view(deadline: Deadline, lang: str) -> DeadlineView:
    return DeadlineView(deadline.id, text(deadline.label, lang), format_date(deadline.date, lang), deadline.date.isoformat())


def programme_view(programme: Programme, lang: str, event_urls: Mapping[str, str]) -> ProgrammeView:
    events = tuple(
        event_view(e, programme, lang, event_urls.get(e.id)) for e in sorted(programme.events, key=lambda e: (e.start, e.end))
    )
    session_urls = _session_urls(programme, event_urls)
    groups = [(g.kind, working_group_view(g, lang, session_urls.get(g.id))) for g in programme.working_groups]
    return ProgrammeView(
        lang=lang,
        events=events,
        events_by_id={e.id: e for e in events},
        working_groups=tuple(view for kind, view in groups if kind is GroupKind.WORKING_GROUP),
        forums=tuple(view for kind, view in groups if kind is GroupKind.FORUM),
        organisation_groups=tuple(
            OrganisationGroup(
                category.value,
                tuple(organisation_view(o, lang) for o in programme.organisations if o.category is category),
            )
            for category in OrganisationCategory
        ),
        deadlines_by_id={d.id: deadline_view(d, lang) for d in programme.deadlines},
    )
