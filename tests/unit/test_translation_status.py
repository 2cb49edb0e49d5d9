"""Which translations are behind their source, judged by git ancestry: only a translation, never
its source; not for a change marked as needing no translation; unknown without a full history."""

import datetime as dt

import pytest

from sitebuild.translation_status import (
    NOT_NEEDED_FILE, missing_counterparts, source_diff, translation_status, unknown_originals)
from tests.git_repo import git

LANGS = ("de", "ru")


def write(path, text="Title: x\n\ny\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def commit(root, when, message="edit"):
    git(root, "add", "-A")
    git(root, "commit", "-qm", message, date=when)
    return git(root, "rev-parse", "HEAD").strip()


@pytest.fixture
def site(tmp_path):
    """A site with two translated pages, committed, its content in content/."""
    git(tmp_path, "init", "-q")
    for name in ("a.md", "b.md"):
        write(tmp_path / "content" / "de" / name, "Title: Seite\n\nText\n")
        write(tmp_path / "content" / "ru" / name, "Title: Страница\n\nТекст\n")
    commit(tmp_path, "2021-05-01T10:00:00+00:00")
    return tmp_path


def outdated(root):
    status = translation_status(root / "content", LANGS)
    assert status.available
    return [(item.page.relative_to(root / "content").as_posix(), item.changed and item.changed.date().isoformat())
            for item in status.outdated]


def test_missing_counterparts_in_both_directions(tmp_path):
    write(tmp_path / "de" / "a.md")
    write(tmp_path / "de" / "news" / "b.md")
    write(tmp_path / "ru" / "c.md")
    missing = [(str(m.page.relative_to(tmp_path)), str(m.source.relative_to(tmp_path)))
               for m in missing_counterparts(tmp_path, LANGS)]
    assert missing == [("de/c.md", "ru/c.md"), ("ru/a.md", "de/a.md"), ("ru/news/b.md", "de/news/b.md")]


def test_a_source_change_after_the_translation_outdates_it_with_the_change_date(site):
    write(site / "content" / "de" / "a.md", "Title: Seite\n\nNeuer Text\n")
    commit(site, "2021-05-03T10:00:00+00:00")
    write(site / "content" / "de" / "a.md", "Title: Seite\n\nNeuester Text\n")
    commit(site, "2021-05-04T10:00:00+00:00")
    assert outdated(site) == [("ru/a.md", "2021-05-04")]  # the newest change


def test_a_fix_in_the_translation_outdates_nothing(site):
    write(site / "content" / "ru" / "a.md", "Title: Страница\n\nТекст, исправленный\n")
    commit(site, "2021-05-03T10:00:00+00:00")
    assert outdated(site) == []


def test_a_translation_brought_in_line_after_the_change_is_current_again(site):
    write(site / "content" / "de" / "a.md", "Title: Seite\n\nNeuer Text\n")
    commit(site, "2021-05-03T10:00:00+00:00")
    write(site / "content" / "ru" / "a.md", "Title: Страница\n\nНовый текст\n")
    commit(site, "2021-05-04T10:00:00+00:00")
    assert outdated(site) == []


def test_a_page_written_first_in_russian_has_the_german_as_its_translation(site):
    for lang in LANGS:
        page = site / "content" / lang / "b.md"
        page.write_text("Original: ru\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    commit(site, "2021-05-02T10:00:00+00:00")
    write(site / "content" / "de" / "b.md", "Original: ru\nTitle: Seite\n\nBesserer Text\n")  # the translation: no effect
    commit(site, "2021-05-03T10:00:00+00:00")
    assert outdated(site) == []
    write(site / "content" / "ru" / "b.md", "Original: ru\nTitle: Страница\n\nДругой текст\n")
    commit(site, "2021-05-05T10:00:00+00:00")
    [item] = translation_status(site / "content", LANGS).outdated
    assert (item.page, item.source, item.source_lang) == (site / "content" / "de" / "b.md", site / "content" / "ru" / "b.md", "ru")


def test_a_change_on_a_branch_the_translation_was_made_after_still_counts(site):
    """Ancestry, not clock times: a source change merged later outdates the translation even if
    it was written before the translation's last commit."""
    git(site, "checkout", "-qb", "topic")
    write(site / "content" / "de" / "a.md", "Title: Seite\n\nAuf dem Zweig\n")
    commit(site, "2021-05-02T10:00:00+00:00")
    git(site, "checkout", "-q", "-")
    write(site / "content" / "ru" / "a.md", "Title: Страница\n\nПравка\n")
    commit(site, "2021-05-03T10:00:00+00:00")
    git(site, "merge", "-q", "--no-edit", "topic", date="2021-05-04T10:00:00+00:00")
    assert outdated(site) == [("ru/a.md", "2021-05-02")]


@pytest.mark.parametrize("line", ["Translation: not needed", "translation: Not Needed"])
def test_a_change_marked_in_its_message_needs_no_translation(site, line):
    write(site / "content" / "de" / "a.md", "Title: Seite\n\nText.\n")
    commit(site, "2021-05-03T10:00:00+00:00", f"Typo\n\n{line}\n")
    assert outdated(site) == []
    write(site / "content" / "de" / "a.md", "Title: Seite\n\nAnderer Text.\n")
    commit(site, "2021-05-04T10:00:00+00:00", "A real change")
    assert outdated(site) == [("ru/a.md", "2021-05-04")]


def test_a_change_listed_in_the_file_needs_no_translation(site):
    write(site / "content" / "de" / "a.md", "Title: Seite\n\nAnderer Text.\n")
    first = commit(site, "2021-05-03T10:00:00+00:00")
    write(site / "content" / "de" / "a.md", "Title: Seite\n\nAnderer Text!\n")
    second = commit(site, "2021-05-04T10:00:00+00:00")
    (site / NOT_NEEDED_FILE).write_text(f"# typos\n{second[:10]}  # exclamation mark\n", encoding="utf-8")
    assert outdated(site) == [("ru/a.md", "2021-05-03")]  # the first change still needs translating
    (site / NOT_NEEDED_FILE).write_text(f"{first}\n{second[:10]}\n", encoding="utf-8")
    assert outdated(site) == []


def test_uncommitted_source_edits_may_outdate_and_uncommitted_translations_do_not(site):
    write(site / "content" / "de" / "a.md", "Title: Seite\n\nEntwurf\n")
    write(site / "content" / "ru" / "b.md", "Title: Страница\n\nЧерновик\n")
    [item] = translation_status(site / "content", LANGS).outdated
    assert item.page == site / "content" / "ru" / "a.md" and not item.certain
    assert translation_status(site / "content", LANGS).of(site / "content" / "ru" / "a.md") is None  # nothing to tell visitors


def test_the_diff_shows_the_source_changes_since_the_translation(site):
    write(site / "content" / "de" / "a.md", "Title: Seite\n\nNeuer Text\n")
    commit(site, "2021-05-03T10:00:00+00:00")
    [item] = translation_status(site / "content", LANGS).outdated
    diff = source_diff(item)
    assert "-Text\n+Neuer Text\n" in diff and "content/de/a.md" in diff


def test_without_git_or_with_a_shallow_clone_the_status_is_unknown(site, tmp_path_factory):
    bare = tmp_path_factory.mktemp("copy")
    write(bare / "content" / "de" / "a.md")
    write(bare / "content" / "ru" / "a.md")
    assert not translation_status(bare / "content", LANGS).available
    write(site / "content" / "de" / "a.md", "Title: Seite\n\nNeuer Text\n")
    commit(site, "2021-05-03T10:00:00+00:00")
    shallow = tmp_path_factory.mktemp("shallow") / "clone"
    git(shallow.parent, "clone", "-q", "--depth", "1", f"file://{site}", str(shallow))
    status = translation_status(shallow / "content", LANGS)
    assert not status.available and status.outdated == ()


def test_the_dates_are_author_times(site):
    write(site / "content" / "de" / "a.md", "Title: Seite\n\nNeuer Text\n")
    commit(site, "2021-05-03T23:30:00+02:00")
    [item] = translation_status(site / "content", LANGS).outdated
    assert item.changed == dt.datetime(2021, 5, 3, 21, 30, tzinfo=dt.timezone.utc)


def test_an_original_naming_no_language_is_reported_with_its_file(site, monkeypatch):
    monkeypatch.chdir(site)
    write(site / "content" / "ru" / "a.md", "Original: russisch\nTitle: Страница\n\nТекст\n")
    write(site / "content" / "ru" / "b.md", "original: RU\nTitle: Страница\n\nТекст\n")  # keys and values in any case
    assert unknown_originals(site / "content", LANGS) == [
        "content/ru/a.md: Original: russisch is none of LANGUAGES de, ru: write e.g. Original: ru"]
