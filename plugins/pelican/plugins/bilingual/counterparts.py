"""Which language versions of a page exist, and where they live."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from babel import Locale
from babel.core import get_global

from .wording import capitalized


@dataclass(frozen=True)
class LanguageVersion:
    lang: str
    autonym: str  # the language's name in itself: "Deutsch", "Русский"
    locale: str  # with its likely country, as OpenGraph wants it: "de_DE", "ru_RU"
    url: str
    current: bool


@cache  # Babel parses locale data on every call; a build asks once per page and language
def autonym(lang: str) -> str:
    return capitalized(Locale.parse(lang).get_display_name(lang))


@cache
def og_locale(lang: str) -> str:
    likely = Locale.parse(get_global("likely_subtags")[lang])
    return f"{lang}_{likely.territory}"


def language_versions(
    page_url: str,
    source_path: str,
    lang: str,
    languages: Sequence[str],
    root_url: str,
    exists: Callable[[str, str], bool],
) -> tuple[LanguageVersion, ...]:
    """The versions of one page in every language that has it, the current one included.

    A translation shares the source file's name, so it shares the URL below its language folder.
    """
    return tuple(
        LanguageVersion(
            lang=other,
            autonym=autonym(other),
            locale=og_locale(other),
            url=f"{root_url}/{other}/{page_url}",
            current=other == lang,
        )
        for other in languages
        if other == lang or exists(other, source_path)
    )


def missing_languages(versions: Sequence[LanguageVersion], languages: Sequence[str]) -> list[str]:
    present = {version.lang for version in versions}
    return [lang for lang in languages if lang not in present]
