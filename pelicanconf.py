"""Pelican settings shared by development and production (publishconf.py extends them).

`python -m sitebuild` runs Pelican once per language, over content/<lang>/ into output/<lang>/.
A plain `pelican content/ru -s pelicanconf.py -o output/ru` builds one language the same way: the
plugins take its language from the folder's name and its address from ROOT_URL below.
"""

import os

SITENAME = "XVI. Deutsch-Russische Städtepartnerkonferenz"
AUTHOR = "Deutsch-Russisches Forum e. V."

LANGUAGES = ("de", "ru")  # the first is the source language and the x-default
DEFAULT_LANG = "de"
# Development: links start at the server root (http://localhost:8000/). `make audit` sets
# PREVIEW_URL to the address of its local server: Lighthouse wants absolute canonical links.
ROOT_URL = os.environ.get("PREVIEW_URL", "").rstrip("/")
TIMEZONE = "Europe/Moscow"

PATH = "content"
THEME = "theme"
THEME_STATIC_PATHS = ["static"]  # for a plain `pelican` run; sitebuild copies them once for both languages
# Namespace packages (plugins/pelican/plugins/, installed by the Makefile from pyproject.toml).
PLUGINS = [
    f"pelican.plugins.{name}"
    for name in ("bilingual", "navigation", "news", "placeholders", "programme", "search", "selective", "typography")
]
PROGRAMME_FILE = "programme.yaml"

# Pages live in the language folder itself; a page and its translation share the file name,
# and the file name is the slug, so both languages use the same URL below /de/ and /ru/.
PAGE_PATHS = [""]
PAGE_EXCLUDES = ["news"]
ARTICLE_PATHS = ["news"]
SLUGIFY_SOURCE = "basename"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
ARTICLE_URL = "news/{slug}/"
ARTICLE_SAVE_AS = "news/{slug}/index.html"
PAGE_ORDER_BY = "basename"

DIRECT_TEMPLATES = []
INDEX_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = "news/atom.xml"  # one Atom feed of news per language
FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None

JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    "autoescape": True,  # text from programme.yaml is never trusted as HTML
    "trim_blocks": True,
    "lstrip_blocks": True,
}
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.smarty": {
            # German and Russian quotes are typed as „…“ and «…»; smarty must not turn
            # straight quotes into English ones.
            "smart_quotes": False,
        },
    },
    "output_format": "html5",
}

# Pelican's content cache: a rebuild re-reads only the Markdown files that changed (and, with the
# bilingual plugin, compiles no template it compiled before).
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True

PRECOMPRESS = False  # publishconf.py: .gz copies of text files for the static host
STRICT = False  # publishconf.py: warnings, missing counterparts, broken links fail the build
OUTDATED_TRANSLATIONS_BLOCK = False  # True: a translation whose source changed since fails `make publish` (`make translations` lists them)
