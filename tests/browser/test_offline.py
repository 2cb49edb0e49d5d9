"""Offline reading: the language's service worker keeps the programme, the event pages and the
calendars after one visit, and a new version of the site replaces its copy. Discovery: event pages
name their schedules and calendar for conference and calendar apps."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from .conftest import PROJECT, TIMEOUT_MS, Site, served
from .pages import kind_of_file

# Resolves once the worker of the page's scope is active, that is, once it has filled its cache.
WORKER_READY = """async () => {
  const late = new Promise((_, fail) => setTimeout(() => fail(new Error("no service worker became active")), 10000));
  const registration = await Promise.race([navigator.serviceWorker.ready, late]);
  return {worker: registration.active.scriptURL, caches: await caches.keys()};
}"""

# The cache names once the new worker has dropped the old cache (or after ten seconds).
REPLACED = """async (old) => {
  // as the browser does on a navigation, but without waiting for its own timing under load
  await (await navigator.serviceWorker.getRegistration())?.update();
  for (let tries = 0; tries < 300; tries++) {
    const names = await caches.keys();
    if (names.length === 1 && names[0] !== old) return names;
    await new Promise((done) => setTimeout(done, 100));
  }
  return caches.keys();
}"""

CACHED = """async ([name, url]) => Boolean(await (await caches.open(name)).match(url))"""

FETCHED = """async (url) => {
  const response = await fetch(url);
  return {status: response.status, type: response.headers.get("content-type"), text: await response.text()};
}"""


@pytest.fixture
def fresh(browser):
    """A context of its own: no worker, no cache, and going offline touches no other test."""
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


def event_pages(site: Site, lang: str) -> list[str]:
    return [path for path in site.language_paths if path.startswith(f"/{lang}/") and kind_of_file(site, path) == "event"]


def programme_page(site: Site, lang: str) -> str:
    return next(p for p in site.language_paths if p.startswith(f"/{lang}/") and kind_of_file(site, p) == "programme")


def test_programme_event_page_and_calendar_open_offline(site, fresh):
    tab = fresh.new_page()
    programme = programme_page(site, "ru")
    assert tab.goto(site.url(programme)).status == 200
    online_heading = tab.locator("h1").inner_text()
    event = tab.locator("section.event h2 a").first.get_attribute("href")
    calendar = tab.locator('a[type="text/calendar"]').first.get_attribute("href")
    ready = tab.evaluate(WORKER_READY)
    assert ready["worker"] == site.url("/ru/offline-worker.js")
    [name] = ready["caches"]
    for url in (programme, event, calendar):
        assert tab.evaluate(CACHED, [name, site.url(url)]), f"{url} is not in the cache {name}"

    fresh.set_offline(True)
    response = tab.goto(site.url(programme))
    assert response.status == 200 and response.from_service_worker
    assert tab.locator("h1").inner_text() == online_heading
    assert tab.evaluate("() => document.styleSheets[0].cssRules.length") > 0, "the stylesheet is not kept"
    response = tab.goto(site.url(event))
    assert response.status == 200 and response.from_service_worker
    assert tab.locator("section.programme").count() == 1
    fetched = tab.evaluate(FETCHED, site.url(calendar))
    assert fetched["status"] == 200 and fetched["type"].startswith("text/calendar")
    assert icalendar.Calendar.from_ical(fetched["text"]).walk("VEVENT")
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):  # kept pages only, not the whole site
        tab.goto(site.url(next(p for p in site.language_paths if p.startswith("/ru/") and p.endswith("/404.html"))))


def _build(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sitebuild", "html", "--output", str(project / "output")],
        cwd=project, env={**os.environ, "PYTHONPATH": str(PROJECT)}, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_new_version_replaces_the_cache(second_site, fresh, tmp_path):
    """The second conference's built copy, served; its programme changed and rebuilt into the same folder."""
    project = tmp_path / "fernost"
    shutil.copytree(second_site.root.parent, project, symlinks=True)  # the fixture's folder, its output in it
    with served(project / "output") as copy:
        programme = copy.url(programme_page(second_site, "de"))
        tab = fresh.new_page()
        assert tab.goto(programme).status == 200
        [old] = tab.evaluate(WORKER_READY)["caches"]
        old_name = tab.locator(".site-name").inner_text()

        source = project / "programme.yaml"
        document = source.read_text(encoding="utf-8")
        site_title = next(line for line in document.splitlines() if line.strip().startswith("de:"))  # site.title.de
        source.write_text(document.replace(site_title, site_title[:-1] + " (neu)'", 1), encoding="utf-8")
        _build(project)

        assert tab.goto(programme).status == 200
        new_name = tab.locator(".site-name").inner_text()
        assert new_name != old_name and "(neu)" in new_name
        names = tab.evaluate(REPLACED, old)
        assert len(names) == 1 and names[0] != old and names[0].startswith("offline-de-"), names
        fresh.set_offline(True)
        response = tab.goto(programme)
        assert response.from_service_worker and tab.locator(".site-name").inner_text() == new_name


DISCOVERY = {  # declared type -> how its file reads
    "application/xml": lambda body: etree.fromstring(body).tag == "schedule",
    "application/json": lambda body: "schedule" in json.loads(body),
    "text/calendar": lambda body: bool(icalendar.Calendar.from_ical(body).walk("VEVENT")),
}


def test_event_pages_name_their_schedules_and_calendar(each_site):
    site, kinds = each_site, set()
    for lang in ("de", "ru"):
        pages = event_pages(site, lang)
        assert pages, f"no event page in {lang}"
        for path in pages:
            head = BeautifulSoup(site.file(path).read_text(encoding="utf-8"), "html.parser").head
            links = [link for link in head.select('link[rel="alternate"][type]') if link["type"] in DISCOVERY]
            assert "text/calendar" in [link["type"] for link in links], path
            for link in links:
                assert link.get("title", "").strip(), f"{path}: {link}"
                with urllib.request.urlopen(site.url(link["href"])) as response:  # noqa: S310 - the local server
                    assert response.status == 200
                    assert response.headers["Content-Type"].split(";")[0] == link["type"], f"{path}: {link['href']}"
                    assert DISCOVERY[link["type"]](response.read()), f"{path}: {link['href']}"
                kinds.add((lang, link["type"]))
    assert kinds == {(lang, kind) for lang in ("de", "ru") for kind in DISCOVERY}
