"""One interface for every machine-readable form of the programme: an exporter takes the run's
ExportContext and returns files (below the language root) and markup for event pages' <head>.
A new export is one module with one registered function; the generator runs them all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from markupsafe import Markup

from .export_words import ExportWords
from .history import History
from .model import Programme


@dataclass(frozen=True)
class ExportContext:
    programme: Programme
    lang: str
    site_url: str  # the language root, absolute when publishing
    event_urls: Mapping[str, str]  # event id -> its page, relative to the language root
    person_urls: Mapping[str, str]  # person id -> their page, relative to the language root
    words: ExportWords  # the catalogue's words in lang
    uid_domain: str  # right-hand side of every calendar UID
    stamp: dt.datetime  # the build's one timestamp, reproducible
    version: str  # changes exactly when programme.yaml does
    history: History = History.unavailable()  # the programme's changes, for SEQUENCE and change marks

    def event_page(self, event_id: str) -> str | None:
        """The absolute address of an event's page, if it has one."""
        url = self.event_urls.get(event_id)
        return f"{self.site_url}/{url}" if url is not None else None

    def person_page(self, person_id: str) -> str | None:
        url = self.person_urls.get(person_id)
        return f"{self.site_url}/{url}" if url is not None else None


@dataclass(frozen=True)
class Output:
    files: Mapping[str, bytes] = field(default_factory=dict)  # path below the language root -> bytes
    event_heads: Mapping[str, Markup] = field(default_factory=dict)  # event id -> markup for its page's <head>


Exporter = Callable[[ExportContext], Output]
EXPORTERS: list[Exporter] = []


def exporter(function: Exporter) -> Exporter:
    """Registers an export; modules register theirs when the plugin imports them (generator.py),
    each once, however often they are imported."""
    if all(known.__qualname__ != function.__qualname__ or known.__module__ != function.__module__ for known in EXPORTERS):
        EXPORTERS.append(function)
    return function


def export_all(context: ExportContext) -> Output:
    files: dict[str, bytes] = {}
    heads: dict[str, Markup] = {}
    for export in EXPORTERS:
        output = export(context)
        if twice := files.keys() & output.files.keys():
            raise ValueError(f"two exports write {', '.join(sorted(twice))}: give each its own path")
        files.update(output.files)
        for event_id, markup in output.event_heads.items():
            heads[event_id] = heads.get(event_id, Markup("")) + markup
    return Output(files, heads)
