"""What a Jinja environment needs to render in one language: its catalogue and the filters
that depend on the language, and the templates compiled by earlier builds. Used by the language
runs and by the bilingual root pages."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache

from .catalogues import load_translations
from .foreign_words import mark_foreign_words
from .wording import capitalize_first, spelled_out


def install_language(environment: Environment, translations_dir: Path, lang: str):
    """Installs lang's catalogue and filters into environment; returns the catalogue.

    `|mark_foreign` marks the other language's words in titles typed by editors,
    `|capitalize_first` capitalises a name that opens a line, `|spelled_out(gender)` writes a count.
    """
    translations = load_translations(translations_dir, lang)
    environment.install_gettext_translations(translations, newstyle=True)
    environment.filters["mark_foreign"] = partial(mark_foreign_words, lang=lang)
    environment.filters["capitalize_first"] = capitalize_first
    environment.filters["spelled_out"] = partial(spelled_out, lang=lang)
    return translations


class _CompiledTemplates(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, keyed by the name and the real path of each template
    (Jinja's own key takes the path as the loader spelled it): sites that link one theme folder,
    as the tests' copies of the fixture sites do, find the templates the others compiled. Jinja
    compiles a template again whose source differs from the one its code was compiled from."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(name, filename and os.path.realpath(filename))


def keep_compiled_templates(environment: Environment, folder: Path) -> None:
    """environment loads the templates compiled by earlier builds from folder and keeps there the
    ones it compiles: without it each build compiles every template it renders anew."""
    folder.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = _CompiledTemplates(str(folder))
