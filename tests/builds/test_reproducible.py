"""Two builds of the same sources are byte-identical: no clock time, no path, no random order."""

from __future__ import annotations

from .conftest import copy_fixture


def test_two_builds_in_different_folders_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1620000000")
    monkeypatch.setenv("SITE_URL", "https://staedtepartner.example")
    snapshots = []
    for name in ("first", "second"):
        site = copy_fixture("basic", tmp_path / name, own_cache=True)
        monkeypatch.chdir(site.root)
        assert site.publish().published  # publishing writes everything, .gz copies included
        snapshots.append(site.snapshot())
    first, second = snapshots
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []
    assert any(path.endswith(".ics") for path in first) and any(path.endswith(".gz") for path in first)
