"""The words of the calendars and schedules that are not programme data, from the theme's
catalogue of the run's language, so a translator's fix reaches the exports as it reaches the pages.
Where a page says the same thing, the msgid is the page's, so both read alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

from .l10n import format_previous_start
from .model import Interpretation, PreviousStart, Status


def N_(message: str) -> str:
    """Marks a msgid where it is declared (one of Babel's default keywords, so `make i18n-extract`
    finds it); export_words() translates it."""
    return message


@dataclass(frozen=True)
class ExportWords:
    """Each word's default is its msgid; export_words() gives the run's translation of it."""

    speakers: Callable[[int], str]  # a label before the names, by their number
    spoken_languages: Callable[[int], str]  # a label before the languages, by their number
    time_to_be_announced: str = N_("Time to be announced")
    room_to_be_announced: str = N_("Room to be announced")
    coordinated_by: str = N_("Coordinated by")  # followed by the names: "Koordination: A und B"
    online: str = N_("Online")  # a label before the access, and the place of an online session without one
    join_online: str = N_("Join online")  # the title of the link to take part
    join_via: str = N_("Join via %(platform)s")
    link_follows: str = N_("Link follows")
    link_follows_via: str = N_("Link (%(platform)s) follows")
    simultaneous: str = N_("with simultaneous interpreting")  # after the languages
    consecutive: str = N_("with consecutive interpreting")
    interpreted: str = N_("with interpreting")  # interpreted; how is not announced
    not_interpreted: str = N_("without interpreting")
    cancelled: str = N_("Cancelled")
    postponed: str = N_("Postponed, new date to follow")
    rescheduled: str = N_("Rescheduled")
    rescheduled_from: str = N_("Rescheduled; originally planned: %(date)s")  # the earlier day or month
    # Translators: the title of a cancelled session or event in calendars and conference apps.
    cancelled_title: str = N_("Cancelled: %(title)s")
    # Translators: the title of a postponed session or event (the new date is not known yet).
    postponed_title: str = N_("Postponed: %(title)s")

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
    """The words in the run's language: every msgid declared above, and the counted labels."""
    return ExportWords(
        # Translators: in calendars, before the names of the people who speak in a session.
        speakers=lambda count: ngettext("Presenter", "Presenters", count),
        spoken_languages=lambda count: ngettext("Spoken language", "Spoken languages", count),
        **{word.name: gettext(word.default) for word in fields(ExportWords) if isinstance(word.default, str)},
    )
