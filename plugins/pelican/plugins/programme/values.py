"""The values of programme.yaml that the schema cannot check alone, turned into the model's:
dates, times, zones, coordinates, languages, photos and references to other objects.

Each reader reports its problem at the value's line and returns FAILED, so the object holding
the value is left out of the model (the loader's _Builder) without a second, misleading problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

import imagesize
from babel import localedata

from .model import Geo, Localized, OnlineAccess, Photo, PreviousStart
from .schema_check import suggest
from .yaml_document import Document, Path_

FAILED = object()  # a value whose problem is reported


@cache
def _known_zones() -> frozenset[str]:
    """The zones an editor may name: reading them walks the whole zone database (50 ms), so once
    per process (a devserver session and the tests load many programmes)."""
    return frozenset(available_timezones())


def unknown_zone(name: str) -> str | None:
    """What to tell the editor of a name that is no zone; None for a zone. ZoneInfo alone would
    also open files of the database that name no zone ("posixrules", "right/…")."""
    if name in _known_zones():
        return None
    return f"unknown time zone '{name}'" + suggest(name, _known_zones(), "; use an IANA name such as Europe/Moscow")


class ValueReader:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.index: dict[str, dict[str, Any]] = {}  # section -> id -> object (None: left out)

    def text(self, value: dict, path: Path_) -> Localized:
        return Localized(**value)

    def date(self, value: str, path: Path_) -> Any:
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            self.document.report(path, f"{value} is not a valid date (YYYY-MM-DD): {exc}")
            return FAILED

    def previous_start(self, value: str, path: Path_) -> Any:
        """A day, or a month where only the month is known ("postponed from August 2020")."""
        parts = [int(part) for part in value.split("-")]
        try:
            dt.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
        except ValueError as exc:
            self.document.report(path, f"{value} is not a valid date (YYYY-MM-DD or YYYY-MM): {exc}")
            return FAILED
        return PreviousStart(*parts)

    def time(self, value: str, path: Path_) -> Any:
        hours, minutes = (int(part) for part in value.split(":"))
        if not self.document.nodes[path].style:  # plain, not quoted (None from PyYAML, "" from libyaml)
            message = f'write the time in quotes, "{value}": unquoted, YAML may read it as a number (18:00 as 1080)'
        elif hours > 23:
            message = f"{value} is not a valid time: hours run from 00 to 23"
        elif minutes > 59:
            message = f"{value} is not a valid time: minutes run from 00 to 59"
        else:
            return dt.time(hours, minutes)
        self.document.report(path, message)
        return FAILED

    def timezone(self, value: str, path: Path_) -> Any:
        if problem := unknown_zone(value):
            self.document.report(path, problem)
            return FAILED
        return ZoneInfo(value)

    def geo(self, value: dict, path: Path_) -> Any:
        lat, lon = float(value["lat"]), float(value["lon"])
        for key, number, limit in (("lat", lat, 90), ("lon", lon, 180)):
            if abs(number) > limit:
                self.document.report((*path, key), f"{value[key]} is out of range: {key} runs from -{limit} to {limit}")
                return FAILED
        return Geo(lat, lon)

    def online(self, value: dict, path: Path_) -> OnlineAccess:
        note = self.text(value["note"], (*path, "note")) if "note" in value else None
        return OnlineAccess(url=value.get("url"), platform=value.get("platform"), note=note)

    def languages(self, codes: list, path: Path_) -> Any:
        for n, code in enumerate(codes):
            if not localedata.exists(code):
                self.document.report((*path, n), f"unknown language '{code}': use an ISO 639 code such as de, ru, en or fr")
                return FAILED
        return tuple(codes)

    def photo(self, value: dict, path: Path_) -> Any:
        """The photo's file, beside programme.yaml, with the width and height pages reserve for it."""
        file = Path(self.document.filename).parent / value["file"]
        if not file.is_file():
            self.document.report((*path, "file"), f"there is no file {value['file']} in the folder of "
                                 f"{Path(self.document.filename).name}: check the name, or add the photo")
            return FAILED
        width, height = imagesize.get(file)
        if width <= 0 or height <= 0:
            self.document.report((*path, "file"), f"{value['file']} is not an image whose size can be read: "
                                 "save it as JPEG, PNG or WebP")
            return FAILED
        return Photo(file, self.text(value["alt"], (*path, "alt")), width, height)

    def ref(self, section: str, kind: str) -> Callable[[str, Path_], Any]:
        def resolve(key: str, path: Path_) -> Any:
            index = self.index.get(section, {})
            if key in index:
                return index[key]  # None for an object whose own problem is reported
            hint = suggest(key, index, f"; add it under {section}: or use one of {', '.join(index) or '(none yet)'}")
            self.document.report(path, f"unknown {kind} '{key}'" + hint)
            return FAILED

        return resolve

    def refs(self, section: str, kind: str) -> Callable[[list, Path_], Any]:
        def resolve(keys: list, path: Path_) -> Any:
            found = [self.ref(section, kind)(key, (*path, n)) for n, key in enumerate(keys)]
            return tuple(v for v in found if v is not None) if FAILED not in found else FAILED

        return resolve
