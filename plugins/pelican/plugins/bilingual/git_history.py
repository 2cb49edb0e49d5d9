"""Reading the project's git history, as the news dates, the programme's change history and the
translation status all do: one way to run git, one answer to "is the history whole", one format
for the lists of commits an editor marks (programme-corrections.txt, translation-not-needed.txt).
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(directory: Path, *arguments: str, stdin: str | None = None) -> str:
    """git's output in directory, given stdin on its standard input; CalledProcessError if it
    fails, OSError without git."""
    return subprocess.run(["git", *arguments], cwd=directory, input=stdin, capture_output=True, encoding="utf-8",
                          check=True).stdout


def full_history(directory: Path) -> bool:
    """Whether directory is in a git checkout with its whole history. A shallow clone (CI's
    default) knows only its last commits: better no history than a wrong one."""
    try:
        return git(directory, "rev-parse", "--is-shallow-repository").strip() == "false"
    except (OSError, subprocess.CalledProcessError):  # no git, or not a repository
        return False


def listed_commits(file: Path) -> tuple[str, ...]:
    """The commit hashes (or their starts) a file lists: one a line, # starts a comment, like
    git's blame.ignoreRevsFile; none if there is no such file."""
    lines = file.read_text(encoding="utf-8").splitlines() if file.is_file() else []
    return tuple(word for line in lines if (word := line.split("#", 1)[0].strip()))
