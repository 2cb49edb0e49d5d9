"""Programme pages of the fixture site: order, days, parallel sessions, anchors, times, data pages."""

from __future__ import annotations

import pytest

from .conftest import messages


def text(node) -> str:
    return node.get_text(" ", strip=True)


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_overview_lists_every_event_in_date_order(basic_site, lang):
    page = basic_site.page(f"{lang}/programm/index.html")
    assert [section["id"] for section in page.select("section.event")] == ["vorabend", "tagung"]
    links = [a["href"] for a in page.select("section.event > h2 a")]
    assert links == [f"/{lang}/vorabend/", f"/{lang}/tagung/"]


@pytest.mark.parametrize(
    "lang, dates, single_day, days",
    [
        ("de", "28.–29. Juni 2021", "27. Juni 2021", ["Montag, 28. Juni", "Dienstag, 29. Juni"]),
        ("ru", "28–29 июня 2021 г.", "27 июня 2021 г.", ["Понедельник, 28 июня", "Вторник, 29 июня"]),
    ],
)
def test_event_page_has_dates_and_a_section_per_day(basic_site, lang, dates, single_day, days):
    page = basic_site.page(f"{lang}/tagung/index.html")
    when = page.select_one("dl.facts time")
    assert text(when) == dates and when["datetime"] == "2021-06-28"
    sections = page.select("section.day")
    assert [section["id"] for section in sections] == ["tagung-2021-06-28", "tagung-2021-06-29"]
    assert [text(section.select_one("h3")) for section in sections] == days
    single = basic_site.page(f"{lang}/vorabend/index.html").select_one("dl.facts time")
    assert text(single) == single_day


def test_parallel_sessions_share_one_slot_and_each_has_a_stable_anchor(basic_site):
    for lang in ("de", "ru"):
        page = basic_site.page(f"{lang}/tagung/index.html")
        parallel = page.select("div.slot.parallel")
        assert len(parallel) == 1
        assert [a["id"] for a in parallel[0].select("article.session")] == ["ag-jugend", "ag-kultur"]
        assert [a["id"] for a in page.select("article.session")] == ["eroeffnung", "ag-jugend", "ag-kultur"]


@pytest.mark.parametrize(
    "lang, event_time, home_time",
    [
        ("de", "18:00–20:00 Uhr Moskauer Zeit", "In Deutschland: 17:00–19:00 Uhr MESZ"),
        ("ru", "18:00–20:00 по московскому времени (МСК)", "Для участников из Германии: 17:00–19:00 по берлинскому времени"),
    ],
)
def test_times_in_the_event_zone_and_in_german_time(basic_site, lang, event_time, home_time):
    opening = basic_site.page(f"{lang}/tagung/index.html").select_one("#eroeffnung")
    line = opening.select_one(".session-time")
    assert text(line).startswith(event_time)
    assert text(line.select_one(".home-time")) == home_time
    assert line.select_one("time")["datetime"] == "2021-06-28T18:00:00+03:00"


@pytest.mark.parametrize(
    "lang, tba_time, tba_room",
    [("de", "Uhrzeit wird noch bekannt gegeben", "Ort wird noch bekannt gegeben"),
     ("ru", "Время будет объявлено позднее", "Место проведения будет объявлено позднее")],
)
def test_unknown_time_and_room_are_announced_as_such(basic_site, lang, tba_time, tba_room):
    session = basic_site.page(f"{lang}/tagung/index.html").select_one("#ag-jugend")
    assert [text(tba) for tba in session.select(".tba")] == [tba_time, tba_room]


def test_event_without_sessions_says_the_programme_will_be_announced(basic_site):
    assert "Das ausführliche Programm wird noch bekannt gegeben." in text(basic_site.page("de/vorabend/index.html"))
    assert "Подробная программа будет объявлена позднее." in text(basic_site.page("ru/vorabend/index.html"))


@pytest.mark.parametrize("lang, count, beside", [("de", "Auf der Konferenz tagen zwei Arbeitsgruppen.", "Neben den Arbeitsgruppen tagt:"),
                                                 ("ru", "На конференции работают две рабочие группы.", "Параллельно с рабочими группами:")])
