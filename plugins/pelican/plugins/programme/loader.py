"""programme.yaml to the model: the file read as plain data with the place of every value
(yaml_document.py), its shapes checked against the declared schema (schema_check.py), then the
values turned into the model's objects (values.py reads dates, times, zones and references).

Problems are collected, not raised one by one, so an editor fixes the whole file in one pass.
A broken object is left out of the model, but its id stays known, so references to it do not
add "unknown id" problems on top of the real one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from yaml.reader import ReaderError

from .errors import Problem, ProgrammeError
from .model import (
    Contact, Deadline, Event, Format, GroupKind, Interpretation, Link, Organisation, OrganisationCategory, Person,
    Programme, Room, Session, Site, Source, Status, Venue, WorkingGroup, ZoneName,
)
from .schema_check import check_shapes
from .values import FAILED as _FAILED, ValueReader, unknown_zone
from .yaml_document import Document, Path_, compose, syntax_problem


def load_programme(path: str) -> tuple[Programme | None, list[Problem]]:
    """The programme in the file at path, as far as it could be read, and the problems of its
    shapes and values; problems name the file as path is written. A file that cannot be read
    at all raises ProgrammeError."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        message = f"cannot read the programme ({exc.strerror}): check PROGRAMME_FILE in pelicanconf.py"
        raise ProgrammeError([Problem(Source(path, 1, 1), "file", message)]) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = data.count(b"\n", 0, exc.start) + 1, exc.start - data.rfind(b"\n", 0, exc.start)
        message = "this is not UTF-8 text: save the file as UTF-8 in your editor"
        raise ProgrammeError([Problem(Source(path, line, column), "file", message)]) from None
    return load_programme_text(text, path)


def load_programme_text(text: str, filename: str) -> tuple[Programme | None, list[Problem]]:
    try:
        root = compose(text)
    except (yaml.MarkedYAMLError, ReaderError) as exc:
        raise ProgrammeError([syntax_problem(exc, text, filename)]) from None
    if root is None:
        message = "the file is empty: it needs organisations, venues, working_groups and events"
        raise ProgrammeError([Problem(Source(filename, 1, 1), "top level", message)])
    document = Document(filename)
    data = document.plain(root, ())
    check_shapes(document, data)
    programme = _Builder(document).programme(data)
    if programme is not None:
        programme = dataclasses.replace(programme, version=hashlib.sha256(text.encode("utf-8")).hexdigest()[:12])
    return programme, [problem for _, problem in document.problems if problem is not None]


def _show(value: dt.date | dt.time) -> str:
    return value.isoformat(timespec="minutes") if isinstance(value, dt.time) else value.isoformat()


