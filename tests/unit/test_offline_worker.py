"""What sitebuild puts into a language's offline worker, for a site published below a path."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

from sitebuild.page_facts import read_pages
from sitebuild.site_files import OFFLINE_WORKER, offline_addresses, offline_worker

ROOT_URL = "https://example.org/konferenz"  # published below a path
HEAD = f"""<link rel="stylesheet" href="{ROOT_URL}/theme/css/site.0123456789.css">
<link rel="icon" href="{ROOT_URL}/theme/images/favicon.svg" type="image/svg+xml">"""
REGISTERING = f"""<script type="module" src="{ROOT_URL}/theme/js/offline.js" data-worker="{ROOT_URL}/de/{OFFLINE_WORKER}"></script>"""

FILES = {
    "de/programm/index.html": f"<html><head>{HEAD}{REGISTERING}</head><body><h1>Programm</h1></body></html>",
    "de/tagung/index.html": f"<html><head>{HEAD}{REGISTERING}</head><body><h1>Tagung</h1></body></html>",
    "de/impressum/index.html": f"<html><head>{HEAD}</head><body><h1>Impressum</h1></body></html>",
    "de/calendar/programme.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
    "de/calendar/tagung/eroeffnung.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
    "ru/programm/index.html": f"<html><head>{HEAD}</head><body><h1>Программа</h1></body></html>",
    "ru/calendar/programme.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
    "theme/css/site.0123456789.css": "body{}",
    "theme/images/favicon.svg": "<svg/>",
    "theme/js/offline.js": "// registers",
}


def make_site(root: Path) -> Path:
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def header(worker: str) -> tuple[str, list[str]]:
    cache = re.search(r'^const CACHE = (".*?");$', worker, re.M).group(1)
    precache = re.search(r"^const PRECACHE = (\[.*?\]);$", worker, re.M | re.S).group(1)
    return json.loads(cache), json.loads(precache)


def test_the_worker_keeps_the_registering_pages_their_theme_files_and_the_calendars(tmp_path):
    site = make_site(tmp_path)
    addresses = offline_addresses(site, "de", read_pages(site), ROOT_URL)
    worker_url = f"{ROOT_URL}/de/{OFFLINE_WORKER}"
    kept = {urljoin(worker_url, address) for address in addresses}
    assert kept == {
        f"{ROOT_URL}/de/programm/",
        f"{ROOT_URL}/de/tagung/",
        f"{ROOT_URL}/theme/css/site.0123456789.css",
        f"{ROOT_URL}/theme/images/favicon.svg",
        f"{ROOT_URL}/theme/js/offline.js",
        f"{ROOT_URL}/de/calendar/programme.ics",
        f"{ROOT_URL}/de/calendar/tagung/eroeffnung.ics",
    }
    assert header(offline_worker(site, "de", addresses))[1] == addresses


def test_a_language_whose_pages_do_not_register_it_has_no_worker(tmp_path):
    site = make_site(tmp_path)
    assert offline_addresses(site, "ru", read_pages(site), ROOT_URL) == []


def test_the_cache_is_named_by_the_kept_files_only(tmp_path):
    site = make_site(tmp_path)
    addresses = offline_addresses(site, "de", read_pages(site), ROOT_URL)
    cache, _ = header(offline_worker(site, "de", addresses))
    assert cache.startswith("offline-de-")
    assert header(offline_worker(site, "de", addresses))[0] == cache  # the same files, the same name
    (site / "de/impressum/index.html").write_text("<html><body>geändert</body></html>", encoding="utf-8")
    assert header(offline_worker(site, "de", addresses))[0] == cache  # not kept: the copy stays valid
    (site / "de/calendar/tagung/eroeffnung.ics").write_text("BEGIN:VCALENDAR\r\nX:1\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    assert header(offline_worker(site, "de", addresses))[0] != cache
