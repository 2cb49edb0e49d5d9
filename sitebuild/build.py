"""One Pelican run per language into a staging folder; output/ is replaced only on success.

Each language is an ordinary Pelican run over content/<lang>/ with its own SITEURL and
catalogue (plugins/bilingual). The runs share nothing, so they go in parallel processes.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from pelican import Pelican, signals
from pelican.settings import read_settings
from pelican.plugins.bilingual.settings import kept_cache
from pelican.plugins.bilingual.timestamp import source_date
from pelican.plugins.programme.history import read_history
from pelican.plugins.programme.model import Programme
from pelican.plugins.typography.patterns import load_dictionaries

from . import checks, entry_page, page_facts, search_index, site_files
from .catalogue_check import catalogue_problems
from .page_facts import PageFacts
from .report import Problem, blocks_build, error, warning
from .translation_status import translation_status


@dataclass(frozen=True)
class BuildResult:
    problems: tuple[Problem, ...]
    published: bool


def site_settings(settings_file: Path) -> dict:
    """Pelican's settings, with PROGRAMME_FILE made absolute like Pelican's own paths."""
    # No feeds in the site-wide settings: only the language runs, which know their SITEURL, write
    # them; this spares Pelican's warning about feeds without a SITEURL.
    settings = read_settings(str(settings_file), override={"FEED_ALL_ATOM": None})
    settings["PROGRAMME_FILE"] = str(settings_file.resolve().parent / settings["PROGRAMME_FILE"])
    settings["SOURCE_DATE"] = source_date(settings_file.resolve().parent)
    settings["STYLESHEET_URL"] = f"{settings['ROOT_URL']}/{site_files.stylesheet_path(Path(settings['THEME']))}"
    return settings


def language_settings(
    settings_file: Path, base: dict, lang: str, output_dir: Path, extra: dict | None = None
) -> dict:
    """One language's run: the site's settings (base, from site_settings) narrowed to lang."""
    content_root = Path(base["PATH"])
    return read_settings(
        str(settings_file),
        override={
            "PATH": str(content_root / lang),
            "OUTPUT_PATH": str(output_dir / lang),
            "SITEURL": f"{base['ROOT_URL']}/{lang}",
            "DEFAULT_LANG": lang,
            "CACHE_PATH": str(Path(base["CACHE_PATH"]) / lang),
            "PROGRAMME_FILE": base["PROGRAMME_FILE"],
            "STYLESHEET_URL": base["STYLESHEET_URL"],
            "SOURCE_DATE": base["SOURCE_DATE"],
            "THEME_STATIC_PATHS": [],  # the stylesheet and scripts are copied once for both languages
            **(extra or {}),
        },
    )


class _Collector(logging.Handler):
    """Keeps every warning and error Pelican and the plugins log during one run."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.problems: list[Problem] = []

    def emit(self, record: logging.LogRecord) -> None:
        make = error if record.levelno >= logging.ERROR else warning
        self.problems.append(make(record.getMessage()))


@dataclass(frozen=True)
class LanguageRun:
    problems: list[Problem]
    pages: dict[str, PageFacts]  # the run's pages as read for the site checks, if asked for
    sources: dict[str, str]  # site-relative page -> the Markdown file it was made from


def _remember_sources(output_dir: Path, sources: dict[str, str]):
    """A content_written receiver noting which Markdown file each written page came from, so
    that a problem found in the page can be reported where the editor wrote it."""

    root = output_dir.resolve()

    def remember(path: str, context: dict) -> None:
        content = context.get("article") or context.get("page")
        written = Path(path).resolve()
        if content is not None and getattr(content, "source_path", None) and written.is_relative_to(root):
            sources[written.relative_to(root).as_posix()] = content.source_path

    return remember


