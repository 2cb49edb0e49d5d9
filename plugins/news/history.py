"""When a file was added and last changed, from its git history: reproducible, never the clock."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path


def added_and_changed(path: Path) -> tuple[dt.datetime, dt.datetime] | None:
    """The times of the commits that added path and that last changed it; None outside git or
    for an uncommitted file. SOURCE_DATE_EPOCH, where the caller sets it (reproducible-builds.org),
    stands for both."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        moment = _utc(epoch)
        return moment, moment
    try:
        run = subprocess.run(
            ["git", "log", "--format=%ct", "--", path.name],
            cwd=path.parent, capture_output=True, text=True, check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    commits = run.stdout.split()  # newest first
    return (_utc(commits[-1]), _utc(commits[0])) if commits else None


def _utc(epoch: str) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
