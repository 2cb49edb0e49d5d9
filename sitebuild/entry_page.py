"""The bilingual pages at the root: the entry page / (x-default) and the 404 page.

They belong to no single language run, so they are rendered here, after both runs, from the
same theme templates and catalogues: each column with its own language's translations.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from pelican.plugins.bilingual.environment import install_language, keep_compiled_templates
from pelican.plugins.bilingual.settings import kept_cache, template_cache
from pelican.plugins.programme.model import Programme
from pelican.plugins.programme.views import programme_view, view_context
from pelican.plugins.typography.document import typeset_page


def _environment(settings: dict) -> Environment:
    """The theme's templates, compiled once and kept like the language runs' (45 ms of each
    rebuild of the real site) where the settings keep a cache."""
    environment = Environment(loader=FileSystemLoader(Path(settings["THEME"]) / "templates"), **settings["JINJA_ENVIRONMENT"])
    if cache := kept_cache(settings):
        keep_compiled_templates(environment, template_cache(cache, settings["JINJA_ENVIRONMENT"]))
    return environment


def render(settings: dict, programme: Programme, column_template: str, title_msgid: str | None, *, not_found: bool = False) -> str:
    """Both languages' columns side by side, in the page layout of entry.html.

    title_msgid: the page's title in the catalogues; None: the site's title in each language."""
    environment = _environment(settings)
    root_url, languages = settings["ROOT_URL"], settings["LANGUAGES"]
    translations_dir = Path(settings["THEME"]) / "translations"
    columns, titles = [], []
    for lang in languages:
        translations = install_language(environment, translations_dir, lang)
        view = programme_view(view_context(programme, lang, translations.gettext), {})
        titles.append(translations.gettext(title_msgid) if title_msgid else view.site_title or settings["SITENAME"])
        html = environment.get_template(column_template).render(
            programme=view, SITEURL=f"{root_url}/{lang}", DEFAULT_LANG=lang, SITENAME=settings["SITENAME"]
        )
        columns.append({"lang": lang, "url": f"{root_url}/{lang}/", "html": Markup(html)})
    install_language(environment, translations_dir, languages[0])
    page = environment.get_template("entry.html").render(
        columns=columns,
        title=" · ".join(titles),
        not_found=not_found,
        ROOT_URL=root_url,
        LANGUAGES=languages,
        STYLESHEET_URL=settings["STYLESHEET_URL"],
    )
    return typeset_page(page, languages[0])


def write(settings: dict, site_dir: Path, programme: Programme) -> None:
    entry = render(settings, programme, "partials/entry_column.html", None)
    (site_dir / "index.html").write_text(entry, encoding="utf-8")
    not_found = render(settings, programme, "partials/not_found_column.html", "Page not found", not_found=True)
    (site_dir / "404.html").write_text(not_found, encoding="utf-8")
