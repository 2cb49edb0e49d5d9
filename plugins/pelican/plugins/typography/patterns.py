"""pyphen's hyphenation patterns, one dictionary per language and process.

pyphen parses LibreOffice's German and Russian patterns in 0.85 s, in every process that builds;
a build keeps them parsed (pickled) in its cache, where the next build loads them in 0.06 s.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

import pyphen

_DICTIONARIES: dict[str, pyphen.Pyphen | None] = {}


def dictionary(lang: str) -> pyphen.Pyphen | None:
    """The patterns for lang; None for a language pyphen has none for."""
    if lang not in _DICTIONARIES:
        _DICTIONARIES[lang] = _parsed(lang)
    return _DICTIONARIES[lang]


def load_dictionaries(languages, cache_path: Path | None = None) -> None:
    """Reads the patterns of languages now: a build that forks one process per language, and
    then typesets its bilingual pages itself, reads them once, not three times. With cache_path,
    from the patterns an earlier build kept there, or kept there for the next."""
    for lang in languages:
        if lang not in _DICTIONARIES:
            _DICTIONARIES[lang] = _parsed(lang) if cache_path is None else _kept(lang, patterns_folder(cache_path))


def patterns_folder(cache_path: Path) -> Path:
    """Where builds keep this pyphen's patterns parsed: another version may parse them otherwise."""
    return cache_path / f"hyphenation-{pyphen.__version__}"


def _parsed(lang: str) -> pyphen.Pyphen | None:
    return pyphen.Pyphen(lang=lang, left=2, right=3) if pyphen.language_fallback(lang) else None


def _kept(lang: str, folder: Path) -> pyphen.Pyphen | None:
    kept = folder / f"{lang}.pickle"
    try:
        return pickle.loads(kept.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):  # none kept yet, or unreadable
        parsed = _parsed(lang)
        folder.mkdir(parents=True, exist_ok=True)
        # Written beside and renamed, so that a build running at the same time never reads half.
        with tempfile.NamedTemporaryFile(dir=folder, prefix=kept.name, suffix=".tmp", delete=False) as written:
            pickle.dump(parsed, written, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(written.name, kept)
        return parsed
