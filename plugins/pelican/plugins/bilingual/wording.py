"""How an editor writes names and counts in running text, in either language.

- A name opens a line or sentence with a capital letter and keeps its own case mid-list
  («город Калуга» in a list, «Город Калуга» at the start of a line): the data holds one form,
  the template capitalises where the line starts.
- Small counts (one to twelve) are written in words ("fünf Arbeitsgruppen", «пять рабочих групп»), larger ones
  in digits. Russian numerals agree with the gender of the counted noun («две группы», «два
  дня»), which only the translator knows: the catalogue gives it (see spelled_out).
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape
from num2words import num2words

# Up to twelve in words: the rule of German and Russian style guides for running text.
LARGEST_IN_WORDS = 12
GENDERS = {"m": "masculine", "f": "feminine", "n": "neuter"}
# Languages whose numerals num2words can put in the noun's gender. German has gender only in
# "ein/eine", and a catalogue writes the singular without a number ("eine Arbeitsgruppe").
GENDERED_NUMERALS = frozenset({"ru"})

# The first letter of the visible text: after opening tags (whose quoted attributes may hold ">"),
# entities, spaces and opening quotation marks or brackets; never inside a tag.
_FIRST_LETTER = re.compile(r"""\A((?:\s|<(?:"[^"]*"|'[^']*'|[^'">])*>|&[#\w]+;|[«„‚»"'(\[])*)([^\W\d_])""")


def capitalized(text: str) -> str:
    """A plain text with its first letter in upper case, the rest as it is (unlike str.capitalize)."""
    return text[:1].upper() + text[1:]


def capitalize_first(text: str) -> Markup:
    """The text (escaped unless it is Markup already) with its first visible letter in upper case."""
    markup = escape(text)
    return Markup(_FIRST_LETTER.sub(lambda m: m.group(1) + m.group(2).upper(), markup, count=1))


def spelled_out(count: int, gender: str = "m", *, lang: str) -> str:
    """count in words in lang if it is small, else in digits; gender (m, f or n) of the counted noun.

    num2words because Babel formats numbers but does not spell them out (CLDR's spell-out rules
    reach Python only through ICU).
    """
    if gender not in GENDERS:
        raise ValueError(f"grammatical gender {gender!r}: use m, f or n in the catalogue")
    if not 1 <= count <= LARGEST_IN_WORDS:
        return str(count)
    if lang in GENDERED_NUMERALS:
        return num2words(count, lang=lang, gender=GENDERS[gender])
    return num2words(count, lang=lang)
