"""The programme as templates need it: one language, every value formatted, nothing to compute.

Pure functions from the model (and the event pages' URLs) to frozen view objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby

from babel import Locale
from babel.lists import format_list
from markupsafe import Markup

from pelican.plugins.bilingual.foreign_words import mark_foreign_words
from pelican.plugins.bilingual.wording import capitalized

from . import export_paths
from .l10n import (
    TimeLabel, TimeWording, format_date, format_date_range, format_day_short, format_previous_start, session_time_label,
)
from .markdown import to_html
from .model import (
    Deadline, Event, Format, GroupKind, Interpretation, Link, Localized, OnlineAccess, Organisation, OrganisationCategory, Person,
    PreviousStart, Programme, Room, Session, Status, Venue, WorkingGroup, session_format, session_status,
)

# A plain link to the map (no embedded map: that would be a request to another host).
_MAP_URL = "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"


@dataclass(frozen=True)
class VenueView:
    name: Markup
    address: Markup | None
    room: Markup | None = None  # the hall, where one is named
    has_rooms: bool = False  # whether the venue names its rooms (then a missing one is to be announced)
    map_url: str | None = None  # OpenStreetMap at the venue's coordinates


@dataclass(frozen=True)
class StatusView:
    """Whether it takes place as announced; the template words it."""

    status: str  # a Status value
    previous_start: str | None = None  # formatted: "August 2020", "15. August 2020"
    previous_start_iso: str | None = None  # "2020-08", "2020-08-15": valid in <time datetime>

    @property
    def scheduled(self) -> bool:
        return self.status == Status.SCHEDULED.value


@dataclass(frozen=True)
class OnlineView:
    format: str  # a Format value; the template names it
    url: str | None  # None: the link follows
    platform: str | None
    note: Markup | None


@dataclass(frozen=True)
class LanguagesView:
    spoken: Markup  # "Deutsch und Russisch" / "немецкий и русский"
    count: int  # of languages spoken
    interpretation: str | None  # an Interpretation value; the template names it


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
class ChangedNote:
    url: str  # its entry on the change page, below the language root
    day: str  # when it changed: "2. Mai 2021"


@dataclass(frozen=True)
class SessionView:
    id: str  # also the anchor on the event page
    title: Markup
    description: Markup | None
    time: TimeLabel | None  # None: to be announced
    end_iso: str | None  # the end instant with its offset, for the page's script (now and next); None: no end given
    venue: VenueView | None  # None: to be announced
    online: OnlineView | None  # what the session itself says of taking part online
    online_only: bool  # the session's or its event's format: then it has no place to announce
    languages: LanguagesView | None  # what the session itself says of its languages
    speakers: Markup  # names, linked to their pages, as a list in the language's own pattern; empty if none
    working_group: WorkingGroupView | None
    calendar: str  # "add to calendar": the session's .ics below the language root
    status: StatusView
    changed: ChangedNote | None = None  # a recent change, see ViewContext.changed


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
    # For the page's script: the event's zone and the instants it runs between (its first day's
    # midnight to the end of its last day, or of a session that runs past it), with offsets.
    timezone: str
    begins_iso: str
    ends_iso: str
    status: StatusView
    places: Markup
    format: str | None  # a Format value ("on-site", "hybrid", "online"); None where no source says
    online: OnlineView | None  # for an event one can follow online
    languages: LanguagesView | None
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
    """A deadline a page names in its metadata, with its date in the page's language."""

    id: str
    label: Markup
    date: str
    date_iso: str


@dataclass(frozen=True)
class ContactView:
    """Who answers the visitors' questions: the site's contact of programme.yaml."""

    name: Markup
    email: str


@dataclass(frozen=True)
class LinkView:
    """The "further information" link of programme.yaml, with its language named where it is not
    the page's."""

    url: str
    language: str  # the code, for hreflang
    language_name: str | None  # in the page's language, if it is not the page's own


