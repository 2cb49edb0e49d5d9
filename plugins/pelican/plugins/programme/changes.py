"""The programme's changes as visitors read them: one sentence each, grouped by day, newest first,
and as an Atom feed. Pure functions from the History (history.py) to frozen views and bytes; the
generator makes the page and writes the feed.

The words come from the run's catalogue (gettext); titles, places, names from the data; dates and
times through l10n.py. Days are those of the programme's home zone, as its visitors count them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import groupby

from feedgenerator import Atom1Feed
from markupsafe import Markup

from .history import Change, ChangeKind, History
from .l10n import format_date, format_date_range, format_time
from .model import Event, Session
from .views import ChangedNote, ViewContext, languages_view, names, text


@dataclass(frozen=True)
class ChangeView:
    anchor: str  # its id on the change page, the same in both languages and every build
    sentence: Markup  # the title linked to the item where it still has a place on an event page
    date: dt.datetime  # the commit's
    session_key: tuple[str, str | None]  # (event id, session id)


@dataclass(frozen=True)
class ChangeDayView:
    heading: str
    date_iso: str
    changes: tuple[ChangeView, ...]


@dataclass(frozen=True)
class ChangesView:
    available: bool  # False: this copy of the site has no history to read
    days: tuple[ChangeDayView, ...]  # newest first

    @property
    def changes(self) -> tuple[ChangeView, ...]:
        return tuple(change for day in self.days for change in day.changes)


def anchor(change: Change) -> str:
    return "-".join(part for part in ("change", change.commit[:10], change.event_id, change.session_id, change.kind.value) if part)


def changes_view(history: History, context: ViewContext, event_urls: Mapping[str, str], gettext: Callable[[str], str]) -> ChangesView:
    zone = context.programme.home_timezone
    events = {event.id: event for event in context.programme.events}  # as the programme stands now
    views = [ChangeView(anchor(change), _sentence(change, events.get(change.event_id), context, event_urls, gettext),
                        change.date, (change.event_id, change.session_id)) for change in history.changes]
    days = tuple(
        ChangeDayView(format_date(day, context.lang), day.isoformat(), tuple(changes))
        for day, changes in groupby(views, key=lambda view: view.date.astimezone(zone).date())
    )
    return ChangesView(history.available, days)


def recent_changes(view: ChangesView, days: int, page_url: str) -> dict[tuple[str, str | None], ChangedNote]:
    """Each item changed within days of the newest change (never the clock: a rebuild of one commit
    marks the same), with the address of its newest entry and that entry's day."""
    found: dict[tuple[str, str | None], ChangedNote] = {}
    changes = view.changes
    if not changes:
        return found
    since = changes[0].date - dt.timedelta(days=days)
    for day in view.days:
        for change in day.changes:
            if change.date >= since and change.session_key not in found:
                found[change.session_key] = ChangedNote(f"{page_url}#{change.anchor}", day.heading)
    return found


def changes_feed(view: ChangesView, title: str, page_url: str, feed_url: str, lang: str, author: str,
                 tag_domain: str, stamp: dt.datetime) -> bytes:
    """An Atom feed of the changes, each entry dated by its commit with an id no build changes."""
    # the feed's id is the page's address, which no change alters
    feed = _Feed(title=title, link=page_url, description="", language=lang, author_name=author, feed_url=feed_url,
                 updated=stamp)
    for change in view.changes:
        sentence = change.sentence.striptags()
        feed.add_item(title=sentence, link=f"{page_url}#{change.anchor}", description=str(change.sentence),
                      unique_id=f"tag:{tag_domain},{change.date.date().isoformat()}:{change.anchor}",
                      pubdate=change.date, updateddate=change.date)
    return feed.writeString("utf-8").encode("utf-8")


class _Feed(Atom1Feed):
    def latest_post_date(self) -> dt.datetime:
        # feedgenerator takes the clock for a feed without entries: a build must not
        return max((item["updateddate"] for item in self.items), default=self.feed["updated"])


# --- the sentences -----------------------------------------------------------------------------


