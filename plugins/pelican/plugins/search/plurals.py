"""One sample number per plural category of a language, for messages counted in the browser.

The search script counts its results in the browser, where the catalogue is not available. The
page therefore carries the message once per plural category, each rendered through gettext for a
number of that category; the script picks one with Intl.PluralRules, which follows the same CLDR
rules as Babel.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale

# Every integer plural category of German and Russian shows up below 200 (Russian: 1, 2, 5).
# Some languages need more: French "many" starts at 1,000,000.
SEARCHED_NUMBERS = range(200)


@dataclass(frozen=True)
class PluralSample:
    category: str  # a CLDR plural category: "one", "few", "many" or "other"
    number: int


def plural_samples(lang: str) -> list[PluralSample]:
    rule = Locale.parse(lang).plural_form
    samples: dict[str, int] = {}
    for number in SEARCHED_NUMBERS:
        samples.setdefault(rule(number), number)
    return [PluralSample(category, number) for category, number in sorted(samples.items(), key=lambda item: item[1])]
