"""Cancelled, postponed and rescheduled events and sessions, as visitors and their apps read them:
in words on every page that shows them (not only by colour), in the place and at the anchor they
had, and in the calendars, schedules and JSON-LD that the same build writes."""

from __future__ import annotations

import json

import icalendar
import pytest

from .conftest import built_cleanly, copy_fixture


def text(node) -> str:
    return " ".join(node.get_text(" ", strip=True).split())


@pytest.fixture(scope="module")
def status_site(tmp_path_factory):
    """The basic fixture with its opening cancelled, one working group moved from the day before,
    and the eve meeting postponed to a date not yet known."""
    site = copy_fixture("basic", tmp_path_factory.mktemp("status") / "basic")
    programme = site.root / "programme.yaml"
    yaml = programme.read_text(encoding="utf-8")
    for old, new in [
        ("        venue: saal\n        title: {de: Eröffnung",
         "        venue: saal\n        status: cancelled\n        title: {de: Eröffnung"),
        ("{id: ag-kultur, date: 2021-06-29, working_group: kultur}",
         "{id: ag-kultur, date: 2021-06-29, working_group: kultur, status: rescheduled, previous_start: 2021-06-28}"),
        ("    timezone: Europe/Moscow  # no format", "    status: postponed\n    timezone: Europe/Moscow  # no format"),
    ]:
        assert yaml.count(old) == 1, old
        yaml = yaml.replace(old, new)
    programme.write_text(yaml, encoding="utf-8")
    return built_cleanly(site)


WORDS = {
    "de": {"cancelled": "Abgesagt", "postponed": "Verschoben, neuer Termin folgt",
           "moved": "Verschoben, ursprünglich geplant: 28. Juni 2021", "title": "Abgesagt: Eröffnung"},
    "ru": {"cancelled": "Отменено", "postponed": "Перенесено, новая дата будет объявлена",
           "moved": "Перенесено, первоначально планировалось на 28 июня 2021 г.", "title": "Отменено: Открытие"},
}


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_a_cancelled_session_stays_at_its_anchor_marked_in_words(status_site, lang):
    page = status_site.page(f"{lang}/tagung/index.html")
    assert [a["id"] for a in page.select("article.session")] == ["eroeffnung", "ag-jugend", "ag-kultur"]
    opening = page.select_one("#eroeffnung")
    assert text(opening.select_one(".session-status")) == WORDS[lang]["cancelled"]
    assert text(opening.select_one("h4, h3")) == {"de": "Eröffnung", "ru": "Открытие"}[lang]  # the title unchanged
    assert opening.select_one(".session-time time")["datetime"] == "2021-06-28T18:00:00+03:00"  # and its time
    # "add to calendar" stays: the file says CANCELLED, so an app removes the entry it holds
    assert opening.select_one(".session-calendar a")
    assert page.select_one("#ag-jugend .session-status") is None


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_a_rescheduled_session_says_when_it_was_planned(status_site, lang):
    mark = status_site.page(f"{lang}/tagung/index.html").select_one("#ag-kultur .session-status")
    assert text(mark) == WORDS[lang]["moved"]
    assert mark.select_one("time")["datetime"] == "2021-06-28"


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_a_postponed_event_says_so_wherever_its_facts_stand(status_site, lang):
    for path in (f"{lang}/vorabend/index.html", f"{lang}/programm/index.html", f"{lang}/index.html"):
        facts = [dl for dl in status_site.page(path).select("dl.facts") if dl.select_one(".status")]
        assert [text(dl.select_one(".status")) for dl in facts] == [WORDS[lang]["postponed"]], path
    column = status_site.page("index.html").select_one(f'[lang="{lang}"] .entry-facts')
    assert [text(mark) for mark in column.select(".status")] == [WORDS[lang]["postponed"]]
    assert status_site.page(f"{lang}/tagung/index.html").select_one("dl.facts .status") is None


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_calendars_schedules_and_json_ld_of_the_same_build(status_site, lang):
    session = icalendar.Calendar.from_ical((status_site.output / lang / "calendar/tagung/eroeffnung.ics").read_bytes())
    [vevent] = session.walk("VEVENT")
    assert (str(vevent["STATUS"]), str(vevent["SUMMARY"])) == ("CANCELLED", WORDS[lang]["title"])
    events = {str(e["UID"]).split("@")[0]: e for e in icalendar.Calendar.from_ical(
        (status_site.output / lang / "calendar/programme.ics").read_bytes()).walk("VEVENT")}
    assert str(events["vorabend"]["STATUS"]) == "TENTATIVE"
    assert str(events["tagung-ag-kultur"]["STATUS"]) == "CONFIRMED"
    assert "STATUS" not in events["tagung-ag-jugend"]
    schedule = json.loads((status_site.output / lang / "tagung/schedule.json").read_text(encoding="utf-8"))
    titles = [e["title"] for day in schedule["schedule"]["conference"]["days"] for room in day["rooms"].values() for e in room]
    assert titles == [WORDS[lang]["title"]]
    script = status_site.page(f"{lang}/tagung/index.html").select_one('script[type="application/ld+json"]')
    [opening] = json.loads(script.string)["subEvent"]
    assert opening["eventStatus"] == "https://schema.org/EventCancelled"


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_the_real_deutschlandfest_is_rescheduled_from_august_2020(real_site, lang):
    page = real_site.page(f"{lang}/deutschlandfest/index.html")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert (data["eventStatus"], data["previousStartDate"]) == ("https://schema.org/EventRescheduled", "2020-08")
    mark = page.select_one("dl.facts .status")
    assert text(mark) == {"de": "Verschoben, ursprünglich geplant: August 2020",
                          "ru": "Перенесено, первоначально планировалось на август 2020 г."}[lang]
    assert mark.select_one("time")["datetime"] == "2020-08"
