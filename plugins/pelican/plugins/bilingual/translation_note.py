"""The note on a translation whose source changed since it was made: when, and where the
current version is. The status itself is computed once per build (sitebuild.translation_status)
and handed to the runs; a plain Pelican run has none and shows no notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .counterparts import LanguageVersion


@dataclass(frozen=True)
class TranslationNote:
    changed: dt.date  # when the source last changed in a way the translation has not followed
    source: LanguageVersion  # the current version, in its own language


def translation_note(status, source_path: str, versions: Sequence[LanguageVersion]) -> TranslationNote | None:
    """status: a TranslationStatus, or None where nobody computed one."""
    outdated = status.of(Path(source_path)) if status is not None else None
    source = next((version for version in versions if outdated and version.lang == outdated.source_lang), None)
    return TranslationNote(outdated.changed.date(), source) if source else None
