"""Outdated translations on a fixture repository with several commits: `make translations` lists
them with the date and the source diff, the build reports them as notices, and the outdated page
tells visitors so in its language; corrections of a translation and source changes marked as
needing no translation flag nothing; a copy without history builds and says it cannot judge.

The basic site, then commits with fixed dates:
  05-02 a fix in the Russian Aktuelles page (a translation)
  05-03 the German Teilnahme page (the source) changes
  05-04 the Russian news item changes; both versions say `Original: ru`
  05-05 the German Organisatoren page changes, its message says `Translation: not needed`
  05-06 the German Impressum changes; 05-07 translation-not-needed.txt lists that commit
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from sitebuild.__main__ import main
from sitebuild.report import Severity
from tests.git_repo import git
from tests.nu_html import assert_valid_html

from .conftest import PROJECT, Site, copy_fixture, messages

NOTES = {  # the outdated pages, and what a visitor reads at their top
    "ru/teilnahme/index.html": ("Оригинал этой страницы изменён 3 мая 2021 г., а перевод ещё не обновлён. Актуальная версия: Deutsch",
                                "de", "/de/teilnahme/"),
    "de/news/erste/index.html": ("Das Original dieser Seite wurde am 4. Mai 2021 geändert; die Übersetzung ist noch "
                                 "nicht angepasst. Zum Original: Русский", "ru", "/ru/news/erste/"),
}


def edit(site: Site, lang: str, name: str, old: str, new: str) -> None:
    page = site.content(lang, name)
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new), encoding="utf-8")


def build(site: Site):
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(site.root)
        result = site.build()
    assert result.published, messages(result)
    return result


def translations(site: Site, capsys, *options: str) -> str:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(site.root)
        assert main(["translations", *options]) == 0
    return capsys.readouterr().out


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Site:
    site = copy_fixture("basic", tmp_path_factory.mktemp("translations") / "basic", own_cache=True)
    for lang in ("de", "ru"):
        page = site.content(lang, "news/erste.md")
        page.write_text("Original: ru\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    git(site.root, "init", "-q")
    git(site.root, "add", ".")
    git(site.root, "commit", "-q", "-m", "The site as first published")

    def commit(date: str, message: str, *paths: str) -> str:
        git(site.root, "commit", "-q", "-m", message, *paths, date=date)
        return git(site.root, "rev-parse", "HEAD").strip()

    edit(site, "ru", "aktuelles.md", "Все новости.", "Все новости конференции.")
    commit("2021-05-02T10:00:00+00:00", "Russian wording", "content/ru/aktuelles.md")
    edit(site, "de", "teilnahme.md", "Bitte anmelden.", "Bitte bis zum Anmeldeschluss anmelden.")
    commit("2021-05-03T10:00:00+00:00", "Deadline named", "content/de/teilnahme.md")
    edit(site, "ru", "news/erste.md", "объявлена.", "объявлена и открыта для регистрации.")
    commit("2021-05-04T10:00:00+00:00", "Registration open", "content/ru/news/erste.md")
    edit(site, "de", "organisatoren.md", "Die Beteiligten.", "Die Beteiligten:")
    commit("2021-05-05T10:00:00+00:00", "Punctuation\n\ntranslation: Not needed", "content/de/organisatoren.md")
    edit(site, "de", "impressum.md", "Veranstalter e. V.", "Veranstalter e.\u00a0V.")
    typo = commit("2021-05-06T10:00:00+00:00", "No-break space", "content/de/impressum.md")
    (site.root / "translation-not-needed.txt").write_text(f"# typography only\n{typo[:10]}  # Impressum\n", encoding="utf-8")
    git(site.root, "add", "translation-not-needed.txt")
    commit("2021-05-07T10:00:00+00:00", "Impressum: no translation needed", "translation-not-needed.txt")
    site.result = build(site)
    return site


def test_the_report_lists_each_outdated_translation_with_its_source_change_date(repository, capsys):
    assert translations(repository, capsys).splitlines() == [
        "outdated: content/de/news/erste.md (its source content/ru/news/erste.md changed on 2021-05-04)",
        "outdated: content/ru/teilnahme.md (its source content/de/teilnahme.md changed on 2021-05-03)",
    ]


def test_with_diff_the_report_shows_what_changed_in_the_source(repository, capsys):
    output = translations(repository, capsys, "--diff")
    news, teilnahme = output.split("outdated: ")[1:]
    assert "--- a/content/ru/news/erste.md" in news
    assert "-[Конференция](../../tagung/) объявлена.\n+[Конференция](../../tagung/) объявлена и открыта для регистрации." in news
    assert "--- a/content/de/teilnahme.md" in teilnahme
    assert "-Bitte anmelden.\n+Bitte bis zum Anmeldeschluss anmelden." in teilnahme
    assert "organisatoren" not in output and "impressum" not in output and "aktuelles" not in output


def test_make_passes_diff_on(tmp_path):
    def dry_run(*variables: str) -> str:
        return subprocess.run(["make", "-n", "-s", "-C", str(PROJECT), "translations", *variables],
                              capture_output=True, text=True, check=True).stdout
    assert dry_run("DIFF=1").rstrip().endswith("-m sitebuild translations --diff")
    assert dry_run().rstrip().endswith("-m sitebuild translations")
    assert dry_run("DIFF=0").rstrip().endswith("-m sitebuild translations")


def test_the_build_notes_the_outdated_translations_and_publishes(repository):
    assert [(p.severity, p.message.split(":")[0]) for p in repository.result.problems] == [
        (Severity.NOTICE, "content/de/news/erste.md"), (Severity.NOTICE, "content/ru/teilnahme.md")]


@pytest.mark.parametrize("path", sorted(NOTES))
def test_the_outdated_page_tells_visitors_in_its_language_and_links_the_current_version(repository, path):
    text, other, url = NOTES[path]
    page = repository.page(path)
    [note] = page.select("main [role=note]")
    assert " ".join(note.get_text().split()) == text
    link = note.a
    assert (link["href"], link["lang"], link["hreflang"]) == (url, other, other)
    assert page.html["lang"] != other
    assert note.find_previous("h1") is not None  # after the heading, before the text


def test_no_other_page_carries_the_note(repository):
    noted = sorted(str(p.relative_to(repository.output)) for p in repository.output.rglob("*.html")
                   if "translation-note" in p.read_text(encoding="utf-8"))
    assert noted == sorted(NOTES)


def test_a_copy_without_history_builds_and_the_report_cannot_judge(repository, tmp_path, capsys):
    copy = tmp_path / "copy"
    shutil.copytree(repository.root, copy, symlinks=True, ignore=shutil.ignore_patterns(".git", "output", "cache"))
    site = Site(copy)
    result = build(site)
    assert result.problems == (), messages(result)
    assert not [p for p in site.output.rglob("*.html") if "translation-note" in p.read_text(encoding="utf-8")]
    assert translations(site, capsys).splitlines() == [
        "outdated: cannot judge: this copy has no full git history (a tarball or a shallow clone)"]


def test_nu_html_checker_finds_no_error_on_the_noted_pages(repository):
    assert_valid_html([repository.output / path for path in NOTES], repository.output)
