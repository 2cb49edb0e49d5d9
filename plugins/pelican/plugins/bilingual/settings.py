"""The site's settings as one typed object: the contract between the plugins and sitebuild.

Read once per run from Pelican's settings (at its `initialized` signal), with a default for every
value, so that a plain `pelican content/de -s pelicanconf.py -o output/de` builds that language
as sitebuild does; sitebuild only passes values it already knows (the stamp, the stylesheet's
fingerprinted address) instead of having each run find them again.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from hashlib import sha1
from pathlib import Path

import jinja2

from .timestamp import source_date

KEY = "SITE"  # where the object is kept in Pelican's settings
_LANGUAGE = re.compile(r"[a-z]{2,3}")


class SettingsError(ValueError):
    """A setting with a wrong value; the message names it and says what to write."""


@dataclass(frozen=True)
class SiteSettings:
    languages: tuple[str, ...]  # LANGUAGES; the first is the source language and the x-default
    lang: str  # this run's language: the content folder's name if it is one of them, else DEFAULT_LANG
    root_url: str  # ROOT_URL: the site's address without a language, "" for root-relative links
    site_url: str  # SITEURL: this language's root, ROOT_URL/<lang> unless set
    content_root: Path  # the folder holding one folder per language
    theme: Path
    programme_file: Path  # PROGRAMME_FILE; a relative one lies beside the content folder, as pelicanconf.py does
    calendar_uid_domain: str  # CALENDAR_UID_DOMAIN: the right-hand side of every calendar UID
    source_date: dt.datetime  # SOURCE_DATE: the one timestamp a build writes (reproducible)
    stylesheet_url: str  # STYLESHEET_URL, by default the theme's stylesheet below SITEURL
    selected_sources: frozenset[str] | None  # SELECTED_SOURCES: the pages an incremental rebuild writes
    programme: object | None  # PROGRAMME: a checked Programme a build hands every run, else None
    people_path: str  # PEOPLE_PATH: the folder of the speakers' pages below a language root
    history: object | None  # PROGRAMME_HISTORY: the programme's change history a build hands every run, else None
    changes_path: str  # CHANGES_PATH: the folder of the change page and its feed below a language root
    changed_note_days: int  # CHANGED_NOTE_DAYS: how long before the newest change a session's change is marked
    translation_status: object | None  # TRANSLATION_STATUS: the outdated translations a build hands every run, else None
    template_cache: Path | None  # where compiled templates are kept, below CACHE_PATH; None if CACHE_CONTENT is off

    @classmethod
    def from_pelican(cls, settings: dict) -> SiteSettings:
        languages = tuple(settings.get("LANGUAGES") or (settings["DEFAULT_LANG"],))
        wrong = [lang for lang in languages if not isinstance(lang, str) or not _LANGUAGE.fullmatch(lang)]
        if wrong:
            raise SettingsError(f"LANGUAGES: {wrong!r} are no language codes: write e.g. LANGUAGES = (\"de\", \"ru\")")
        path = Path(settings["PATH"])
        if path.name not in languages and any((path / lang).is_dir() for lang in languages):
            raise SettingsError(
                f"PATH: {path} holds one folder per language: build one language at a time, "
                f"e.g. pelican {path / languages[0]} -s pelicanconf.py -o output/{languages[0]}, or run make html"
            )
        lang = path.name if path.name in languages else settings["DEFAULT_LANG"]
        if lang not in languages:
            raise SettingsError(f"DEFAULT_LANG: {lang!r} is not one of LANGUAGES {languages!r}")
        content_root = path.parent if path.name in languages else path
        root_url = settings.get("ROOT_URL", "").rstrip("/")
        site_url = settings.get("SITEURL") or f"{root_url}/{lang}"
        selected = settings.get("SELECTED_SOURCES")
        return cls(
            languages=languages,
            lang=lang,
            root_url=root_url,
            site_url=site_url,
            content_root=content_root,
            theme=Path(settings["THEME"]),
            programme_file=content_root.parent / settings.get("PROGRAMME_FILE", "programme.yaml"),
            calendar_uid_domain=settings.get("CALENDAR_UID_DOMAIN") or "calendar.invalid",
            source_date=settings.get("SOURCE_DATE") or source_date(path),
            stylesheet_url=settings.get("STYLESHEET_URL") or f"{site_url}/theme/css/site.css",
            selected_sources=frozenset(selected) if selected is not None else None,
            programme=settings.get("PROGRAMME"),
            people_path=settings.get("PEOPLE_PATH", "people").strip("/"),
            history=settings.get("PROGRAMME_HISTORY"),
            changes_path=settings.get("CHANGES_PATH", "changes").strip("/"),
            changed_note_days=int(settings.get("CHANGED_NOTE_DAYS", 7)),
            translation_status=settings.get("TRANSLATION_STATUS"),
            template_cache=(template_cache(cache, settings.get("JINJA_ENVIRONMENT", {}))
                            if (cache := kept_cache(settings)) else None),
        )


def kept_cache(settings: dict) -> Path | None:
    """Where a build keeps what the next one can reuse (CACHE_PATH); None where the settings turn
    Pelican's cache off (CACHE_CONTENT)."""
    return Path(settings["CACHE_PATH"]) if settings.get("CACHE_CONTENT") else None


def template_cache(cache_path: Path, jinja_options: dict) -> Path:
    """The folder of the templates compiled with these options by this Jinja: Jinja keys its cache
    by each template's name and file and checks its source, and the options (trim_blocks,
    extensions …) shape the code."""
    options = repr(sorted((name, repr(value)) for name, value in jinja_options.items()))
    return cache_path / f"templates-{sha1(f'{jinja2.__version__} {options}'.encode()).hexdigest()[:12]}"


def site_settings(settings: dict) -> SiteSettings:
    """The run's typed settings, as the bilingual plugin keeps them in Pelican's settings."""
    if KEY not in settings:
        settings[KEY] = SiteSettings.from_pelican(settings)
    return settings[KEY]


def apply(pelican) -> None:
    """At Pelican's start: read the settings once, and give Pelican the run's language and root
    (a plain run over content/ru must build Russian pages below /ru)."""
    site = site_settings(pelican.settings)
    pelican.settings["DEFAULT_LANG"] = site.lang
    pelican.settings["SITEURL"] = site.site_url
    pelican.settings["STYLESHEET_URL"] = site.stylesheet_url
