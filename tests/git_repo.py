"""git in the repositories tests make: a fixed author, and the commit dates a test gives, so that
what a test commits depends on neither the machine's git configuration nor the clock."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

IDENTITY = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor",
            "GIT_COMMITTER_EMAIL": "editor@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(directory: Path, *arguments: str, date: str = "2021-05-01T10:00:00+00:00") -> str:
    """git's output; a commit it makes is dated date (author and committer)."""
    env = {**os.environ, **IDENTITY, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    return subprocess.run(["git", *arguments], cwd=directory, env=env, check=True, capture_output=True, text=True).stdout
