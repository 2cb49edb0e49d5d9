"""A Pelican generator: the programme of this run's language into the template context."""

from __future__ import annotations

import logging
import os

from pelican.generators import Generator

from .jsonld import event_jsonld, script_tag
from .loader import load_programme
from .views import programme_view

logger = logging.getLogger(__name__)


def _pages(context: dict) -> list:
    return [*context.get("pages", []), *context.get("hidden_pages", [])]


def _metadata_list(page, key: str) -> list[str]:
    return [item.strip() for item in getattr(page, key, "").split(",") if item.strip()]


class ProgrammeGenerator(Generator):
    """Runs after the pages generator, so it can hand each event page its event."""

    def generate_context(self) -> None:
        lang = self.settings["DEFAULT_LANG"]
        programme_file = os.path.relpath(self.settings["PROGRAMME_FILE"])
        programme = load_programme(programme_file)
        event_ids = {event.id for event in programme.events}
        event_pages = {page.event: page for page in _pages(self.context) if hasattr(page, "event")}
        for event_id, page in event_pages.items():
            if event_id not in event_ids:
                logger.warning(
                    "%s: Event: %s is not an event of %s: use one of %s",
                    os.path.relpath(page.source_path), event_id, programme_file, ", ".join(sorted(event_ids)),
                )
        for event_id in sorted(event_ids - event_pages.keys()):
            logger.warning(
                "event %s has no page in content/%s/: create one with `Event: %s` in its metadata", event_id, lang, event_id
            )
        view = programme_view(programme, lang, {event_id: page.url for event_id, page in event_pages.items()})
        site_url = self.settings["SITEURL"]
        for event_id, page in event_pages.items():
            if event_id in event_ids:
                event = programme.event(event_id)
                page.structured_data = script_tag(event_jsonld(programme, event, lang, f"{site_url}/{page.url}"))
        for page in _pages(self.context):
            page.programme_event = view.events_by_id.get(getattr(page, "event", None))
            deadlines = (self._deadline(view, page, d) for d in _metadata_list(page, "deadlines"))
            page.deadline_list = [deadline for deadline in deadlines if deadline is not None]
        self.context["programme"] = view

    def _deadline(self, view, page, deadline_id: str):
        if deadline_id not in view.deadlines_by_id:
            logger.warning(
                "%s: Deadlines: %s is not a deadline in %s: use one of %s",
                os.path.relpath(page.source_path), deadline_id, os.path.relpath(self.settings["PROGRAMME_FILE"]),
                ", ".join(view.deadlines_by_id),
            )
        return view.deadlines_by_id.get(deadline_id)
