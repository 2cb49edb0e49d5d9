"""The typed settings: defaults for a plain Pelican run, clear errors for wrong values."""

import datetime as dt
import re
from pathlib import Path

import pytest

from pelican.plugins.bilingual.settings import SettingsError, SiteSettings

BASE = {"PATH": "/site/content/ru", "THEME": "/site/theme", "DEFAULT_LANG": "de", "LANGUAGES": ("de", "ru")}


def test_a_plain_run_over_a_language_folder_takes_its_language_and_defaults(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1624892400")
    site = SiteSettings.from_pelican(BASE)
    assert (site.lang, site.site_url, site.content_root) == ("ru", "/ru", Path("/site/content"))
    assert site.stylesheet_url == "/ru/theme/css/site.css"
    assert site.source_date == dt.datetime(2021, 6, 28, 15, 0, tzinfo=dt.timezone.utc)
    assert site.programme_file == Path("/site/programme.yaml") and site.selected_sources is None


def test_what_sitebuild_passes_is_taken_as_it_is():
    stamp = dt.datetime(2021, 5, 1, tzinfo=dt.timezone.utc)
    site = SiteSettings.from_pelican({**BASE, "ROOT_URL": "https://example.org/", "SITEURL": "https://example.org/ru",
                                      "SOURCE_DATE": stamp, "STYLESHEET_URL": "/theme/css/site.abc.css",
                                      "SELECTED_SOURCES": ["a.md"]})
    assert (site.root_url, site.site_url, site.source_date) == ("https://example.org", "https://example.org/ru", stamp)
    assert site.stylesheet_url == "/theme/css/site.abc.css" and site.selected_sources == frozenset({"a.md"})


@pytest.mark.parametrize("changes, message", [
    ({"LANGUAGES": ("de", "Russian")}, "LANGUAGES: ['Russian'] are no language codes"),
    ({"PATH": "/site/content", "DEFAULT_LANG": "en"}, "DEFAULT_LANG: 'en' is not one of LANGUAGES"),
])
def test_a_wrong_value_is_named_with_what_to_write(changes, message):
    with pytest.raises(SettingsError, match=re.escape(message)):
        SiteSettings.from_pelican({**BASE, **changes})


def test_a_content_folder_with_one_folder_per_language_asks_for_one_language(tmp_path):
    for lang in ("de", "ru"):
        (tmp_path / "content" / lang).mkdir(parents=True)
    with pytest.raises(SettingsError, match=re.escape("build one language at a time, e.g. pelican")):
        SiteSettings.from_pelican({**BASE, "PATH": str(tmp_path / "content")})


def test_templates_compiled_with_other_jinja_options_are_kept_apart():
    """Jinja's cache knows a template by its name and file and checks its source, not the options;
    trim_blocks and the like change its code."""
    cached = {**BASE, "CACHE_CONTENT": True, "CACHE_PATH": "/site/cache"}

    def folder(**options):
        return SiteSettings.from_pelican({**cached, "JINJA_ENVIRONMENT": options}).template_cache

    assert folder(trim_blocks=True).parent == Path("/site/cache")
    assert folder(trim_blocks=True) == folder(trim_blocks=True) != folder(trim_blocks=False)
    assert SiteSettings.from_pelican(BASE).template_cache is None  # CACHE_CONTENT off: nothing is kept