def build_language(
    settings_file: Path,
    base: dict,
    lang: str,
    output_dir: Path,
    extra: dict | None = None,
    read_pages: bool = False,
) -> LanguageRun:
    """One language's Pelican run; with read_pages, its pages are read in this process too."""
    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    sources: dict[str, str] = {}
    remember = _remember_sources(output_dir, sources)
    signals.content_written.connect(remember)
    try:
        Pelican(language_settings(settings_file, base, lang, output_dir, extra)).run()
    except Exception as exc:  # noqa: BLE001 - any failure of a run is reported, not raised
        collector.problems.append(error(f"[{lang}] {exc}"))
    finally:
        root.removeHandler(collector)
        signals.content_written.disconnect(remember)
    # Warnings do not stop a local build, so the pages are read after them too; after an error
    # nothing is published, and the pages may be missing.
    pages = page_facts.read_pages(output_dir, lang) if read_pages and not blocks_build(collector.problems, strict=False) else {}
    return LanguageRun(collector.problems, pages, sources)


def handed_to_runs(settings: dict, programme: Programme | None) -> dict:
    """What a build reads once and hands every language run: the checked programme, its change
    history and the status of the translations."""
    history = read_history(Path(settings["PROGRAMME_FILE"]), Path(settings["CACHE_PATH"])) if programme else None
    return {
        "PROGRAMME": programme,
        "PROGRAMME_HISTORY": history,
        "TRANSLATION_STATUS": translation_status(Path(settings["PATH"]), settings["LANGUAGES"]),
    }


def build_site(settings_file: Path, output_dir: Path, strict: bool | None = None) -> BuildResult:
    """Build into a staging folder beside output_dir and swap it in if nothing blocks.

    strict: whether warnings block too; by default the settings' STRICT (publishconf.py).
    """
    settings = site_settings(settings_file)
    strict = settings.get("STRICT", False) if strict is None else strict
    programme, programme_problems = checks.check_programme(settings)
    # read once for both languages: each version of the file costs a read and a validation
    handed = handed_to_runs(settings, programme)
    problems = checks.check_settings(settings) + programme_problems
    problems += checks.check_translations(settings, handed["TRANSLATION_STATUS"])
    # before the language runs fork: they find the catalogues read (bilingual.catalogues)
    problems += catalogue_problems(Path(settings["THEME"]), settings["LANGUAGES"])
    if blocks_build(problems, strict=False):
        return BuildResult(tuple(problems), published=False)

    output_dir = output_dir.resolve()
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}-", dir=output_dir.parent))
    try:
        languages = settings["LANGUAGES"]
        # before the language processes fork, which then share them
        load_dictionaries(languages, kept_cache(settings))
        pages, sources = {}, {}
        with ProcessPoolExecutor(max_workers=len(languages), mp_context=get_context("fork")) as pool:
            # Each run gets what was read and checked above (handed), instead of reading it again.
            runs = [
                pool.submit(build_language, settings_file, settings, lang, staging, handed, read_pages=True)
                for lang in languages
            ]
            for run in runs:
                language_run = run.result()
                problems += language_run.problems
                pages |= language_run.pages
                sources |= language_run.sources
        if not blocks_build(problems, strict=False):
            entry_page.write(settings, staging, programme)
            indexer = search_index.start(staging)
            try:
                pages |= page_facts.read_pages(staging, recursive=False)  # the entry and 404 pages
                site_files.write(settings, staging, pages)
                problems += checks.check_site(settings, staging, pages, sources)
                problems += search_index.finish(indexer, staging)
            finally:
                search_index.stop(indexer)
        if blocks_build(problems, strict):
            return BuildResult(tuple(problems), published=False)
        if settings.get("PRECOMPRESS"):
            site_files.precompress(staging)
        replace_directory(staging, output_dir)
        return BuildResult(tuple(problems), published=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def replace_directory(new: Path, target: Path) -> None:
    """Swap the new site in with two renames, so a visitor never sees half of each."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.rename(target, old)
    os.rename(new, target)
    os.chmod(target, 0o755)
    shutil.rmtree(old, ignore_errors=True)
