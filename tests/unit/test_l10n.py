"""Dates, times and ranges as readers of the German and Russian pages expect them.

Expected strings are written by hand from the typography rules: U+00A0 between a day and its
month, before "г." and "Uhr", and after "с"; an en dash without spaces inside a month, with
plain spaces across months; full (in Russian: genitive) month names, never abbreviations.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import babel.dates
import pytest
from pelican.plugins.programme.l10n import (
    TimeLabel,
    format_date,
    format_date_range,
    format_day_short,
    format_time,
    format_time_range,
    TimeWording,
    session_time_label,
)

NB = "\u00a0"
MOSCOW = ZoneInfo("Europe/Moscow")
BERLIN = ZoneInfo("Europe/Berlin")
D = dt.date
T = dt.time

# The real site's wording of its two zones (programme.yaml, zone_names) and the catalogues' words.
WORDING = {
    "de": TimeWording("de", "Ortszeit %(city)s", "In Deutschland", {"Europe/Moscow": "Moskauer Zeit"}),
    "ru": TimeWording(
        "ru",
        "по местному времени (%(city)s)",
        "Для участников из Германии",
        {"Europe/Moscow": "по московскому времени (МСК)", "Europe/Berlin": "по берлинскому времени"},
    ),
}


def label(date, start, end, event_tz, home_tz, lang, next_day=False):
    """The label of a session on date from start to end (local times of event_tz)."""
    starts = dt.datetime.combine(date, start, tzinfo=event_tz) if start else None
    end_day = date + dt.timedelta(days=1) if next_day else date
    ends = dt.datetime.combine(end_day, end, tzinfo=event_tz) if end and start else None
    return session_time_label(starts, ends, home_tz, WORDING[lang])

# (function, args, German, Russian)
CASES = [
    ("day_short", format_day_short, (D(2021, 6, 28),), f"Montag, 28.{NB}Juni", f"понедельник, 28{NB}июня"),
    ("date", format_date, (D(2021, 5, 12),), f"12.{NB}Mai 2021", f"12{NB}мая 2021{NB}г."),
    ("single_day", format_date_range, (D(2021, 6, 28), D(2021, 6, 28)), f"28.{NB}Juni 2021", f"28{NB}июня 2021{NB}г."),
    ("same_month", format_date_range, (D(2021, 6, 28), D(2021, 6, 30)), f"28.–30.{NB}Juni 2021", f"28–30{NB}июня 2021{NB}г."),
    ("two_days", format_date_range, (D(2021, 6, 26), D(2021, 6, 27)), f"26.–27.{NB}Juni 2021", f"26–27{NB}июня 2021{NB}г."),
    (
        "across_months",
        format_date_range,
        (D(2021, 6, 23), D(2021, 7, 1)),
        f"23.{NB}Juni – 1.{NB}Juli 2021",
        f"с{NB}23{NB}июня по 1{NB}июля 2021{NB}г.",
    ),
    (
        # March/April: months CLDR abbreviates in German too ("März"/"Apr.")
        "across_months_abbreviated_in_cldr",
        format_date_range,
        (D(2021, 3, 30), D(2021, 4, 2)),
        f"30.{NB}März – 2.{NB}April 2021",
        f"с{NB}30{NB}марта по 2{NB}апреля 2021{NB}г.",
    ),
    (
        "across_years",
        format_date_range,
        (D(2021, 12, 30), D(2022, 1, 2)),
        f"30.{NB}Dezember 2021 – 2.{NB}Januar 2022",
        f"с{NB}30{NB}декабря 2021{NB}г. по 2{NB}января 2022{NB}г.",
    ),
    ("time", format_time, (T(18, 0),), "18:00", "18:00"),
    ("time_range", format_time_range, (T(18, 0), T(20, 0)), f"18:00–20:00{NB}Uhr", "18:00–20:00"),
]


@pytest.mark.parametrize(("function", "args", "de", "ru"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_formats(function, args, de, ru):
    assert function(*args, "de") == de
    assert function(*args, "ru") == ru


# Russian abbreviated month forms as CLDR spells them ("июн.", "сент.", "мая" is never cut).
RU_ABBREVIATED = re.compile(r"\b(янв|февр|мар|апр|июн|июл|авг|сент|окт|нояб|дек)\.")
DE_ABBREVIATED = re.compile(r"\b(Jan|Feb|Mär|Apr|Aug|Sept|Okt|Nov|Dez)\.")


@pytest.mark.parametrize("month", range(1, 13))
def test_month_names_are_never_abbreviated(month):
    start = D(2021, month, 10)
    next_month = D(2021 + month // 12, month % 12 + 1, 3)
    for lang, abbreviated in (("ru", RU_ABBREVIATED), ("de", DE_ABBREVIATED)):
        outputs = [
            format_day_short(start, lang),
            format_date(start, lang),
            format_date_range(start, D(2021, month, 12), lang),
            format_date_range(start, next_month, lang),
        ]
        for text in outputs:
            assert not abbreviated.search(text), text
            assert "\u202f" not in text and "\u2009" not in text, repr(text)


def test_russian_never_shows_june_abbreviated():
    text = format_date_range(D(2021, 6, 28), D(2021, 6, 30), "ru")
    assert "июн." not in text
    assert "июня" in text


def test_no_break_spaces():
    assert f"28.{NB}Juni" in format_date(D(2021, 6, 28), "de")
    assert f"28{NB}июня" in format_date(D(2021, 6, 28), "ru")
    assert f"2021{NB}г." in format_date(D(2021, 6, 28), "ru")
    assert format_date_range(D(2021, 6, 23), D(2021, 7, 1), "ru").startswith(f"с{NB}23")
    assert format_time_range(T(18), T(20), "de").endswith(f"{NB}Uhr")


def test_summer_session_in_moscow_shown_in_berlin_time():
    de = label(D(2021, 6, 28), T(18), T(20), MOSCOW, BERLIN, "de")
    assert de == TimeLabel(
        event_time=f"18:00–20:00{NB}Uhr",
        event_zone="Moskauer Zeit",
        home_label="In Deutschland",
        home_time=f"17:00–19:00{NB}Uhr",
        home_zone="MESZ",
        iso_start="2021-06-28T18:00:00+03:00",
    )
    ru = label(D(2021, 6, 28), T(18), T(20), MOSCOW, BERLIN, "ru")
    assert ru == TimeLabel(
        event_time="18:00–20:00",
        event_zone="по московскому времени (МСК)",
        home_label="Для участников из Германии",
        home_time="17:00–19:00",
        home_zone="по берлинскому времени",
        iso_start="2021-06-28T18:00:00+03:00",
    )


def test_winter_session_in_moscow_shown_in_berlin_time():
    de = label(D(2021, 12, 6), T(18), T(20), MOSCOW, BERLIN, "de")
    assert (de.home_time, de.home_zone) == (f"16:00–18:00{NB}Uhr", "MEZ")
    ru = label(D(2021, 12, 6), T(18), T(20), MOSCOW, BERLIN, "ru")
    assert (ru.home_time, ru.home_zone) == ("16:00–18:00", "по берлинскому времени")


def test_session_without_end():
    shown = label(D(2021, 12, 6), T(18), None, MOSCOW, BERLIN, "de")
    assert shown == TimeLabel("18:00", "Moskauer Zeit", "In Deutschland", "16:00", "MEZ", "2021-12-06T18:00:00+03:00")


def test_session_without_start_is_to_be_announced():
    assert label(D(2021, 6, 28), None, None, MOSCOW, BERLIN, "de") is None
    assert label(D(2021, 6, 28), None, T(20), MOSCOW, BERLIN, "ru") is None


def test_same_wall_clock_time_shows_no_home_time():
    shown = label(D(2021, 6, 28), T(18), T(20), BERLIN, BERLIN, "de")
    assert (shown.home_label, shown.home_time, shown.home_zone) == (None, None, None)
    assert shown.iso_start == "2021-06-28T18:00:00+02:00"


def test_home_time_on_the_previous_day_names_that_day():
    de = label(D(2021, 12, 6), T(1), T(2), MOSCOW, BERLIN, "de")
    assert de.home_time == f"23:00–00:00{NB}Uhr (Sonntag, 5.{NB}Dezember)"
    ru = label(D(2021, 12, 6), T(1), T(2), MOSCOW, BERLIN, "ru")
    assert ru.home_time == f"23:00–00:00 (воскресенье, 5{NB}декабря)"


def test_session_past_midnight_ends_next_day():
    shown = label(D(2021, 6, 28), T(23), T(1), MOSCOW, BERLIN, "ru", next_day=True)
    assert shown.event_time == "23:00–01:00"
    assert shown.home_time == "22:00–00:00"


def test_a_session_across_the_change_of_the_clocks_names_each_time_with_its_zone():
    vladivostok = ZoneInfo("Asia/Vladivostok")  # 09:00-11:00 is 01:00 CEST to 02:00 CET in Berlin
    de = label(D(2022, 10, 30), T(9), T(11), vladivostok, BERLIN, "de")
    assert (de.home_time, de.home_zone) == (f"01:00{NB}MESZ – 02:00{NB}MEZ", "")
    ru = label(D(2022, 10, 30), T(9), T(11), vladivostok, BERLIN, "ru")  # one Russian name for both
    assert (ru.home_time, ru.home_zone) == ("01:00 (GMT+02:00) – 02:00 (GMT+01:00)", "по берлинскому времени")
    assert (de.event_time, de.event_zone) == (f"09:00–11:00{NB}Uhr", "Ortszeit Wladiwostok")


def test_zone_names():
    def zone(tz, at, lang):
        return WORDING[lang].zone(tz, at)

    assert zone(BERLIN, dt.datetime(2021, 6, 28, 12), "de") == "MESZ"  # CLDR's, with summer time
    assert zone(BERLIN, dt.datetime(2021, 1, 28, 12), "de") == "MEZ"
    assert zone(BERLIN, dt.datetime(2021, 1, 28, 12), "ru") == "по берлинскому времени"  # the editor's
    assert zone(MOSCOW, dt.datetime(2021, 1, 28, 12), "de") == "Moskauer Zeit"


def test_a_zone_without_wording_is_named_by_its_city_from_cldr():
    at = dt.datetime(2021, 12, 31, 20)
    assert WORDING["de"].zone(ZoneInfo("Asia/Vladivostok"), at) == "Ortszeit Wladiwostok"
    assert WORDING["ru"].zone(ZoneInfo("Asia/Vladivostok"), at) == "по местному времени (Владивосток)"
    assert WORDING["de"].zone(ZoneInfo("America/New_York"), at) == "Ortszeit New York"
    assert WORDING["ru"].zone(ZoneInfo("America/New_York"), at) == "по местному времени (Нью-Йорк)"
    assert WORDING["de"].zone(ZoneInfo("Europe/Kaliningrad"), at) == "OEZ"  # a CLDR abbreviation Germans know


def _sample() -> list[str]:
    return [
        text
        for lang in ("de", "ru")
        for text in (
            format_day_short(D(2021, 6, 28), lang),
            format_date_range(D(2021, 6, 23), D(2021, 7, 1), lang),
            format_time_range(T(18), T(20), lang),
            label(D(2021, 6, 28), T(18), T(20), MOSCOW, BERLIN, lang).home_zone,
        )
    ]


def test_independent_of_babel_default_locale(monkeypatch):
    expected = _sample()
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setattr(babel.dates, "LC_TIME", "en_US")
    assert _sample() == expected


def test_independent_of_process_locale():
    root = Path(__file__).resolve().parents[2]
    script = "import json; from tests.unit.test_l10n import _sample; print(json.dumps(_sample()))"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env |= {"LC_ALL": "C", "LANG": "C", "LANGUAGE": "en", "PYTHONPATH": str(root)}
    result = subprocess.run([sys.executable, "-c", script], env=env, cwd=root, capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == _sample()
