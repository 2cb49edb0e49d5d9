"""The programme's change history: consecutive versions compared for visitors, and read from git."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from pelican.plugins.programme.history import CALENDAR_KINDS, Change, ChangeKind, History, compare, read_history
from pelican.plugins.programme.reading import read_programme_text
from tests.git_repo import git

FILE = Path(__file__).resolve().parents[1] / "fixtures" / "sites" / "basic" / "programme.yaml"
BASIC = FILE.read_text(encoding="utf-8")
OPENING = """      - id: eroeffnung
        date: 2021-06-28
        start: "18:00"
        end: "20:00"
        venue: saal
"""


def version(*replacements: tuple[str, str]) -> str:
    text = BASIC
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text


def changes(old: str, new: str) -> list[tuple]:
    before, after = read_programme_text(old, str(FILE)), read_programme_text(new, str(FILE))
    return [(event_id, session_id, kind) for event_id, session_id, kind, _, _ in compare(before, after)]


def test_an_unchanged_programme_has_no_changes():
    assert changes(BASIC, BASIC) == []


def test_a_new_start_moves_the_session_in_time_and_the_objects_tell_both_times():
    after = version(('start: "18:00"', 'start: "18:30"'))
    [(event_id, session_id, kind, old, new)] = compare(read_programme_text(BASIC, str(FILE)), read_programme_text(after, str(FILE)))
    assert (event_id, session_id, kind) == ("tagung", "eroeffnung", ChangeKind.MOVED_IN_TIME)
    assert (old.start.isoformat(), new.start.isoformat()) == ("18:00:00", "18:30:00")


def test_added_and_removed_sessions():
    extra = '      - {id: empfang, date: 2021-06-28, title: {de: Empfang, ru: Приём}}\n'
    with_extra = version((OPENING, extra + OPENING))
    assert changes(BASIC, with_extra) == [("tagung", "empfang", ChangeKind.ADDED)]
    assert changes(with_extra, BASIC) == [("tagung", "empfang", ChangeKind.REMOVED)]


@pytest.mark.parametrize("status, kind", [
    ("cancelled", ChangeKind.CANCELLED), ("postponed", ChangeKind.POSTPONED), ("rescheduled", ChangeKind.RESCHEDULED),
])
def test_a_status_is_one_change_and_scheduling_again_reinstates(status, kind):
    marked = version((OPENING, OPENING + f"        status: {status}\n"))
    assert changes(BASIC, marked) == [("tagung", "eroeffnung", kind)]
    back = [ChangeKind.REINSTATED] if status != "rescheduled" else []
    assert changes(marked, BASIC) == [("tagung", "eroeffnung", k) for k in back]


def test_a_cancellation_hides_what_else_changed_of_it():
    cancelled_and_moved = version((OPENING, OPENING.replace('"18:00"', '"19:00"') + "        status: cancelled\n"))
    assert changes(BASIC, cancelled_and_moved) == [("tagung", "eroeffnung", ChangeKind.CANCELLED)]


def test_a_rescheduling_names_the_new_time_itself():
    rescheduled = version((OPENING, OPENING.replace("2021-06-28", "2021-06-29") + "        status: rescheduled\n"))
    assert changes(BASIC, rescheduled) == [("tagung", "eroeffnung", ChangeKind.RESCHEDULED)]


def test_place_speakers_and_languages():
    other_venue = "  - id: klub\n    name: {de: Klub, ru: Клуб}\n    city: {de: Kaluga, ru: Калуга}\n"
    moved = version(("\npeople:", "\n" + other_venue + "\npeople:"), (OPENING, OPENING.replace("venue: saal", "venue: klub")))
    assert changes(BASIC, moved) == [("tagung", "eroeffnung", ChangeKind.MOVED_PLACE)]
    fewer = version(("speakers: [anna-petrova, jonas-weber]", "speakers: [anna-petrova]"))
    assert changes(BASIC, fewer) == [("tagung", "eroeffnung", ChangeKind.SPEAKERS)]
    # an event's languages apply to its sessions that name none: one change, the event's
    spoken = version(("    timezone: Europe/Moscow\n    theme:", "    timezone: Europe/Moscow\n    languages: [de, ru]\n    theme:"))
    assert changes(BASIC, spoken) == [("tagung", None, ChangeKind.LANGUAGES)]
    own = version((OPENING, OPENING + "        languages: [ru]\n"))
    assert changes(BASIC, own) == [("tagung", "eroeffnung", ChangeKind.LANGUAGES)]


def test_an_event_moved_in_time_is_a_change_of_the_event():
    later = version(("start: 2021-06-27\n    end: 2021-06-27", "start: 2021-06-26\n    end: 2021-06-26"))
    assert changes(BASIC, later) == [("vorabend", None, ChangeKind.MOVED_IN_TIME)]


def test_sequence_counts_what_a_calendar_entry_shows():
    steps = [BASIC, version(('start: "18:00"', 'start: "18:30"')),
             version(('start: "18:00"', 'start: "18:30"'), ("speakers: [anna-petrova, jonas-weber]", "speakers: [anna-petrova]"))]
    found = []
    for number, (old, new) in enumerate(zip(steps, steps[1:])):
        for fields in compare(read_programme_text(old, str(FILE)), read_programme_text(new, str(FILE))):
            found.append(Change(dt.datetime(2021, 5, 1 + number, tzinfo=dt.timezone.utc), f"c{number}", *fields))
    history = History(True, tuple(reversed(found)))
    assert [c.kind for c in history.changes] == [ChangeKind.SPEAKERS, ChangeKind.MOVED_IN_TIME]
    assert ChangeKind.SPEAKERS not in CALENDAR_KINDS
    assert history.sequence("tagung", "eroeffnung") == 1
    assert history.sequence("tagung") == 0
    assert History.unavailable().sequence("tagung", "eroeffnung") == 0


# --- read from git ------------------------------------------------------------------------------


def commit(directory: Path, text: str, date: str) -> None:
    (directory / "programme.yaml").write_text(text, encoding="utf-8")
    git(directory, "add", "programme.yaml")
    git(directory, "commit", "-q", "-m", "programme", date=date)


@pytest.fixture
def repository(tmp_path) -> Path:
    root = tmp_path / "repository"
    shutil.copytree(FILE.parent / "images", root / "images")  # the photo the programme names
    git(root, "init", "-q")
    commit(root, BASIC, "2021-05-01T10:00:00+00:00")
    commit(root, version(('start: "18:00"', 'start: "18:30"')), "2021-05-02T10:00:00+00:00")
    commit(root, "events: [unclosed\n", "2021-05-03T10:00:00+00:00")  # does not read
    commit(root, version(('start: "18:00"', 'start: "18:45"')), "2021-05-04T10:00:00+00:00")
    return root


def test_the_history_is_read_newest_first_with_the_commits_dates_and_skips_a_version_that_does_not_read(repository, tmp_path):
    history = read_history(repository / "programme.yaml", tmp_path / "cache")
    assert history.available
    assert [(c.date.isoformat(), c.session_id, c.kind) for c in history.changes] == [
        ("2021-05-04T10:00:00+00:00", "eroeffnung", ChangeKind.MOVED_IN_TIME),  # compared with 18:30, the last good one
        ("2021-05-02T10:00:00+00:00", "eroeffnung", ChangeKind.MOVED_IN_TIME),
    ]
    assert (history.changes[0].before.start.isoformat(), history.changes[0].after.start.isoformat()) == ("18:30:00", "18:45:00")
    assert list((tmp_path / "cache").iterdir())
    assert read_history(repository / "programme.yaml", tmp_path / "cache") == history  # from the cache: the same


def test_no_history_without_git_or_in_a_shallow_clone(repository, tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "programme.yaml").write_text(BASIC, encoding="utf-8")
    assert read_history(plain / "programme.yaml") == History.unavailable()
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repository}", "shallow")
    assert read_history(tmp_path / "shallow" / "programme.yaml") == History.unavailable()
