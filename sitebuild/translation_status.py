"""What still needs translating: pages without their counterpart, pages whose other-language
version changed after them, and catalogue entries that are missing, untranslated or fuzzy."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Outdated:
    page: Path  # the version that is behind
    source: Path  # the version that changed after it


def pages_by_name(content_dir: Path, lang: str) -> set[str]:
    return {str(path.relative_to(content_dir / lang)) for path in (content_dir / lang).rglob("*.md")}


@dataclass(frozen=True)
class Missing:
    page: Path  # the file to create
    source: Path  # a version that exists, to translate from


def missing_counterparts(content_dir: Path, languages: tuple[str, ...]) -> list[Missing]:
    names = {lang: pages_by_name(content_dir, lang) for lang in languages}
    return [
        Missing(content_dir / lang / name, content_dir / next(other for other in languages if name in names[other]) / name)
        for lang in languages
        for name in sorted(set().union(*names.values()) - names[lang])
    ]


def last_change(path: Path) -> float:
    """When the file last changed: its last commit, or now if it has uncommitted edits."""
    status = subprocess.run(
        ["git", "status", "--porcelain", "--", path.name], cwd=path.parent, capture_output=True, text=True
    )
    if status.returncode != 0 or status.stdout.strip():
        return path.stat().st_mtime
    log = subprocess.run(["git", "log", "-1", "--format=%ct", "--", path.name], cwd=path.parent, capture_output=True, text=True)
    return float(log.stdout.strip() or path.stat().st_mtime)


def outdated_translations(content_dir: Path, languages: tuple[str, ...]) -> list[Outdated]:
    """Pairs where one version changed after the other: the older one may need the same change."""
    shared = set.intersection(*(pages_by_name(content_dir, lang) for lang in languages))
    outdated = []
    for name in sorted(shared):
        changed = sorted(((last_change(content_dir / lang / name), lang) for lang in languages), reverse=True)
        (newest, newest_lang), *older = changed
        outdated += [
            Outdated(content_dir / lang / name, content_dir / newest_lang / name) for time, lang in older if time < newest
        ]
    return outdated
