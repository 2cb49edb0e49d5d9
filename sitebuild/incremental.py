"""make devserver's rebuilds: the whole site when anything but page texts changed, otherwise
only the pages whose text changed.

A page's text appears on that page only; its metadata (title, menu position, summary…) and
every other source (programme.yaml, templates, plugins, settings) reach other pages too, so any
change there rebuilds everything. News items are always rebuilt fully: their text is in the feed.
The link check of an incremental rebuild covers the rebuilt pages; `make check` checks them all.
The search index is rebuilt whole, in the background: the edited page is served before it is ready.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from subprocess import Popen

from . import checks, search_index
from .build import BuildResult, build_language, build_site, handed_to_runs, site_settings
from .report import blocks_build


@dataclass(frozen=True)
class Sources:
    """What a build was made from: every watched file's mtime, and each page's metadata block."""

    stamps: dict[Path, float]
    headers: dict[Path, str]


def watched_files(project: Path, settings: dict) -> list[Path]:
    roots = [Path(settings["PATH"]), Path(settings["THEME"]), project / "plugins"]
    files = [path for root in roots for path in root.rglob("*") if path.is_file() and "__pycache__" not in path.parts]
    return files + [Path(settings["PROGRAMME_FILE"]), *project.glob("*conf.py")]


def metadata_block(markdown: Path) -> str:
    return markdown.read_text(encoding="utf-8").split("\n\n", 1)[0]


def take_sources(project: Path, settings: dict) -> Sources:
    files = watched_files(project, settings)
    stamps = {path: path.stat().st_mtime for path in files}
    return Sources(stamps, {path: metadata_block(path) for path in files if path.suffix == ".md"})


def text_only_edits(before: Sources, after: Sources, settings: dict) -> list[Path] | None:
    """The pages whose text alone changed since before, or None if anything else changed."""
    if before.stamps.keys() != after.stamps.keys():
        return None  # a file was added or removed
    changed = [path for path, stamp in after.stamps.items() if before.stamps[path] != stamp]
    content = Path(settings["PATH"])
    news = {content / lang / folder for lang in settings["LANGUAGES"] for folder in settings["ARTICLE_PATHS"]}
    for path in changed:
        is_page = path.suffix == ".md" and path.is_relative_to(content) and not any(path.is_relative_to(n) for n in news)
        if not is_page or before.headers[path] != after.headers[path]:
            return None
    return changed


def rebuild_pages(
    settings_file: Path, settings: dict, output_dir: Path, pages: list[Path]
) -> tuple[BuildResult, Popen]:
    """Rewrite the given pages in output/ itself: a page that fails to render is not written, so
    the last good version stays, and no other page changes.

    Also returns the search indexer, still at work on a new index of output/: indexing the whole
    site takes longer than the rewrite (2 s at 1000 pages per language), and the preview should
    not wait for it. settings: the site's, from site_settings.
    """
    content = Path(settings["PATH"])
    by_language: dict[str, set[str]] = {}
    for page in pages:
        by_language.setdefault(page.relative_to(content).parts[0], set()).add(str(page))
    # programme.yaml did not change since the last good build (else everything is rebuilt), so it
    # reads without problems; read once here, as in a full build, not by each language run, with
    # what else a full build hands the runs (the pages show the changes and translation notes).
    programme, problems = checks.check_programme(settings)
    handed = handed_to_runs(settings, programme)
    started = time.time()
    with ProcessPoolExecutor(max_workers=len(by_language), mp_context=get_context("fork")) as pool:
        runs = [
            pool.submit(
                build_language, settings_file, settings, lang, output_dir, {**handed, "SELECTED_SOURCES": sources}
            )
            for lang, sources in by_language.items()
        ]
        results = [run.result() for run in runs]
        problems += [problem for result in results for problem in result.problems]
        sources = {page: source for result in results for page, source in result.sources.items()}
    rewritten = [
        path.relative_to(output_dir).as_posix()
        for lang in by_language
        for path in (output_dir / lang).rglob("*.html")
        if path.stat().st_mtime >= started
    ]
    indexer = search_index.start(output_dir)
    try:
        problems += checks.find_placeholders(content, only=pages)
        problems += checks.find_broken_links(output_dir, settings["ROOT_URL"], only=rewritten, sources=sources)
    except BaseException:
        search_index.stop(indexer)
        raise
    return BuildResult(tuple(problems), published=not blocks_build(problems, strict=False)), indexer


class Rebuilder:
    """Remembers what the last good build was made from, to rebuild as little as needed.

    report_late: called with the problems of a search index that finished in the background.
    """

    def __init__(self, settings_file: Path, output_dir: Path, report_late=None) -> None:
        self.settings_file, self.output_dir = settings_file, output_dir
        self.project = settings_file.resolve().parent
        self.built_from: Sources | None = None
        self.report_late = report_late or (lambda problems: None)
        self.indexing: threading.Thread | None = None

    def index_in_background(self, indexer: Popen) -> None:
        """A thread waits for the indexer and swaps the new index in as soon as it is ready."""

        def wait() -> None:
            problems = search_index.finish(indexer, self.output_dir)
            if problems:
                self.report_late(problems)

        self.indexing = threading.Thread(target=wait, daemon=True)
        self.indexing.start()

    def finish_indexing(self) -> None:
        """Waits for the search index of the last incremental rebuild, if it is still at work."""
        if self.indexing is not None:
            self.indexing.join()
            self.indexing = None

    def build(self) -> BuildResult:
        # The indexer writes into output/, which a full build replaces: one at a time.
        self.finish_indexing()
        settings = site_settings(self.settings_file)
        now = take_sources(self.project, settings)
        pages = text_only_edits(self.built_from, now, settings) if self.built_from and self.output_dir.is_dir() else None
        if pages == []:
            return BuildResult((), published=True)
        if pages:
            result, indexer = rebuild_pages(self.settings_file, settings, self.output_dir, pages)
            self.index_in_background(indexer)
        else:
            result = build_site(self.settings_file, self.output_dir)
        if result.published:
            self.built_from = now
        return result
