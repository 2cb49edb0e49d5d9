"""Typography on the real site: in the text visitors read, and in nothing machines read."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from pelican.plugins.typography.document import SOFT_HYPHEN_MARKUP as BREAK

from .conftest import NO_BREAK_SPACE as NB
from .conftest import as_read, messages, real_sources
from .conftest import SOFT_HYPHEN as SHY

LANGS = ("de", "ru")


def built(site, pattern: str):
    return sorted(path for path in site.output.rglob(pattern) if path.is_file())


def test_no_soft_hyphen_reaches_what_machines_read(real_site):
    """Soft hyphens would split words in titles, snippets, calendars and the search. The pages
    mark break points with an element the stylesheet draws the hyphen for, so not even the text
    of a page holds one (Chromium would copy it)."""
    files = [p for pattern in ("*.html", "*.ics", "*.xml", "*.json", "*.txt", "_headers") for p in built(real_site, pattern)]
    assert any(p.suffix == ".ics" for p in files) and any(p.name == "atom.xml" for p in files)
    found = [str(p.relative_to(real_site.output)) for p in files if SHY in p.read_text(encoding="utf-8")]
    for path in built(real_site, "*.html"):
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head
        found += [f"{path.relative_to(real_site.output)}: <{tag.name}>" for tag in head.find_all(True) if "shy" in str(tag)]
    for lang in LANGS:
        found += [f"search index: {url}" for url, record in real_site.search_fragments(lang).items()
                  if SHY in json.dumps(record, ensure_ascii=False)]
    assert found == []


def test_the_search_index_has_a_hyphenated_heading_word_whole(real_site):
    page = real_site.html("de/arbeitsgruppen/index.html")
    assert f"<h1>Ar{BREAK}beits{BREAK}grup{BREAK}pen</h1>" in page
    assert real_site.search_fragments("de")["/de/arbeitsgruppen/"]["meta"]["title"] == "Arbeitsgruppen"


@pytest.mark.parametrize("lang", LANGS)
def test_long_words_of_headings_and_the_menu_may_break_with_a_hyphen(real_site, lang):
    page = BeautifulSoup(real_site.html(f"{lang}/index.html"), "html.parser")
    for element in (page.h1, page.select_one(".site-name"), page.select_one(".main-menu"), page.select_one(".event-card h2")):
        assert element.select("span.shy:empty"), element
    assert not page.select("main > p span.shy")  # running text breaks between words
    stylesheet = next(real_site.output.glob("theme/css/site.*.css")).read_text(encoding="utf-8")
    assert '.shy::after { content: "\\ad"; }' in stylesheet


def test_russian_dashes_and_no_break_spaces_in_the_text(real_site):
    page = real_site.html("ru/index.html")
    assert f"</a>{NB}— в{NB}выходные перед конференцией" in page  # a dash never opens a line
    assert f"XVI{NB}Германо-российская" in page  # a Roman numeral stays with its noun
    assert f"«Запад{NB}– Восток»" in page  # a name keeps its owner's dash
    # The title is left alone by the typesetter; its separator comes typeset from the catalogue.
    title = BeautifulSoup(real_site.html("ru/konferenz/index.html"), "html.parser").title.get_text()
    assert title == f"Конференция{NB}— XVI Германо-российская конференция городов-партнёров"


def test_german_abbreviations_stay_together(real_site):
    assert f"Deutsch-Russisches Forum e.{NB}V." in real_site.html("de/organisatoren/index.html")


@pytest.fixture(scope="module")
def untypeset_site(tmp_path_factory):
    """The real site built without the typography plugin, to compare with."""
    site = real_sources(tmp_path_factory.mktemp("untypeset") / "real")
    settings = site.root / "pelicanconf.py"
    settings.write_text(settings.read_text(encoding="utf-8") + '\nPLUGINS = [p for p in PLUGINS if p != "pelican.plugins.typography"]\n', encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(site.root)
        result = site.build()
    assert result.published, messages(result)
    return site


def test_typesetting_changes_the_text_and_nothing_else(real_site, untypeset_site):
    """Every tag with its attributes, and the whole <head>, as the templates wrote them."""
    tags = re.compile(r"<[^>]*>")
    compared = 0
    for lang in LANGS:
        for path in built(untypeset_site, f"{lang}/**/*.html"):
            relative = path.relative_to(untypeset_site.output).as_posix()
            before, after = path.read_text(encoding="utf-8"), real_site.html(relative).replace(BREAK, "")
            assert before.split("<body")[0] == after.split("<body")[0], relative
            assert tags.findall(before) == tags.findall(after), relative
            assert as_read(after).replace("—", "–") == as_read(before).replace("—", "–").replace(" - ", " – "), relative
            compared += 1
    assert compared >= 30
