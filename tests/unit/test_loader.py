"""programme.yaml becomes typed, cross-linked model objects that know their place in the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pelican.plugins.programme.reading import read_programme, read_programme_text
from pelican.plugins.programme.model import Format, Localized, OrganisationCategory, Programme, Source
from pelican.plugins.programme.errors import ProgrammeError

from .conftest import REAL, VALID

ROOT = Path(__file__).parent.parent.parent


def line_of(text: str, needle: str) -> int:
    assert text.count(needle) == 1, f"{needle!r} must occur exactly once"
    return text.count("\n", 0, text.index(needle)) + 1


def column_of(text: str, needle: str) -> int:
    offset = text.index(needle)
    return offset - text.rfind("\n", 0, offset)




def sessions_by_id(programme: Programme, event_id: str) -> dict:
    return {session.id: session for session in programme.event(event_id).sessions}


# --- the real programme -------------------------------------------------------------------------


def test_the_real_programme_loads(real: Programme) -> None:
    assert [event.id for event in real.events] == ["jugendforum", "deutschlandfest", "konferenz"]
    konferenz = real.event("konferenz")
    assert (konferenz.start, konferenz.end) == (dt.date(2021, 6, 28), dt.date(2021, 6, 30))
    assert konferenz.timezone == ZoneInfo("Europe/Moscow")
    assert konferenz.format is Format.HYBRID
    assert real.home_timezone == ZoneInfo("Europe/Berlin")
    assert real.organisations[0].category is OrganisationCategory.ORGANISER


def test_a_session_holds_its_venue_object(real: Programme) -> None:
    eroeffnung = sessions_by_id(real, "konferenz")["eroeffnung"]
    assert eroeffnung.venue is next(venue for venue in real.venues if venue.id == "philharmonie")
    assert (eroeffnung.start, eroeffnung.end) == (dt.time(18), dt.time(20))


def test_organisations_are_shared_objects(real: Programme) -> None:
    drf = next(organisation for organisation in real.organisations if organisation.id == "drf")
    assert real.event("konferenz").organisers[0] is drf
    assert next(group for group in real.working_groups if group.id == "kommunale-kooperationen").coordinators == (drf,)


def test_a_working_group_session_takes_the_groups_title(real: Programme) -> None:
    session = sessions_by_id(real, "konferenz")["ag-inklusion"]
    group = next(group for group in real.working_groups if group.id == "inklusion")
    assert session.working_group is group
    assert session.title == group.title == Localized("Inklusion und Teilhabe", "Инклюзия и участие в жизни общества")


def test_parallel_sessions_share_one_slot(real: Programme) -> None:
    sessions = sessions_by_id(real, "konferenz")
    groups = [session for session in sessions.values() if session.working_group]
    assert len(groups) == 6
    assert len({session.slot for session in groups}) == 1
    assert sessions["panel"].slot < groups[0].slot < sessions["empfang"].slot


def test_objects_know_their_line_and_column(real: Programme) -> None:
    text = REAL.read_text(encoding="utf-8")
    sessions = sessions_by_id(real, "konferenz")
    expected = {
        sessions["eroeffnung"]: "id: eroeffnung",
        sessions["ag-inklusion"]: "{id: ag-inklusion",
        real.event("konferenz"): "id: konferenz",
        real.venues[0]: "id: philharmonie",
        real.working_groups[0]: "id: wirtschaftsforum",
        real.deadlines[0]: "id: anmeldeschluss",
    }
    for obj, needle in expected.items():
        assert obj.source == Source(str(REAL), line_of(text, needle), column_of(text, needle)), obj.id


# --- the valid fixture: every optional part ---------------------------------------------------


def test_slots_increase_in_list_order(valid: Programme) -> None:
    slots = [(session.id, session.slot) for session in valid.event("konferenz").sessions]
    assert slots == [
        ("eroeffnung", 0), ("panel", 1), ("ag-jugend", 2), ("ag-kultur", 2), ("ag-offen", 2), ("abschluss", 3)
    ]


def test_people_are_linked_to_sessions_and_organisations(valid: Programme) -> None:
    [anna] = valid.people
    assert anna.affiliation is valid.organisations[0]
    assert sessions_by_id(valid, "konferenz")["eroeffnung"].speakers == (anna,)


def test_optional_values_default_to_none_or_empty(valid: Programme) -> None:
    fest = valid.event("deutschlandfest")
    assert (fest.motto, fest.venue, fest.organisers, fest.sessions) == (None, None, (), ())
    assert fest.start == fest.end
    abschluss = sessions_by_id(valid, "konferenz")["abschluss"]
    assert (abschluss.start, abschluss.end, abschluss.venue, abschluss.speakers) == (None, None, None, ())
    assert valid.venues[1].address is None
    assert valid.organisations[0].url == "https://www.deutsch-russisches-forum.de/"


def test_text_is_read_as_written_not_as_yaml_1_1_values(valid: Programme) -> None:
    text = VALID.read_text(encoding="utf-8").replace("{de: DRF, ru: DRF}", "{de: no, ru: 650}")
    programme = read_programme_text(text, "programme.yaml")
    assert programme.organisations[0].short_name == Localized("no", "650")


def test_sources_name_the_file_as_given() -> None:
    text = VALID.read_text(encoding="utf-8")
    programme = read_programme_text(text, "programme.yaml")
    needle = "id: philharmonie"
    assert programme.venues[0].source == Source("programme.yaml", line_of(text, needle), column_of(text, needle))


# --- problems with the file as a whole ---------------------------------------------------------


def only_problem(call) -> str:
    with pytest.raises(ProgrammeError) as raised:
        call()
    [problem] = raised.value.problems
    return str(problem)


def test_a_missing_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "programme.yaml"
    assert only_problem(lambda: read_programme(str(path))).startswith(f"{path}:1:1: file: cannot read the programme")


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "programme.yaml"
    bad_line = "  - name: Städt"
    path.write_bytes(f"home_timezone: Europe/Berlin\nvenues:\n{bad_line}\n".encode("latin-1"))
    assert only_problem(lambda: read_programme(str(path))) == (
        f"{path}:3:{bad_line.index('ä') + 1}: file: this is not UTF-8 text: save the file as UTF-8 in your editor"
    )


def test_an_empty_file() -> None:
    assert "the file is empty" in only_problem(lambda: read_programme_text("# nothing yet\n", "programme.yaml"))


def test_an_invisible_control_character() -> None:
    message = only_problem(lambda: read_programme_text("events:\n  - id: a\x07b\n", "programme.yaml"))
    assert message.startswith("programme.yaml:2:10: YAML syntax: the invisible character U+0007 is not allowed")


def test_a_list_at_the_top_level() -> None:
    message = only_problem(lambda: read_programme_text("- events\n", "programme.yaml"))
    assert message == "programme.yaml:1:1: top level: expected a mapping (key: value lines), found a list"


@pytest.mark.parametrize("change, message", [
    (("venues:", "places:"), "missing required key 'venues'"),
    (("category: organiser", "category:"), "'category' has no value"),
    (("category: organiser", "category: [a]"), "expected a category, found a list"),
    (("home_timezone: Europe/Berlin", "home_timezone: [a]"), "expected a time zone name such as Europe/Moscow, found a list"),
    (("working_group: jugend", "working_group: [jugend]"), "expected an id, found a list"),
    (("people:", "people: &a [*a]\nx:"), "an alias cannot contain itself"),
    (("organisations:\n", "organisations:\n  -\n"), "expected a mapping (key: value lines), found nothing"),
])
def test_broken_shapes_are_reported_not_crashed_on(change, message):
    text = (ROOT / "tests" / "fixtures" / "programme" / "valid.yaml").read_text(encoding="utf-8").replace(*change, 1)
    with pytest.raises(ProgrammeError) as raised:
        read_programme_text(text, "programme.yaml")
    assert any(message in problem.message for problem in raised.value.problems), raised.value
