"""programme.js on the programme and event pages: now and next, the visitor's own zone, starred
sessions with their filter and calendar; and the pages as they were without script.

Times are set with Playwright's clock, zones with the contexts' timezone_id. The real site has one
timed session (the opening, 28 June 2021 18:00–20:00 in Moscow); the second fixture conference
(Vladivostok, UTC+10; home zone Berlin) has several, one past midnight and one without an end.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import icalendar
import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup

from .conftest import DESKTOP, PHONE, TIMEOUT_MS, with_axe
from .axe import axe_violations

VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")
EVENT = "/{lang}/jahreswechsel/"  # the second fixture's four days over New Year
MARKS = "() => Object.fromEntries([...document.querySelectorAll('.now-mark:not([hidden])')].map(m => [m.closest('.session').id, m.textContent]))"
VISIBLE_SESSIONS = "() => [...document.querySelectorAll('.session')].filter(s => s.checkVisibility()).map(s => s.id)"


@pytest.fixture
def new_context(browser):
    """Fresh contexts (own storage) in the zones a test asks for, closed after it."""
    made = []

    def make(zone: str, **options):
        context = browser.new_context(**{"viewport": DESKTOP, **options}, timezone_id=zone)
        context.set_default_timeout(TIMEOUT_MS)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


def at(day: str, time: str, zone: ZoneInfo = VLADIVOSTOK) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=zone)


def open_at(context, site, path: str, moment: dt.datetime):
    tab = context.new_page()
    tab.clock.install(time=moment)
    tab.goto(site.url(path), wait_until="load")
    tab.wait_for_selector(".visitor-tools:not([hidden])")
    return tab


def advance_to(tab, moment: dt.datetime) -> None:
    now = tab.evaluate("Date.now()")
    tab.clock.fast_forward(int(moment.timestamp() * 1000 - now))


def live_text(tab) -> str:
    return tab.locator(".visitor-tools [aria-live=polite]").text_content()


def test_now_and_next_follow_the_clock_during_the_event_only(second_site, new_context):
    tab = open_at(new_context("Asia/Vladivostok"), second_site, EVENT.format(lang="de"), at("2021-12-29", "12:00"))
    assert tab.evaluate(MARKS) == {} and live_text(tab) == "", "marks before the event"

    advance_to(tab, at("2021-12-30", "09:00"))  # the morning coffee is over, the opening is next
    assert tab.evaluate(MARKS) == {"eroeffnung": "als Nächstes"}
    assert live_text(tab).startswith("als Nächstes: Eröffnung")

    advance_to(tab, at("2021-12-30", "10:30"))  # the minute's update, without reloading
    assert tab.evaluate(MARKS) == {
        "eroeffnung": "läuft gerade", "werkstatt-englisch": "als Nächstes", "werkstatt-russisch": "als Nächstes",
    }
    said = live_text(tab)
    assert said.startswith("läuft gerade: Eröffnung") and said.count("Werkstatt") == 2, said

    advance_to(tab, at("2022-01-01", "00:30"))  # New Year's Eve runs past midnight; the farewell has no end
    assert tab.evaluate(MARKS) == {"silvester": "läuft gerade", "abschied": "als Nächstes"}
    advance_to(tab, at("2022-01-02", "19:00"))
    assert tab.evaluate(MARKS) == {}, "a session without an end is never under way"

    advance_to(tab, at("2022-01-03", "00:30"))
    assert tab.evaluate(MARKS) == {} and live_text(tab) == "", "marks after the event"
    tab.goto(second_site.url(EVENT.format(lang="ru")), wait_until="load")
    tab.clock.set_fixed_time(at("2021-12-30", "10:30"))
    tab.reload(wait_until="load")
    assert tab.evaluate(MARKS) == {"eroeffnung": "идёт сейчас", "werkstatt-englisch": "далее", "werkstatt-russisch": "далее"}


def test_the_real_opening_is_under_way_on_its_evening(site, new_context):
    moscow = ZoneInfo("Europe/Moscow")
    tab = open_at(new_context("Europe/Moscow"), site, "/de/programm/", at("2021-06-28", "17:00", moscow))
    assert tab.evaluate(MARKS) == {"eroeffnung": "als Nächstes"}, "sessions without a time are never next"
    advance_to(tab, at("2021-06-28", "19:59", moscow))
    assert tab.evaluate(MARKS) == {"eroeffnung": "läuft gerade"}
    advance_to(tab, at("2021-06-28", "20:01", moscow))
    assert tab.evaluate(MARKS) == {}


def own_times(tab) -> dict[str, str]:
    return tab.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('.own-time')].filter(t => t.checkVisibility())"
        ".map(t => [t.closest('.session').id, t.textContent]))"
    )


def start_of(tab, session_id: str) -> dt.datetime:
    return dt.datetime.fromisoformat(tab.locator(f"#{session_id} .session-time time").get_attribute("datetime"))


ALL_TIMED = {"morgenkaffee", "eroeffnung", "werkstatt-englisch", "werkstatt-russisch", "silvester", "abschied"}
# The home zone and the event's zone add nothing; any other zone a third reading.
ZONE_CASES = [
    ("site", "/de/konferenz/", "Europe/Berlin", set()),
    ("second_site", EVENT.format(lang="ru"), "Europe/Berlin", set()),
    ("site", "/de/konferenz/", "Europe/Moscow", set()),
    ("second_site", EVENT.format(lang="de"), "Europe/Moscow", ALL_TIMED),
    ("second_site", EVENT.format(lang="de"), "Asia/Vladivostok", set()),
    ("site", "/ru/konferenz/", "Asia/Vladivostok", {"eroeffnung"}),
    ("second_site", EVENT.format(lang="ru"), "America/New_York", ALL_TIMED),
]


def test_each_time_also_in_the_visitors_zone_with_its_day(request, new_context):
    contexts, found = {}, []
    for which, path, zone, expected in ZONE_CASES:
        site, lang, where = request.getfixturevalue(which), path.split("/")[1], f"{path} in {zone}"
        if zone not in contexts:
            contexts[zone] = new_context(zone).new_page()
        tab = contexts[zone]
        tab.goto(site.url(path), wait_until="load")
        tab.wait_for_selector(".visitor-tools:not([hidden])")
        readings = own_times(tab)
        if set(readings) != expected or tab.locator(".own-zone").is_visible() != bool(expected):
            found.append(f"{where}: readings for {sorted(readings)}, expected {sorted(expected)}")
        for session_id, text in readings.items():
            start = start_of(tab, session_id)
            here = start.astimezone(ZoneInfo(zone))
            day = format_date(here.date(), "d. MMMM" if lang == "de" else "d MMMM", locale=lang)
            label = {"de": "Ihre Zeit: ", "ru": "Ваше время: "}[lang]
            if not text.startswith(label) or f"{here:%H:%M}" not in text or (day in text) != (here.date() != start.date()):
                found.append(f"{where}, {session_id} from {start}: {text!r}")
    assert not found, "\n".join(found)

    button = tab.locator(".own-zone")  # the last case's: its readings can be switched off, and stay so
    assert button.get_attribute("aria-pressed") == "true"
    button.click()
    assert button.get_attribute("aria-pressed") == "false" and own_times(tab) == {}
    tab.reload(wait_until="load")
    assert tab.locator(".own-zone").get_attribute("aria-pressed") == "false" and own_times(tab) == {}, "remembered"


def site_calendar(site, lang: str, event_id: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical((site.root / lang / "calendar" / f"{event_id}.ics").read_bytes())
    return {str(c["uid"]): c for c in calendar.walk("VEVENT")}


def saved_calendar(tab) -> bytes:
    with tab.expect_download() as download:
        tab.locator(".mine-save").click()
    return Path(download.value.path()).read_bytes()


def check_calendar(site, tab, lang: str, data: bytes, starred: set[str], icaljs) -> None:
    """The download against the site's own calendar of the event, read by icalendar and ical.js."""
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    own = site_calendar(site, lang, "jahreswechsel")
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    uids = {f"jahreswechsel-{s}@fernost-treffen-2022" for s in starred}
    assert {str(e["uid"]) for e in events} == uids and uids <= own.keys()
    for event in events:
        site_event = own[str(event["uid"])]
        assert str(event["summary"]) == str(site_event["summary"])
        for name in ("dtstart", "dtend"):
            assert (name in event) == (name in site_event)
            if name in event:
                assert event.decoded(name) == site_event.decoded(name) and event.decoded(name).utcoffset() == dt.timedelta(0)
        assert isinstance(event.decoded("dtstamp"), dt.datetime)
        assert str(event["url"]) == urljoin(tab.url, str(site_event["url"]))
    read_by_icaljs = {e["uid"]: e for e in icaljs(data)["events"]}
    assert read_by_icaljs.keys() == uids
    for uid, event in read_by_icaljs.items():
        assert event["summary"] == str(own[uid]["summary"])
        assert event["start"]["unix"] == int(own[uid].decoded("dtstart").timestamp())


