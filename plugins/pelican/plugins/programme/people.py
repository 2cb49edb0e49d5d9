"""The speakers as their pages need them: one view per person, with their sessions and times.

Pure functions from the model to frozen views, like views.py, whose session views they reuse.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from pelican.plugins.bilingual.foreign_words import mark_foreign_words
from pelican.plugins.bilingual.wording import capitalize_first, capitalized

from .l10n import format_day_short
from .markdown import to_html
from .model import Event, Person, Session
from .views import SessionView, ViewContext, session_view, text


@dataclass(frozen=True)
class PhotoView:
    url: str  # below the language root, beside the person's page
    alt: Markup
    width: int
    height: int


@dataclass(frozen=True)
class PersonSessionView:
    session: SessionView
    event_title: Markup
    day: str  # "Montag, 28. Juni"
    date_iso: str
    url: str | None  # the session on its event's page, below the language root; None: the event has no page


@dataclass(frozen=True)
class PersonView:
    id: str
    url: str  # below the language root
    name: Markup
    who: Markup | None  # role and affiliation, as a line starts: "Leiterin des Büros, Stadtverwaltung"
    bio: Markup | None
    photo: PhotoView | None
    sessions: tuple[PersonSessionView, ...]  # in time order


def photo_path(person_url: str, person: Person) -> str | None:
    """Where the photo is copied: into the folder of the person's page, under its own file name."""
    return f"{person_url}{person.photo.file.name}" if person.photo else None


def _sessions_of(person: Person, events: tuple[Event, ...]) -> list[tuple[Event, Session]]:
    found = [(event, session) for event in events for session in event.sessions if person in session.speakers]
    return sorted(found, key=lambda pair: (pair[1].date, pair[1].start is None, pair[1].start, pair[0].start))


def person_view(person: Person, context: ViewContext, event_urls: Mapping[str, str]) -> PersonView:
    lang = context.lang
    url = context.person_urls[person.id]
    sessions = tuple(
        PersonSessionView(
            session=session_view(session, event, context),
            event_title=text(event.short_title, lang),
            # A line starts with it; CLDR writes Russian weekdays in lower case.
            day=capitalized(format_day_short(session.date, lang)),
            date_iso=session.date.isoformat(),
            url=f"{event_urls[event.id]}#{session.id}" if event.id in event_urls else None,
        )
        for event, session in _sessions_of(person, context.programme.events)
    )
    photo = person.photo
    parts = [text(part, lang) for part in (person.role, person.affiliation and person.affiliation.name) if part]
    return PersonView(
        id=person.id,
        url=url,
        name=text(person.name, lang),
        who=capitalize_first(Markup(", ").join(parts)) if parts else None,
        bio=to_html(person.bio.get(lang), lambda words: mark_foreign_words(words, lang)) if person.bio else None,
        photo=PhotoView(photo_path(url, person), text(photo.alt, lang), photo.width, photo.height) if photo else None,
        sessions=sessions,
    )


def people_views(context: ViewContext, event_urls: Mapping[str, str]) -> tuple[PersonView, ...]:
    """Every person with a page (see ViewContext.person_urls), in the data's order."""
    return tuple(
        person_view(person, context, event_urls) for person in context.programme.people if person.id in context.person_urls
    )
