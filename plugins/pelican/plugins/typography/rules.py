"""The typographic rules, as pure functions on the text of one element in one language.

Editors type plain spaces and dashes; the rules set what a typesetter would:
- Russian: a spaced em dash between words, with a no-break space before it so that no line
  starts with a dash; no-break spaces after one-letter words (в, к, с, …), between a number and
  what it counts (2021 г., 50 участников), after an abbreviation before its word or number
  (ст. 6, ул. Ленина, № 5), after a Roman numeral before its noun (XVI конференция).
- German: no-break spaces inside abbreviations (z. B., e. V.), after an abbreviation before a
  number (Art. 6) and between a number and its unit or noun (28. Juni, 20 Jahre).
- Both: a text in quotation marks («…», „…“, »…«) is a name or a title: its dashes stay as the
  owner spells them («Запад – Восток»), and only get the no-break space before them. A dash
  between two numbers (18:00 – 20:00) is a range, not a dash between words, and stays as typed.
Words that belong to a web or e-mail address are never touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyphen

from .patterns import dictionary

NBSP = "\u00a0"
SOFT_HYPHEN = "\u00ad"
# Shorter words fit a line at any width; longer ones get soft hyphens in headings and menus.
SHORTEST_HYPHENATED = 10

_ADDRESS = re.compile(r"\S*(?:://|@|\bwww\.)\S*")
# Opening and closing quotation marks of each language, outer and inner.
_QUOTES = {"ru": ("«„", "»“"), "de": ("„»‚›", "“«‘‹")}
# A dash with a space on each side; the space before may already be a no-break space.
_SPACED_DASH = re.compile(rf"(?:^|(?<=[^\s\d])|(?<=\d)(?![ {NBSP}][–—-] \d))[ {NBSP}]([–—-]) (?=\S|$)")
_NUMBER_BEFORE_WORD = re.compile(r"(?<=\d)(\.?) (?=[^\W\d_]|[%‰€$№°])")
# (a character the text must hold for the rule to apply at all, pattern, replacement): the check
# spares most texts most patterns, as a build typesets every text node of every page.
_RULES = {
    "ru": (
        (" ", re.compile(r"(?<![\w\u00ad.-])([вксуоиаяВКСУОИАЯ]) "), rf"\1{NBSP}"),
        (".", re.compile(r"(?<![\w-])(ст|ч|пп?|подп|ул|д|им|гл|стр|рис|табл|просп|пер|пл|т|см|напр)\. "), rf"\1.{NBSP}"),
        ("№", re.compile(r"№ "), f"№{NBSP}"),
        (" ", re.compile(r"(?<![\w-])([IVXLCDM]+) (?=[А-ЯЁа-яё«])"), rf"\1{NBSP}"),
        (",", re.compile(r"(?<=[^\W\d_]), (?=\d)"), f",{NBSP}"),  # the house number stays with its street
    ),
    "de": (
        (".", re.compile(r"(?<![\w-])([^\W\d_]{1,3}\.) (?=[^\W\d_]{1,3}\.)"), rf"\1{NBSP}"),
        (".", re.compile(r"(?<![\w-])([^\W\d_]{1,4}\.) (?=\d)"), rf"\1{NBSP}"),
    ),
}
_DIGIT = re.compile(r"\d")
_DASHES = ("-", "–", "—")
# The dash between words: Russian sets an em dash, German keeps the en dash it types.
_DASH = {"ru": "—", "de": "–"}


@dataclass
class QuoteDepth:
    """How many «…» or „…“ are open at this point of a paragraph (texts of several elements)."""

    depth: int = 0


def typeset(text: str, lang: str, quotes: QuoteDepth) -> str:
    """text with the rules of lang; text outside web and e-mail addresses only."""
    if lang not in _RULES:
        return text
    if "@" in text or "://" in text or "www." in text:
        return _outside_addresses(text, lambda words: _typeset_words(words, lang, quotes))
    return _typeset_words(text, lang, quotes)


def _outside_addresses(text: str, transform) -> str:
    pieces, position = [], 0
    for address in _ADDRESS.finditer(text):
        pieces += [transform(text[position : address.start()]), address.group()]
        position = address.end()
    pieces.append(transform(text[position:]))
    return "".join(pieces)


def _typeset_words(text: str, lang: str, quotes: QuoteDepth) -> str:
    opening, closing = _QUOTES[lang]
    if any(mark in text for mark in opening + closing):
        text = "".join(_dashes(part, lang, quotes, opening, closing) for part in re.split(f"([{opening}{closing}])", text))
    elif any(dash in text for dash in _DASHES):
        text = _dashes(text, lang, quotes, opening, closing)
    for needed, pattern, replacement in _RULES[lang]:
        if needed in text:
            text = pattern.sub(replacement, text)
    return _NUMBER_BEFORE_WORD.sub(rf"\1{NBSP}", text) if _DIGIT.search(text) else text


def _dashes(part: str, lang: str, quotes: QuoteDepth, opening: str, closing: str) -> str:
    if part and part in opening:
        quotes.depth += 1
    elif part and part in closing:
        quotes.depth = max(0, quotes.depth - 1)
    quoted = quotes.depth > 0

    def dash(match: re.Match) -> str:
        return f"{NBSP}{match.group(1) if quoted else _DASH[lang]} "

    return _SPACED_DASH.sub(dash, part)


_WORD = re.compile(rf"[^\W\d_]{{{SHORTEST_HYPHENATED},}}")


def hyphenate(text: str, lang: str) -> str:
    """Soft hyphens at the break points of the long words of text; addresses stay whole."""
    if not _WORD.search(text):
        return text  # spares loading a dictionary (patterns.py) for short words
    patterns = dictionary(lang)
    if patterns is None:
        return text
    return _outside_addresses(text, lambda words: _WORD.sub(lambda m: _hyphenated(m.group(), patterns), words))


_VOWEL = re.compile("[aeiouyäöüаеёиоуыэюя]", re.IGNORECASE)


def _hyphenated(word: str, patterns: pyphen.Pyphen) -> str:
    """The word with a soft hyphen at each break point whose syllables all have a vowel.

    LibreOffice's German patterns split some consonant clusters on their own ("Deut-sch-land",
    "Daten-schut-z-er-klä-rung"); such a piece joins the syllable before it ("Deutsch-land").
    """
    syllables: list[str] = []
    for piece in _pieces(word, patterns.positions(word)):
        if syllables and not _VOWEL.search(piece):
            syllables[-1] += piece
        else:
            syllables.append(piece)
    return SOFT_HYPHEN.join(syllables)


def _pieces(word: str, positions: list[int]) -> list[str]:
    bounds = [0, *positions, len(word)]
    return [word[start:end] for start, end in zip(bounds, bounds[1:])]
