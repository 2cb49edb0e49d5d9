"""The words of the calendars and schedules that are not programme data, from the theme's
catalogue of the run's language, so a translator's fix reaches the exports as it reaches the pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ExportWords:
    time_to_be_announced: str
    room_to_be_announced: str
    coordinated_by: str  # followed by the names: "Koordination: A und B"


def export_words(gettext: Callable[[str], str]) -> ExportWords:
    """The words through gettext; `make i18n-extract` finds these msgids here (babel.cfg)."""
    return ExportWords(
        time_to_be_announced=gettext("Time to be announced"),
        room_to_be_announced=gettext("Room to be announced"),
        coordinated_by=gettext("Coordinated by"),
    )
