"""Pelican glue: one language per run, linked to the same page in the other languages."""

import logging
import os

from pelican import signals

from .counterparts import language_versions, missing_languages
from .environment import install_language, keep_compiled_templates
from .settings import apply, site_settings
from .translation_note import translation_note

logger = logging.getLogger(__name__)


def configure_environment(generator) -> None:
    """The run's catalogue and language filters (see environment.install_language), and the
    compiled templates of earlier runs: Pelican gives each generator an environment of its own,
    which compiles every template it renders anew, two thirds of a language run's time."""
    site = site_settings(generator.settings)
    install_language(generator.env, site.theme / "translations", site.lang)
    if site.template_cache is not None:
        keep_compiled_templates(generator.env, site.template_cache)


def link_language_versions(generator) -> None:
    site = site_settings(generator.settings)

    def exists(other_lang: str, source_path: str) -> bool:
        return (site.content_root / other_lang / source_path).is_file()

    for page in [*getattr(generator, "pages", []), *getattr(generator, "hidden_pages", []),
                 *getattr(generator, "articles", [])]:
        _link(page, site, exists)
        page.translation_note = translation_note(site.translation_status, page.source_path, page.language_versions)


def link_in_every_language(page, settings: dict) -> None:
    """For a page another plugin makes from data that has every language (programme.yaml): its
    versions are the same address below each language root."""
    _link(page, site_settings(settings), lambda other_lang, source_path: True)


def _link(page, site, exists) -> None:
    lang, languages, root_url, content_root = site.lang, site.languages, site.root_url, site.content_root
    url, source = page.url, page.relative_source_path  # Pelican computes both anew on each access
    versions = language_versions(url, source, lang, languages, root_url, exists)
    page.language_versions = versions
    page.x_default_url = f"{root_url}/" if url == "" else f"{root_url}/{languages[0]}/{url}"
    for missing in missing_languages(versions, languages):
        logger.warning(
            "%s has no %s version: create %s with the same file name",
            os.path.relpath(page.source_path),
            missing,
            os.path.relpath(content_root / missing / source),
        )


def register() -> None:
    signals.initialized.connect(apply)
    signals.generator_init.connect(configure_environment)
    signals.page_generator_finalized.connect(link_language_versions)
    signals.article_generator_finalized.connect(link_language_versions)
