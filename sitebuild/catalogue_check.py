"""Problems of the theme's catalogues: strings the templates or the exports use but a catalogue
lacks, and entries that are untranslated or fuzzy (a build shows those in English)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from babel.messages.extract import extract_from_dir

from pelican.plugins import programme
from pelican.plugins.bilingual.catalogues import catalogue_path, read_catalogue

from .report import Problem, error, warning

# The same extraction babel.cfg configures for `make i18n-extract`, over the same folders.
METHOD_MAP = [("**.html", "jinja2"), ("**.py", "python")]
OPTIONS_MAP = {"**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}}


MessageId = str | tuple[str, ...]  # a plural message: (singular, plural)


def _singular(message_id: MessageId) -> str:
    """How an editor finds a message in the .po file: by its first line."""
    return message_id if isinstance(message_id, str) else message_id[0]


def visible_strings(theme_dir: Path) -> set[MessageId]:
    """What `make i18n-extract` would collect now: the templates' words and the plugins' (the
    exports'), wherever the plugins are installed. The folders are named by their real paths:
    the tests' copies of a site link one theme folder, and find the extraction done for another."""
    folders = ((theme_dir / "templates").resolve(), Path(programme.__file__).parent.parent.resolve())
    return set().union(*(_extracted(folder, _fingerprint(folder)) for folder in folders))


def _fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, modification time and size of every file the extraction reads."""
    files = sorted(path for path in folder.rglob("*") if path.suffix in (".html", ".py"))
    return tuple((str(path), stat.st_mtime_ns, stat.st_size) for path in files for stat in [path.stat()])


@lru_cache(maxsize=8)
def _extracted(folder: Path, fingerprint: tuple) -> frozenset[MessageId]:
    """The extraction takes a third of a second, for every build of a devserver session and every
    build of the tests; fingerprint, the cache key, makes any edited file count."""
    return frozenset(message for _, _, message, _, _ in extract_from_dir(folder, METHOD_MAP, OPTIONS_MAP))


def _ids(catalogue) -> set[MessageId]:
    return {message.id for message in catalogue if message.id}


def catalogue_problems(theme_dir: Path, languages: tuple[str, ...]) -> list[Problem]:
    translations = theme_dir / "translations"
    pot_path = translations / "messages.pot"
    if not pot_path.is_file():
        return [error(f"{os.path.relpath(pot_path)}: missing: run `make i18n-extract`")]
    problems = []
    in_pot = _ids(read_catalogue(pot_path))
    if in_pot != visible_strings(theme_dir):
        problems.append(warning(f"{os.path.relpath(pot_path)}: does not match the words of the templates and exports: run `make i18n-update`"))
    for lang in languages:
        problems += _language_problems(catalogue_path(translations, lang), lang, in_pot)
    return problems


def _language_problems(path: Path, lang: str, in_pot: set[MessageId]) -> list[Problem]:
    shown = os.path.relpath(path)
    if not path.is_file():
        return [error(f"{shown}: missing: the catalogue of the language {lang!r} "
                      f"(pybabel init -i {os.path.relpath(path.parents[2] / 'messages.pot')} -d {os.path.relpath(path.parents[2])} -l {lang})")]
    catalogue = read_catalogue(path, lang)
    problems = [warning(f"{shown}: {missing!r} is missing: run `make i18n-update`, then translate it")
                for missing in sorted(map(_singular, in_pot - _ids(catalogue)))]
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        msgid = _singular(message.id)
        if message.fuzzy:
            problems.append(
                warning(f"{shown}:{message.lineno}: {msgid!r} is marked fuzzy: check the translation, "
                        "then delete the `#, fuzzy` line")
            )
        elif not all(strings):
            problems.append(warning(f"{shown}:{message.lineno}: {msgid!r} is not translated: fill in its msgstr"))
    return problems