@dataclass(frozen=True)
class ProgrammeView:
    lang: str
    site_title: str | None  # plain (it also stands in <title> and attributes); None: the SITENAME setting
    contact: ContactView | None
    further_information: LinkView | None
    events: tuple[EventView, ...]  # in date order
    events_by_id: Mapping[str, EventView]
    working_groups: tuple[WorkingGroupView, ...]  # the working groups proper, in the data's order
    forums: tuple[WorkingGroupView, ...]  # forums that meet beside them
    organisation_groups: tuple[OrganisationGroup, ...]
    deadlines_by_id: Mapping[str, DeadlineView]
    home_timezone: str  # the IANA name, for the page's script
    uid_domain: str | None = None  # of the calendars' UIDs, so that the page's script writes the same ones
    calendar: str = export_paths.PROGRAMME_CALENDAR


def text(localized: Localized, lang: str) -> Markup:
    """A text of the data in one language, escaped, with the other language's words marked."""
    return mark_foreign_words(localized.get(lang), lang)


def names(items: Sequence[Markup], lang: str) -> Markup:
    """"A, B und C" / "A, B и C": the language's own list pattern; the items are escaped already."""
    return Markup(format_list(list(items), locale=lang)) if items else Markup("")


def optional_text(localized: Localized | None, lang: str) -> Markup | None:
    return text(localized, lang) if localized else None


def venue_view(venue: Venue | None, lang: str, room: Room | None = None) -> VenueView | None:
    if venue is None:
        return None
    map_url = _MAP_URL.format(lat=venue.geo.lat, lon=venue.geo.lon) if venue.geo else None
    return VenueView(text(venue.name, lang), optional_text(venue.address, lang), optional_text(room and room.name, lang),
                     bool(venue.rooms), map_url)


def status_view(status: Status, previous_start: PreviousStart | None, lang: str) -> StatusView:
    if previous_start is None:
        return StatusView(status.value)
    return StatusView(status.value, format_previous_start(previous_start, lang), previous_start.isoformat())


def online_view(format_: Format | None, online: OnlineAccess | None, lang: str) -> OnlineView | None:
    """How to take part online, for what one can follow online (or has an online access)."""
    if online is None and (format_ is None or not format_.online):
        return None
    online = online or OnlineAccess()
    return OnlineView(format_.value if format_ else Format.HYBRID.value, online.url, online.platform,
                      optional_text(online.note, lang))


def languages_view(languages: tuple[str, ...], interpretation: Interpretation | None, lang: str) -> LanguagesView | None:
    if not languages and interpretation is None:
        return None
    # CLDR's names, as they stand inside a sentence: "Deutsch", "немецкий"
    spoken = names([Markup.escape(Locale.parse(code).get_language_name(lang)) for code in languages], lang)
    return LanguagesView(spoken, len(languages), interpretation.value if interpretation else None)


def link_view(link: Link, lang: str) -> LinkView:
    other = link.language != lang
    return LinkView(link.url, link.language, Locale.parse(link.language).get_language_name(lang) if other else None)


def speaker_names(speakers: Sequence[Person], lang: str, person_urls: Mapping[str, str], site_url: str) -> Markup:
    linked = [
        Markup('<a href="{}/{}">{}</a>').format(site_url, person_urls[p.id], text(p.name, lang)) if p.id in person_urls
        else text(p.name, lang)
        for p in speakers
    ]
    return names(linked, lang)


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


def session_view(session: Session, event: Event, context: ViewContext) -> SessionView:
    lang, zone = context.lang, event.timezone
    end = session.ends_at(zone)
    description = to_html(session.description.get(lang), lambda words: mark_foreign_words(words, lang)) \
        if session.description else None
    return SessionView(
        id=session.id,
        title=text(session.title, lang),
        description=description,
        time=session_time_label(session.starts_at(zone), end, context.programme.home_timezone, context.wording),
        end_iso=end.isoformat() if end else None,
        venue=venue_view(session.venue, lang, session.room),
        online=online_view(session.format, session.online, lang) if session.format or session.online else None,
        online_only=session_format(event, session) is Format.ONLINE,
        languages=languages_view(session.languages, session.interpretation, lang),
        speakers=speaker_names(session.speakers, lang, context.person_urls, context.site_url),
        working_group=working_group_view(session.working_group, lang, None) if session.working_group else None,
        calendar=export_paths.session_calendar(event.id, session.id),
        changed=context.changed.get((event.id, session.id)),
        status=status_view(session_status(event, session), session.previous_start, lang),
    )


