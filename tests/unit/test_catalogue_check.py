import shutil
from pathlib import Path

from sitebuild.catalogue_check import catalogue_problems

THEME = Path(__file__).resolve().parents[2] / "theme"


def copy_theme(tmp_path, monkeypatch):
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    monkeypatch.chdir(tmp_path)
    return theme


def test_the_real_catalogues_have_no_problem():
    assert catalogue_problems(THEME, ("de", "ru")) == []


def test_untranslated_and_fuzzy_entries_are_named_with_their_line(tmp_path, monkeypatch):
    theme = copy_theme(tmp_path, monkeypatch)
    po = theme / "translations" / "ru" / "LC_MESSAGES" / "messages.po"
    lines = po.read_text(encoding="utf-8").splitlines()
    skip = lines.index('msgid "Skip to content"')
    lines[skip + 1] = 'msgstr ""'
    motto = lines.index('msgid "Motto"')
    lines.insert(motto, "#, fuzzy")
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    motto_line, skip_line = lines.index('msgid "Motto"') + 1, lines.index('msgid "Skip to content"') + 1
    messages = [problem.message for problem in catalogue_problems(theme, ("de", "ru"))]
    assert messages == [
        f"theme/translations/ru/LC_MESSAGES/messages.po:{motto_line}: 'Motto' is marked fuzzy: "
        "check the translation, then delete the `#, fuzzy` line",
        f"theme/translations/ru/LC_MESSAGES/messages.po:{skip_line}: 'Skip to content' is not translated: fill in its msgstr",
    ]


def test_a_new_template_string_is_reported_until_extracted(tmp_path, monkeypatch):
    theme = copy_theme(tmp_path, monkeypatch)
    page = theme / "templates" / "page.html"
    page.write_text(page.read_text(encoding="utf-8") + '{{ _("A brand-new string") }}\n', encoding="utf-8")
    messages = [problem.message for problem in catalogue_problems(theme, ("de", "ru"))]
    assert messages == ["theme/translations/messages.pot: does not match the words of the templates and exports: run `make i18n-update`"]


def test_a_missing_catalogue_is_an_error_naming_the_file(tmp_path, monkeypatch):
    """Checked before the language runs start: a language without its catalogue stops the build
    with the file to create, not with a traceback."""
    theme = copy_theme(tmp_path, monkeypatch)
    (theme / "translations" / "ru" / "LC_MESSAGES" / "messages.po").unlink()
    [problem] = catalogue_problems(theme, ("de", "ru"))
    assert problem.severity.value == "error"
    assert problem.message.startswith("theme/translations/ru/LC_MESSAGES/messages.po: missing: the catalogue of the language 'ru'")
    (theme / "translations" / "messages.pot").unlink()
    [problem] = catalogue_problems(theme, ("de", "ru"))
    assert problem.message == "theme/translations/messages.pot: missing: run `make i18n-extract`"
