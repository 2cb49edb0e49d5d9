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
from .model import Event, Programme, Session, Source, Status


class _Identified(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def source(self) -> Source | None: ...


def validate(programme: Programme) -> list[Problem]:
    """Every problem that needs more than one object to see."""
    return [*duplicate_ids(programme), *sessions_outside_events(programme), *venue_clashes(programme),
            *previous_starts(programme)]


def duplicate_ids(programme: Programme) -> list[Problem]:
    """Ids must be unique within their kind: pages, anchors and references are built from them.

    Session ids are unique across all events: the programme overview shows every event's
    sessions on one page, with the session id as anchor, and calendars use them in UIDs.
    """
    problems = []
    for kind in _kinds(programme):
        first: dict[str, _Identified] = {}
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
    """Two sessions in one room at overlapping times, reported once per pair at the later one.

    A venue without rooms counts as one room. Sessions without a place or without both times are
    still "to be announced" and cannot clash; so cannot a session that names only a venue with
    rooms (its room is to be announced), nor a cancelled one (its room is free).
    """
    timed = [
        (_session_where(event, session), session, _interval(event, session))
        for event in programme.events
        for session in event.sessions
        if _place(session) and session.start and session.end and session.status is not Status.CANCELLED
    ]
    return [
        _clash(where, earlier, later)
        for index, (where, later, (start, end)) in enumerate(timed)
        for _, earlier, (earlier_start, earlier_end) in timed[:index]
        if _place(earlier) == _place(later) and earlier_start < end and start < earlier_end
    ]


def previous_starts(programme: Programme) -> list[Problem]:
    """An earlier start belongs to what was postponed or rescheduled, and lies before the new one."""
    problems = []
    for where, item, start in [(f"events.{e.id}", e, e.start) for e in programme.events] + [
        (_session_where(e, s), s, s.date) for e in programme.events for s in e.sessions
    ]:
        if item.previous_start is None:
            continue
        moved = item.status in (Status.POSTPONED, Status.RESCHEDULED)
        earlier = (item.previous_start.year, item.previous_start.month, item.previous_start.day or 0) < \
            (start.year, start.month, start.day)
        if not moved:
            message = f"previous_start is given, but the status is {item.status.value}: add status: rescheduled " \
                "(or postponed), or remove previous_start"
        elif not earlier:
            message = f"previous_start {item.previous_start.isoformat()} is not before the start {start}: correct one of them"
        else:
            continue
        problems.append(Problem(_source(item), f"{where}.previous_start", message))
    return problems


def _place(session: Session) -> str | None:
    if session.room:
        return f"room {session.room.id}"
    return session.venue.id if session.venue and not session.venue.rooms else None


def _interval(event: Event, session: Session) -> tuple[dt.datetime, dt.datetime]:
    start, end = session.starts_at(event.timezone), session.ends_at(event.timezone)
    assert start and end
    return start, end


def _clash(where: str, earlier: Session, later: Session) -> Problem:
    assert earlier.start and earlier.end
    return Problem(
        _source(later),
        where,
        f"{_place(later)} is already taken from {_hhmm(earlier.start)} to {_hhmm(earlier.end)} "
        f"on {earlier.date} by session '{earlier.id}' (line {_source(earlier).line}): "
        "change the time or the place of one of them",
    )


def _kinds(programme: Programme) -> Iterator[list[tuple[str, _Identified]]]:
    sections: dict[str, tuple[_Identified, ...]] = {
        "organisations": programme.organisations,
        "venues": programme.venues,
        "rooms": tuple(room for venue in programme.venues for room in venue.rooms),
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


def _source(obj: _Identified) -> Source:
    assert obj.source is not None, "validate() needs a programme built by the loader"
    return obj.source


def _hhmm(time: dt.time) -> str:
    return time.isoformat(timespec="minutes")
