from pelican.plugins.bilingual.counterparts import autonym, language_versions, missing_languages

LANGUAGES = ("de", "ru")


def test_autonyms_are_each_language_in_itself_capitalised():
    assert autonym("de") == "Deutsch"
    assert autonym("ru") == "Русский"


def test_both_versions_share_the_slug_below_their_language_folder():
    versions = language_versions("teilnahme/", "teilnahme.md", "ru", LANGUAGES, "https://example.org", lambda *_: True)
    assert [(v.lang, v.url, v.current) for v in versions] == [
        ("de", "https://example.org/de/teilnahme/", False),
        ("ru", "https://example.org/ru/teilnahme/", True),
    ]


def test_a_page_without_translation_lists_only_itself_and_reports_the_gap():
    versions = language_versions("neu/", "neu.md", "de", LANGUAGES, "", lambda lang, path: False)
    assert [v.lang for v in versions] == ["de"]
    assert missing_languages(versions, LANGUAGES) == ["ru"]


def test_the_counterpart_is_looked_up_by_language_and_file_name():
    asked = []
    language_versions("a/", "a.md", "de", LANGUAGES, "", lambda lang, path: asked.append((lang, path)) or True)
    assert asked == [("ru", "a.md")]


def test_opengraph_locales_have_the_languages_country():
    versions = language_versions("", "index.md", "de", LANGUAGES, "", lambda *_: True)
    assert [v.locale for v in versions] == ["de_DE", "ru_RU"]
