"""The theme's catalogues: complete, not fuzzy, with each language's plural forms, and current."""

import os
from pathlib import Path

import pytest
from babel.messages.plurals import get_plural
from pelican.plugins.bilingual.catalogues import catalogue_path, load_translations, read_catalogue

from sitebuild.catalogue_check import visible_strings

THEME = Path(__file__).resolve().parents[2] / "theme"
TRANSLATIONS = THEME / "translations"
LANGUAGES = ("de", "ru")


def message_ids(catalogue) -> set:
    return {message.id for message in catalogue if message.id}


def test_pot_matches_the_templates_and_the_exports():
    in_pot = message_ids(read_catalogue(TRANSLATIONS / "messages.pot"))
    in_use = visible_strings(THEME)
    assert in_use - in_pot == set(), "strings missing from messages.pot: run `make i18n-update`"
    assert in_pot - in_use == set(), "messages.pot has strings nothing uses: run `make i18n-update`"
    assert {"Time to be announced", "Room to be announced", "Coordinated by"} <= in_use  # the exports' words


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_has_every_string_of_the_pot(lang):
    pot = message_ids(read_catalogue(TRANSLATIONS / "messages.pot"))
    catalogue = message_ids(read_catalogue(catalogue_path(TRANSLATIONS, lang), lang))
    assert pot - catalogue == set(), f"run `make i18n-update` and translate the new entries of {lang}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_entry_is_untranslated_or_fuzzy(lang):
    catalogue = read_catalogue(catalogue_path(TRANSLATIONS, lang), lang)
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        if not all(strings):
            problems.append(f"untranslated: {message.id!r}")
    assert problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_entries_have_every_form_of_the_language(lang):
    catalogue = read_catalogue(catalogue_path(TRANSLATIONS, lang), lang)
    assert catalogue.num_plurals == get_plural(lang).num_plurals  # de 2, ru 3
    for message in catalogue:
        if message.pluralizable:
            assert len(message.string) == catalogue.num_plurals, message.id


def test_russian_plurals_choose_the_form_by_the_number():
    translations = load_translations(TRANSLATIONS, "ru")
    days = {n: translations.ngettext("%(count)s day", "%(count)s days", n) % {"count": n} for n in (1, 3, 5, 21, 22, 11)}
    assert days == {1: "1 день", 3: "3 дня", 5: "5 дней", 21: "21 день", 22: "22 дня", 11: "11 дней"}


def test_german_plurals():
    translations = load_translations(TRANSLATIONS, "de")
    assert translations.ngettext("%(count)s day", "%(count)s days", 1) % {"count": 1} == "1 Tag"
    assert translations.ngettext("%(count)s day", "%(count)s days", 3) % {"count": 3} == "3 Tage"


def test_a_translators_fix_counts_at_the_next_build(tmp_path):
    """Catalogues are read once per version of their file (a devserver session builds again and
    again in one process): an edit of the .po file counts at once."""
    po = catalogue_path(tmp_path, "de")
    po.parent.mkdir(parents=True)
    text = catalogue_path(TRANSLATIONS, "de").read_text(encoding="utf-8")
    po.write_text(text, encoding="utf-8")
    before = load_translations(tmp_path, "de").gettext("Room to be announced")
    assert before and before != "Room to be announced"
    po.write_text(text.replace(f'msgstr "{before}"', 'msgstr "Raum folgt bald"'), encoding="utf-8")
    assert load_translations(tmp_path, "de").gettext("Room to be announced") == "Raum folgt bald"
    # an edit of the same length, within the same tick of a coarse clock, counts as well
    modified = po.stat().st_mtime_ns
    po.write_text(text.replace(f'msgstr "{before}"', 'msgstr "Raum folgt halt"'), encoding="utf-8")
    os.utime(po, ns=(modified + 1, modified + 1))
    assert load_translations(tmp_path, "de").gettext("Room to be announced") == "Raum folgt halt"
