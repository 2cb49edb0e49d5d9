"""The real content and programme, built as `make html` builds them."""

from __future__ import annotations

import re

import feedparser
import pytest

from pelican.plugins.programme.reading import read_programme

from .conftest import PROJECT

LANGS = ("de", "ru")


def real_programme():
    """The counts a page must show come from programme.yaml, so editors can add and remove."""
    return read_programme(str(PROJECT / "programme.yaml"))


def texts(site, lang):
    return {
        str(path.relative_to(site.output / lang)): site.page(str(path.relative_to(site.output))).get_text(" ", strip=True)
        for path in sorted((site.output / lang).rglob("*.html"))
    }


def test_the_only_warnings_are_the_open_legal_placeholders(real_site):
    others = [str(p) for p in real_site.result.problems if "placeholder" not in p.message]
    assert others == []


def test_every_page_exists_in_both_languages(real_site):
    assert texts(real_site, "de").keys() == texts(real_site, "ru").keys()
    assert len(texts(real_site, "de")) >= 12


@pytest.mark.parametrize("lang", LANGS)
def test_the_news_feed_bears_the_sites_name_in_its_language(real_site, lang):
    feed = feedparser.parse((real_site.output / lang / "news" / "atom.xml").read_bytes())
    assert feed.feed.title == real_programme().site.title.get(lang)


def test_legal_pages_show_their_placeholders_and_block_publishing(real_site, monkeypatch):
    for lang in LANGS:
        for page in ("impressum/index.html", "datenschutz/index.html"):
            assert real_site.page(f"{lang}/{page}").select("mark.placeholder"), f"{lang}/{page}"
    placeholders = [p for p in real_site.result.problems if "placeholder" in p.message]
    assert {p.message.split(":")[0] for p in placeholders} >= {
        "content/de/impressum.md", "content/ru/impressum.md", "content/de/datenschutz.md", "content/ru/datenschutz.md"
    }


@pytest.mark.parametrize(
    "lang, facts",
    [
        ("de", ["Kaluga", "28.–30. Juni 2021", "23. Juni – 1. Juli 2021", "26.–27. Juni 2021",
                "Kommunale und Regionale Verbindungen stärken – Horizonte erweitern",
                "sekretariat@stiftung-woeb.de", "Assoziation der Partnerstädte"]),
        ("ru", ["Калуга", "28–30 июня 2021 г.", "23 июня по 1 июля 2021 г.",
                "26–27 июня 2021 г.", "Укрепление муниципальных и региональных связей – расширение горизонтов",
                "sekretariat@stiftung-woeb.de", "«Породнённые города»"]),
    ],
)
def test_home_page_has_the_key_facts(real_site, lang, facts):
    text = texts(real_site, lang)["index.html"]
    missing = [fact for fact in facts if fact not in text]
    assert missing == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_organisation_of_the_announcement_is_named_with_its_role(real_site, lang):
    page = real_site.page(f"{lang}/organisatoren/index.html")
    entries = page.select("ul.organisations li")
    assert len(entries) == len(real_programme().organisations)
    assert all(len(entry.get_text(" ", strip=True)) > len(entry.strong.get_text(strip=True)) for entry in entries)


@pytest.mark.parametrize("lang", LANGS)
def test_every_working_group_and_forum_with_its_coordinator(real_site, lang):
    groups = real_site.page(f"{lang}/arbeitsgruppen/index.html").select("ul.working-groups > li")
    assert len(groups) == len(real_programme().working_groups)
    for group in groups:
        assert group.select_one("p").get_text(strip=True)


@pytest.mark.parametrize("lang", LANGS)
def test_unknown_times_are_shown_as_to_be_announced(real_site, lang):
    page = real_site.page(f"{lang}/konferenz/index.html")
    opening = page.select_one("#eroeffnung")
    assert opening.select_one("time")["datetime"] == "2021-06-28T18:00:00+03:00"
    panel = page.select_one("#panel")
    assert panel.select_one(".tba") is not None


def test_no_page_loads_anything_from_another_host(real_site):
    for path in real_site.output.rglob("*.html"):
        soup = real_site.page(str(path.relative_to(real_site.output)))
        for tag in soup.select("link[href], script[src], img[src]"):
            url = tag.get("href") or tag.get("src")
            assert url.startswith("/"), f"{path}: {url}"


FOREIGN = {"ru": re.compile(r"[A-Za-zÄÖÜäöüß]{2,}"), "de": re.compile(r"[А-Яа-яЁё]{2,}")}
ADDRESS = re.compile(r"\S+@\S+|https?://\S+")
ROMAN_NUMERAL = re.compile(r"[IVXLCDM]+")  # XVI, IV: part of Russian text too


def unmarked_foreign_words(soup, lang):
    for node in soup.body.find_all(string=True):
        if node.parent.name in ("script", "style"):
            continue
        marked = node.find_parent(attrs={"lang": True})
        if marked is not None and marked["lang"] != lang:
            continue
        for word in FOREIGN[lang].findall(ADDRESS.sub("", str(node))):
            if not ROMAN_NUMERAL.fullmatch(word):
                yield word


@pytest.mark.parametrize("lang", LANGS)
def test_words_of_the_other_language_carry_their_lang(real_site, lang):
    found = {
        path: sorted(set(unmarked_foreign_words(real_site.page(f"{lang}/{path}"), lang)))
        for path in texts(real_site, lang)
    }
    assert {path: words for path, words in found.items() if words} == {}
