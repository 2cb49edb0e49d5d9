"""programme.yaml to the model, remembering where in the file every object came from.

It reads the nodes of yaml.compose rather than the values of yaml.safe_load: only nodes know
their line and column, and reading a scalar's text as written avoids YAML 1.1 surprises
(an unquoted 18:00 is the number 1080, a 2021-06-31 crashes safe_load).

Problems are collected, not raised one by one, so an editor fixes the whole file in one pass.
A broken object is left out of the model, but its id stays known, so references to it do not
add "unknown id" problems on top of the real one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from .model import (
    LANGUAGES,
    Deadline,
    Event,
    Format,
    GroupKind,
    Localized,
    Organisation,
    OrganisationCategory,
    Person,
    Programme,
    Session,
    Source,
    Venue,
    WorkingGroup,
)
from .errors import Problem, ProgrammeError

T = TypeVar("T")
_Moment = TypeVar("_Moment", dt.date, dt.time)
Parser = Callable[[Node, str], "T | None"]  # reads one node; reports and returns None when it can't
Index = dict[str, Any]  # id -> object, or None for a broken object whose problem is already reported

# libyaml's loader where PyYAML was built with it: the same nodes and marks, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL = "tag:yaml.org,2002:null"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"(\d{2}):(\d{2})")
_URL = re.compile(r"https?://\S+")
_LANGUAGE_NAMES = {"de": "German", "ru": "Russian"}
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_SYNTAX_HINTS = (
    ("'\\t'", "indent with spaces, not tabs"),
    ("mapping values are not allowed", 'put quotes around a text that contains ": ", or check the indentation'),
    ("quoted scalar", "a quote is not closed: every opening \" needs its closing \""),
    ("flow mapping", 'inside {…}, put a text that contains ":" or "," in quotes'),
)
_SYNTAX_HINT = "check the indentation and the quotes on this line and the one above"


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
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        message = "this is not UTF-8 text: save the file as UTF-8 in your editor"
        raise ProgrammeError([Problem(Source(path, line, column), "file", message)]) from None
    return load_programme_text(text, path)


def load_programme_text(text: str, filename: str) -> tuple[Programme | None, list[Problem]]:
    try:
        root = _compose(text)
    except (yaml.MarkedYAMLError, ReaderError) as exc:
        raise ProgrammeError([_syntax_problem(exc, text, filename)]) from None
    if root is None:
        message = "the file is empty: it needs organisations, venues, working_groups and events"
        raise ProgrammeError([Problem(Source(filename, 1, 1), "top level", message)])
    reader = _Reader(filename)
    return reader.programme(root), reader.problems


def _compose(text: str) -> Node | None:
    try:
        return yaml.compose(text, Loader=_LOADER)
    except (yaml.MarkedYAMLError, ReaderError):
        # Again with PyYAML's own parser, which words syntax errors better, to report its message.
        return yaml.compose(text, Loader=yaml.SafeLoader)


def _syntax_problem(exc: yaml.MarkedYAMLError | ReaderError, text: str, filename: str) -> Problem:
    if isinstance(exc, ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - text.rfind("\n", 0, exc.position)
        message = f"the invisible character U+{exc.character:04X} is not allowed: retype this line"
        return Problem(Source(filename, line, column), "YAML syntax", message)
    mark = exc.problem_mark
    message = exc.problem or ""
    if exc.context and exc.context_mark:
        message += f" ({exc.context} at line {exc.context_mark.line + 1})"
    hint = next((h for key, h in _SYNTAX_HINTS if key in f"{exc.context} {exc.problem}"), _SYNTAX_HINT)
    return Problem(Source(filename, mark.line + 1, mark.column + 1), "YAML syntax", f"{message}; {hint}")


def _did_you_mean(word: str, known: Iterable[str]) -> str | None:
    """The known word an editor most likely meant.

    difflib alone prefers 'Europe/Minsk' to 'Europe/Moscow' for 'Europe/Moskau'. People get the
    start of a name right more often than its end, so among close matches the longest common
    start wins.
    """
    matches = difflib.get_close_matches(word, list(known), n=5, cutoff=0.6)
    return max(matches, key=lambda match: len(os.path.commonprefix([word, match])), default=None)


def _suggest(word: str, known: Iterable[str], otherwise: str) -> str:
    match = _did_you_mean(word, known)
    return f"; did you mean '{match}'?" if match else otherwise


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _item_where(where: str, index: int, node: Node) -> str:
    """events.konferenz reads better than events[2]; the index is the fallback when there is no id."""
    raw_id = _raw_id(node)
    return f"{where}.{raw_id}" if raw_id else f"{where}[{index}]"


def _raw_id(node: Node) -> str | None:
    value = _value_of(node, "id")
    return value.value if isinstance(value, ScalarNode) and value.value else None


def _value_of(node: Node, key: str) -> Node | None:
    if isinstance(node, MappingNode):
        return next((value for k, value in node.value if isinstance(k, ScalarNode) and k.value == key), None)
    return None


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping (key: value)"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"'{node.value}'"


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(_TRANSLITERATION)).strip("-")


def _show(value: dt.date | dt.time) -> str:
    return value.isoformat(timespec="minutes") if isinstance(value, dt.time) else value.isoformat()


class _Reader:
    """Reads one file's nodes into the model, collecting problems instead of raising them.

    The indexes fill up in dependency order (organisations before the people and working groups
    that name them, everything before the events), whatever the order of sections in the file.
    """

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self.organisations: Index = {}
        self.venues: Index = {}
        self.people: Index = {}
        self.working_groups: Index = {}

    def source(self, node: Node) -> Source:
        return Source(self.filename, node.start_mark.line + 1, node.start_mark.column + 1)

    def report(self, node: Node, where: str, message: str) -> None:
        self.problems.append(Problem(self.source(node), where or "top level", message))

    # --- generic readers -------------------------------------------------------------------

    def fields(
        self, node: Node, where: str, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> dict[str, Node] | None:
        """The mapping's values by key, after reporting keys that are unknown, repeated or missing."""
        if not isinstance(node, MappingNode):
            self.report(node, where, f"expected a mapping (key: value lines), found {_describe(node)}")
            return None
        known = tuple(dict.fromkeys((*required, *optional)))
        found: dict[str, Node] = {}
        misspelt: set[str | None] = set()  # a misspelt 'titel' need not also be reported as a missing 'title'
        for key_node, value in node.value:
            if not isinstance(key_node, ScalarNode):
                self.report(key_node, where, "a key must be a plain name")
                continue
            key = key_node.value
            if key in found:
                first = found[key].start_mark.line + 1
                self.report(key_node, _join(where, key), f"'{key}' is given twice (first at line {first}): remove one")
            elif key not in known:
                match = _did_you_mean(key, known)
                misspelt.add(match)
                hint = f"did you mean '{match}'?" if match else f"allowed here: {', '.join(known)}"
                if node.flow_style and value.tag == _NULL:  # {de: Lenina 60, Kaluga, ...} made 'Kaluga' a key
                    hint = 'a comma inside {…} starts a new key: put a text with commas in quotes, "…, …"'
                self.report(key_node, where, f"unknown key '{key}'; {hint}")
            else:
                found[key] = value
        for key in required:
            if key not in found and key not in misspelt:
                self.report(node, where, f"missing required key '{key}': add {key}: …")
        return found

    def read(self, fields: dict[str, Node], key: str, where: str, parse: Parser[T]) -> T | None:
        """The value of an optional or required key; None if absent or broken."""
        node = fields.get(key)
        if node is None:
            return None
        if isinstance(node, ScalarNode) and node.tag == _NULL:
            self.report(node, _join(where, key), f"'{key}' has no value: fill it in or remove the key")
            return None
        return parse(node, _join(where, key))

    def build(self, cls: type[T], node: Node, values: dict[str, Any]) -> T | None:
        """The object, unless a value the model requires is missing or broken (already reported)."""
        required = [
            f.name
            for f in dataclasses.fields(cls)  # type: ignore[arg-type]
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        ]
        if any(values.get(name) is None for name in required):
            return None
        given = {name: value for name, value in values.items() if value is not None}
        return cls(**given, source=self.source(node))

    def scalar(self, node: Node, where: str, expected: str) -> str | None:
        if isinstance(node, ScalarNode):
            return node.value
        self.report(node, where, f"expected {expected}, found {_describe(node)}")
        return None

    def elements(self, node: Node, where: str) -> list[tuple[str, Node]] | None:
        if not isinstance(node, SequenceNode):
            self.report(node, where, f"expected a list (one '- ' line per item, or [a, b]), found {_describe(node)}")
            return None
        return [(_item_where(where, index, item), item) for index, item in enumerate(node.value)]

    def list_of(self, parse: Parser[T]) -> Parser[tuple[T, ...]]:
        def parse_list(node: Node, where: str) -> tuple[T, ...] | None:
            elements = self.elements(node, where)
            if elements is None:
                return None
            return tuple(value for item_where, item in elements if (value := parse(item, item_where)) is not None)

        return parse_list

    def section(self, fields: dict[str, Node], key: str, build: Parser[T]) -> tuple[tuple[T, ...], Index]:
        """A top-level list, and the index of its ids for references to resolve against."""
        objects: list[T] = []
        index: Index = {}
        for where, node in self.read(fields, key, "", self.elements) or []:
            obj = build(node, where)
            if obj is not None:
                objects.append(obj)
            raw_id = _raw_id(node)
            if raw_id:
                index.setdefault(raw_id, obj)
        return tuple(objects), index

    # --- values ------------------------------------------------------------------------------

    def id(self, node: Node, where: str) -> str | None:
        value = self.scalar(node, where, "an id")
        if value is None or _SLUG.fullmatch(value):
            return value
        example = _slugify(value)
        self.report(
            node,
            where,
            f"'{value}' is not a valid id: use lower-case letters a-z, digits and single hyphens"
            + (f", e.g. '{example}'" if example else ""),
        )
        return None

    def text(self, node: Node, where: str) -> Localized | None:
        if not isinstance(node, MappingNode):
            expected = "expected a text in both languages, {de: …, ru: …}"
            self.report(node, where, f"{expected}, found {_describe(node)}")
            return None
        fields = self.fields(node, where, (), LANGUAGES) or {}
        texts = {}
        for lang in LANGUAGES:
            name = f"the {_LANGUAGE_NAMES[lang]} text ({lang})"
            value = fields.get(lang)
            if value is None:
                self.report(node, where, f"{name} is missing: add {lang}: …")
            elif not isinstance(value, ScalarNode):
                self.report(value, _join(where, lang), f"{name} must be plain text, found {_describe(value)}")
            elif value.tag == _NULL or not value.value.strip():
                self.report(value, _join(where, lang), f"{name} is empty: fill it in")
            else:
                texts[lang] = value.value
        return Localized(**texts) if len(texts) == len(LANGUAGES) else None

    def date(self, node: Node, where: str) -> dt.date | None:
        value = self.scalar(node, where, "a date (YYYY-MM-DD)")
        if value is None:
            return None
        if not _DATE.fullmatch(value):
            self.report(node, where, f"{value} is not a valid date: write it as YYYY-MM-DD, e.g. 2021-06-28")
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            self.report(node, where, f"{value} is not a valid date (YYYY-MM-DD): {exc}")
            return None

    def time(self, node: Node, where: str) -> dt.time | None:
        value = self.scalar(node, where, 'a time in quotes, "HH:MM"')
        if value is None:
            return None
        match = _TIME.fullmatch(value)
        if not node.style:  # plain, not quoted (None from PyYAML, "" from libyaml)
            message = f'write the time in quotes, "{value}": unquoted, YAML may read it as a number (18:00 as 1080)'
        elif not match:
            message = f'{value} is not a valid time: write it as HH:MM, e.g. "09:30"'
        elif int(match[1]) > 23:
            message = f"{value} is not a valid time: hours run from 00 to 23"
        elif int(match[2]) > 59:
            message = f"{value} is not a valid time: minutes run from 00 to 59"
        else:
            return dt.time(int(match[1]), int(match[2]))
        self.report(node, where, message)
        return None

    def timezone(self, node: Node, where: str) -> ZoneInfo | None:
        name = self.scalar(node, where, "a time zone name such as Europe/Moscow")
        if name is None:
            return None
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder such as "Europe"
            hint = _suggest(name, available_timezones(), "; use an IANA name such as Europe/Moscow")
            self.report(node, where, f"unknown time zone '{name}'" + hint)
            return None

    def url(self, node: Node, where: str) -> str | None:
        value = self.scalar(node, where, "a web address")
        if value is None or _URL.fullmatch(value):
            return value
        self.report(node, where, f"'{value}' is not a web address: start it with https://")
        return None

    def choice(self, enum: type[Format] | type[OrganisationCategory] | type[GroupKind], label: str) -> Parser[Any]:
        allowed = [member.value for member in enum]

        def parse(node: Node, where: str) -> Any:
            value = self.scalar(node, where, f"a {label}")
            if value is None:
                return None
            if value in allowed:
                return enum(value)
            hint = _suggest(value, allowed, f"; use one of {', '.join(allowed)}")
            self.report(node, where, f"unknown {label} '{value}'" + hint)
            return None

        return parse

    def ref(self, index: Index, kind: str, section: str) -> Parser[Any]:
        """A reader of references to one kind of object, by id."""

        def parse(node: Node, where: str) -> Any:
            key = self.scalar(node, where, f"the id of a {kind}")
            if key is None:
                return None
            if key in index:
                return index[key]
            hint = _suggest(key, index, f"; add it under {section}: or use one of {', '.join(index) or '(none yet)'}")
            self.report(node, where, f"unknown {kind} '{key}'" + hint)
            return None

        return parse

    # --- objects -----------------------------------------------------------------------------

    def programme(self, node: Node) -> Programme | None:
        fields = self.fields(
            node, "", ("organisations", "venues", "working_groups", "events"), ("home_timezone", "people", "deadlines")
        )
        if fields is None:
            return None
        organisations, self.organisations = self.section(fields, "organisations", self.organisation)
        venues, self.venues = self.section(fields, "venues", self.venue)
        people, self.people = self.section(fields, "people", self.person)
        working_groups, self.working_groups = self.section(fields, "working_groups", self.working_group)
        deadlines, _ = self.section(fields, "deadlines", self.deadline)
        events, _ = self.section(fields, "events", self.event)
        values = {
            "events": events,
            "working_groups": working_groups,
            "organisations": organisations,
            "venues": venues,
            "people": people,
            "deadlines": deadlines,
            "home_timezone": self.read(fields, "home_timezone", "", self.timezone),
        }
        given = {name: value for name, value in values.items() if value is not None}
        return Programme(**given)  # type: ignore[arg-type]

    def organisation(self, node: Node, where: str) -> Organisation | None:
        fields = self.fields(node, where, ("id", "name", "category", "role"), ("short_name", "url"))
        if fields is None:
            return None
        return self.build(Organisation, node, {
            "id": self.read(fields, "id", where, self.id),
            "name": self.read(fields, "name", where, self.text),
            "category": self.read(fields, "category", where, self.choice(OrganisationCategory, "category")),
            "role": self.read(fields, "role", where, self.text),
            "short_name": self.read(fields, "short_name", where, self.text),
            "url": self.read(fields, "url", where, self.url),
        })

    def venue(self, node: Node, where: str) -> Venue | None:
        fields = self.fields(node, where, ("id", "name", "city"), ("address",))
        if fields is None:
            return None
        return self.build(Venue, node, {
            "id": self.read(fields, "id", where, self.id),
            "name": self.read(fields, "name", where, self.text),
            "city": self.read(fields, "city", where, self.text),
            "address": self.read(fields, "address", where, self.text),
        })

    def person(self, node: Node, where: str) -> Person | None:
        fields = self.fields(node, where, ("id", "name"), ("affiliation",))
        if fields is None:
            return None
        return self.build(Person, node, {
            "id": self.read(fields, "id", where, self.id),
            "name": self.read(fields, "name", where, self.text),
            "affiliation": self.read(fields, "affiliation", where, self.organisation_ref),
        })

    def working_group(self, node: Node, where: str) -> WorkingGroup | None:
        fields = self.fields(node, where, ("id", "title", "coordinators"), ("kind", "description"))
        if fields is None:
            return None
        return self.build(WorkingGroup, node, {
            "id": self.read(fields, "id", where, self.id),
            "title": self.read(fields, "title", where, self.text),
            "coordinators": self.read(fields, "coordinators", where, self.list_of(self.organisation_ref)),
            "kind": self.read(fields, "kind", where, self.choice(GroupKind, "kind")),
            "description": self.read(fields, "description", where, self.text),
        })

    def deadline(self, node: Node, where: str) -> Deadline | None:
        fields = self.fields(node, where, ("id", "date", "label"), ())
        if fields is None:
            return None
        return self.build(Deadline, node, {
            "id": self.read(fields, "id", where, self.id),
            "date": self.read(fields, "date", where, self.date),
            "label": self.read(fields, "label", where, self.text),
        })

    def event(self, node: Node, where: str) -> Event | None:
        fields = self.fields(
            node,
            where,
            ("id", "title", "short_title", "start", "end", "cities", "timezone", "description"),
            ("format", "motto", "theme", "organisers", "venue", "sessions"),
        )
        if fields is None:
            return None
        start = self.read(fields, "start", where, self.date)
        end = self.ordered_end(fields, where, start, self.read(fields, "end", where, self.date), same_allowed=True)
        return self.build(Event, node, {
            "id": self.read(fields, "id", where, self.id),
            "title": self.read(fields, "title", where, self.text),
            "short_title": self.read(fields, "short_title", where, self.text),
            "start": start,
            "end": end,
            "cities": self.read(fields, "cities", where, self.list_of(self.text)),
            "format": self.read(fields, "format", where, self.choice(Format, "format")),
            "timezone": self.read(fields, "timezone", where, self.timezone),
            "description": self.read(fields, "description", where, self.text),
            "motto": self.read(fields, "motto", where, self.text),
            "theme": self.read(fields, "theme", where, self.text),
            "organisers": self.read(fields, "organisers", where, self.list_of(self.organisation_ref)),
            "venue": self.read(fields, "venue", where, self.venue_ref),
            "sessions": self.read(fields, "sessions", where, self.sessions),
        })

    def sessions(self, node: Node, where: str) -> tuple[Session, ...] | None:
        """The sessions in list order; the sessions of one {parallel: [...]} item share its slot."""
        elements = self.elements(node, where)
        if elements is None:
            return None
        sessions = []
        for slot, (item_where, item) in enumerate(elements):
            is_group = _value_of(item, "parallel") is not None
            members = self.parallel(item, item_where) if is_group else [(item_where, item)]
            sessions += [s for member_where, member in members if (s := self.session(member, member_where, slot))]
        return tuple(sessions)

    def parallel(self, node: Node, where: str) -> list[tuple[str, Node]]:
        fields = self.fields(node, where, ("parallel",), ()) or {}
        members = []
        for member_where, member in self.read(fields, "parallel", where, self.elements) or []:
            if _value_of(member, "parallel") is not None:
                message = "parallel blocks cannot be nested: list these sessions in the outer one"
                self.report(member, member_where, message)
            else:
                members.append((member_where, member))
        return members

    def session(self, node: Node, where: str, slot: int) -> Session | None:
        # a working group's session may go without a title: it takes the group's
        untitled_allowed = _value_of(node, "working_group") is not None
        fields = self.fields(
            node,
            where,
            ("id", "date") if untitled_allowed else ("id", "date", "title"),
            ("title", "start", "end", "venue", "description", "speakers", "working_group"),
        )
        if fields is None:
            return None
        start = self.read(fields, "start", where, self.time)
        end = self.read(fields, "end", where, self.time)
        if "end" in fields and "start" not in fields:
            self.report(fields["end"], _join(where, "end"), 'end without start: add start: "HH:MM", or remove end')
            end = None
        end = self.ordered_end(fields, where, start, end, same_allowed=False)
        group = self.read(fields, "working_group", where, self.working_group_ref)
        title = self.read(fields, "title", where, self.text)
        return self.build(Session, node, {
            "id": self.read(fields, "id", where, self.id),
            "title": title or (group.title if group else None),
            "date": self.read(fields, "date", where, self.date),
            "start": start,
            "end": end,
            "venue": self.read(fields, "venue", where, self.venue_ref),
            "description": self.read(fields, "description", where, self.text),
            "speakers": self.read(fields, "speakers", where, self.list_of(self.person_ref)),
            "working_group": group,
            "slot": slot,
        })

    def ordered_end(
        self, fields: dict[str, Node], where: str, start: _Moment | None, end: _Moment | None, *, same_allowed: bool
    ) -> _Moment | None:
        """end, or None if it is not after start, so no later check works with a reversed range."""
        if start is None or end is None or end > start or (same_allowed and end == start):
            return end
        relation = "before" if end < start else "the same as"
        message = f"end {_show(end)} is {relation} start {_show(start)}: correct one of them"
        self.report(fields["end"], _join(where, "end"), message)
        return None

    # References resolve against the indexes, which programme() fills before any reader needs them.
    def organisation_ref(self, node: Node, where: str) -> Organisation | None:
        return self.ref(self.organisations, "organisation", "organisations")(node, where)

    def venue_ref(self, node: Node, where: str) -> Venue | None:
        return self.ref(self.venues, "venue", "venues")(node, where)

    def person_ref(self, node: Node, where: str) -> Person | None:
        return self.ref(self.people, "person", "people")(node, where)

    def working_group_ref(self, node: Node, where: str) -> WorkingGroup | None:
        return self.ref(self.working_groups, "working group", "working_groups")(node, where)
