"""The editor guides document every field of programme.yaml, and only those.

The schema (plugins/pelican/plugins/programme/schema.yaml) is walked for every property path,
written as the guides write them: `events[].sessions[].online.url` (`[]`: each item of a list,
`*`: any key of a mapping such as zone_names). A definition used in several places (a session in
`sessions` and in `parallel`, the online access of an event and of a session) is spelled out once,
at its shortest path; the other places are fields of their own. A text `{de: …, ru: …}` is
documented once, as its keys `de` and `ru`, not under each of the thirty fields that are texts.

In each guide, the reference is every table whose header starts with "Feld" (German) or "Поле"
(Russian); its first column holds one path in backticks, its second says "ja"/"да" exactly when the
schema requires the key wherever its parent stands.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "plugins" / "pelican" / "plugins" / "programme" / "schema.yaml"
GUIDES = {"de": (ROOT / "docs" / "redaktion.de.md", "Feld", "ja"), "ru": (ROOT / "docs" / "redaktion.ru.md", "Поле", "да")}
TEXT_KINDS = ("text",)  # documented once, by their own keys
_DEF = "#/$defs/"


@dataclass(frozen=True)
class Field:
    path: str
    required: bool


def _def_name(node: dict) -> str | None:
    ref = node.get("$ref")
    return ref[len(_DEF):] if isinstance(ref, str) and ref.startswith(_DEF) else None


def _parts(schema: dict, node: dict):
    """The node and every schema it stands for: its $ref, allOf, if/then/else, anyOf, oneOf."""
    yield node
    if (name := _def_name(node)) is not None:
        yield from _parts(schema, schema["$defs"][name])
    for key in ("allOf", "anyOf", "oneOf"):
        for sub in node.get(key, []):
            yield from _parts(schema, sub)
    for key in ("if", "then", "else"):
        if isinstance(node.get(key), dict):
            yield from _parts(schema, node[key])


def _required(schema: dict, node: dict) -> set[str]:
    """The keys the node requires whatever the conditions: a key that then and else both
    require is required."""
    keys = set(node.get("required", []))
    if (name := _def_name(node)) is not None:
        keys |= _required(schema, schema["$defs"][name])
    for sub in node.get("allOf", []):
        keys |= _required(schema, sub)
    if isinstance(node.get("then"), dict) and isinstance(node.get("else"), dict):
        keys |= _required(schema, node["then"]) & _required(schema, node["else"])
    return keys


def _refs(schema: dict, node: dict) -> set[str]:
    names = set()
    for part in _parts(schema, node):
        if (name := _def_name(part)) is not None:
            names.add(name)
    return names


def _children(schema: dict, node: dict) -> list[tuple[str, dict, bool]]:
    """(suffix, schema, required) of each key or item the node allows, in schema order; a key is
    required if the schema that declares it requires it."""
    children = []
    for part in _parts(schema, node):
        required = _required(schema, part) | _required(schema, node)
        for key, sub in part.get("properties", {}).items():
            children.append((f".{key}", sub, key in required))
        if isinstance(part.get("additionalProperties"), dict):
            children.append((".*", part["additionalProperties"], False))
        if isinstance(part.get("items"), dict):
            children.append(("[]", part["items"], False))
    return children


def schema_fields(schema: dict) -> dict[str, Field]:
    """Every property path of the schema, breadth first, each definition expanded once."""
    fields: dict[str, Field] = {}
    expanded: set[str] = set()
    queue = deque([("", {"$ref": _DEF + kind}) for kind in TEXT_KINDS] + [("", schema)])
    while queue:
        path, node = queue.popleft()
        named = {name for name in _refs(schema, node) if _children(schema, schema["$defs"][name])}
        if named & expanded:
            continue  # documented where it was first reached
        expanded |= named
        for suffix, sub, required in _children(schema, node):
            child = f"{path}{suffix}".lstrip(".")
            if suffix != "[]" and child not in fields:
                fields[child] = Field(child, required)
            queue.append((child, sub))
    return fields


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def documented_fields(text: str, header: str) -> list[tuple[str, str]]:
    """(path, required cell) of every row of the reference tables, in the guide's order."""
    rows, lines = [], text.splitlines()
    for number, line in enumerate(lines):
        if not line.startswith("|") or (number > 0 and lines[number - 1].startswith("|")):
            continue  # not the header of a table
        if _cells(line)[0] != header:
            continue
        for row in lines[number + 2:]:
            if not row.startswith("|"):
                break
            cells = _cells(row)
            match = re.fullmatch(r"`([^`]+)`", cells[0])
            assert match, f"{header} table: the first column must be one path in backticks, found {cells[0]!r}"
            rows.append((match.group(1), cells[1]))
    return rows


@pytest.fixture
def schema() -> dict:  # a fresh copy for each test: one of them changes it
    return yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))


def test_the_walk_finds_fields_at_every_level(schema):
    fields = schema_fields(schema)
    for path in ("de", "home_timezone", "zone_names.*.ru", "venues[].rooms[].id", "venues[].geo.lat",
                 "people[].photo.file", "events[].online.url", "events[].sessions[].parallel",
                 "events[].sessions[].ends_next_day", "events[].sessions[].online"):
        assert path in fields
    assert "events[].title.de" not in fields  # a text is documented once, by its keys
    assert not any(path.startswith("events[].sessions[].parallel.") for path in fields)  # members are sessions
    assert fields["events[].id"].required and fields["venues[].geo.lat"].required
    assert not fields["events[].sessions[].title"].required  # a working group's session takes the group's


def test_a_field_added_to_the_schema_is_found(schema):
    schema["$defs"]["session"]["properties"]["capacity"] = {"type": "string"}
    schema["$defs"]["online"]["properties"]["password"] = {"type": "string"}
    fields = schema_fields(schema)
    assert {"events[].sessions[].capacity", "events[].online.password"} <= fields.keys()


@pytest.mark.parametrize("lang", GUIDES)
def test_the_guide_documents_every_field_of_the_schema_and_no_other(schema, lang):
    guide, header, yes = GUIDES[lang]
    rows = documented_fields(guide.read_text(encoding="utf-8"), header)
    paths = [path for path, _ in rows]
    fields = schema_fields(schema)
    assert sorted(p for p in set(paths) if paths.count(p) > 1) == [], f"{guide.name}: documented twice"
    assert sorted(fields.keys() - set(paths)) == [], f"{guide.name}: fields of the schema without a row"
    assert sorted(set(paths) - fields.keys()) == [], f"{guide.name}: rows for fields the schema does not have"
    wrong = [path for path, cell in rows if (cell == yes) != fields[path].required]
    assert wrong == [], f"{guide.name}: the required column says {yes!r} exactly for required fields"


def test_both_guides_list_the_fields_in_one_order():
    orders = [[path for path, _ in documented_fields(guide.read_text(encoding="utf-8"), header)]
              for guide, header, _ in GUIDES.values()]
    assert orders[0] == orders[1]
