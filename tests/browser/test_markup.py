"""Every built page is valid HTML (the Nu HTML Checker) and needs no JavaScript."""

from __future__ import annotations

import json
import os
import subprocess

from bs4 import BeautifulSoup

from tests.js_packages import js_package, require_command

from .pages import SEARCH_PAGES, kind_of_file, visit

# The theme's scripts each kind of page may load besides the search pages: progressive enhancement only.
SCRIPTS = {"programme": ("programme.js", "offline.js"), "event": ("programme.js", "offline.js")}


def test_nu_html_checker_reports_no_error(site):
    java = require_command("java", "the Nu HTML Checker runs on Java 11 or later (Debian: default-jre-headless)")
    jar = js_package("vnu-jar") / "build" / "dist" / "vnu.jar"
    files = [str(site.file(path)) for path in site.paths]
    result = subprocess.run(
        # The checker runs a few seconds: the quick compiler alone (C1) spends half the CPU time
        # of the full one on it; its deeper stack frames need a larger stack.
        [java, "-XX:TieredStopAtLevel=1", "-Xss8m", "-jar", str(jar), "--errors-only", "--format", "json", *files],
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


def test_scripts_only_as_our_own_files_on_the_pages_they_enhance(site):
    """The search pages load search.js; the programme page and the event pages with sessions
    programme.js (and offline.js); no other page loads a script, and none is inline. JSON-LD is
    data, not a script."""
    found, loaded = [], {}
    for path in site.paths:
        soup = BeautifulSoup(site.file(path).read_text(encoding="utf-8"), "html.parser")
        allowed = ("search.js",) if path in SEARCH_PAGES.values() else SCRIPTS.get(kind_of_file(site, path), ())
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                continue
            file = script.get("src", "").rpartition("/theme/js/")[2]
            if file in allowed and not script.string:
                loaded.setdefault(file, []).append(path)
            else:
                found.append(f"{path}: {str(script)[:100]}")
        if soup.select_one(".visitor-tools") and path not in loaded.get("programme.js", []):
            found.append(f"{path}: has the controls of programme.js without loading it")
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                if name.startswith("on") or (isinstance(value, str) and value.strip().lower().startswith("javascript:")):
                    found.append(f"{path}: <{element.name} {name}=…>")
    assert not found, "JavaScript in the pages:\n" + "\n".join(found)
    assert sorted(loaded["search.js"]) == sorted(SEARCH_PAGES.values())
    assert {kind_of_file(site, path) for path in loaded["programme.js"]} == {"programme", "event"}


def test_no_page_breaks_the_content_security_policy(each_site, readings, csp_phone):
    """Served with the headers of _headers, as the host serves them; the browser reports every
    inline style, inline script or foreign resource the policy refuses. Every page as the survey
    read it, and the search pages running a search, for its WebAssembly and its worker."""
    pages = readings(each_site)
    refused = [f"{r.path} at {r.width}px: {message}" for r in pages for message in r.refused]
    policies = {r.policy for r in pages}
    tab = csp_phone.new_page()
    tab.on("console", lambda m: "Content Security Policy" in m.text and refused.append(f"{tab.url}: {m.text}"))
    for path in SEARCH_PAGES.values():
        policies.add(visit(tab, each_site, f"{path}?q=Kaluga").headers.get("content-security-policy"))
        tab.wait_for_selector(".search-status:not(:empty)")  # the search has run (worker, WebAssembly, index)
    tab.close()
    assert len(policies) == 1 and None not in policies, policies
    assert not refused, "\n".join(refused)
