"""What still needs translating: pages without their counterpart, translations whose source
changed after them, and (catalogue_check) catalogue entries that are missing or fuzzy.

A page's source is the first of LANGUAGES, or the language its metadata names (`Original: ru`);
the other versions are its translations. Only a translation can be outdated, and only by git
ancestry, never by clock times: a translation was last brought in line with its source at the
last commit that touched it, and is outdated when a commit that is not an ancestor of that one
changed the source. A commit whose message has a line `Translation: not needed`, or whose hash
is listed in the file NOT_NEEDED_FILE beside the content folder, changed nothing to translate.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from pelican.plugins.bilingual.git_history import full_history, git, listed_commits

ORIGINAL_KEY = "original"  # the metadata naming a page's source language: `Original: ru`
# Beside the content folder: commits already made whose source changes need no translation. Like
# programme-corrections.txt (and git's blame.ignoreRevsFile): one hash a line, # for comments.
NOT_NEEDED_FILE = "translation-not-needed.txt"
_NOT_NEEDED_LINE = re.compile(r"^\s*translation\s*:\s*not\s+needed\s*$", re.IGNORECASE | re.MULTILINE)
_COMMIT, _FILES = "\x1e", "\x1f"  # before each commit and before its files in a log; never in a message


@dataclass(frozen=True)
class Missing:
    page: Path  # the file to create
    source: Path  # a version that exists, to translate from


@dataclass(frozen=True)
class Outdated:
    page: Path  # the translation that is behind
    source: Path  # its source
    source_lang: str
    since: str  # the commit at which the translation was last brought in line with the source
    changed: dt.datetime | None  # the author time of the newest source change after it; None: only uncommitted edits

    @property
    def certain(self) -> bool:
        """False: only uncommitted edits of the source, which may or may not need translating."""
        return self.changed is not None


@dataclass(frozen=True)
class TranslationStatus:
    available: bool  # False: no full git history to judge by (a tarball, a shallow clone)
    outdated: tuple[Outdated, ...] = ()

    def of(self, page: Path) -> Outdated | None:
        """The committed source change a page has not caught up with, if any."""
        page = page.resolve()
        return next((item for item in self.outdated if item.certain and item.page.resolve() == page), None)


def pages_by_name(content_dir: Path, lang: str) -> set[str]:
    return {path.relative_to(content_dir / lang).as_posix() for path in (content_dir / lang).rglob("*.md")}


def missing_counterparts(content_dir: Path, languages: tuple[str, ...]) -> list[Missing]:
    names = {lang: pages_by_name(content_dir, lang) for lang in languages}
    return [
        Missing(content_dir / lang / name, content_dir / next(other for other in languages if name in names[other]) / name)
        for lang in languages
        for name in sorted(set().union(*names.values()) - names[lang])
    ]


def source_language(versions: list[Path], languages: tuple[str, ...]) -> str:
    """The language a page was written in first: the one its metadata names, else the first."""
    named = (_metadata(path).get(ORIGINAL_KEY, "").lower() for path in versions)
    return next((lang for lang in named if lang in languages), languages[0])


def unknown_originals(content_dir: Path, languages: tuple[str, ...]) -> list[str]:
    """An `Original:` that names none of the languages, which would silently count as the first."""
    return [
        f"{os.path.relpath(path)}: Original: {value} is none of LANGUAGES {', '.join(languages)}: write e.g. Original: {languages[-1]}"
        for lang in languages
        for path in sorted((content_dir / lang).rglob("*.md"))
        if (value := _metadata(path).get(ORIGINAL_KEY)) is not None and value.lower() not in languages
    ]


def _metadata(path: Path) -> dict[str, str]:
    """The Markdown header's `Key: value` lines, keys in lower case as Pelican reads them."""
    header = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, colon, value = line.partition(":")
        if not line.strip() or not colon:
            break
        header[key.strip().lower()] = value.strip()
    return header


def translation_status(content_dir: Path, languages: tuple[str, ...]) -> TranslationStatus:
    """Every translation whose source changed after it; unavailable outside a full git history."""
    repository = _Git(content_dir.resolve())
    try:
        if not full_history(repository.directory):
            return TranslationStatus(available=False)
        dirty = repository.uncommitted()
        not_needed = listed_commits(content_dir.resolve().parent / NOT_NEEDED_FILE)
        shared = set.intersection(*(pages_by_name(content_dir, lang) for lang in languages))
        outdated = []
        for name in sorted(shared):
            versions = {lang: content_dir / lang / name for lang in languages}
            source_lang = source_language(list(versions.values()), languages)
            source = versions[source_lang]
            for lang, page in versions.items():
                since = repository.last_commit(page) if lang != source_lang else None
                if since is None:
                    continue  # the source itself, or a translation not yet committed: in the making
                changes = [date for commit, date, message, files in repository.changes_since(since)
                           if source.resolve() in files
                           and not commit.startswith(not_needed) and not _NOT_NEEDED_LINE.search(message)]
                if changes or source.resolve() in dirty:
                    outdated.append(Outdated(page, source, source_lang, since, changes[0] if changes else None))
    except (OSError, subprocess.CalledProcessError):
        return TranslationStatus(available=False)
    return TranslationStatus(available=True, outdated=tuple(outdated))


def source_diff(item: Outdated) -> str:
    """What the translator has to carry over: the source's text changes since the translation
    was last brought in line, uncommitted edits included."""
    return _Git(item.source.resolve().parent).run("diff", item.since, "--", item.source.resolve().name)


class _Git:
    """git in one folder: two log reads answer for every page, however many there are."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.changes_since = cache(self._changes_since)

    def run(self, *arguments: str) -> str:
        return git(self.directory, *arguments)

    @cached_property
    def top(self) -> Path:
        return Path(self.run("rev-parse", "--show-toplevel").strip())

    def uncommitted(self) -> set[Path]:
        """The files below the folder with edits not committed yet, new files included."""
        # porcelain paths are relative to the repository's top, whatever the folder
        entries = self.run("status", "--porcelain", "-z", "--no-renames", "--untracked-files=all", "--", ".").split("\0")
        return {(self.top / entry[3:]).resolve() for entry in entries if entry}

    def last_commit(self, path: Path) -> str | None:
        return self._last_commits.get(path.resolve())

    @cached_property
    def _last_commits(self) -> dict[Path, str]:
        """Each file's last commit: the first one that lists it, as `git log -1 -- file` finds it."""
        last: dict[Path, str] = {}
        for commit, _, _, files in self._log():
            for file in files:
                last.setdefault(file, commit)
        return last

    def _changes_since(self, since: str) -> list[tuple[str, dt.datetime, str, frozenset[Path]]]:
        """The commits that are not ancestors of since, newest first: (hash, author time, message, files)."""
        return self._log(f"{since}..HEAD")

    def _log(self, *revisions: str) -> list[tuple[str, dt.datetime, str, frozenset[Path]]]:
        log = self.run("log", f"--format={_COMMIT}%H%n%at%n%B{_FILES}", "--name-only", *revisions, "--", ".")
        commits = []
        for entry in log.split(_COMMIT)[1:]:
            head, files = entry.split(_FILES)
            commit, stamp, message = head.split("\n", 2)
            date = dt.datetime.fromtimestamp(int(stamp), tz=dt.timezone.utc)
            commits.append((commit, date, message, frozenset((self.top / f).resolve() for f in files.split("\n") if f)))
        return commits
