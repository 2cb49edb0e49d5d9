"""Pelican glue: connects the programme generator and the date filters; nothing else."""

from functools import partial

from pelican import signals

from . import l10n
from .generator import ProgrammeGenerator


def add_generator(pelican):
    return ProgrammeGenerator


def add_date_filters(generator) -> None:
    """Filters for theme editors: {{ some_date|date }}, {{ some_date|day }} in the page's language."""
    lang = generator.settings["DEFAULT_LANG"]
    generator.env.filters["date"] = partial(l10n.format_date, lang=lang)
    generator.env.filters["day"] = partial(l10n.format_day, lang=lang)


def register() -> None:
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_date_filters)
