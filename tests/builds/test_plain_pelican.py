"""The plugins stand alone: plain `pelican content/<lang> -s pelicanconf.py -o <dir>` builds that
language's pages, programme pages and exports, without sitebuild."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

LANGS = ("de", "ru")


@pytest.mark.parametrize("lang", LANGS)
def test_plain_pelican_builds_one_language(make_site, lang):
    site = make_site("basic")
    output = site.root / "plain" / lang
    run = subprocess.run(
        [sys.executable, "-m", "pelican", f"content/{lang}", "-s", "pelicanconf.py", "-o", str(output)],
        cwd=site.root, capture_output=True, text=True, check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    page = BeautifulSoup((output / "tagung" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.html["lang"] == lang
    assert page.select_one(".language-switcher a")["href"] == f"/{'ru' if lang == 'de' else 'de'}/tagung/"
    assert page.select_one("section.day")  # the programme from programme.yaml
    structured = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert structured["inLanguage"] == lang
    stylesheet = page.select_one('link[rel="stylesheet"]')["href"]
    assert (output / stylesheet.removeprefix(f"/{lang}/")).is_file()
    for export in ("calendar/programme.ics", "calendar/tagung/eroeffnung.ics", "tagung/schedule.xml", "tagung/schedule.json"):
        assert (output / export).is_file(), export


def test_a_full_build_reads_the_programme_once(make_site, monkeypatch):
    """Read and checked once, then handed to both language runs and the bilingual root pages."""
    import multiprocessing

    from pelican.plugins.programme import loader

    site = make_site("basic")
    reads = multiprocessing.Value("i", 0)  # the language runs are forked processes
    load = loader.load_programme_text

    def counted(*args, **kwargs):
        with reads.get_lock():
            reads.value += 1
        return load(*args, **kwargs)

    monkeypatch.setattr(loader, "load_programme_text", counted)
    assert site.build().published
    assert reads.value == 1
