"""Every kind of defect in programme.yaml is reported at its file, line and column, with a fix.

Each fixture under tests/fixtures/programme/ is a small complete programme with one defect
(several_defects.yaml has several). Expected positions are found by searching the fixture's
text, so editing a fixture cannot leave a test checking a stale line number.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pelican.plugins.programme.reading import read_programme, read_programme_text
from pelican.plugins.programme.model import Source
from pelican.plugins.programme.errors import Problem, ProgrammeError
from pelican.plugins.programme.validation import validate

FIXTURES = Path(__file__).parent.parent / "fixtures" / "programme"


def position(text: str, at: str) -> tuple[int, int]:
    """1-based line and column of the unique occurrence of `at` in text.

    A "|" in `at` marks the position inside it, for a problem that starts after some context.
    """
    before, _, after = at.partition("|") if "|" in at else ("", "", at)
    assert text.count(before + after) == 1, f"{before + after!r} must occur exactly once"
    offset = text.index(before + after) + len(before)
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def line_of(text: str, at: str) -> int:
    return position(text, at)[0]


def problems_in(fixture: str) -> tuple[Path, str, list[Problem]]:
    path = FIXTURES / fixture
    with pytest.raises(ProgrammeError) as raised:
        read_programme(str(path))
    return path, path.read_text(encoding="utf-8"), raised.value.problems


SESSION = "events.konferenz.sessions.eroeffnung"

# fixture, where the problem is (see position()), where, the key part of the message
SINGLE_DEFECTS = [
    ("syntax_error.yaml", "venue: philharmonie", "YAML syntax", "expected <block end>"),
    ("unknown_key.yaml", "titel:", SESSION, "unknown key 'titel'; did you mean 'title'?"),
    ("missing_key.yaml", "id: eroeffnung", SESSION, "missing required key 'date'"),
    ("missing_translation.yaml", "{de: Philharmonie}", "venues.philharmonie.name", "the Russian text (ru) is missing"),
    ("empty_translation.yaml", 'ru: |""', "events.konferenz.description.ru", "the Russian text (ru) is empty"),
    ("text_not_a_string.yaml", "[организатор]", "organisations.drf.role.ru", "the Russian text (ru) must be plain text"),
    ("comma_in_text.yaml", "in Kaluga.", "events.konferenz.description", "a comma inside {…} starts a new key"),
    ("invalid_date.yaml", "2021-06-31", f"{SESSION}.date", "2021-06-31 is not a valid date (YYYY-MM-DD)"),
    ("invalid_hour.yaml", '"25:00"', f"{SESSION}.end", "25:00 is not a valid time: hours run from 00 to 23"),
    ("invalid_minute.yaml", '"18:60"', f"{SESSION}.start", "18:60 is not a valid time: minutes run from 00 to 59"),
    ("unquoted_time.yaml", "18:00", f"{SESSION}.start", 'write the time in quotes, "18:00"'),
    ("event_end_before_start.yaml", "2021-06-27", "events.konferenz.end", "end 2021-06-27 is before start 2021-06-28"),
    ("session_end_before_start.yaml", '"17:30"', f"{SESSION}.end", "end 17:30 is before start 18:00"),
    ("end_without_start.yaml", '"20:00"', f"{SESSION}.end", 'end without start: add start: "HH:MM"'),
    ("session_outside_event.yaml", "id: eroeffnung", f"{SESSION}.date", "2021-07-01 is outside the event's dates (2021-06-28 to 2021-06-30)"),
    ("unknown_venue.yaml", "philharmonei", f"{SESSION}.venue", "unknown venue 'philharmonei'; did you mean 'philharmonie'?"),
    ("unknown_organisation.yaml", "dfr", "working_groups.jugend.coordinators[0]", "unknown organisation 'dfr'; did you mean 'drf'?"),
    ("unknown_working_group.yaml", "jugnd", "events.konferenz.sessions.ag-jugend.working_group", "unknown working group 'jugnd'; did you mean 'jugend'?"),
    ("invalid_id.yaml", "id: |Eröffnung", "events.konferenz.sessions.Eröffnung.id", "'Eröffnung' is not a valid id"),
    ("unknown_timezone.yaml", "Europe/Moskau", "events.konferenz.timezone", "unknown time zone 'Europe/Moskau'; did you mean 'Europe/Moscow'?"),
    ("unknown_format.yaml", "hybird", "events.konferenz.format", "unknown format 'hybird'; did you mean 'hybrid'?"),
    ("mapping_instead_of_list.yaml", "cities: |{", "events.konferenz.cities", "expected a list"),
    ("list_instead_of_mapping.yaml", "[empfang", "events.konferenz.sessions[1]", "expected a mapping"),
    ("empty_value.yaml", "venue:|\n", f"{SESSION}.venue", "'venue' has no value"),
    ("nested_parallel.yaml", "parallel: [", "events.konferenz.sessions[1].parallel[1]", "parallel blocks cannot be nested"),
]


@pytest.mark.parametrize(("fixture", "at", "where", "message"), SINGLE_DEFECTS, ids=[c[0] for c in SINGLE_DEFECTS])
def test_a_defect_is_reported_once_at_its_position(fixture: str, at: str, where: str, message: str) -> None:
    path, text, problems = problems_in(fixture)
    [problem] = problems
    assert problem.source == Source(str(path), *position(text, at))
    assert problem.where == where
    assert message in problem.message


VALID = FIXTURES / "valid.yaml"

# Variations of valid.yaml for the remaining messages: replace old by new, then as above.
VARIATIONS = [
    ("title: {de: Panel, ru: Дискуссия}", "title:\n\t  de: Panel", "\t", "YAML syntax", "indent with spaces, not tabs"),
    ("title: {de: Panel, ru: Дискуссия}", "title: Panel: Dialog", ": Dialog", "YAML syntax", "mapping values are not allowed here; put quotes around a text that contains"),
    ("title: {de: Panel, ru: Дискуссия}", "title: {de: Panel: Dialog, ru: Дискуссия}", ": Dialog", "YAML syntax", 'inside {…}, put a text that contains ":" or "," in quotes'),
    ("url: https://www.deutsch-russisches-forum.de/", "url: www.drf.de", "www.drf.de", "organisations.drf.url", "'www.drf.de' is not a web address: start it with https://"),
    ("affiliation: drf", "affiliation: unbekannt", "unbekannt", "people.anna-petrova.affiliation", "unknown organisation 'unbekannt'; add it under organisations: or use one of drf, goethe"),
    ("id: abschluss", "id: закрытие", "закрытие", "events.konferenz.sessions.закрытие.id", "'закрытие' is not a valid id: use lower-case letters a-z, digits and single hyphens"),
    ('start: "10:00"', 'start: "10 Uhr"', '"10 Uhr"', "events.konferenz.sessions.panel.start", '10 Uhr is not a valid time: write it as HH:MM, e.g. "09:30"'),
    ("date: 2021-05-12", "date: 12.05.2021", "12.05.2021", "deadlines.anmeldeschluss.date", "12.05.2021 is not a valid date: write it as YYYY-MM-DD"),
    ("timezone: Europe/Moscow\n    motto", "timezone: Europe\n    motto", "Europe\n", "events.konferenz.timezone", "unknown time zone 'Europe'"),
    ("timezone: Europe/Moscow\n    motto", "timezone: [Europe/Moscow]\n    motto", "[Europe/Moscow]", "events.konferenz.timezone", "expected a time zone name such as Europe/Moscow, found a list"),
    ("category: coordinator", "category: sponsor", "sponsor", "organisations.goethe.category", "unknown category 'sponsor'; use one of organiser, partner, supporter, coordinator"),
    ("affiliation: drf", "affiliation: drf\n    ? [a, b]\n    : c", "[a, b]", "people.anna-petrova", "a key must be a plain name"),
    ("home_timezone: Europe/Berlin\n", "home_timezone: Europe/Berlin\nhome_timezone: Europe/Moscow\n", "home_timezone: Europe/Moscow", "home_timezone", "'home_timezone' is given twice (first at line 2)"),
    ("coordinators: [drf, goethe]", "coordinators: [drf, goethe]\n    kind: forun", "forun", "working_groups.kultur.kind", "unknown kind 'forun'; did you mean 'forum'?"),
    ("title: {de: Kultur, ru: Культура}", "title: {de: Kultur, ru: Культура, en: Culture}", "en: Culture", "working_groups.kultur.title", "unknown key 'en'; allowed here: de, ru"),
]


@pytest.mark.parametrize(("old", "new", "at", "where", "message"), VARIATIONS, ids=[c[4][:40] for c in VARIATIONS])
def test_a_variation_of_the_valid_fixture_is_reported(old: str, new: str, at: str, where: str, message: str) -> None:
    text = VALID.read_text(encoding="utf-8")
    assert text.count(old) == 1
    assert_one_problem(text.replace(old, new), at, where, message)


def assert_one_problem(text: str, at: str, where: str, message: str) -> None:
    """Reading text as programme.yaml reports one problem: at `at` (see position()), where, message."""
    with pytest.raises(ProgrammeError) as raised:
        read_programme_text(text, "programme.yaml")
    [problem] = raised.value.problems
    assert problem.source == Source("programme.yaml", *position(text, at))
    assert problem.where == where
    assert message in problem.message


def test_an_unclosed_quote_names_the_line_where_it_opens() -> None:
    with pytest.raises(ProgrammeError) as raised:
        read_programme_text('events:\n  - id: a\n    title: "Panel\n', "programme.yaml")
    [problem] = raised.value.problems
    assert problem.source == Source("programme.yaml", 4, 1)  # the end of the file, where YAML gives up
    assert "(while scanning a quoted scalar at line 3); a quote is not closed" in problem.message


def test_a_misspelt_key_is_not_also_reported_missing() -> None:
    _, _, problems = problems_in("unknown_key.yaml")
    assert not any("missing" in problem.message for problem in problems)


def test_a_syntax_error_says_how_to_fix_it() -> None:
    _, _, [problem] = problems_in("syntax_error.yaml")
    assert problem.message.endswith("check the indentation and the quotes on this line and the one above")


def test_an_invalid_id_comes_with_a_valid_example() -> None:
    _, _, [problem] = problems_in("invalid_id.yaml")
    assert "e.g. 'eroeffnung'" in problem.message


# fixture, the repeated thing, its first occurrence, where, the message naming the first's line
REPEATS = [
    ("duplicate_id.yaml", "id: philharmonie  # again", "id: philharmonie\n", "venues.philharmonie.id",
     "duplicate id 'philharmonie', already used at line {}"),
    ("duplicate_session_id.yaml", "id: eroeffnung  # again", "id: eroeffnung\n", f"{SESSION}.id",
     "duplicate id 'eroeffnung', already used at line {}"),
    ("duplicate_key.yaml", "date: 2021-06-29", "date: 2021-06-28", f"{SESSION}.date",
     "'date' is given twice (first at line {})"),
    ("venue_clash.yaml", "id: empfang", "id: eroeffnung", "events.konferenz.sessions.empfang",
     "philharmonie is already taken from 18:00 to 20:00 on 2021-06-28 by session 'eroeffnung' (line {})"),
]


@pytest.mark.parametrize(("fixture", "at", "first", "where", "message"), REPEATS, ids=[c[0] for c in REPEATS])
def test_a_repeat_is_reported_at_the_second_and_names_the_first(
    fixture: str, at: str, first: str, where: str, message: str
) -> None:
    path, text, [problem] = problems_in(fixture)
    assert problem.source == Source(str(path), *position(text, at))
    assert problem.where == where
    assert message.format(line_of(text, first)) in problem.message


def test_several_defects_are_reported_together_in_file_order() -> None:
    path, text, problems = problems_in("several_defects.yaml")
    expected = [
        (line_of(text, "Europe/Berlinn"), "home_timezone", "unknown time zone 'Europe/Berlinn'"),
        (line_of(text, "sponsor"), "organisations.drf.category", "unknown category 'sponsor'"),
        (line_of(text, "{de: Rathaus}"), "venues.rathaus.name", "the Russian text (ru) is missing"),
        (line_of(text, "[eroeffnung"), "events.konferenz.sessions[0]", "expected a mapping"),
        (line_of(text, '"09:00"'), "events.konferenz.sessions.panel.end", "end 09:00 is before start 10:00"),
        (line_of(text, "id: empfang"), "events.konferenz.sessions.empfang.date", "2021-07-02 is outside"),
        (line_of(text, "id: ag-offen"), "events.konferenz.sessions.ag-offen", "already taken from 14:00 to 17:00"),
    ]
    assert [(p.source.line, p.where) for p in problems] == [(line, where) for line, where, _ in expected]
    for problem, (_, _, message) in zip(problems, expected, strict=True):
        assert problem.source.file == str(path)
        assert message in problem.message


def test_the_error_lists_one_problem_per_line() -> None:
    path, _, problems = problems_in("several_defects.yaml")
    lines = str(ProgrammeError(problems)).splitlines()
    assert len(lines) == len(problems) == 7
    for line, problem in zip(lines, problems, strict=True):
        assert line == f"{path}:{problem.source.line}:{problem.source.column}: {problem.where}: {problem.message}"


def test_a_problem_reads_file_line_column_where_message() -> None:
    problem = Problem(Source("programme.yaml", 42, 7), "events.konferenz.end", "end 09:00 is before start 10:00")
    assert str(problem) == "programme.yaml:42:7: events.konferenz.end: end 09:00 is before start 10:00"


# The cross-checks are pure functions of the model: edge cases without a fixture each.



def with_sessions(programme, *sessions):
    event = dataclasses.replace(programme.events[0], sessions=sessions)
    return dataclasses.replace(programme, events=(event, *programme.events[1:]))


def test_the_valid_fixture_passes_every_check(valid) -> None:
    assert validate(valid) == []


def test_back_to_back_sessions_in_one_venue_do_not_clash(valid) -> None:
    first = valid.events[0].sessions[0]  # 18:00-20:00 in the philharmonie
    after = dataclasses.replace(first, id="nachher", start=dt.time(20), end=dt.time(21))
    assert validate(with_sessions(valid, first, after)) == []


def test_sessions_without_times_do_not_clash(valid) -> None:
    first = valid.events[0].sessions[0]
    untimed = dataclasses.replace(first, id="offen", start=None, end=None)
    assert validate(with_sessions(valid, first, untimed)) == []


def test_a_session_id_is_unique_across_events(valid) -> None:
    # The programme overview shows all events' sessions on one page, anchored by id.
    fest = dataclasses.replace(valid.events[1], sessions=(valid.events[0].sessions[-1],))
    fest = dataclasses.replace(fest, start=fest.sessions[0].date, end=fest.sessions[0].date)
    [problem] = validate(dataclasses.replace(valid, events=(valid.events[0], fest)))
    assert problem.where == f"events.{fest.id}.sessions.{fest.sessions[0].id}.id"
    assert problem.message.startswith(f"duplicate id '{fest.sessions[0].id}'")


def test_a_clash_across_events_is_found(valid) -> None:
    first = valid.events[0].sessions[0]
    fest = dataclasses.replace(valid.events[1], start=first.date, end=first.date, sessions=(
        dataclasses.replace(first, id="fest", start=dt.time(19), end=dt.time(22)),
    ))
    [problem] = validate(dataclasses.replace(valid, events=(valid.events[0], fest)))
    assert problem.where == "events.deutschlandfest.sessions.fest"
    assert "by session 'eroeffnung'" in problem.message