def test_working_groups_page_from_the_data_links_to_each_session(basic_site, lang, count, beside):
    page = basic_site.page(f"{lang}/arbeitsgruppen/index.html")
    assert count in text(page)
    working_groups, forums = page.select("ul.working-groups")
    groups = working_groups.select(":scope > li")
    assert [group["id"] for group in groups] == ["jugend", "kultur"]
    assert [group.select_one("a")["href"] for group in groups] == [
        f"/{lang}/tagung/#ag-jugend", f"/{lang}/tagung/#ag-kultur"]
    # A forum meets beside the working groups: listed after them, not counted among them.
    assert text(forums.find_previous_sibling("p")) == beside
    assert [forum["id"] for forum in forums.select(":scope > li")] == ["messe"]


def test_organisations_page_groups_by_role(basic_site):
    page = basic_site.page("ru/organisatoren/index.html")
    headings = [text(h) for h in page.select("main h2")]
    assert headings == ["Организаторы", "Партнёры"]
    # Name and role each open a line, so each starts with a capital; the data has both in lower case.
    assert text(page.select_one("#veranstalter")) == "Городской организатор Проводит"


@pytest.mark.parametrize("lang, theme, organiser", [("de", "Thema „Digitales“", "Veranstalter"),
                                                     ("ru", "Тема «Цифровое»", "Организатор")])
def test_event_facts_name_the_theme_and_leave_out_an_unknown_format(basic_site, lang, theme, organiser):
    facts = text(basic_site.page(f"{lang}/tagung/index.html").select_one("dl.facts"))
    assert theme in facts and f"{organiser} " in facts  # one organiser: the label in the singular
    evening = basic_site.page(f"{lang}/vorabend/index.html").select("dl.facts dt")
    assert [text(dt) for dt in evening] == [{"de": "Wann", "ru": "Когда"}[lang], {"de": "Wo", "ru": "Где"}[lang]]


def test_a_name_keeps_its_lower_case_mid_sentence(basic_site):
    page = basic_site.page("ru/arbeitsgruppen/index.html")
    assert text(page.select_one("#jugend p")) == "Координация: городской организатор"
    facts = basic_site.page("ru/tagung/index.html").select_one("dl.facts")
    assert "Организатор Городской организатор" in text(facts)


@pytest.mark.parametrize("lang, date", [("de", "12. Mai 2021"), ("ru", "12 мая 2021 г.")])
def test_deadlines_named_in_page_metadata_come_from_the_data(basic_site, lang, date):
    deadline = basic_site.page(f"{lang}/teilnahme/index.html").select_one("dl.deadlines time")
    assert (text(deadline), deadline["datetime"]) == (date, "2021-05-12")


def test_text_from_the_data_is_escaped(make_site):
    site = make_site("basic")
    programme = site.root / "programme.yaml"
    hostile = '<script>alert(1)</script> & "quoted"'
    programme.write_text(
        programme.read_text(encoding="utf-8").replace("{de: Eröffnung, ru: Открытие}", f"{{de: '{hostile}', ru: '{hostile}'}}"),
        encoding="utf-8",
    )
    result = site.build()
    assert result.published, messages(result)
    for lang in ("de", "ru"):
        source = (site.output / lang / "tagung" / "index.html").read_text(encoding="utf-8")
        assert "<script>" not in source and "&lt;" in source
        assert site.page(f"{lang}/tagung/index.html").select_one("#eroeffnung h4").get_text() == hostile
    german = (site.output / "de" / "tagung" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quoted&#34;" in german


@pytest.mark.parametrize("lang, date", [("de", "1. Mai 2021"), ("ru", "1 мая 2021 г.")])
def test_the_date_filter_formats_news_dates_in_the_language(basic_site, lang, date):
    shown = basic_site.page(f"{lang}/news/erste/index.html").select_one(".news-date time")
    assert (text(shown), shown["datetime"]) == (date, "2021-05-01")