class _Builder(ValueReader):
    """The model from data the schema has checked, each object with its Source; objects with a
    problem are left out, their ids stay known."""

    def programme(self, data: Any) -> Programme | None:
        if not isinstance(data, dict):
            return None
        parts = {name: self.section(data, name, build) for name, build in (
            ("organisations", self.organisation), ("venues", self.venue), ("people", self.person),
            ("working_groups", self.working_group), ("deadlines", self.deadline), ("events", self.event))}
        values = {name: objects for name, objects in parts.items() if objects is not None}
        if any(name not in values for name in ("organisations", "venues", "working_groups", "events")):
            return None  # the schema has said which section is missing or broken
        zone = data.get("home_timezone")
        if zone is not None and not self.document.broken(("home_timezone",)):
            if (zone := self.timezone(zone, ("home_timezone",))) is not _FAILED:
                values["home_timezone"] = zone
        if isinstance(data.get("site"), dict) and not self.document.broken(("site",)):
            values["site"] = self.site(data["site"], ("site",))
        if isinstance(data.get("home_label"), dict) and not self.document.broken(("home_label",)):
            values["home_label"] = self.text(data["home_label"], ("home_label",))
        if isinstance(data.get("zone_names"), dict) and not self.document.broken(("zone_names",)):
            values["zone_names"] = self.zone_names(data["zone_names"], ("zone_names",))
        return Programme(**values)

    def site(self, item: dict, path: Path_) -> Site:
        contact, further = item.get("contact"), item.get("further_information")
        return Site(title=self.text(item["title"], (*path, "title")) if item.get("title") else None,
                    contact=Contact(self.text(contact["name"], (*path, "contact", "name")), contact["email"]) if contact else None,
                    further_information=Link(**further) if further else None,
                    calendar_uid_domain=item.get("calendar_uid_domain"))

    def zone_names(self, names: dict, path: Path_) -> tuple[ZoneName, ...]:
        """Each key must be a zone, reported at the key: the value may be right."""
        built = []
        for zone, wording in names.items():
            if problem := unknown_zone(zone):
                self.document.report((*path, zone), problem, self.document.keys[(*path, zone)])
            else:
                built.append(ZoneName(zone, **wording))
        return tuple(built)

    def section(self, data: dict, name: str, build: Callable) -> tuple | None:
        items = data.get(name)
        if not isinstance(items, list):
            return None
        index = self.index.setdefault(name, {})
        built = []
        for number, item in enumerate(items):
            obj = build(item, (name, number)) if isinstance(item, dict) else None
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                index.setdefault(item["id"], obj)
            if obj is not None:
                built.append(obj)
        return tuple(built)

    def make(self, cls: type, item: dict, path: Path_, convert: dict[str, Callable], ends: bool | None = None,
             **extra: Any) -> Any:
        """The object, or None if it has a problem; each value is converted (and its problems
        reported) unless its own shape is wrong already. ends: whether end may equal start."""
        values = {}
        for key, value in item.items():
            if value is None or (key != "sessions" and self.document.broken((*path, key))):
                values[key] = None if value is None else _FAILED
            else:
                values[key] = convert.get(key, lambda v, p: v)(value, (*path, key))
        if ends is not None:
            next_day = values.get("ends_next_day") is True
            self.ordered(path, values.get("start"), values.get("end"), same_allowed=ends, next_day=next_day)
        if _FAILED in values.values() or self.document.broken(path, nested=("sessions",)):
            return None
        fields = {f.name for f in dataclasses.fields(cls)}
        node = self.document.nodes[path]
        source = Source(self.document.filename, node.start_mark.line + 1, node.start_mark.column + 1)
        return cls(**{k: v for k, v in values.items() if k in fields and v is not None}, **extra, source=source)

    # --- the objects -------------------------------------------------------------------------

    def organisation(self, item: dict, path: Path_) -> Organisation | None:
        texts = dict.fromkeys(("name", "role", "short_name"), self.text)
        return self.make(Organisation, item, path, {**texts, "category": lambda v, p: OrganisationCategory(v)})

    def venue(self, item: dict, path: Path_) -> Venue | None:
        rooms = self.index.setdefault("rooms", {})
        convert = {**dict.fromkeys(("name", "city", "address"), self.text), "geo": self.geo,
                   "rooms": self.rooms}
        venue = self.make(Venue, item, path, convert)
        for room in item.get("rooms") or []:
            if isinstance(room, dict) and isinstance(room.get("id"), str):
                rooms.setdefault(room["id"], venue and next((r for r in venue.rooms if r.id == room["id"]), None))
        return venue

    def rooms(self, items: list, path: Path_) -> tuple[Room, ...]:
        rooms = (self.make(Room, room, (*path, n), {"name": self.text}) for n, room in enumerate(items))
        return tuple(room for room in rooms if room is not None)

    def person(self, item: dict, path: Path_) -> Person | None:
        convert = {**dict.fromkeys(("name", "role", "bio"), self.text), "photo": self.photo,
                   "affiliation": self.ref("organisations", "organisation")}
        return self.make(Person, item, path, convert)

    def working_group(self, item: dict, path: Path_) -> WorkingGroup | None:
        refs = self.refs("organisations", "organisation")
        convert = {"title": self.text, "description": self.text, "coordinators": refs, "kind": lambda v, p: GroupKind(v)}
        return self.make(WorkingGroup, item, path, convert)

    def deadline(self, item: dict, path: Path_) -> Deadline | None:
        return self.make(Deadline, item, path, {"label": self.text, "date": self.date})

    def event(self, item: dict, path: Path_) -> Event | None:
        texts = dict.fromkeys(("title", "short_title", "description", "motto", "theme"), self.text)
        convert = {**texts, "start": self.date, "end": self.date, "timezone": self.timezone, "venue": self.ref("venues", "venue"),
                   "cities": lambda v, p: tuple(self.text(city, (*p, n)) for n, city in enumerate(v)),
                   "organisers": self.refs("organisations", "organisation"), "sessions": self.sessions, **self.taking_part}
        return self.make(Event, item, path, convert, ends=True)

    @property
    def taking_part(self) -> dict[str, Callable]:
        """How one takes part in an event or a session: the same keys in both."""
        return {"format": lambda v, p: Format(v), "online": self.online, "languages": self.languages,
                "interpretation": lambda v, p: Interpretation(v), "status": lambda v, p: Status(v),
                "previous_start": self.previous_start}

    def sessions(self, items: list, path: Path_) -> tuple[Session, ...]:
        """The sessions in list order; the sessions of one {parallel: [...]} item share its slot."""
        built = []
        for slot, item in enumerate(items):
            members = [((*path, slot), item)] if not isinstance(item, dict) or "parallel" not in item else \
                [((*path, slot, "parallel", n), member) for n, member in enumerate(item["parallel"] or [])]
            built += [s for where, member in members if isinstance(member, dict) and (s := self.session(member, where, slot))]
        return tuple(built)

    def session(self, item: dict, path: Path_, slot: int) -> Session | None:
        if "working_group" in item and (item["working_group"] is None or self.document.broken((*path, "working_group"))):
            return None
        group = self.ref("working_groups", "working group")(item["working_group"], (*path, "working_group")) \
            if "working_group" in item else None
        convert = {"title": self.text, "description": self.text, "date": self.date, "start": self.time, "end": self.time,
                   "ends_next_day": lambda v, p: v == "true", "venue": self.ref("venues", "venue"),
                   "room": self.ref("rooms", "room"), "speakers": self.refs("people", "person"),
                   "working_group": lambda v, p: group, **self.taking_part}
        if group is _FAILED or ("title" not in item and group is None):
            return None
        untitled = {"title": group.title} if "title" not in item else {}  # a group's session takes its title
        session = self.make(Session, item, path, convert, ends=False, slot=slot, **untitled)
        return self.placed(session, path) if session else None

    def placed(self, session: Session, path: Path_) -> Session | None:
        """The session with the venue of its room; None if it names a room of another venue."""
        if session.room is None:
            return session
        venue = next(v for v in self.index["venues"].values() if v and session.room in v.rooms)
        if session.venue is not None and session.venue != venue:
            self.document.report((*path, "room"), f"room '{session.room.id}' is in venue '{venue.id}', not in "
                                 f"'{session.venue.id}': correct the room, or name only the room (its venue follows)")
            return None
        return dataclasses.replace(session, venue=venue)

    def ordered(self, path: Path_, start: Any, end: Any, *, same_allowed: bool, next_day: bool = False) -> None:
        """Says so at end if end is not after start (or, ending the next day, not before it)."""
        if start in (None, _FAILED) or end in (None, _FAILED):
            return
        if next_day and end >= start:
            self.document.report((*path, "ends_next_day"), f"ends_next_day is true, but end {_show(end)} is not before "
                                 f"start {_show(start)}: remove ends_next_day, or correct the end")
        elif not next_day and not (end > start or (same_allowed and end == start)):
            relation = "before" if end < start else "the same as"
            hint = ", or add ends_next_day: true if it ends after midnight" if end < start and not same_allowed else ""
            self.document.report((*path, "end"), f"end {_show(end)} is {relation} start {_show(start)}: correct one of them{hint}")
