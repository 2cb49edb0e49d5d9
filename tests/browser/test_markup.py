"""Every built page is valid HTML (the Nu HTML Checker) and needs no JavaScript."""

from __future__ import annotations

import json
import os
import subprocess

from bs4 import BeautifulSoup

from tests.js_packages import js_package, require_command

from .pages import SEARCH_PAGES


def test_nu_html_checker_reports_no_error(site):
    java = require_command("java", "the Nu HTML Checker runs on Java 11 or later (Debian: default-jre-headless)")
    jar = js_package("vnu-jar") / "build" / "dist" / "vnu.jar"
    files = [str(site.file(path)) for path in site.paths]
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise AssertionError(f"vnu.jar did not report in JSON (exit {result.returncode}):\n{result.stderr}") from None
    errors = [
        f"{os.path.relpath(m.get('url', '').removeprefix('file:'), site.root)}:{m.get('lastLine', '?')}: "
        f"{m.get('message')} [{m.get('extract', '').strip()}]"
        for m in messages
        if m.get("type") != "info"
    ]
    assert not errors, "\n".join(errors)
    assert result.returncode == 0, result.stderr


def test_pages_contain_no_javascript_but_the_search(site):
    """Only the search pages load a script, their own file; JSON-LD is data, not a script."""
    found, search_scripts = [], []
    for path in site.paths:
        soup = BeautifulSoup(site.file(path).read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                continue
            if path in SEARCH_PAGES.values() and script.get("src", "").endswith("/theme/js/search.js") and not script.string:
                search_scripts.append(path)
            else:
                found.append(f"{path}: {str(script)[:100]}")
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                if name.startswith("on") or (isinstance(value, str) and value.strip().lower().startswith("javascript:")):
                    found.append(f"{path}: <{element.name} {name}=…>")
    assert not found, "JavaScript in the pages:\n" + "\n".join(found)
    assert sorted(search_scripts) == sorted(SEARCH_PAGES.values())


def test_no_page_breaks_the_content_security_policy(each_site, csp_phone):
    """Served with the headers of _headers, as the host serves them; the browser reports every
    inline style, inline script or foreign resource the policy refuses. The search page runs a
    search too, for its WebAssembly and its worker."""
    site, tab = each_site, csp_phone.new_page()
    refused, policies, current = [], set(), {}
    tab.on("console", lambda m: "Content Security Policy" in m.text and refused.append(f"{current['path']}: {m.text}"))
    for path in [*site.paths, *(f"{path}?q=Kaluga" for path in SEARCH_PAGES.values())]:
        current["path"] = path
        response = tab.goto(site.url(path), wait_until="load")
        policies.add(response.headers.get("content-security-policy"))
        if "?q=" in path:  # the search has run (worker, WebAssembly, index) once the status shows
            tab.wait_for_selector(".search-status:not(:empty)")
    tab.close()
    assert len(policies) == 1 and None not in policies, policies
    assert not refused, "\n".join(refused)
