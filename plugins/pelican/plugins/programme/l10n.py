"""Every date, time and range the site shows, in German or Russian.

Babel (CLDR) does the formatting, always with an explicit locale, so the output never depends
on the machine's locale. Where CLDR or Babel give something a reader would not write, the fix
is here, next to a note on why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import (
    format_date as _babel_format_date,
    format_interval,
    format_time as _babel_format_time,
    get_timezone_gmt,
    get_timezone_location,
    get_timezone_name,
    match_skeleton,
    tokenize_pattern,
    untokenize_pattern,
)

from .model import PreviousStart

NBSP = "\u00a0"

# The site's typography uses plain spaces and U+00A0 only; CLDR's thin (U+2009) and narrow
# no-break (U+202F) spaces become plain spaces first, then the rule below binds what must stay.
_SPACES = re.compile("[\u2009\u202f]")
# A number stays on the line with the word it belongs to: "28. Juni", "28 июня", "2021 г.",
# "20:00 Uhr".
_NUMBER_AND_WORD = re.compile(r"(\d\.?) (?=[^\W\d_])")


def _typeset(text: str) -> str:
    return _NUMBER_AND_WORD.sub(rf"\1{NBSP}", _SPACES.sub(" ", text))


def _wide(pattern: str) -> str:
    """The pattern with abbreviated month and weekday names widened to full names.

    TR35 asks a skeleton matcher to adjust field widths ("MMM" to "MMMM") when the locale only
    has data for a shorter skeleton; Babel returns the matched pattern unchanged. CLDR has
    interval data only for "yMMMd", so format_interval(..., "yMMMMd") gives "28–30 июн. 2021 г."
    and "30. Dez. 2021 – 2. Jan. 2022". The site never abbreviates, so widen here.
    """
    tokens = []
    for kind, value in tokenize_pattern(pattern):
        if kind == "field":
            char, width = value
            if (char in "MLce" and width == 3) or (char == "E" and width < 4):
                value = (char, 4)
        tokens.append((kind, value))
    return untokenize_pattern(tokens)


def _skeleton_pattern(skeleton: str, lang: str) -> str:
    skeletons = Locale.parse(lang).datetime_skeletons
    return _wide(skeletons[match_skeleton(skeleton, skeletons)].pattern)


def format_day_short(date: dt.date, lang: str) -> str:
    """Day heading within a programme: Montag, 28. Juni / понедельник, 28 июня."""
    return _typeset(_babel_format_date(date, _skeleton_pattern("MMMMEEEEd", lang), locale=lang))


def format_date(date: dt.date, lang: str) -> str:
    """12. Mai 2021 / 12 мая 2021 г."""
    return _typeset(_babel_format_date(date, "long", locale=lang))


def format_month(year: int, month: int, lang: str) -> str:
    """August 2020 / август 2020 г.: the month standing alone (nominative in Russian, CLDR's "LLLL")."""
    return _typeset(_babel_format_date(dt.date(year, month, 1), _skeleton_pattern("yMMMM", lang), locale=lang))


def format_previous_start(previous: PreviousStart, lang: str) -> str:
    """When something moved was first to start: its day, or its month where only that is known."""
    if previous.day is None:
        return format_month(previous.year, previous.month, lang)
    return format_date(dt.date(previous.year, previous.month, previous.day), lang)


def format_date_range(start: dt.date, end: dt.date, lang: str) -> str:
    """28.–30. Juni 2021, 23. Juni – 1. Juli 2021 / 28–30 июня 2021 г., с 23 июня по 1 июля 2021 г."""
    if end < start:
        raise ValueError(f"date range ends before it starts: {start} – {end}")
    if start == end:
        return format_date(start, lang)
    if lang == "ru" and (start.year, start.month) != (end.year, end.month):
        # CLDR writes "23 июня – 1 июля"; the project's terminology list prescribes "с … по …"
        # (the months then stand in the genitive, which is CLDR's format-context "MMMM").
        if start.year == end.year:
            first = _babel_format_date(start, _skeleton_pattern("MMMMd", lang), locale=lang)
        else:
            first = format_date(start, lang)
        return _typeset(f"с{NBSP}{first} по {format_date(end, lang)}")
    formats = Locale.parse(lang).interval_formats
    # The field with the greatest difference picks the pattern pair, as in TR35 and Babel.
    field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    first, second = formats[match_skeleton("yMMMMd", formats)][field]
    return _typeset(
        _babel_format_date(start, _wide(first), locale=lang) + _babel_format_date(end, _wide(second), locale=lang)
    )


def format_time(time: dt.time, lang: str) -> str:
    """18:00 in both languages: CLDR's "Hm" skeleton is the 24-hour clock with minutes."""
    return _babel_format_time(time, Locale.parse(lang).datetime_skeletons["Hm"], locale=lang)


def format_time_range(start: dt.time, end: dt.time, lang: str) -> str:
    """18:00–20:00 Uhr / 18:00–20:00, from wall-clock times."""
    return _typeset(format_interval(start, end, "Hm", locale=lang))


# How a zone is named after a time. CLDR's long zone names are made for zone pickers ("Moskauer
# Normalzeit", "Москва, стандартное время") and do not read naturally after a time in a programme.
# Its short names do where CLDR has one that readers of the language know (MESZ/MEZ, OEZ: they
# follow daylight saving time); where it has none, Babel gives an offset ("+0300"), and the site
# says the local time of the zone's city instead, in the catalogue's words ("Ortszeit Wladiwostok",
# "по местному времени (Владивосток)"). An editor may word any zone in programme.yaml (zone_names).
_OFFSET = re.compile(r"^(GMT|UTC)?[+\-\u2212]\d")


@dataclass(frozen=True)
class TimeWording:
    """The words around times in one language: from the catalogue and from programme.yaml."""

    lang: str
    local_time: str  # "Ortszeit %(city)s": a zone CLDR has no common abbreviation of
    home_label: str  # what precedes the time in the home zone: "In Deutschland"
    zone_names: Mapping[str, str] = field(default_factory=dict)  # IANA name -> the editor's wording

    def zone(self, tz: ZoneInfo, at: dt.datetime) -> str:
        """How a reader names the zone at that moment: "MESZ", "Ortszeit New York"."""
        if tz.key in self.zone_names:
            return self.zone_names[tz.key]
        at = at.replace(tzinfo=tz) if at.tzinfo is None else at.astimezone(tz)
        short = get_timezone_name(at, width="short", locale=self.lang)
        if not _OFFSET.match(short):
            return short
        return self.local_time % {"city": get_timezone_location(tz, locale=self.lang, return_city=True)}


@dataclass(frozen=True)
class TimeLabel:
    event_time: str  # "18:00–20:00 Uhr", or "18:00" without an end
    event_zone: str
    home_label: str | None  # None: the home zone shows the same wall-clock time
    home_time: str | None
    home_zone: str | None
    iso_start: str  # "2021-06-28T18:00:00+03:00"


def _times(start: dt.datetime, end: dt.datetime | None, lang: str) -> str:
    if end is None:
        return format_time(start.time(), lang)
    return format_time_range(start.time(), end.time(), lang)


def _times_in(zone: ZoneInfo, start: dt.datetime, end: dt.datetime | None, wording: TimeWording) -> tuple[str, str]:
    """The times and the zone's name in zone. Across a change of the clocks each time is named
    with its own zone, "01:00 MESZ – 02:00 MEZ", or where the name stays, its own offset: one
    name for both would make the two hours of a session read as one."""
    start, end = start.astimezone(zone), end.astimezone(zone) if end is not None else None
    if end is None or start.utcoffset() == end.utcoffset():
        return _times(start, end, wording.lang), wording.zone(zone, start)
    first, last = wording.zone(zone, start), wording.zone(zone, end)
    if first == last:  # a name that does not change with the clocks: say the offsets
        first, last = (get_timezone_gmt(t, "long", locale=wording.lang) for t in (start, end))
        times = f"{format_time(start.time(), wording.lang)} ({first}) – {format_time(end.time(), wording.lang)} ({last})"
        return _typeset(times), wording.zone(zone, start)
    times = f"{format_time(start.time(), wording.lang)} {first} – {format_time(end.time(), wording.lang)} {last}"
    return _typeset(times), ""


def session_time_label(
    start: dt.datetime | None, end: dt.datetime | None, home_tz: ZoneInfo, wording: TimeWording
) -> TimeLabel | None:
    """The session's time in the event's zone (start's) and, if it differs, in the home zone;
    None: to be announced. start and end are aware; an end on the next day says so itself."""
    if start is None:
        return None
    home_label = home_time = home_zone = None
    home_start = start.astimezone(home_tz)
    # Offsets, not zone names: Europe/Minsk and Europe/Moscow read the same on the clock.
    if any(t.utcoffset() != t.astimezone(home_tz).utcoffset() for t in (start, end) if t is not None):
        home_label = wording.home_label
        home_time, home_zone = _times_in(home_tz, start, end, wording)
        if home_start.date() != start.date():
            # 00:30 in Moscow is 23:30 the day before in Berlin: the bare time would lie.
            home_time += f" ({format_day_short(home_start.date(), wording.lang)})"
    event_time, event_zone = _times_in(start.tzinfo, start, end, wording)
    return TimeLabel(
        event_time=event_time,
        event_zone=event_zone,
        home_label=home_label,
        home_time=home_time,
        home_zone=home_zone,
        iso_start=start.isoformat(),
    )
