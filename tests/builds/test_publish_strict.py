"""make publish refuses every problem of issue 2, point 6, and then leaves output/ as it was."""

from __future__ import annotations

import shutil

from .conftest import SITE_URL, messages


def drop_counterpart(site):
    site.content("ru", "teilnahme.md").unlink()
    return "content/de/teilnahme.md has no ru version: create content/ru/teilnahme.md"


def break_a_link(site):
    site.append("de", "programm.md", "\nSiehe [Anreise](../anreise/).\n")
    lines = site.content("de", "programm.md").read_text(encoding="utf-8").splitlines()
    return f"content/de/programm.md:{len(lines)}: link ../anreise/ leads nowhere"


def break_an_anchor(site):
    site.append("ru", "programm.md", "\nСм. [сессию](../tagung/#nichts).\n")
    lines = site.content("ru", "programm.md").read_text(encoding="utf-8").splitlines()
    return f"content/ru/programm.md:{len(lines)}: link ../tagung/#nichts leads to a missing anchor #nichts"


def leave_a_placeholder(site):
    site.append("de", "impressum.md", "\nAnschrift: [[placeholder: Postanschrift]]\n")
    return "content/de/impressum.md:7: placeholder “Postanschrift” is still open"


def cause_a_pelican_warning(site):
    page = site.content("de", "teilnahme.md")
    page.write_text(page.read_text(encoding="utf-8").replace("Menu: 5", "Menu: fünf"), encoding="utf-8")
    return "content/de/teilnahme.md: Menu: 'fünf' is not a whole number"


DEFECTS = [drop_counterpart, break_a_link, break_an_anchor, leave_a_placeholder, cause_a_pelican_warning]


def test_clean_site_publishes_with_absolute_urls(published_site):
    page = published_site.page("de/teilnahme/index.html")
    hreflang = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert hreflang == {
        "de": f"{SITE_URL}/de/teilnahme/",
        "ru": f"{SITE_URL}/ru/teilnahme/",
        "x-default": f"{SITE_URL}/de/teilnahme/",
    }


def test_publish_without_a_site_url_fails_before_building(make_site, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    site = make_site("basic")
    result = site.publish()
    assert not result.published
    assert "SITE_URL" in messages(result)
    assert not site.output.exists()


def test_development_build_warns_and_publish_refuses(make_site, basic_site, monkeypatch):
    """Every defect in one site: publishing names each of them (none hides another) and refuses;
    make html publishes and warns of each."""
    monkeypatch.setenv("SITE_URL", SITE_URL)
    site = make_site("basic")
    shutil.copytree(basic_site.output, site.output)  # what `make html` built before the defects
    before = site.snapshot()

    expected = [defect(site) for defect in DEFECTS]

    # Each a warning: make html publishes with it, make publish refuses it.
    warnings = [f"warning: {message}" for message in expected]
    published = site.publish()
    assert not published.published
    assert [warning for warning in warnings if warning not in messages(published)] == [], messages(published)
    assert site.snapshot() == before, "a refused publish must leave output/ untouched"

    developed = site.build()
    assert developed.published, "make html only warns"
    assert [warning for warning in warnings if warning not in messages(developed)] == [], messages(developed)
