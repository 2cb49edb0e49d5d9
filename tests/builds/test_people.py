"""The speakers' pages of the fixture site: a page per person in each language, an index, links
from their sessions, and their place in the language switcher, the sitemap and the search."""

from __future__ import annotations

import struct

import pytest
from lxml import etree

from .conftest import FIXTURES, messages

LANGS = ("de", "ru")
PEOPLE = "people"  # PEOPLE_PATH's default
OTHER = {"de": "ru", "ru": "de"}


def person_page(site, lang: str, person: str):
    return site.page(f"{lang}/{PEOPLE}/{person}/index.html")


@pytest.mark.parametrize("lang", LANGS)
def test_each_person_has_a_page_at_the_same_address_in_both_languages(basic_site, lang):
    for person in ("anna-petrova", "jonas-weber"):
        page = person_page(basic_site, lang, person)
        alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
        assert alternates == {
            "de": f"/de/{PEOPLE}/{person}/", "ru": f"/ru/{PEOPLE}/{person}/", "x-default": f"/de/{PEOPLE}/{person}/",
        }
        assert page.select_one(".language-switcher a")["href"] == f"/{OTHER[lang]}/{PEOPLE}/{person}/"
        assert page.html["lang"] == lang
    assert person_page(basic_site, lang, "anna-petrova").h1.get_text() == {"de": "Anna Petrova", "ru": "Анна Петрова"}[lang]


