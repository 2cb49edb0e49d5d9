"""Every built page is valid HTML (the Nu HTML Checker) and needs no JavaScript."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.nu_html import assert_valid_html

from .pages import SEARCH_PAGES, kind_of_file, policy_refusals, visit

# The theme's scripts each kind of page may load besides the search pages: progressive enhancement only.
SCRIPTS = {"programme": ("programme.js", "offline.js"), "event": ("programme.js", "offline.js")}


def test_nu_html_checker_reports_no_error(site):
    assert_valid_html([site.file(path) for path in site.paths], site.root)


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


def test_no_page_breaks_the_content_security_policy(each_site, readings, phone):
    """Served with the headers of _headers, as the host serves them; the browser reports every
    inline style, inline script or foreign resource the policy refuses. Each kind of page as the
    survey read it, and the search pages running a search, for its WebAssembly and its worker."""
    pages = readings(each_site)
    refused = [f"{r.path} at {r.width}px: {message}" for r in pages for message in r.refused]
    policies = {r.policy for r in pages}
    tab = phone.new_page()
    searching = policy_refusals(tab)
    for path in SEARCH_PAGES.values():
        policies.add(visit(tab, each_site, f"{path}?q=Kaluga").headers.get("content-security-policy"))
        tab.wait_for_selector(".search-status:not(:empty)")  # the search has run (worker, WebAssembly, index)
        refused += [f"{path}?q=Kaluga: {message}" for message in searching]
        searching.clear()
    tab.close()
    assert len(policies) == 1 and None not in policies, policies
    assert not refused, "\n".join(refused)
