"""A Pelican generator: the programme of this run's language into the template context, and the
machine-readable files (calendars, frab schedules) into the output."""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from pelican.plugins.bilingual.catalogues import load_translations
from pelican.plugins.bilingual.settings import site_settings
from pelican.generators import Generator

from . import export_paths
from .export_frab import FrabLinks, schedule_json, schedule_xml
from .export_ical import CalendarLinks, event_calendar, programme_calendar, session_calendar
from .export_words import export_words
from .jsonld import event_jsonld, script_tag
from .reading import read_programme
from .views import programme_view

logger = logging.getLogger(__name__)


def _pages(context: dict) -> list:
    return [*context.get("pages", []), *context.get("hidden_pages", []), *context.get("articles", [])]


def _metadata_list(page, key: str) -> list[str]:
    return [item.strip() for item in getattr(page, key, "").split(",") if item.strip()]


class ProgrammeGenerator(Generator):
    """Runs after the page and article generators, so it can hand each event page its event."""

    def generate_context(self) -> None:
        self.site = site = site_settings(self.settings)
        lang = site.lang
        self.programme_file = os.path.relpath(site.programme_file)
        # read once by the build that started this run, or here by a plain Pelican run
        self.programme = programme = site.programme or read_programme(self.programme_file)
        event_ids = {event.id for event in programme.events}
        pages_with_event = [page for page in _pages(self.context) if hasattr(page, "event")]
        for page in pages_with_event:
            if page.event not in event_ids:
                logger.warning(
                    "%s: Event: %s is not an event of %s: use one of %s",
                    os.path.relpath(page.source_path), page.event, self.programme_file, ", ".join(sorted(event_ids)),
                )
        # An event's own page is a page (not a news item) that names it.
        event_pages = {page.event: page for page in self.context["pages"] if getattr(page, "event", None) in event_ids}
        self.event_urls = {event_id: page.url for event_id, page in event_pages.items()}
        for event_id in sorted(event_ids - self.event_urls.keys()):
            logger.warning(
                "event %s has no page in content/%s/: create one with `Event: %s` in its metadata", event_id, lang, event_id
            )
        view = programme_view(programme, lang, self.event_urls)
        site_url = site.site_url
        for page in _pages(self.context):
            page.programme_event = view.events_by_id.get(getattr(page, "event", None))
            deadlines = (self._deadline(view, page, d) for d in _metadata_list(page, "deadlines"))
            page.deadline_list = [deadline for deadline in deadlines if deadline is not None]
        for event_id, page in event_pages.items():
            event = programme.event(event_id)
            page.structured_data = script_tag(event_jsonld(programme, event, lang, f"{site_url}/{page.url}"))
        self.context["programme"] = view

    def _deadline(self, view, page, deadline_id: str):
        if deadline_id not in view.deadlines_by_id:
            logger.warning(
                "%s: Deadlines: %s is not a deadline in %s: use one of %s",
                os.path.relpath(page.source_path), deadline_id, self.programme_file, ", ".join(view.deadlines_by_id),
            )
        return view.deadlines_by_id.get(deadline_id)

    def generate_output(self, _writer) -> None:  # the exports are bytes, written directly
        site = self.site
        if site.selected_sources is not None:
            return  # an incremental rebuild of page texts: the programme did not change
        lang, site_url, programme = site.lang, site.site_url, self.programme
        output = Path(self.output_path)
        words = export_words(load_translations(site.theme / "translations", lang).gettext)
        calendar_links = CalendarLinks(
            event_pages={event_id: f"{site_url}/{url}" for event_id, url in self.event_urls.items()},
            uid_domain=site.calendar_uid_domain,
            stamp=site.source_date,
            words={lang: words},
        )
        files = {export_paths.PROGRAMME_CALENDAR: programme_calendar(programme, lang, calendar_links)}
        for event in programme.events:
            files[export_paths.event_calendar(event.id)] = event_calendar(programme, event, lang, calendar_links)
            for session in event.sessions:
                path = export_paths.session_calendar(event.id, session.id)
                files[path] = session_calendar(programme, event, session, lang, calendar_links)
            if event.sessions and event.id in self.event_urls:
                files.update(self._schedules(event, lang, site_url, words))
        for path, data in files.items():
            target = output / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    def _schedules(self, event, lang: str, site_url: str, words) -> dict[str, bytes]:
        page_url = self.event_urls[event.id]
        xml_path, json_path = export_paths.schedule(page_url, "xml"), export_paths.schedule(page_url, "json")
        # The version changes exactly when the programme does: apps reload, builds stay identical.
        version = hashlib.sha256(Path(self.programme_file).read_bytes()).hexdigest()[:12]

        def links(path: str) -> FrabLinks:
            return FrabLinks(f"{site_url}/", f"{site_url}/{page_url}", f"{site_url}/{path}", version, words)

        return {
            xml_path: schedule_xml(event, lang, links(xml_path)),
            json_path: schedule_json(event, lang, links(json_path)),
        }