def test_the_sitemap_lists_the_pages_with_their_alternates(basic_site):
    sitemap = etree.parse(str(basic_site.output / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for lang in LANGS:
        for address in (f"/{lang}/{PEOPLE}/", f"/{lang}/{PEOPLE}/anna-petrova/"):
            [url] = sitemap.xpath("//s:url[s:loc = $loc]", namespaces=ns, loc=address)
            assert sorted(url.xpath("x:link/@hreflang", namespaces=ns)) == ["de", "ru", "x-default"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_index_lists_everyone_with_role_and_affiliation(basic_site, lang):
    index = basic_site.page(f"{lang}/{PEOPLE}/index.html")
    links = {a.get_text(): a["href"] for a in index.select("main li a")}
    names = {"de": ("Anna Petrova", "Jonas Weber"), "ru": ("Анна Петрова", "Йонас Вебер")}[lang]
    assert links == {names[0]: f"/{lang}/{PEOPLE}/anna-petrova/", names[1]: f"/{lang}/{PEOPLE}/jonas-weber/"}
    first = index.select("main li")[0].get_text(" ", strip=True)
    assert {"de": "Leiterin des Partnerschaftsbüros, Veranstalter e. V.",
            "ru": "Руководитель бюро побратимства, городской организатор"}[lang] in first


@pytest.mark.parametrize("lang", LANGS)
def test_each_person_page_links_the_index_which_is_in_no_menu_unless_a_setting_says(basic_site, lang):
    assert person_page(basic_site, lang, "jonas-weber").select_one(".people-link a")["href"] == f"/{lang}/{PEOPLE}/"
    assert f"/{lang}/{PEOPLE}/" not in [a["href"] for a in basic_site.page(f"{lang}/index.html").select(".main-menu a")]


@pytest.mark.parametrize("lang", LANGS)
def test_a_session_links_its_speakers_and_their_pages_list_it_with_its_time(basic_site, lang):
    speakers = basic_site.page(f"{lang}/tagung/index.html").select("#eroeffnung .speakers a")
    assert [a["href"] for a in speakers] == [f"/{lang}/{PEOPLE}/anna-petrova/", f"/{lang}/{PEOPLE}/jonas-weber/"]
    for person in ("anna-petrova", "jonas-weber"):
        [item] = person_page(basic_site, lang, person).select(".person-sessions li")
        assert item.a["href"] == f"/{lang}/tagung/#eroeffnung"
        assert item.a.get_text() == {"de": "Eröffnung", "ru": "Открытие"}[lang]
        # 18:00–20:00 in Moscow on 28 June 2021 (UTC+3), 17:00–19:00 in Berlin (UTC+2)
        assert item.time["datetime"] == "2021-06-28T18:00:00+03:00"
        assert "18:00–20:00" in item.time.get_text() and "28" in item.time.get_text()
        assert "17:00–19:00" in item.select_one(".home-time").get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_the_photo_is_in_the_output_with_its_size_and_alt_text(basic_site, lang):
    img = person_page(basic_site, lang, "anna-petrova").select_one("main img")
    source = (FIXTURES / "basic" / "images" / "people" / "anna-petrova.png").read_bytes()
    width, height = struct.unpack(">II", source[16:24])  # the PNG's IHDR
    assert (img["width"], img["height"]) == (str(width), str(height))
    assert img["alt"] == {"de": "Anna Petrova am Rednerpult", "ru": "Анна Петрова за трибуной"}[lang]
    assert (img["loading"], img["decoding"]) == ("lazy", "async")
    assert (basic_site.output / img["src"].lstrip("/")).read_bytes() == source
    assert not person_page(basic_site, lang, "jonas-weber").select("main img")  # no photo in the data


@pytest.mark.parametrize("lang", LANGS)
def test_the_bio_renders_markdown_and_shows_markup_as_text(basic_site, lang):
    page = person_page(basic_site, lang, "anna-petrova")
    bio = page.select_one("main .person-bio")
    assert bio.em.get_text() == {"de": "seit Jahren", "ru": "Много лет"}[lang]
    assert bio.a["href"] == {"de": "https://example.org/bericht", "ru": "https://example.org/otchet"}[lang]
    assert "<script>alert(1)</script>" in bio.get_text()
    assert page.select("script") == []
    description = page.select_one('meta[name="description"]')["content"]
    assert description.startswith({"de": "Leiterin des Partnerschaftsbüros", "ru": "Руководитель бюро побратимства"}[lang])
    # without role, affiliation or bio: what they take part in
    description = person_page(basic_site, lang, "jonas-weber").select_one('meta[name="description"]')["content"]
    assert description == {"de": "Eröffnung (Tagung)", "ru": "Открытие (Конференция)"}[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_index_holds_the_pages(basic_site, lang):
    fragments = basic_site.search_fragments(lang)
    anna = fragments[f"/{lang}/{PEOPLE}/anna-petrova/"]
    assert anna["meta"]["title"] == person_page(basic_site, lang, "anna-petrova").h1.get_text()
    assert {"de": "Partnerschaften", "ru": "побратимством"}[lang] in anna["content"]
    assert f"/{lang}/{PEOPLE}/" in fragments


def test_without_people_there_are_no_pages_and_no_menu_entry(make_site):
    site = make_site("basic")
    programme = site.root / "programme.yaml"
    text = programme.read_text(encoding="utf-8")
    start, end = text.index("\npeople:"), text.index("\nworking_groups:")
    text = (text[:start] + text[end:]).replace("        speakers: [anna-petrova, jonas-weber]\n", "")
    programme.write_text(text, encoding="utf-8")
    result = site.build()
    assert result.published, messages(result)
    for lang in LANGS:
        assert not (site.output / lang / PEOPLE).exists()
        assert f"/{lang}/{PEOPLE}/" not in [a["href"] for a in site.page(f"{lang}/index.html").select(".main-menu a")]
    assert f"/{PEOPLE}/" not in (site.output / "sitemap.xml").read_text(encoding="utf-8")


def test_settings_move_the_pages_and_put_the_index_into_the_menu(make_site):
    site = make_site("basic")
    settings = site.root / "pelicanconf.py"
    # The fixture's pages are Menu: 1 to 5, the programme 3; a tie keeps the pages before the index.
    settings.write_text(settings.read_text(encoding="utf-8") + '\nPEOPLE_PATH = "referierende"\nPEOPLE_MENU = 3\n',
                        encoding="utf-8")
    result = site.build()
    assert result.published, messages(result)
    assert result.problems == (), messages(result)  # the links from the sessions lead there too
    assert (site.output / "ru" / "referierende" / "anna-petrova" / "index.html").is_file()
    assert not (site.output / "ru" / PEOPLE).exists()
    for lang in LANGS:
        menu = [a["href"] for a in site.page(f"{lang}/referierende/anna-petrova/index.html").select(".main-menu a")]
        assert menu == [f"/{lang}/", f"/{lang}/tagung/", f"/{lang}/programm/", f"/{lang}/referierende/",
                        f"/{lang}/arbeitsgruppen/", f"/{lang}/teilnahme/"]