def test_starred_sessions_filter_and_calendar_in_both_languages(second_site, new_context, by_icaljs):
    context = new_context("Europe/Berlin")
    tab = open_at(context, second_site, EVENT.format(lang="de"), at("2021-12-01", "12:00"))
    stars, save = tab.locator(".session > button.star"), tab.locator(".mine-save")
    titles = tab.locator(".session > :is(h3, h4)").all_text_contents()
    assert stars.count() == len(titles) == 6
    plain = [" ".join(title.replace("\u00ad", "").split()) for title in titles]
    assert [star.get_attribute("aria-label") for star in stars.all()] == [f"Mein Programm: {title}" for title in plain]
    assert save.is_disabled() and save.text_content() == "0 Sitzungen als Kalenderdatei speichern"

    for session_id in ("eroeffnung", "silvester"):
        tab.locator(f"#{session_id} > button.star").click()
    assert save.text_content() == "2 Sitzungen als Kalenderdatei speichern"
    tab.reload(wait_until="load")
    pressed = {s.evaluate("b => b.parentElement.id") for s in stars.all() if s.get_attribute("aria-pressed") == "true"}
    assert pressed == {"eroeffnung", "silvester"}, "remembered after reloading"

    only_mine = tab.locator(".mine-only")
    assert only_mine.text_content() == "Nur meine Sitzungen"
    only_mine.click()
    assert only_mine.get_attribute("aria-pressed") == "true"
    assert tab.evaluate(VISIBLE_SESSIONS) == ["eroeffnung", "silvester"]
    check_calendar(second_site, tab, "de", saved_calendar(tab), {"eroeffnung", "silvester"}, by_icaljs)

    # the other language, the same conference: the same stars, words and plurals of its own
    tab.goto(second_site.url(EVENT.format(lang="ru")), wait_until="load")
    assert tab.evaluate(VISIBLE_SESSIONS) == ["eroeffnung", "silvester"]
    assert tab.locator(".mine-only").text_content() == "Только мои"
    assert tab.locator(".mine-save").text_content() == "Сохранить 2 заседания в файл календаря"
    tab.locator(".mine-only").click()
    for session_id in ("morgenkaffee", "werkstatt-englisch", "abschied"):
        tab.locator(f"#{session_id} > button.star").click()
    assert tab.locator(".mine-save").text_content() == "Сохранить 5 заседаний в файл календаря"
    for session_id in ("morgenkaffee", "werkstatt-englisch", "abschied", "silvester"):
        tab.locator(f"#{session_id} > button.star").click()
    assert tab.locator(".mine-save").text_content() == "Сохранить 1 заседание в файл календаря"
    tab.locator("#abschied > button.star").click()  # a session without an end
    check_calendar(second_site, tab, "ru", saved_calendar(tab), {"eroeffnung", "abschied"}, by_icaljs)

    # another event's page of the conference keeps them, and the programme page shows them all
    tab.goto(second_site.url("/ru/zeitumstellung/"), wait_until="load")
    assert tab.locator(".mine-save").text_content() == "Сохранить 0 заседаний в файл календаря"
    tab.locator(".session > button.star").first.click()
    tab.goto(second_site.url("/ru/programm/"), wait_until="load")
    pressed = tab.locator(".session > button.star[aria-pressed=true]").evaluate_all("stars => stars.map(s => s.parentElement.id)")
    assert len(pressed) == 3 and {"eroeffnung", "abschied"} < set(pressed)
    assert tab.locator(".mine-save").text_content() == "Сохранить 3 заседания в файл календаря"


