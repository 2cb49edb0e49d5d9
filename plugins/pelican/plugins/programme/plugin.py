"""Pelican glue: connects the programme generator and the date filter; nothing else."""

from functools import partial

from pelican import signals
from pelican.plugins.bilingual.settings import site_settings

from . import l10n
from .generator import ProgrammeGenerator


def add_generator(pelican):
    return ProgrammeGenerator


def add_date_filters(generator) -> None:
    """A filter for theme editors: {{ some_date|date }} in the page's language."""
    generator.env.filters["date"] = partial(l10n.format_date, lang=site_settings(generator.settings).lang)


def register() -> None:
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_date_filters)
