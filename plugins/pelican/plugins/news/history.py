"""When a file was added and last changed, from its git history: reproducible, never the clock."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from pelican.plugins.bilingual.git_history import full_history, git


def commit_times(directory: Path, *paths: str) -> list[dt.datetime] | None:
    """The author times of the commits that changed paths (all commits without paths), newest
    first, as `git log` in directory gives them; None outside a full git history.

    Author times, because a rebase or cherry-pick keeps them. A shallow clone (CI's default)
    knows only its last commits, so it is treated as having no history rather than a wrong one.
    """
    if not full_history(directory):
        return None
    try:
        log = git(directory, "log", "--format=%at", *(["--follow", "--", *paths] if paths else []))
    except (OSError, subprocess.CalledProcessError):
        return None
    return [dt.datetime.fromtimestamp(int(stamp), tz=dt.timezone.utc) for stamp in log.split()]


def added_and_changed(path: Path) -> tuple[dt.datetime, dt.datetime] | None:
    """When the commit that added path was written, and the one that last changed it; None for
    a file outside a full history or not yet committed."""
    times = commit_times(path.parent, path.name)
    return (times[-1], times[0]) if times else None