def test_accessible_with_the_script_in_both_schemes(second_site, new_context, axe_script):
    """With marks, stars, the third reading and the filter on the page."""
    context = with_axe(new_context("America/New_York"), axe_script)
    found = []
    for path in ("/de/programm/", EVENT.format(lang="ru")):
        tab = open_at(context, second_site, path, at("2021-12-30", "10:30"))
        tab.locator("#eroeffnung > button.star").click()
        found += axe_violations(tab, path)
        tab.close()
    assert not found, "\n".join(found)


def test_without_script_the_pages_are_as_they_were(site, second_site, no_script):
    tab = no_script.new_page()
    for served, path in ((site, "/de/programm/"), (second_site, EVENT.format(lang="ru"))):
        tab.goto(served.url(path), wait_until="load")
        assert tab.locator(".star, .now-mark, .own-time").count() == 0
        assert not tab.locator(".visitor-tools").is_visible()
        soup = BeautifulSoup(served.file(path).read_text(encoding="utf-8"), "html.parser")
        scripts = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
        assert scripts and all(s.get("src") and not s.string for s in scripts)
    tab.close()


# The layout shifts so far of what is in <main>, where programme.js works (the browser's Layout
# Instability API, which hands its buffered entries over at once); none within 300 ms: []. The
# header is left out: a slow renderer may paint it before the parser reached its end, and then
# its search link and language switcher move (0.001 to 0.006 on any page, with or without
# programme.js).
LAYOUT_SHIFTS = """() => new Promise((done, fail) => {
  const main = document.querySelector("main");
  if (!main) return fail(new Error("the page has no <main>"));
  new PerformanceObserver((list) => {
    const shifts = list.getEntries().filter((e) => e.sources.some((s) => s.node && main.contains(s.node)));
    if (shifts.length) done(shifts.map((e) => e.value));
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => done([]), 300);
})"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", ["de", "ru"])
def test_the_controls_and_stars_move_nothing_on_the_page(second_site, new_context, viewport, lang):
    """programme.js shows its controls and a star on each session where the stylesheet kept their
    room: for a visitor in the event's zone, nothing the page showed moves."""
    tab = new_context("Asia/Vladivostok", viewport=viewport).new_page()
    for path in (EVENT.format(lang=lang), f"/{lang}/programm/"):  # each page's shifts are its own
        tab.goto(second_site.url(path), wait_until="load")
        tab.wait_for_selector(".visitor-tools:not([hidden]) .mine-save:not(:empty)")
        assert tab.locator(".star").count() > 0
        assert tab.evaluate(LAYOUT_SHIFTS) == [], f"{path} at {viewport['width']}px"
