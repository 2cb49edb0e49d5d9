"""The typographic rules on real sentences of the site, and the places they must not touch."""

from __future__ import annotations

import pytest

from pelican.plugins.typography import patterns
from pelican.plugins.typography.document import SOFT_HYPHEN_MARKUP, typeset_page
from pelican.plugins.typography.patterns import load_dictionaries, patterns_folder
from pelican.plugins.typography.rules import QuoteDepth, hyphenate, typeset

NB, SHY = "\u00a0", "\u00ad"


def ru(text: str) -> str:
    return typeset(text, "ru", QuoteDepth())


def de(text: str) -> str:
    return typeset(text, "de", QuoteDepth())


@pytest.mark.parametrize("typed, typeset_text", [
    # A spaced dash between words becomes an em dash, glued to the word before it.
    ("Конференция в Калуге — очно и онлайн.", f"Конференция в{NB}Калуге{NB}— очно и{NB}онлайн."),
    ("в Москве и Калуге – до начала конференции", f"в{NB}Москве и{NB}Калуге{NB}— до начала конференции"),
    ("Её девиз - «Укрепление связей»", f"Её девиз{NB}— «Укрепление связей»"),
    # One-letter words stay with the word after them, in either case.
    ("С 23 июня по 1 июля 2021 г. в Москве", f"С{NB}23{NB}июня по 1{NB}июля 2021{NB}г. в{NB}Москве"),
    ("к диалогу и ответственным действиям, а также о браузере", f"к{NB}диалогу и{NB}ответственным действиям, а{NB}также о{NB}браузере"),
    # Abbreviations stay with what follows them; the house number stays with its street.
    ("(подп. «f» п. 1 ст. 6 GDPR)", f"(подп.{NB}«f» п.{NB}1{NB}ст.{NB}6{NB}GDPR)"),
    ("ул. Ленина, 60, Калуга", f"ул.{NB}Ленина,{NB}60, Калуга"),
    ("заявка № 5", f"заявка №{NB}5"),
    # A Roman numeral stays with its noun.
    ("на XVI Германо-российскую конференцию", f"на XVI{NB}Германо-российскую конференцию"),
    ("Около 50 молодых людей", f"Около 50{NB}молодых людей"),
    # A dash after a word that keeps its neighbour is still a dash.
    ("Я – студент, и т. д. – всё", f"Я{NB}— студент, и{NB}т.{NB}д.{NB}— всё"),
    ("Калуга – это я – и ты", f"Калуга{NB}— это я{NB}— и{NB}ты"),
    # A range of numbers keeps its dash; a list of numbers may break after each comma.
    ("18:00 – 20:00", "18:00 – 20:00"),
    ("2019, 2020, 2021", "2019, 2020, 2021"),
    ("им дали", "им дали"),  # a pronoun, not the abbreviation "им."
])
def test_russian(typed, typeset_text):
    assert ru(typed) == typeset_text


@pytest.mark.parametrize("typed, typeset_text", [
    ("Deutsch-Russisches Forum e. V.", f"Deutsch-Russisches Forum e.{NB}V."),
    ("zum Beispiel z. B. ein Ort", f"zum Beispiel z.{NB}B. ein Ort"),
    ("(Art. 6 Abs. 1 lit. f DSGVO)", f"(Art.{NB}6{NB}Abs.{NB}1{NB}lit. f DSGVO)"),
    ("seit mehr als 20 Jahren", f"seit mehr als 20{NB}Jahren"),
    ("am 28. Juni 2021", f"am 28.{NB}Juni 2021"),
    # German keeps its en dash, and the dash never opens a line.
    ("vor Ort in Kaluga – unter Einhaltung der Regeln – oder online",
     f"vor Ort in Kaluga{NB}– unter Einhaltung der Regeln{NB}– oder online"),
])
def test_german(typed, typeset_text):
    assert de(typed) == typeset_text


def test_a_quoted_name_keeps_its_owners_dash_and_only_gains_the_no_break_space():
    typed = "Федеральный союз германских обществ «Запад – Восток» и фонд – партнёры"
    assert ru(typed) == f"Федеральный союз германских обществ «Запад{NB}– Восток» и{NB}фонд{NB}— партнёры"


def test_german_quotation_marks_of_either_style():
    assert de("»Ost – West« ist gut - nicht „Nord – Süd“ - oder") == \
        f"»Ost{NB}– West« ist gut{NB}– nicht „Nord{NB}– Süd“{NB}– oder"


def test_a_quotation_that_spans_elements_is_still_a_quotation():
    quotes = QuoteDepth()
    assert typeset("Девиз: «Укрепление связей", "ru", quotes) == "Девиз: «Укрепление связей"
    assert typeset(" – расширение горизонтов»", "ru", quotes) == f"{NB}– расширение горизонтов»"
    assert typeset(" – далее", "ru", quotes) == f"{NB}— далее"


@pytest.mark.parametrize("text", [
    "https://www.deutsch-russisches-forum.de/auf-dem-weg-nach-kaluga/4526864",
    "sekretariat@stiftung-woeb.de",
    "www.stiftung-drja.de",
])
def test_addresses_are_never_changed(text):
    assert ru(text) == de(text) == text
    assert hyphenate(text, "de") == hyphenate(text, "ru") == text


def test_an_address_inside_a_sentence_stays_whole_and_the_sentence_is_typeset():
    typed = "Пишите на sekretariat@stiftung-woeb.de – и в ответ"
    assert ru(typed) == f"Пишите на sekretariat@stiftung-woeb.de{NB}— и{NB}в{NB}ответ"


