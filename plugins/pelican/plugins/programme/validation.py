"""Problems in programme.yaml, and the checks that need the whole programme.

The loader checks each object on its own while reading it. What only shows when objects are
compared (two with one id, a session against its event, two sessions in one room) is checked
here, on the finished model, so these checks need no YAML and are easy to test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Protocol

from .errors import Problem
from .model import Event, Programme, Session, Source


class _Located(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def source(self) -> Source | None: ...


def validate(programme: Programme) -> list[Problem]:
    """Every problem that needs more than one object to see."""
    return [*duplicate_ids(programme), *sessions_outside_events(programme), *venue_clashes(programme)]


def duplicate_ids(programme: Programme) -> list[Problem]:
    """Ids must be unique within their kind: pages, anchors and references are built from them.

    Session ids are unique across all events: the programme overview shows every event's
    sessions on one page, with the session id as anchor, and calendars use them in UIDs.
    """
    problems = []
    for kind in _kinds(programme):
        first: dict[str, _Located] = {}
        for where, obj in kind:
            if obj.id in first:
                problems.append(
                    Problem(
                        _source(obj),
                        f"{where}.id",
                        f"duplicate id '{obj.id}', already used at line {_source(first[obj.id]).line}: "
                        "give one of them another id",
                    )
                )
            first.setdefault(obj.id, obj)
    return problems


def sessions_outside_events(programme: Programme) -> list[Problem]:
    return [
        Problem(
            _source(session),
            f"{_session_where(event, session)}.date",
            f"{session.date} is outside the event's dates ({event.start} to {event.end}): "
            "correct the session's date or the event's start and end",
        )
        for event in programme.events
        for session in event.sessions
        if not event.start <= session.date <= event.end
    ]


def venue_clashes(programme: Programme) -> list[Problem]:
    """Two sessions in one venue at overlapping times, reported once per pair at the later one.

    Sessions without a venue or without both times are still "to be announced" and cannot clash.
    """
    timed = [
        (_session_where(event, session), session)
        for event in programme.events
        for session in event.sessions
        if session.venue and session.start and session.end
    ]
    return [
        _clash(where, earlier, later)
        for index, (where, later) in enumerate(timed)
        for _, earlier in timed[:index]
        if _overlap(earlier, later)
    ]


def _overlap(a: Session, b: Session) -> bool:
    assert a.venue and b.venue and a.start and a.end and b.start and b.end
    return a.venue.id == b.venue.id and a.date == b.date and a.start < b.end and b.start < a.end


def _clash(where: str, earlier: Session, later: Session) -> Problem:
    assert later.venue and earlier.start and earlier.end
    return Problem(
        _source(later),
        where,
        f"{later.venue.id} is already taken from {_hhmm(earlier.start)} to {_hhmm(earlier.end)} "
        f"on {later.date} by session '{earlier.id}' (line {_source(earlier).line}): "
        "change the time or the venue of one of them",
    )


def _kinds(programme: Programme) -> Iterator[list[tuple[str, _Located]]]:
    sections: dict[str, tuple[_Located, ...]] = {
        "organisations": programme.organisations,
        "venues": programme.venues,
        "people": programme.people,
        "working_groups": programme.working_groups,
        "deadlines": programme.deadlines,
        "events": programme.events,
    }
    for name, objects in sections.items():
        yield [(f"{name}.{obj.id}", obj) for obj in objects]
    yield [(_session_where(event, session), session) for event in programme.events for session in event.sessions]


def _session_where(event: Event, session: Session) -> str:
    return f"events.{event.id}.sessions.{session.id}"


def _source(obj: _Located) -> Source:
    assert obj.source is not None, "validate() needs a programme built by the loader"
    return obj.source


def _hhmm(time: dt.time) -> str:
    return time.isoformat(timespec="minutes")
