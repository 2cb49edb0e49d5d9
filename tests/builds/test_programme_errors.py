"""A broken programme.yaml stops even a development build, names file and line, keeps output/."""

from __future__ import annotations

import subprocess
import sys

from .conftest import PROJECT


def break_programme(site, old: str, new: str) -> int:
    programme = site.root / "programme.yaml"
    text = programme.read_text(encoding="utf-8")
    assert old in text
    programme.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_build_stops_on_programme_errors_and_keeps_the_last_good_site(make_site):
    site = make_site("basic")
    assert site.build().published
    before = site.snapshot()
    typo_line = break_programme(site, "        venue: saal", "        venu: saal")
    clash_line = break_programme(site, 'end: "20:00"', 'end: "17:00"')

    result = site.build()

    assert not result.published
    shown = [str(problem) for problem in result.problems]
    assert any(
        line.startswith(f"error: programme.yaml:{typo_line}:9: ") and "unknown key 'venu'; did you mean 'venue'?" in line
        for line in shown
    ), shown
    assert any(line.startswith(f"error: programme.yaml:{clash_line}:") and "before" in line for line in shown), shown
    assert site.snapshot() == before


def test_command_line_exits_non_zero_with_the_message(make_site):
    site = make_site("basic")
    line = break_programme(site, "timezone: Europe/Moscow", "timezone: Europe/Moskau")
    run = subprocess.run(
        [sys.executable, "-m", "sitebuild", "html"],
        cwd=site.root, capture_output=True, text=True, env={"PYTHONPATH": str(PROJECT), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 1
    assert f"programme.yaml:{line}:" in run.stderr
    assert "did you mean 'Europe/Moscow'?" in run.stderr
    assert "output/ was left as it was" in run.stderr
    assert not (site.root / "output").exists()