@pytest.mark.parametrize("lang, word, hyphenated", [
    ("de", "Städtepartnerkonferenz", f"Städ{SHY}te{SHY}part{SHY}ner{SHY}kon{SHY}fe{SHY}renz"),
    # LibreOffice's patterns alone would give "Deut-sch-land": a syllable needs a vowel.
    ("de", "Deutschlandfest", f"Deutsch{SHY}land{SHY}fest"),
    ("de", "Datenschutzerklärung", f"Da{SHY}ten{SHY}schutz{SHY}er{SHY}klä{SHY}rung"),
    ("ru", "конфиденциальности", f"кон{SHY}фи{SHY}ден{SHY}ци{SHY}аль{SHY}но{SHY}сти"),
    ("ru", "Молодёжный", f"Мо{SHY}лодёж{SHY}ный"),
    # Short words fit any line, and a break in them reads badly.
    ("de", "Programm", "Programm"),
    ("ru", "Праздник Германии", "Праздник Германии"),
])
def test_hyphenation(lang, word, hyphenated):
    assert hyphenate(word, lang) == hyphenated


def test_the_next_build_loads_the_patterns_a_build_kept_and_hyphenates_alike(tmp_path, monkeypatch):
    words = {lang: hyphenate(word, lang) for lang, word in (("de", "Städtepartnerkonferenz"), ("ru", "конфиденциальности"))}
    monkeypatch.setattr(patterns, "_DICTIONARIES", {})  # a new build process
    load_dictionaries(["de", "ru", "xx"], tmp_path)  # xx: a language without patterns, kept as none
    assert {path.name for path in patterns_folder(tmp_path).iterdir()} == {"de.pickle", "ru.pickle", "xx.pickle"}

    monkeypatch.setattr(patterns, "_DICTIONARIES", {})
    monkeypatch.setattr(patterns, "_parsed", lambda lang: pytest.fail(f"the {lang} patterns were parsed again"))
    load_dictionaries(["de", "ru", "xx"], tmp_path)
    assert {lang: hyphenate(word.replace(SHY, ""), lang) for lang, word in words.items()} == words


def test_unreadable_kept_patterns_are_parsed_again_and_replaced(tmp_path, monkeypatch):
    monkeypatch.setattr(patterns, "_DICTIONARIES", {})
    kept = patterns_folder(tmp_path) / "de.pickle"
    kept.parent.mkdir()
    kept.write_bytes(b"cut off")
    load_dictionaries(["de"], tmp_path)
    assert hyphenate("Deutschlandfest", "de") == f"Deutsch{SHY}land{SHY}fest"
    assert kept.stat().st_size > 100_000


def test_a_page_is_typeset_in_its_text_only():
    page = """<!DOCTYPE html>
<html lang="ru"><head><title>Конференция – XVI конференция</title>
<meta name="description" content="в Калуге – очно">
<script type="application/ld+json">{"name": "в Калуге – очно"}</script></head>
<body><h1>Политика конфиденциальности</h1>
<p title="в Калуге – очно">Фонд (<span lang="de">Stiftung West-Östliche Begegnungen – e. V.</span>) и <a href="https://example.org/a – b">в Калуге</a> – очно.</p>
<pre>в Калуге – очно</pre><p><code>в Калуге – очно</code></p>
<svg viewBox="0 0 20 20"><text>в Калуге – очно</text></svg>
</body></html>"""
    result = typeset_page(page, "ru")
    head, body = result.split("<body>")
    assert NB not in head and SHY not in head and "Конференция – XVI конференция" in head
    breaks = SOFT_HYPHEN_MARKUP  # the stylesheet draws the soft hyphen; the text has none
    assert f"<h1>Политика кон{breaks}фи{breaks}ден{breaks}ци{breaks}аль{breaks}но{breaks}сти</h1>" in body
    assert SHY not in result
    assert 'title="в Калуге – очно"' in body and 'href="https://example.org/a – b"' in body
    # The German name inside the Russian sentence follows German rules: its en dash, e.V.'s space.
    assert f"Stiftung West-Östliche Begegnungen{NB}– e.{NB}V." in body
    assert f"и{NB}<a" in body and f"</a>{NB}— очно." in body
    assert "<pre>в Калуге – очно</pre>" in body and "<code>в Калуге – очно</code>" in body
    assert '<svg viewBox="0 0 20 20"><text>в Калуге – очно</text></svg>' in body


@pytest.mark.parametrize("page, expected", [
    # A region in the language tag; a head without its end tag; a self-closed tag in HTML.
    ('<html lang="ru-RU"><body><p>в Калуге</p></body></html>', f'<html lang="ru-RU"><body><p>в{NB}Калуге</p></body></html>'),
    ('<html lang="ru"><head><title>в Калуге</title><body><p>в Калуге</p>',
     f'<html lang="ru"><head><title>в Калуге</title><body><p>в{NB}Калуге</p>'),
    ('<html lang="ru"><body><a href=/ru/>в Калуге</a></body></html>', f'<html lang="ru"><body><a href=/ru/>в{NB}Калуге</a></body></html>'),
    # A soft hyphen an editor typed becomes the mark the stylesheet draws, even where nothing else changes.
    ('<html lang="de"><body><p>Ost&shy;west</p></body></html>', f'<html lang="de"><body><p>Ost{SOFT_HYPHEN_MARKUP}west</p></body></html>'),
])
def test_edge_cases_of_real_html(page, expected):
    assert typeset_page(page, "de") == expected


def test_markup_around_the_text_stays_byte_for_byte():
    page = ('<!DOCTYPE html>\n<html lang="ru"><body><p class="x" data-a=\'1 > 0\'>Текст &amp; «цитата»<br/>'
            '<!-- в Калуге – очно --><img alt="в Калуге – очно" src="https://годгермании.рф/a b.png"></p></body></html>')
    assert typeset_page(page, "ru") == page
