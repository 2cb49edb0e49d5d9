"""The programme's changes, read from git at build time: the change page and its feed in both
languages, the note on a changed session, the calendar's SEQUENCE, identical rebuilds, and copies
without a history (a tarball, a shallow clone) that build and say so.

A fixture repository: the basic site with rooms in its hall, then four commits with fixed dates:
a session added, moved in time, moved to another room, cancelled.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import feedparser
import pytest

from tests.git_repo import git
from tests.nu_html import assert_valid_html
from tests.unit.test_export_ical import by_icalendar, by_vobject

from .conftest import Site, as_read, built_cleanly, copy_fixture

HALL = """  - id: saal
    name: {de: Großer Saal, ru: Большой зал}
    city: {de: Kaluga, ru: Калуга}
"""
HALL_WITH_ROOMS = HALL + """    rooms:
      - {id: rot, name: {de: Roter Salon, ru: Красная гостиная}}
      - {id: blau, name: {de: Blauer Salon, ru: Синяя гостиная}}
"""
OPENING = "      - id: eroeffnung\n"
RECEPTION = """      - id: empfang
        date: 2021-06-28
        start: "{start}"
        end: "17:30"
        venue: saal
        room: {room}
        title: {{de: Empfang, ru: Приём}}
"""
STEPS = [  # (commit date, the reception as it then stands)
    ("2021-05-03T10:00:00+00:00", RECEPTION.format(start="16:00", room="rot")),
    ("2021-05-05T10:00:00+00:00", RECEPTION.format(start="16:30", room="rot")),
    ("2021-05-08T10:00:00+00:00", RECEPTION.format(start="16:30", room="blau")),
    ("2021-05-10T10:00:00+00:00", RECEPTION.format(start="16:30", room="blau") + "        status: cancelled\n"),
]

# What a visitor reads, newest first: (day heading, sentence) in each language.
EXPECTED = {
    "de": [
        ("10. Mai 2021", "Die Veranstaltung „Empfang“ am 28. Juni 2021 um 16:30 Uhr fällt aus."),
        ("8. Mai 2021", "Neuer Ort für „Empfang“ am 28. Juni 2021 um 16:30 Uhr: Blauer Salon, Großer Saal "
                        "(bisher Roter Salon, Großer Saal)."),
        ("5. Mai 2021", "Die Veranstaltung „Empfang“ beginnt am 28. Juni 2021 um 16:30 statt 16:00 Uhr."),
        ("3. Mai 2021", "Neu im Programm: „Empfang“ am 28. Juni 2021 um 16:00 Uhr."),
    ],
    "ru": [
        ("10 мая 2021 г.", "Мероприятие «Приём» (28 июня 2021 г. в 16:30) отменено."),
        ("8 мая 2021 г.", "Мероприятие «Приём» (28 июня 2021 г. в 16:30) пройдёт в другом месте: Синяя гостиная, "
                          "Большой зал (ранее — Красная гостиная, Большой зал)."),
        ("5 мая 2021 г.", "Мероприятие «Приём» начинается 28 июня 2021 г. в 16:30 вместо 16:00."),
        ("3 мая 2021 г.", "В программу добавлено мероприятие «Приём» (28 июня 2021 г. в 16:00)."),
    ],
}
UNAVAILABLE = {
    "de": "Aus dieser Kopie der Website lässt sich die Änderungsgeschichte des Programms nicht lesen.",
    "ru": "В этой копии сайта история изменений программы недоступна.",
}
TITLE = {"de": "Programmänderungen", "ru": "Изменения в программе"}
CHANGED = {"de": "Geändert am 10. Mai 2021", "ru": "Изменено 10 мая 2021 г."}


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Site:
    site = copy_fixture("basic", tmp_path_factory.mktemp("history") / "basic", own_cache=True)
    programme = site.root / "programme.yaml"
    base = programme.read_text(encoding="utf-8").replace(HALL, HALL_WITH_ROOMS)
    assert HALL_WITH_ROOMS in base and OPENING in base
    programme.write_text(base, encoding="utf-8")
    git(site.root, "init", "-q")
    git(site.root, "add", ".")
    git(site.root, "commit", "-q", "-m", "The programme as first published")
    for date, reception in STEPS:
        programme.write_text(base.replace(OPENING, reception + OPENING), encoding="utf-8")
        git(site.root, "commit", "-q", "-m", "Reception", "programme.yaml", date=date)
    return built_cleanly(site)


def changes_page(site: Site, lang: str):
    return site.page(f"{lang}/changes/index.html")


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_the_change_page_lists_the_changes_newest_first_with_their_days(repository, lang):
    page = changes_page(repository, lang)
    assert page.h1.get_text() == TITLE[lang]
    found = [(item.find_previous("h2").get_text(" ", strip=True), " ".join(item.get_text().split()))
             for item in page.select("main li[id]")]
    assert found == EXPECTED[lang]
    # each day's heading is a date a machine reads too
    assert [h2.time["datetime"] for h2 in page.select("main h2")] == ["2021-05-10", "2021-05-08", "2021-05-05", "2021-05-03"]


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_each_change_links_the_session_on_its_event_page(repository, lang):
    for item in changes_page(repository, lang).select("main li[id]"):
        href = item.a["href"]
        path, anchor = href.split("#")
        assert anchor == "empfang"
        target = repository.page(path.removeprefix("/") + "index.html")
        assert target.find(id="empfang").find(["h2", "h3", "h4"]).get_text(strip=True) == ("Empfang" if lang == "de" else "Приём")


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_the_changed_session_carries_a_note_linked_to_its_newest_entry(repository, lang):
    event_page = next(path for path in repository.output.glob(f"{lang}/*/index.html") if 'id="empfang"' in path.read_text())
    card = repository.page(str(event_page.relative_to(repository.output))).find(id="empfang")
    note = card.select_one(".session-changed a")
    assert " ".join(note.get_text().split()).startswith(CHANGED[lang])
    path, anchor = note["href"].split("#")
    assert path == f"/{lang}/changes/"
    entry = changes_page(repository, lang).find(id=anchor)
    assert " ".join(entry.get_text().split()) == EXPECTED[lang][0][1]
    opening = repository.page(str(event_page.relative_to(repository.output))).find(id="eroeffnung")
    assert opening.select_one(".session-changed") is None  # unchanged


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_the_feed_has_the_changes_with_their_commit_dates_and_the_page_links_it(repository, lang):
    feeds = changes_page(repository, lang).select('head link[rel=alternate][type="application/atom+xml"]')
    assert f"/{lang}/changes/atom.xml" in [link["href"] for link in feeds]  # beside the news feed
    feed = feedparser.parse((repository.output / lang / "changes" / "atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == lang
    entries = feed.entries
    assert [" ".join(as_read(entry.title).split()) for entry in entries] == [sentence for _, sentence in EXPECTED[lang]]
    assert [dt.datetime(*entry.published_parsed[:6]).date().isoformat() for entry in entries] == [
        "2021-05-10", "2021-05-08", "2021-05-05", "2021-05-03"]
    assert len({entry.id for entry in entries}) == 4 and all(entry.id.startswith("tag:") for entry in entries)
    page = changes_page(repository, lang)
    assert all(page.find(id=entry.link.split("#")[1]) for entry in entries)


def test_the_session_calendar_counts_its_changes_in_sequence(repository):
    for lang in ("de", "ru"):
        event_page = next(p for p in repository.output.glob(f"{lang}/*/index.html") if 'id="empfang"' in p.read_text())
        card = repository.page(str(event_page.relative_to(repository.output))).find(id="empfang")
        data = (repository.output / card.select_one(".session-calendar a")["href"].removeprefix("/")).read_bytes()
        [(uid, event)] = by_icalendar(data).items()
        assert uid.startswith("tagung-empfang@")
        assert int(event["SEQUENCE"]) == 3  # moved in time, to another room, cancelled: what the entry shows
        assert int(by_vobject(data)[uid].sequence.value) == 3
        assert str(event["STATUS"]) == by_vobject(data)[uid].status.value == "CANCELLED"
        scripts = (script for page in repository.output.glob(f"{lang}/*/index.html")
                   for script in repository.page(str(page.relative_to(repository.output))).select('script[type="application/ld+json"]'))
        structured = [json.loads(script.string) for script in scripts]
        [reception] = [sub for data in structured for sub in data.get("subEvent", []) if sub["url"].endswith("#empfang")]
        assert reception["eventStatus"] == "https://schema.org/EventCancelled"
    # the whole programme's calendar: the same entry, and no count for what did not change
    whole = by_icalendar((repository.output / "de" / "calendar" / "programme.ics").read_bytes())
    assert {uid.split("@")[0]: int(e["SEQUENCE"]) for uid, e in whole.items() if uid.startswith("tagung-")} == {
        "tagung-empfang": 3, "tagung-eroeffnung": 0, "tagung-ag-jugend": 0, "tagung-ag-kultur": 0}


def test_a_clone_builds_byte_identical(repository, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", f"file://{repository.root}", str(clone))
    built_cleanly(Site(clone))
    first, second = repository.snapshot(), Site(clone).snapshot()
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []


def test_a_commit_listed_as_a_correction_changes_nothing_for_visitors(repository, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", f"file://{repository.root}", str(clone))
    log = git(clone, "log", "--format=%H %aI", "--", "programme.yaml")
    moved = next(commit for commit, date in (line.split() for line in log.splitlines()) if date.startswith("2021-05-05"))
    (clone / "programme-corrections.txt").write_text(f"# a typo in the time\n{moved[:10]}  # Reception\n", encoding="utf-8")
    site = built_cleanly(Site(clone))
    for lang in ("de", "ru"):
        found = [" ".join(item.get_text().split()) for item in changes_page(site, lang).select("main li[id]")]
        assert found == [sentence for day, sentence in EXPECTED[lang] if day not in ("5. Mai 2021", "5 мая 2021 г.")]
    [(_, event)] = [(uid, e) for uid, e in by_icalendar((site.output / "de" / "calendar" / "programme.ics").read_bytes()).items()
                    if uid.startswith("tagung-empfang@")]
    assert int(event["SEQUENCE"]) == 2  # the room and the cancellation


@pytest.mark.parametrize("copy", ["tarball", "shallow clone"])
def test_a_copy_without_history_builds_and_says_so(repository, tmp_path, copy):
    target = tmp_path / "copy"
    if copy == "tarball":
        shutil.copytree(repository.root, target, symlinks=True, ignore=shutil.ignore_patterns(".git", "output", "cache"))
    else:
        git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repository.root}", str(target))
    site = built_cleanly(Site(target))
    for lang in ("de", "ru"):
        page = changes_page(site, lang)
        assert " ".join(page.main.get_text().split()) == f"{TITLE[lang]} {UNAVAILABLE[lang]}"
        assert page.select(".session-changed") == []
        feed = feedparser.parse((site.output / lang / "changes" / "atom.xml").read_bytes())
        assert not feed.bozo and feed.entries == []
    assert not re.search(r"SEQUENCE:[1-9]", b"".join(p.read_bytes() for p in site.output.rglob("*.ics")).decode())


def test_nu_html_checker_finds_no_error_on_the_change_pages(repository):
    event_pages = [p for p in repository.output.glob("*/*/index.html") if 'class="session-changed"' in p.read_text()]
    files = [repository.output / lang / "changes" / "index.html" for lang in ("de", "ru")] + event_pages
    assert len(files) >= 4, files
    assert_valid_html(files, repository.output)