def _sentence(change: Change, event: Event | None, context: ViewContext, event_urls: Mapping[str, str],
              _: Callable[[str], str]) -> Markup:
    """event: the changed item's event in the programme as it stands now, if it still has it."""
    lang = context.lang
    item = change.after or change.before
    title = text(item.title, lang)
    url = _url(change, event, event_urls)
    if url is not None:
        title = Markup('<a href="{}/{}">{}</a>').format(context.site_url, url, title)
    old, new = change.before, change.after
    words: dict[str, object] = {"title": title, "when": _when(new or old, lang, _)}
    kind = change.kind
    if kind is ChangeKind.ADDED:
        message = _("New in the programme: “%(title)s” %(when)s.")
    elif kind is ChangeKind.REMOVED:
        message = _("“%(title)s” %(when)s is no longer in the programme.")
    elif kind is ChangeKind.CANCELLED:
        message = _("“%(title)s” %(when)s is cancelled.")
    elif kind is ChangeKind.POSTPONED:
        words["when"] = _when(old, lang, _)
        message = _("“%(title)s” %(when)s is postponed; the new date is not yet known.")
    elif kind is ChangeKind.RESCHEDULED and words["when"] == _when(old, lang, _):
        message = _("“%(title)s” is rescheduled: it now takes place %(when)s.")  # its earlier time was never in the file
    elif kind is ChangeKind.RESCHEDULED:
        words["before"] = _when(old, lang, _)
        message = _("“%(title)s” is rescheduled: now %(when)s, before %(before)s.")
    elif kind is ChangeKind.REINSTATED:
        message = _("“%(title)s” %(when)s takes place after all.")
    elif kind is ChangeKind.MOVED_IN_TIME:
        message = _moved_in_time(old, new, lang, words, _)
    elif kind is ChangeKind.MOVED_PLACE:
        words |= {"place": _place(new, lang, _), "before": _place(old, lang, _)}
        message = _("New place for “%(title)s” %(when)s: %(place)s (before: %(before)s).")
    elif kind is ChangeKind.SPEAKERS:
        words |= {"names": _speakers(new, lang, _), "before": _speakers(old, lang, _)}
        message = _("New speakers for “%(title)s” %(when)s: %(names)s (before: %(before)s).")
    else:
        words |= {"languages": _languages(event, new, lang, _), "before": _languages(event, old, lang, _)}
        message = _("The language of “%(title)s” %(when)s changes: %(languages)s (before: %(before)s).")
    sentence = Markup.escape(message) % words
    # a date that ends in an abbreviation ("2021 г.") ends the sentence with its own full stop
    return Markup(sentence[:-1]) if sentence.endswith("..") else sentence


def _url(change: Change, event: Event | None, event_urls: Mapping[str, str]) -> str | None:
    """The item on its event's page, if both are still there."""
    if event is None or event.id not in event_urls:
        return None
    if change.session_id is None:
        return event_urls[event.id]
    if all(session.id != change.session_id for session in event.sessions):
        return None
    return f"{event_urls[event.id]}#{change.session_id}"


def _when(item: Event | Session, lang: str, _: Callable[[str], str]) -> str:
    """"am 28. Juni 2021 um 18:00 Uhr", "vom 28.–30. Juni 2021" / "28 июня 2021 г. в 18:00": as the
    sentence goes on."""
    if isinstance(item, Event) and item.start != item.end:
        return _("during %(dates)s") % {"dates": format_date_range(item.start, item.end, lang)}
    if isinstance(item, Event):
        return _("on %(date)s") % {"date": format_date(item.start, lang)}
    if item.start is None:
        return _("on %(date)s") % {"date": format_date(item.date, lang)}
    return _("on %(date)s at %(time)s") % {"date": format_date(item.date, lang), "time": format_time(item.start, lang)}


def _moved_in_time(old: Event | Session, new: Event | Session, lang: str, words: dict, _: Callable[[str], str]) -> str:
    """The shortest sentence that says it: "beginnt am 28. Juni um 18:30 statt 18:00 Uhr"."""
    if isinstance(new, Session) and old.date == new.date and old.start and new.start:
        words["date"] = format_date(new.date, lang)
        if old.start != new.start:
            words |= {"time": format_time(new.start, lang), "before": format_time(old.start, lang)}
            return _("“%(title)s” starts on %(date)s at %(time)s instead of %(before)s.")
        if old.end and new.end and old.ends_next_day == new.ends_next_day:
            words |= {"time": format_time(new.end, lang), "before": format_time(old.end, lang)}
            return _("“%(title)s” on %(date)s ends at %(time)s instead of %(before)s.")
    words["before"] = _when(old, lang, _)
    return _("“%(title)s” now takes place %(when)s instead of %(before)s.")


def _place(item: Event | Session, lang: str, _: Callable[[str], str]) -> Markup:
    if isinstance(item, Event) and item.venue is None:
        return names([text(city, lang) for city in item.cities], lang)
    if item.venue is None:
        return Markup.escape(_("to be announced"))
    room = getattr(item, "room", None)
    parts = [text(room.name, lang)] if room else []
    return Markup(", ").join([*parts, text(item.venue.name, lang)])


def _speakers(session: Session, lang: str, _: Callable[[str], str]) -> Markup:
    if not session.speakers:
        return Markup.escape(_("to be announced"))
    return names([text(person.name, lang) for person in session.speakers], lang)


def _languages(event: Event | None, item: Event | Session, lang: str, _: Callable[[str], str]) -> Markup:
    """The languages spoken, a session's own or else its event's, as the history compared them."""
    languages = item.languages
    if not languages and isinstance(item, Session):
        languages = event.languages if event else ()
    view = languages_view(languages, None, lang)
    return view.spoken if view else Markup.escape(_("to be announced"))
