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

# The shortest piece a break may leave before and after it.
_LEFT, _RIGHT = 2, 3
_DICTIONARIES: dict[str, pyphen.Pyphen | None] = {}


def dictionary(lang: str, cache_path: Path | None = None) -> pyphen.Pyphen | None:
    """The patterns for lang (None for a language pyphen has none for), read once per process;
    with cache_path, from the patterns an earlier build kept there, or kept there for the next."""
    if lang not in _DICTIONARIES:
        _DICTIONARIES[lang] = _parsed(lang) if cache_path is None else _kept(lang, patterns_folder(cache_path))
    return _DICTIONARIES[lang]


def load_dictionaries(languages, cache_path: Path | None = None) -> None:
    """Reads the patterns of languages now: a build that forks one process per language, and
    then typesets its bilingual pages itself, reads them once, not three times."""
    for lang in languages:
        dictionary(lang, cache_path)


def patterns_folder(cache_path: Path) -> Path:
    """Where builds keep the patterns parsed by this pyphen for these shortest pieces: another
    version may parse them otherwise."""
    return cache_path / f"hyphenation-{pyphen.__version__}-{_LEFT}-{_RIGHT}"


def _parsed(lang: str) -> pyphen.Pyphen | None:
    return pyphen.Pyphen(lang=lang, left=_LEFT, right=_RIGHT) if pyphen.language_fallback(lang) else None


def _kept(lang: str, folder: Path) -> pyphen.Pyphen | None:
    kept = folder / f"{lang}.pickle"
    try:
        return pickle.loads(kept.read_bytes())
    except Exception:  # noqa: BLE001 - none kept yet, or unreadable (cut off, another Python's): parse anew
        parsed = _parsed(lang)
        folder.mkdir(parents=True, exist_ok=True)
        # Written beside and renamed, so that a build running at the same time never reads half.
        with tempfile.NamedTemporaryFile(dir=folder, prefix=kept.name, suffix=".tmp", delete=False) as written:
            pickle.dump(parsed, written, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(written.name, kept)
        return parsed
