"""The one timestamp a build may write (iCalendar's DTSTAMP), the same in every build of a commit.

Follows the reproducible-builds.org convention: SOURCE_DATE_EPOCH if the caller sets it,
otherwise the time of the last commit, so two builds of one commit are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path


def source_date(project_dir: Path) -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or _last_commit_time(project_dir)
    return dt.datetime.fromtimestamp(int(epoch or 0), tz=dt.timezone.utc)


def _last_commit_time(project_dir: Path) -> str | None:
    """None outside a git checkout (an unpacked archive): then the epoch itself stands in."""
    try:
        run = subprocess.run(
            ["git", "-C", str(project_dir), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return run.stdout.strip() or None
