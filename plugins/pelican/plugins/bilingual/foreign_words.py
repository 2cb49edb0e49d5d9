"""Marks words of the other language inside a text, so screen readers and hyphenation get them right.

The two site languages use different scripts, so the script tells the language: inside Russian
text a run of Latin words is German (BDWO, Deutschlandfest), inside German text a run of
Cyrillic words is Russian. Editors mark Markdown by hand; this covers programme.yaml, whose
texts are plain and always escaped.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_LATIN = "A-Za-zÄÖÜäöüß"
_CYRILLIC = "А-Яа-яЁё"
_RUNS = {  # page language → (words of the other script, their language)
    "ru": (re.compile(rf"[{_LATIN}]+(?:[\s\-.]+[{_LATIN}]+)*"), "de"),
    "de": (re.compile(rf"[{_CYRILLIC}]+(?:[\s\-]+[{_CYRILLIC}]+)*"), "ru"),
}


_ROMAN = re.compile(r"[IVXLCDM]+\.?")


def mark_foreign_words(text: str, lang: str) -> Markup:
    """The text, escaped, with each run of the other language's words in <span lang="…">."""
    pattern, other = _RUNS[lang]
    marked, position = [], 0
    for match in pattern.finditer(text):
        if len(match.group()) == 1 or _ROMAN.fullmatch(match.group()):
            continue  # "XVI", "IV": numbers, in Russian text as in German; "корпус B": a letter
        marked += [escape(text[position : match.start()]), Markup('<span lang="{}">{}</span>').format(other, match.group())]
        position = match.end()
    marked.append(escape(text[position:]))
    return Markup("").join(marked)
