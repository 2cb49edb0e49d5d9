"""The bilingual entry page at / : each language's key facts side by side (the x-default).

It belongs to no single language run, so it is rendered here, after both runs, from the same
theme templates and catalogues: each column with its own language's translations.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from bilingual.catalogues import load_translations
from programme.loader import load_programme
from programme.views import programme_view


def _environment(settings: dict) -> Environment:
    options = dict(settings["JINJA_ENVIRONMENT"])
    return Environment(loader=FileSystemLoader(Path(settings["THEME"]) / "templates"), **options)


def render(settings: dict) -> str:
    environment = _environment(settings)
    programme = load_programme(os.path.relpath(settings["PROGRAMME_FILE"]))
    root_url = settings["ROOT_URL"]
    columns = []
    titles = []
    for lang in settings["LANGUAGES"]:
        translations = load_translations(Path(settings["THEME"]) / "translations", lang)
        environment.install_gettext_translations(translations, newstyle=True)
        titles.append(translations.gettext("XVI German-Russian Partner Cities Conference"))
        column = environment.get_template("partials/entry_column.html").render(
            programme=programme_view(programme, lang, {}),
            SITEURL=f"{root_url}/{lang}",
            DEFAULT_LANG=lang,
        )
        columns.append({"lang": lang, "url": f"{root_url}/{lang}/", "html": Markup(column)})
    environment.install_gettext_translations(
        load_translations(Path(settings["THEME"]) / "translations", settings["LANGUAGES"][0]), newstyle=True
    )
    return environment.get_template("entry.html").render(
        columns=columns,
        title=" · ".join(titles),
        ROOT_URL=root_url,
        LANGUAGES=settings["LANGUAGES"],
    )


def write(settings: dict, site_dir: Path) -> None:
    (site_dir / "index.html").write_text(render(settings), encoding="utf-8")
