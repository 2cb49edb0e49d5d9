"""Names that open a line, and counts in running text, as an editor writes them."""

import pytest
from markupsafe import Markup

from pelican.plugins.bilingual.wording import capitalize_first, capitalized, spelled_out


@pytest.mark.parametrize("text, expected", [
    ("город Калуга и Калужская область", "Город Калуга и Калужская область"),
    (Markup('<span lang="de">bdwo</span> и фонд'), '<span lang="de">Bdwo</span> и фонд'),
    (Markup("<a title='a>b' href=\"x\">город</a>"), "<a title='a>b' href=\"x\">Город</a>"),
    ("«город» Калуга", "«Город» Калуга"),
    (Markup("&#34;город&#34;"), "&#34;Город&#34;"),
    ("2021 год", "2021 год"),
    ("<script>", "&lt;Script&gt;"),  # plain text is escaped first, then capitalised as text
])
def test_capitalize_first(text, expected):
    assert capitalize_first(text) == Markup(expected)


def test_capitalized_keeps_the_rest_as_it_is():
    assert capitalized("городской организатор BDWO") == "Городской организатор BDWO"


@pytest.mark.parametrize("count, gender, lang, expected", [
    (5, "f", "ru", "пять"),
    (2, "f", "ru", "две"),  # две рабочие группы
    (2, "n", "ru", "два"),  # два заседания
    (1, "n", "ru", "одно"),
    (12, "f", "de", "zwölf"),
    (13, "f", "ru", "13"),
    (0, "f", "de", "0"),
])
def test_spelled_out(count, gender, lang, expected):
    assert spelled_out(count, gender, lang=lang) == expected


def test_a_wrong_gender_in_the_catalogue_is_reported_for_any_count():
    with pytest.raises(ValueError, match="use m, f or n"):
        spelled_out(40, "female", lang="ru")