def day_views(event: Event, context: ViewContext) -> tuple[DayView, ...]:
    lang = context.lang
    ordered = sorted(event.sessions, key=lambda s: (s.date, s.slot))
    days = []
    for date, sessions_of_day in groupby(ordered, key=lambda s: s.date):
        slots = tuple(
            SlotView(tuple(session_view(s, event, context) for s in sessions_of_slot))
            for _, sessions_of_slot in groupby(sessions_of_day, key=lambda s: s.slot)
        )
        # A heading starts with a capital; CLDR writes Russian weekdays in lower case.
        heading = capitalized(format_day_short(date, lang))
        days.append(DayView(f"{event.id}-{date.isoformat()}", date.isoformat(), heading, slots))
    return tuple(days)


def event_view(event: Event, context: ViewContext, url: str | None) -> EventView:
    lang, zone = context.lang, event.timezone
    ends = [dt.datetime.combine(event.end + dt.timedelta(days=1), dt.time(), zone)]
    ends += [end for session in event.sessions if (end := session.ends_at(zone))]
    return EventView(
        id=event.id,
        url=url,
        title=text(event.title, lang),
        short_title=text(event.short_title, lang),
        dates=format_date_range(event.start, event.end, lang),
        start_iso=event.start.isoformat(),
        timezone=zone.key,
        begins_iso=dt.datetime.combine(event.start, dt.time(), zone).isoformat(),
        ends_iso=max(ends).isoformat(),
        status=status_view(event.status, event.previous_start, lang),
        places=names([text(city, lang) for city in event.cities], lang),
        format=event.format.value if event.format else None,
        online=online_view(event.format, event.online, lang),
        languages=languages_view(event.languages, event.interpretation, lang),
        motto=optional_text(event.motto, lang),
        theme=optional_text(event.theme, lang),
        description=text(event.description, lang),
        organisers=tuple(organisation_view(o, lang) for o in event.organisers),
        organiser_names=names([text(o.name, lang) for o in event.organisers], lang),
        venue=venue_view(event.venue, lang),
        days=day_views(event, context),
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


@dataclass(frozen=True)
class ViewContext:
    """What every view of one language run needs besides the object it shows."""

    programme: Programme
    lang: str
    wording: TimeWording
    site_url: str  # the language root
    person_urls: Mapping[str, str]  # person id -> their page, below the language root
    changed: Mapping[tuple[str, str | None], ChangedNote] = field(default_factory=dict)  # (event, session id) changed lately


def view_context(
    programme: Programme, lang: str, gettext: Callable[[str], str], site_url: str = "", person_urls: Mapping[str, str] | None = None
) -> ViewContext:
    """The run's context, with the words around times from the catalogue (gettext) and programme.yaml."""
    wording = TimeWording(
        lang=lang,
        # Translators: after a time, for a zone with no common abbreviation; %(city)s is the zone's city.
        local_time=gettext("local time %(city)s"),
        # Translators: before a session's time in the home zone of online participants, unless programme.yaml words it.
        home_label=programme.home_label.get(lang) if programme.home_label else gettext("For comparison"),
        zone_names={name.zone: wording for name in programme.zone_names if (wording := name.get(lang))},
    )
    return ViewContext(programme, lang, wording, site_url, person_urls or {})


def programme_view(context: ViewContext, event_urls: Mapping[str, str], uid_domain: str | None = None) -> ProgrammeView:
    programme, lang = context.programme, context.lang
    events = tuple(
        event_view(e, context, event_urls.get(e.id)) for e in sorted(programme.events, key=lambda e: (e.start, e.end))
    )
    session_urls = _session_urls(programme, event_urls)
    groups = [(g.kind, working_group_view(g, lang, session_urls.get(g.id))) for g in programme.working_groups]
    site, contact = programme.site, programme.site.contact
    return ProgrammeView(
        lang=lang,
        site_title=site.title.get(lang) if site.title else None,
        contact=ContactView(text(contact.name, lang), contact.email) if contact else None,
        further_information=link_view(site.further_information, lang) if site.further_information else None,
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
        home_timezone=programme.home_timezone.key,
        uid_domain=uid_domain,
    )
