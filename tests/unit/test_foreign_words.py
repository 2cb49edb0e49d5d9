from pelican.plugins.bilingual.foreign_words import mark_foreign_words


def test_german_words_in_russian_text_get_lang_de():
    assert mark_foreign_words("Праздник Германии (Deutschlandfest) в Москве", "ru") == (
        'Праздник Германии (<span lang="de">Deutschlandfest</span>) в Москве'
    )


def test_a_run_of_german_words_is_one_span():
    assert mark_foreign_words("форум (Deutsch-Russisches Forum e. V)", "ru") == (
        'форум (<span lang="de">Deutsch-Russisches Forum e. V</span>)'
    )


def test_russian_words_in_german_text_get_lang_ru():
    assert mark_foreign_words("Die Zeitung «Весть» berichtet", "de") == 'Die Zeitung «<span lang="ru">Весть</span>» berichtet'


def test_text_in_the_pages_own_script_is_unchanged_but_escaped():
    assert mark_foreign_words("Калуга < 5 & «Запад – Восток»", "ru") == "Калуга &lt; 5 &amp; «Запад – Восток»"
    assert mark_foreign_words('Tag <script>"x"</script>', "de") == "Tag &lt;script&gt;&#34;x&#34;&lt;/script&gt;"


def test_markup_in_foreign_words_is_escaped_too():
    assert mark_foreign_words("<em>BDWO</em>", "ru") == '&lt;<span lang="de">em</span>&gt;<span lang="de">BDWO</span>&lt;/<span lang="de">em</span>&gt;'


def test_roman_numerals_and_single_letters_are_not_german_words():
    marked = mark_foreign_words("XVI конференция и IV Молодёжный форум (BDWO), корпус B", "ru")
    assert marked == 'XVI конференция и IV Молодёжный форум (<span lang="de">BDWO</span>), корпус B'
