"""The exporter interface: every registered export runs, and a new one is one function."""

import datetime as dt
import json

from markupsafe import Markup

from pelican.plugins.programme import exports, generator  # noqa: F401 - the generator imports the exports
from pelican.plugins.programme.exports import ExportContext, Output, export_all

from tests.export_words import words


def context(programme, lang="de", person_urls=None):
    return ExportContext(programme=programme, lang=lang, site_url="https://example.org/de",
                         event_urls={"konferenz": "konferenz/"}, person_urls=person_urls or {}, words=words(lang), uid_domain="example.org",
                         stamp=dt.datetime(2021, 5, 1, tzinfo=dt.timezone.utc), version="1")


def test_every_export_registers_and_runs(real):
    output = export_all(context(real))
    sessions = [f"calendar/{e.id}/{s.id}.ics" for e in real.events for s in e.sessions]
    assert set(output.files) == {"calendar/programme.ics", *(f"calendar/{e.id}.ics" for e in real.events), *sessions,
                                 "konferenz/schedule.xml", "konferenz/schedule.json"}
    assert list(output.event_heads) == ["konferenz"]  # JSON-LD only where an event has a page
    assert output.event_heads["konferenz"].startswith('<script type="application/ld+json">')


def test_a_new_export_is_one_registered_function(real, monkeypatch):
    monkeypatch.setattr(exports, "EXPORTERS", list(exports.EXPORTERS))

    @exports.exporter
    def rooms(export_context):
        return Output(files={"rooms.txt": b"-"}, event_heads={"konferenz": Markup("<meta name=x>")})

    output = export_all(context(real))
    assert output.files["rooms.txt"] == b"-"
    assert output.event_heads["konferenz"].endswith("<meta name=x>")  # beside the JSON-LD, not instead


def test_structured_data_links_speakers_to_their_pages(valid):
    output = export_all(context(valid, person_urls={"anna-petrova": "people/anna-petrova/"}))
    head = output.event_heads["konferenz"]
    data = json.loads(head.removeprefix('<script type="application/ld+json">').removesuffix("</script>"))
    opening = next(s for s in data["subEvent"] if s["url"].endswith("#eroeffnung"))
    assert [(p["name"], p["url"]) for p in opening["performer"]] == [("Anna Petrowa", "https://example.org/de/people/anna-petrova/")]
