"""make check, make translations and make new-page, run as an editor runs them."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import PROJECT


def run(site, *arguments):
    return subprocess.run(
        [sys.executable, "-m", "sitebuild", *arguments], cwd=site.root, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )


def test_check_passes_on_a_clean_site_and_writes_no_output(make_site):
    site = make_site("basic")
    result = run(site, "check")
    assert result.returncode == 0, result.stderr
    assert "No problems found." in result.stdout
    assert not site.output.exists()


def line_of(path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


def test_check_names_each_problem_with_file_and_line_and_fails(make_site):
    site = make_site("basic")
    site.append("de", "teilnahme.md", "\nSiehe [Anreise](../anreise/).\n")
    site.content("ru", "programm.md").unlink()
    result = run(site, "check")
    assert result.returncode == 1
    line = line_of(site.content("de", "teilnahme.md"), "../anreise/")
    assert f"content/de/teilnahme.md:{line}: link ../anreise/ leads nowhere" in result.stderr  # where the editor wrote it
    assert "content/de/programm.md has no ru version: create content/ru/programm.md" in result.stderr
    assert not site.output.exists()


def test_translations_lists_missing_pages_and_catalogue_gaps(make_site):
    site = make_site("basic")
    site.content("ru", "teilnahme.md").unlink()
    result = run(site, "translations")
    assert result.returncode == 0
    assert "missing: content/ru/teilnahme.md (translate content/de/teilnahme.md)" in result.stdout.splitlines()


def test_a_new_page_builds_in_both_languages(make_site):
    site = make_site("basic")
    created = run(site, "new-page", "--slug", "anreise")
    assert created.returncode == 0, created.stderr
    assert created.stdout.splitlines() == ["created content/de/anreise.md", "created content/ru/anreise.md"]
    result = site.build()
    assert result.published and result.problems == ()
    assert site.page("ru/anreise/index.html").h1.get_text() == "Новая страница"
