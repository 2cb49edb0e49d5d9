"""The exports' words as a language run gives them: from the theme's catalogues."""

from pathlib import Path

from pelican.plugins.bilingual.catalogues import load_translations
from pelican.plugins.programme.export_words import ExportWords, export_words

TRANSLATIONS = Path(__file__).resolve().parents[1] / "theme" / "translations"


def words(lang: str) -> ExportWords:
    translations = load_translations(TRANSLATIONS, lang)
    return export_words(translations.gettext, translations.ngettext)
