"""The static search index of the site, built by Pagefind (from PyPI) after both language runs.

Pagefind reads each page's <html lang> and writes one index per language with that language's
stemmer, so a search on /ru/ finds "конференция" for "конференции". Only pages whose <main>
carries data-pagefind-body are indexed: pages that ask robots not to index them leave it out.
The indexer is a separate program; it runs while Python writes the sitemap and checks links.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from pagefind_bin import get_executable

from .report import Problem, error

BUNDLE_FOLDER = "pagefind"
# Pagefind adds files to a bundle folder but never removes old ones, so each run writes a new
# folder that then replaces the old one (a devserver rebuild indexes output/ itself).
NEW_BUNDLE_FOLDER = ".pagefind-new"
# Pagefind always writes its ready-made interfaces too (about 400 kB); the theme's own search.js
# uses the search API alone, so they would only be uploaded and never asked for.
UNUSED_FILES = (
    "pagefind-ui.js", "pagefind-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css",
    "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-highlight.js",
    "wasm.unknown.pagefind",  # for pages without a language; every page here has one
)
ENTRY_FILE = "pagefind-entry.json"


def indexer_command(site_dir: Path, bundle_folder: str) -> list[str]:
    """Pagefind indexing site_dir into its bundle_folder. The indexer itself, from the wheel
    pagefind_bin: `python -m pagefind` (its wrapper) only finds and starts it, after an
    interpreter's start (0.1 s of a build's 0.6 s on a small site)."""
    return [str(get_executable()), "--site", str(site_dir), "--output-subdir", bundle_folder, "--silent"]


def start(site_dir: Path) -> subprocess.Popen:
    shutil.rmtree(site_dir / NEW_BUNDLE_FOLDER, ignore_errors=True)
    return subprocess.Popen(
        indexer_command(site_dir, NEW_BUNDLE_FOLDER),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def finish(indexer: subprocess.Popen, site_dir: Path) -> list[Problem]:
    output, _ = indexer.communicate()
    bundle = site_dir / NEW_BUNDLE_FOLDER
    if indexer.returncode:
        shutil.rmtree(bundle, ignore_errors=True)
        return [error(f"the search index (Pagefind) failed with exit code {indexer.returncode}:\n{output.strip()}")]
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    sort_languages(bundle / ENTRY_FILE)
    shutil.rmtree(site_dir / BUNDLE_FOLDER, ignore_errors=True)
    bundle.rename(site_dir / BUNDLE_FOLDER)
    return []


def stop(indexer: subprocess.Popen) -> None:
    """Ends an indexer that was not waited for (the work around it failed); no-op once finished."""
    if indexer.poll() is None:
        indexer.kill()
        indexer.wait()


def sort_languages(entry_file: Path) -> None:
    """Pagefind lists the languages in a different order on each run; sorted, two builds of the
    same sources stay byte-identical."""
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
