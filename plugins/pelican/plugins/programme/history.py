"""What changed in the programme, for visitors: derived from the git history of programme.yaml.

Each committed version of the file is read with the loader; consecutive versions are compared
session by session. Dates are the commits' (never the clock), so two builds of one commit are
identical. Without a full history (a tarball, a shallow clone) the history is unavailable,
and the site says so instead of guessing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from .model import Event, Session


class ChangeKind(Enum):
    ADDED = "added"
    REMOVED = "removed"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"
    RESCHEDULED = "rescheduled"
    REINSTATED = "reinstated"  # scheduled again after a cancellation or postponement
    MOVED_IN_TIME = "moved-in-time"
    MOVED_PLACE = "moved-place"  # another room or venue
    SPEAKERS = "speakers"
    LANGUAGES = "languages"


# What a calendar entry shows: a change of these makes calendar apps replace the entry (SEQUENCE).
CALENDAR_KINDS = frozenset(
    {ChangeKind.CANCELLED, ChangeKind.POSTPONED, ChangeKind.RESCHEDULED, ChangeKind.REINSTATED,
     ChangeKind.MOVED_IN_TIME, ChangeKind.MOVED_PLACE}
)


@dataclass(frozen=True)
class Change:
    date: dt.datetime  # the commit's author time, aware
    commit: str  # its hash
    event_id: str
    session_id: str | None  # None: the event itself
    kind: ChangeKind
    before: Event | Session | None  # None for an addition
    after: Event | Session | None  # None for a removal


@dataclass(frozen=True)
class History:
    available: bool  # False: no full git history to read
    changes: tuple[Change, ...] = ()  # newest first

    @classmethod
    def unavailable(cls) -> History:
        return cls(available=False)

    def sequence(self, event_id: str, session_id: str | None = None) -> int:
        """How often the item changed in what its calendar entry shows: its SEQUENCE."""
        return sum(
            1 for change in self.changes
            if change.event_id == event_id and change.session_id == session_id and change.kind in CALENDAR_KINDS
        )
