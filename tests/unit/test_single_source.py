"""Every programme date and time lives in programme.yaml only: pages and templates never repeat one."""

import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
MONTHS = (
    "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
TYPED_DATE = re.compile(
    rf"\b\d{{1,2}}\.?(\s|\u00a0)*(–\s*\d{{1,2}}\.?\s*)?({MONTHS})"  # 28. Juni, 28–30 июня
    r"|\b\d{4}-\d{2}-\d{2}\b"  # 2021-06-28
    r"|\b\d{1,2}\.\d{1,2}\.(\d{2,4})?"  # 28.6.2021
    r"|\b\d{1,2}:\d{2}\b"  # 18:00
)
FILES = sorted([*PROJECT.glob("content/**/*.md"), *PROJECT.glob("theme/templates/**/*.html")])


def test_there_are_files_to_check():
    assert len(FILES) > 20


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(PROJECT)))
def test_no_date_or_time_is_typed_outside_programme_yaml(path):
    typed = [
        f"{path.relative_to(PROJECT)}:{number}: {match.group(0)!r}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if not line.startswith(("Sources:", "Date:"))  # a news item's own publication date is no programme date
        for match in TYPED_DATE.finditer(line)
    ]
    assert typed == [], "write it in programme.yaml and let the template show it"


def test_the_pattern_finds_typed_dates():
    for typed in ("am 28. Juni", "28–30 июня", "1\u00a0июля", "2021-06-28", "um 18:00 Uhr", "28.06.2021"):
        assert TYPED_DATE.search(typed), typed
