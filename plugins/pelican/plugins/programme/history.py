"""What changed in the programme, for visitors: derived from the git history of programme.yaml.

Each committed version of the file is read with the loader; consecutive versions are compared
session by session. Dates are the commits' (never the clock), so two builds of one commit are
identical. Without a full history (a tarball, a shallow clone) the history is unavailable,
and the site says so instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import pickle
import subprocess
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from pelican.plugins.bilingual.git_history import full_history, git, listed_commits

from .errors import ProgrammeError
from .model import Event, Programme, Session, Status
from .reading import read_programme_text


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


# --- reading the history -----------------------------------------------------------------------


# Beside programme.yaml: the commits whose edits corrected or completed the data rather than
# changed the programme (a typo, a fact from before the site went up). Like git's
# blame.ignoreRevsFile: one commit hash a line, # for comments.
CORRECTIONS_FILE = "programme-corrections.txt"


def read_history(path: Path, cache: Path | None = None) -> History:
    """The changes of the programme file at path, from every commit that touched it; unavailable
    outside a full git history (a tarball, a shallow clone: it would know only its last commits).
    A commit listed in the corrections file changes nothing for visitors: the next commit is
    compared with its version.

    Each version costs a read and a validation (some 15 ms for a real programme: 0.8 s for 50
    commits), so the comparisons are kept in the folder cache, by the two versions' contents.
    """
    directory, name = path.resolve().parent, path.name
    try:
        if not full_history(directory):
            return History.unavailable()
        log = git(directory, "log", "--reverse", "--format=%H %at", "--", name).split("\n")
        commits = [(commit, dt.datetime.fromtimestamp(int(stamp), tz=dt.timezone.utc))
                   for commit, stamp in (line.split() for line in log if line)]
        blobs = _blobs(directory, [f"{commit}:./{name}" for commit, _ in commits])
        comparisons = _Comparisons(directory, name, cache)
        corrected = listed_commits(directory / CORRECTIONS_FILE)
        changes: list[Change] = []
        last = None  # the last version that reads
        for (commit, date), blob in zip(commits, blobs):
            if blob is None or blob == last or not comparisons.reads(blob):
                continue  # removed, unchanged, or a version that does not read: the next is compared with the last good one
            if last is not None and not commit.startswith(corrected):
                changes.extend(Change(date, commit, *found) for found in comparisons.between(last, blob))
            last = blob
        comparisons.save()
    except (OSError, subprocess.CalledProcessError, ValueError):
        return History.unavailable()
    return History(available=True, changes=tuple(reversed(changes)))


@functools.cache
def _code_version() -> str:
    """Compared versions are only valid for the code that compared them: the cache's name holds
    a hash of it. Read when a history is compared, not whenever the plugin is imported."""
    files = sorted(Path(__file__).parent.glob("*.py")) + [Path(__file__).with_name("schema.yaml")]
    return hashlib.sha256(b"".join(file.read_bytes() for file in files)).hexdigest()[:16]


class _Comparisons:
    """The comparison of two versions of the file (by their blob ids), from the cache or computed."""

    def __init__(self, directory: Path, name: str, cache: Path | None) -> None:
        self.directory, self.name = directory, os.path.relpath(directory / name)  # photos are found beside it
        self.file = cache / f"programme-history-{_code_version()}.pickle" if cache else None
        self.known: dict = {}  # blob -> whether it reads; (blob, blob) -> the changes between them
        self.programmes: dict[str, Programme | None] = {}
        self.added = False
        if self.file and self.file.exists():
            try:
                self.known = pickle.loads(self.file.read_bytes())
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                self.known = {}  # a damaged cache is rebuilt

    def reads(self, blob: str) -> bool:
        if blob not in self.known:
            self._remember(blob, self._programme(blob) is not None)
        return self.known[blob]

    def between(self, old: str, new: str) -> tuple:
        if (old, new) not in self.known:
            self._remember((old, new), tuple(compare(self._programme(old), self._programme(new))))
        return self.known[(old, new)]

    def _programme(self, blob: str) -> Programme | None:
        if blob not in self.programmes:
            text = git(self.directory, "cat-file", "blob", blob)
            try:
                self.programmes[blob] = read_programme_text(text, self.name)
            except ProgrammeError:
                self.programmes[blob] = None
        return self.programmes[blob]

    def _remember(self, key, value) -> None:
        self.known[key] = value
        self.added = True

    def save(self) -> None:
        if self.file and self.added:
            try:
                self.file.parent.mkdir(parents=True, exist_ok=True)
                partial = self.file.with_suffix(f".{os.getpid()}")
                partial.write_bytes(pickle.dumps(self.known))
                partial.replace(self.file)  # two language runs may write it at once
            except OSError:
                pass  # an unwritable cache costs time, not correctness


def _blobs(directory: Path, objects: list[str]) -> list[str | None]:
    """The blob id of each `<commit>:<path>` in one git process; None where the commit lacks it."""
    output = git(directory, "cat-file", "--batch-check", stdin="".join(f"{name}\n" for name in objects))
    return [None if line.endswith("missing") else line.split()[0] for line in output.splitlines()]


# --- comparing two versions --------------------------------------------------------------------


def compare(before: Programme, after: Programme) -> list[tuple]:
    """What changed for visitors from one version of the programme to the next, in the order of
    the newer version (removals after, in the older one's order): the fields of a Change after
    its date and commit."""
    changes: list[tuple] = []

    def change(kind: ChangeKind, event_id: str, session_id: str | None, old, new) -> None:
        changes.append((event_id, session_id, kind, old, new))

    old_events = {event.id: event for event in before.events}
    new_ids = {event.id for event in after.events}
    for event in after.events:
        old = old_events.get(event.id)
        if old is None:
            change(ChangeKind.ADDED, event.id, None, None, event)
            continue
        for kind in _differences(_event_facts(old), _event_facts(event)):
            change(kind, event.id, None, old, event)
        old_sessions = {session.id: session for session in old.sessions}
        for session in event.sessions:
            previous = old_sessions.get(session.id)
            if previous is None:
                change(ChangeKind.ADDED, event.id, session.id, None, session)
                continue
            for kind in _differences(_session_facts(previous), _session_facts(session)):
                change(kind, event.id, session.id, previous, session)
        kept = {session.id for session in event.sessions}
        for session in old.sessions:
            if session.id not in kept:
                change(ChangeKind.REMOVED, event.id, session.id, session, None)
    for event in before.events:
        if event.id not in new_ids:
            change(ChangeKind.REMOVED, event.id, None, event, None)
    return changes


@dataclass(frozen=True)
class _Facts:
    """What visitors see of an item, as far as the change history tells it."""

    status: Status
    time: tuple
    place: tuple
    speakers: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()


def _event_facts(event: Event) -> _Facts:
    venue = event.venue.id if event.venue else None
    return _Facts(event.status, (event.start, event.end), (venue, event.cities),
                  languages=event.languages)


def _session_facts(session: Session) -> _Facts:
    return _Facts(
        session.status,
        (session.date, session.start, session.end, session.ends_next_day),
        (session.venue.id if session.venue else None, session.room.id if session.room else None),
        tuple(person.id for person in session.speakers),
        session.languages,  # its own: a change of its event's is the event's change, said once
    )


_NEW_STATUS = {Status.CANCELLED: ChangeKind.CANCELLED, Status.POSTPONED: ChangeKind.POSTPONED,
               Status.RESCHEDULED: ChangeKind.RESCHEDULED}


def _differences(old: _Facts, new: _Facts) -> list[ChangeKind]:
    kinds = []
    if old.status is not new.status:
        if new.status in _NEW_STATUS:
            kinds.append(_NEW_STATUS[new.status])
        elif old.status in (Status.CANCELLED, Status.POSTPONED):
            kinds.append(ChangeKind.REINSTATED)
    if new.status in (Status.CANCELLED, Status.POSTPONED):
        return kinds  # what else changed of something that does not take place matters to no one
    # A rescheduling names the new time itself.
    if old.time != new.time and ChangeKind.RESCHEDULED not in kinds:
        kinds.append(ChangeKind.MOVED_IN_TIME)
    if old.place != new.place:
        kinds.append(ChangeKind.MOVED_PLACE)
    if old.speakers != new.speakers:
        kinds.append(ChangeKind.SPEAKERS)
    if old.languages != new.languages:
        kinds.append(ChangeKind.LANGUAGES)
    return kinds
