"""The words of the calendars and schedules that are not programme data, from the theme's
catalogue of the run's language, so a translator's fix reaches the exports as it reaches the pages.
Where a page says the same thing, the msgid is the page's, so both read alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .l10n import format_previous_start
from .model import Interpretation, PreviousStart, Status


@dataclass(frozen=True)
class ExportWords:
    time_to_be_announced: str
    room_to_be_announced: str
    coordinated_by: str  # followed by the names: "Koordination: A und B"
    online: str  # a label before the access, and the place of an online session without one
    join_online: str  # the title of the link to take part
    join_via: str  # the same with the platform: "%(platform)s"
    link_follows: str
    link_follows_via: str  # "%(platform)s"
    speakers: Callable[[int], str]  # a label before the names, by their number
    spoken_languages: Callable[[int], str]  # a label before the languages, by their number
    simultaneous: str  # "with simultaneous interpreting", after the languages
    consecutive: str
    interpreted: str  # interpreted; how is not announced
    not_interpreted: str
    cancelled: str
    postponed: str  # the new date is not known yet
    rescheduled: str
    rescheduled_from: str  # "%(date)s": the earlier day or month
    cancelled_title: str  # "%(title)s", for apps that show no status
    postponed_title: str

    def interpretation(self, kind: Interpretation) -> str:
        return {
            Interpretation.SIMULTANEOUS: self.simultaneous,
            Interpretation.CONSECUTIVE: self.consecutive,
            Interpretation.ANNOUNCED: self.interpreted,
            Interpretation.NONE: self.not_interpreted,
        }[kind]

    def status(self, status: Status, previous_start: PreviousStart | None, lang: str) -> str:
        """The pages' words for what has not stayed as announced, in lang; "" for what has."""
        if status is Status.RESCHEDULED and previous_start:
            return self.rescheduled_from % {"date": format_previous_start(previous_start, lang)}
        return {Status.SCHEDULED: "", Status.CANCELLED: self.cancelled, Status.POSTPONED: self.postponed,
                Status.RESCHEDULED: self.rescheduled}[status]

    def title(self, status: Status, title: str) -> str:
        """The title marked where it does not take place at the time given: cancelled, or postponed."""
        marked = {Status.CANCELLED: self.cancelled_title, Status.POSTPONED: self.postponed_title}.get(status)
        return marked % {"title": title} if marked else title


def export_words(gettext: Callable[[str], str], ngettext: Callable[[str, str, int], str]) -> ExportWords:
    """The words through gettext; `make i18n-extract` finds these msgids here (babel.cfg)."""
    return ExportWords(
        time_to_be_announced=gettext("Time to be announced"),
        room_to_be_announced=gettext("Room to be announced"),
        coordinated_by=gettext("Coordinated by"),
        online=gettext("Online"),
        join_online=gettext("Join online"),
        join_via=gettext("Join via %(platform)s"),
        link_follows=gettext("Link follows"),
        link_follows_via=gettext("Link (%(platform)s) follows"),
        # Translators: in calendars, before the names of the people who speak in a session.
        speakers=lambda count: ngettext("Presenter", "Presenters", count),
        spoken_languages=lambda count: ngettext("Spoken language", "Spoken languages", count),
        simultaneous=gettext("with simultaneous interpreting"),
        consecutive=gettext("with consecutive interpreting"),
        interpreted=gettext("with interpreting"),
        not_interpreted=gettext("without interpreting"),
        cancelled=gettext("Cancelled"),
        postponed=gettext("Postponed, new date to follow"),
        rescheduled=gettext("Rescheduled"),
        rescheduled_from=gettext("Rescheduled; originally planned: %(date)s"),
        # Translators: the title of a cancelled session or event in calendars and conference apps.
        cancelled_title=gettext("Cancelled: %(title)s"),
        # Translators: the title of a postponed session or event (the new date is not known yet).
        postponed_title=gettext("Postponed: %(title)s"),
    )
