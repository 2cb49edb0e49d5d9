"""A Pelican generator: the programme of this run's language into the template context, and the
machine-readable forms of the programme (every registered exporter, see exports.py) into the output."""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from pathlib import Path

from markupsafe import Markup, escape
from pelican.contents import Page
from pelican.generators import Generator
from pelican.plugins.bilingual.catalogues import load_translations
from pelican.plugins.bilingual.plugin import link_in_every_language
from pelican.plugins.bilingual.settings import site_settings
from pelican.plugins.navigation.plugin import ordered_pages
from pelican.utils import truncate_html_words

from . import export_paths
from . import export_frab, export_ical, jsonld  # noqa: F401 - importing them registers their exporters
from .changes import changes_feed, changes_view, recent_changes
from .export_words import export_words
from .exports import ExportContext, export_all
from .people import PersonView, people_views, photo_path
from .history import read_history
from .reading import read_programme
from .views import names, programme_view, view_context

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
        event_pages = self._event_pages(programme, lang)
        self.event_urls = {event_id: page.url for event_id, page in event_pages.items()}
        self.person_urls = {person.id: export_paths.person_page(site.people_path, person.id) for person in programme.people}
        translations = load_translations(site.theme / "translations", lang)
        gettext = translations.gettext
        history = site.history if site.history is not None else read_history(site.programme_file, Path(self.settings["CACHE_PATH"]))
        context = view_context(programme, lang, gettext, site.site_url, self.person_urls)
        self.changes = changes_view(history, context, self.event_urls, gettext)
        changes_url = f"{site.changes_path}/"
        context = replace(context, changed=recent_changes(self.changes, site.changed_note_days, changes_url))
        self.uid_domain = programme.site.calendar_uid_domain or site.calendar_uid_domain
        view = programme_view(context, self.event_urls, self.uid_domain)
        for page in _pages(self.context):
            page.programme_event = view.events_by_id.get(getattr(page, "event", None))
            deadlines = (self._deadline(view, page, d) for d in _metadata_list(page, "deadlines"))
            page.deadline_list = [deadline for deadline in deadlines if deadline is not None]
        self.exports = export_all(ExportContext(
            programme=programme,
            lang=lang,
            site_url=site.site_url,
            event_urls=self.event_urls,
            person_urls=self.person_urls,
            words=export_words(gettext, translations.ngettext),
            uid_domain=self.uid_domain,
            stamp=site.source_date,
            version=programme.version,  # of the text this run's programme was read from
            history=history,
        ))
        for event_id, page in event_pages.items():
            page.structured_data = self.exports.event_heads.get(event_id, "")
        self.context["programme"] = view
        if view.site_title:  # this language's name of the site, where Pelican takes SITENAME (the news feed)
            # Pelican reads SITENAME as markup (it strips tags from it): escaped, a "<" in the name stays.
            self.context["SITENAME"] = str(escape(view.site_title))
        self.people = people_views(context, self.event_urls)
        self.photos = {photo_path(self.person_urls[p.id], p): p.photo.file for p in programme.people if p.photo}
        self._add_people_pages(gettext)
        self._add_change_page(gettext, view, changes_url)

    def _event_pages(self, programme, lang: str) -> dict:
        """Each event's own page: a page (not a news item) that names it; a warning for a page that
        names no event of the programme, and for an event without a page."""
        event_ids = {event.id for event in programme.events}
        for page in _pages(self.context):
            if hasattr(page, "event") and page.event not in event_ids:
                logger.warning(
                    "%s: Event: %s is not an event of %s: use one of %s",
                    os.path.relpath(page.source_path), page.event, self.programme_file, ", ".join(sorted(event_ids)),
                )
        event_pages = {page.event: page for page in self.context["pages"] if getattr(page, "event", None) in event_ids}
        for event_id in sorted(event_ids - event_pages.keys()):
            logger.warning(
                "event %s has no page in content/%s/: create one with `Event: %s` in its metadata", event_id, lang, event_id
            )
        return event_pages

    def _add_people_pages(self, gettext) -> None:
        """A page for each person and an index of them, as Pelican pages among the others, so that
        the language switcher, the search and the sitemap take them like any page."""
        if not self.people:
            return
        titles = {person.id: person.name.get(self.site.lang) for person in self.programme.people}
        everyone = names([person.name for person in self.people], self.site.lang)  # the index's description
        index = self._page(gettext("Speakers"), export_paths.people_index(self.site.people_path), "people", everyone)
        if self.settings.get("PEOPLE_MENU") is not None:  # its place in the main menu, as a page's `Menu: 4`
            index.menu = self.settings["PEOPLE_MENU"]
        index.people = self.people
        made = [index]
        for person in self.people:
            page = self._page(titles[person.id], person.url, "person", self._description(person))
            page.person = person
            page.people_index = index
            made.append(page)
        self._add_pages(made, "PEOPLE_PATH")

    def _add_change_page(self, gettext, view, url: str) -> None:
        """The programme's changes, newest first, as a page among the others, and their feed."""
        title = gettext("Programme changes")
        changes = self.changes.changes
        if not self.changes.available:
            summary = gettext("The change history of the programme cannot be read from this copy of the site.")
        elif not changes:
            summary = gettext("The programme has not changed since it was first published.")
        else:
            summary = changes[0].sentence.striptags()
        page = self._page(title, url, "changes", summary)
        page.changes = self.changes
        page.feed = f"{url}atom.xml"
        site_url = self.site.site_url
        conference = view.site_title or self.settings["SITENAME"]
        self.change_feed = {page.feed: changes_feed(
            self.changes, gettext("%(page)s – %(site)s") % {"page": title, "site": conference}, f"{site_url}/{url}",
            f"{site_url}/{page.feed}", self.site.lang, conference, self.uid_domain, self.site.source_date,
        )}
        self._add_pages([page], "CHANGES_PATH")

    def _add_pages(self, made: list[Page], setting: str) -> None:
        taken = {page.url: page for page in self.context["pages"]}
        for page in made:
            if page.url in taken:
                logger.warning(
                    "%s: its address %s is that of a page of %s: rename the page, or set %s",
                    os.path.relpath(taken[page.url].source_path), page.url, self.programme_file, setting,
                )
            link_in_every_language(page, self.settings)
        self.context["pages"].extend(made)  # the page generator's own list: it writes them
        if "menu" in self.context:  # the navigation plugin's, made before these pages were
            self.context["menu"] = ordered_pages(self.context["pages"], "menu")

    def _page(self, title: str, url: str, template: str, summary: str) -> Page:
        metadata = {"title": title, "url": url, "save_as": f"{url}index.html", "template": template, "summary": summary}
        # The programme is their source: a page-only rebuild leaves them, a link check reports there.
        return Page("", metadata, self.settings, self.programme_file, self.context)

    def _description(self, person: PersonView) -> str:  # HTML, as Pelican's summaries
        """For search engines: who they are, else the start of their biography, else their sessions."""
        if person.who:
            return person.who
        if person.bio:
            return truncate_html_words(person.bio, self.settings["SUMMARY_MAX_LENGTH"], self.settings["SUMMARY_END_SUFFIX"])
        sessions = [Markup("{} ({})").format(item.session.title, item.event_title) for item in person.sessions]
        return names(sessions, self.site.lang)

    def _deadline(self, view, page, deadline_id: str):
        if deadline_id not in view.deadlines_by_id:
            logger.warning(
                "%s: Deadlines: %s is not a deadline in %s: use one of %s",
                os.path.relpath(page.source_path), deadline_id, self.programme_file, ", ".join(view.deadlines_by_id),
            )
        return view.deadlines_by_id.get(deadline_id)

    def generate_output(self, _writer) -> None:  # the exports are bytes, written directly
        if self.site.selected_sources is not None:
            return  # an incremental rebuild of page texts: the programme did not change
        output = Path(self.output_path)
        photos = {path: file.read_bytes() for path, file in self.photos.items()}
        for path, data in {**self.exports.files, **self.change_feed, **photos}.items():
            target = output / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
