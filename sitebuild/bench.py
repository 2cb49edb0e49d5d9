"""make bench: the full bilingual build against a bare Pelican build of the same Markdown files.

Works in a temporary copy of the project with N synthetic pages per language added, so the
real content and output/ are never touched. Each build runs in a fresh interpreter (imports
included, as a user waits for them) and the best of several runs is kept, which is the figure
least disturbed by other work on the machine.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pelican

from pelican.plugins.programme.reading import read_programme

from . import search_index

PROJECT = Path(__file__).resolve().parent.parent
COPIED = ("pelicanconf.py", "programme.yaml", "content", "theme", "sitebuild")  # the plugins are installed

PARAGRAPH = {
    "de": "Die Partnerschaften deutscher und russischer Städte bieten einzigartige Möglichkeiten "
    "für eine nachhaltige und vertiefte Zusammenarbeit zwischen den Bürgern und Verwaltungen. ",
    "ru": "Партнёрства российских и германских городов открывают уникальные возможности для "
    "долгосрочного и углублённого сотрудничества между жителями и администрациями. ",
}


def synthetic_page(lang: str, number: int) -> str:
    body = "\n\n".join(
        f"## {section}. Abschnitt / раздел\n\n{PARAGRAPH[lang] * 6}\n\n- {PARAGRAPH[lang]}\n- [Link](../programm/)"
        for section in range(1, 5)
    )
    return f"Title: Seite {number} / страница {number}\nSummary: {PARAGRAPH[lang][:80]}\n\n{body}\n"


def prepare(workdir: Path, pages: int, languages: tuple[str, ...]) -> None:
    for name in COPIED:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, workdir / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, workdir / name)
    for lang in languages:
        for number in range(1, pages + 1):
            (workdir / "content" / lang / f"bench-{number:04d}.md").write_text(
                synthetic_page(lang, number), encoding="utf-8"
            )


def add_sessions(workdir: Path, count: int) -> None:
    """Synthetic sessions for the conference, the last event of programme.yaml, whose sessions
    list ends the file; loading the result checks that they landed there."""
    sessions = "".join(
        f"      - id: bench-{number:04d}\n"
        f"        date: 2021-06-{28 + number % 3}\n"
        f"        start: \"{9 + number % 8:02d}:00\"\n"
        f"        end: \"{10 + number % 8:02d}:00\"\n"
        f"        title: {{de: Sitzung {number}, ru: Заседание {number}}}\n"
        for number in range(1, count + 1)
    )
    programme = workdir / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8") + sessions, encoding="utf-8")
    loaded = read_programme(str(programme))
    assert sum(len(event.sessions) for event in loaded.events) >= count, "sessions went to the wrong event"


WARM_REBUILD = """
import sys, time
from pathlib import Path
from sitebuild.incremental import Rebuilder
late = []
rebuilder = Rebuilder(Path("pelicanconf.py"), Path("output"), report_late=late.extend)
rebuilder.build()  # fills the content cache
page = Path("content/de/bench-0001.md")
page.write_text(page.read_text(encoding="utf-8") + "\\nEine Änderung.\\n", encoding="utf-8")
started = time.perf_counter()
result = rebuilder.build()
elapsed = time.perf_counter() - started  # the page is served now; the search index follows
assert result.published and "Eine Änderung." in Path("output/de/bench-0001/index.html").read_text(encoding="utf-8")
rebuilder.finish_indexing()
assert late == [], late
print(elapsed)
"""


def warm_rebuild(workdir: Path, runs: int) -> float:
    """Rebuild after editing one page's text, in a running process with a warm cache, as
    make devserver does it."""
    times = []
    for _ in range(runs):
        shutil.rmtree(workdir / "output", ignore_errors=True)
        run = subprocess.run([sys.executable, "-c", WARM_REBUILD], cwd=workdir, check=True, capture_output=True, text=True)
        times.append(float(run.stdout.strip().splitlines()[-1]))
    return min(times)


def bare_settings(workdir: Path) -> Path:
    """Pelican's defaults and its `simple` theme; our page templates mapped to its page.html.

    The real pages name templates (Template: event, …) that the simple theme lacks; giving it
    copies of its own page.html keeps the same Markdown files buildable without our theme.
    """
    theme = workdir / "bare-theme"
    shutil.copytree(Path(pelican.__file__).parent / "themes" / "simple", theme)
    for template in (PROJECT / "theme" / "templates").glob("*.html"):
        if not (theme / "templates" / template.name).exists():
            shutil.copy2(theme / "templates" / "page.html", theme / "templates" / template.name)
    settings = workdir / "bareconf.py"
    settings.write_text(
        f"THEME = {str(theme)!r}\nPAGE_PATHS = ['']\nARTICLE_PATHS = []\nPLUGINS = []\n"
        "SLUGIFY_SOURCE = 'basename'\nPAGE_SAVE_AS = '{slug}/index.html'\n"
        # The simple theme lists every page in its menu, which grows with the square of the pages;
        # ours lists the menu pages only. Without it the bare build measures Pelican, not that menu.
        "DISPLAY_PAGES_ON_MENU = False\n",
        encoding="utf-8",
    )
    return settings


def subsites_settings(workdir: Path, languages: tuple[str, ...]) -> Path:
    """The alternative route: one Pelican run with the i18n_subsites plugin over both folders.

    The folder gives each page its language; pages with the same slug are translations.
    """
    settings = workdir / "subsitesconf.py"
    settings.write_text(
        (workdir / "bareconf.py").read_text(encoding="utf-8")
        + f"PLUGINS = ['pelican.plugins.i18n_subsites']\nDEFAULT_LANG = {languages[0]!r}\n"
        + f"I18N_SUBSITES = {{{', '.join(f'{lang!r}: {{}}' for lang in languages[1:])}}}\n"
        + "PATH_METADATA = r'(?P<lang>[a-z]{2})/.*'\n",
        encoding="utf-8",
    )
    return settings


def best_time(command: list[str], cwd: Path, runs: int, remove: tuple[Path, ...]) -> float:
    """Every run from scratch: what the run before left in `remove` (output, cache) is deleted."""
    times = []
    for _ in range(runs):
        for folder in remove:
            shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitebuild.bench")
    parser.add_argument("--pages", type=int, default=300, help="synthetic pages per language")
    parser.add_argument("--sessions", type=int, default=0, help="synthetic sessions in the conference")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    languages = ("de", "ru")
    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        workdir = Path(temporary)
        prepare(workdir, args.pages, languages)
        if args.sessions:
            add_sessions(workdir, args.sessions)
        bare = bare_settings(workdir)
        output = workdir / "output"
        fresh = (output, workdir / "cache")
        full = best_time([sys.executable, "-m", "sitebuild", "html", "--output", str(output)], workdir, args.runs, fresh)
        # Part of the full build, timed alone over its output: what the search costs.
        search = best_time(
            search_index.indexer_command(output, "bench-index"),
            workdir, args.runs, (output / "bench-index",),
        )
        warm = warm_rebuild(workdir, args.runs)

        def bare_run(lang: str) -> float:
            command = [sys.executable, "-m", "pelican", f"content/{lang}", "-s", str(bare), "-o", str(output), "-q"]
            return best_time(command, workdir, args.runs, fresh)

        bare_each = {lang: bare_run(lang) for lang in languages}
        subsites = best_time(
            [sys.executable, "-m", "pelican", "content", "-s", str(subsites_settings(workdir, languages)),
             "-o", str(output), "-q"],
            workdir, args.runs, fresh,
        )
    pages = len(list((PROJECT / "content" / languages[0]).glob("*.md"))) + args.pages
    bare_all = sum(bare_each.values())
    print(f"{pages} pages per language, {len(languages)} languages, {args.sessions} extra sessions, best of {args.runs} runs")
    print(f"full bilingual build (plugins, theme, checks):   {full:6.2f} s")
    print(f"  search index alone (Pagefind, part of it):    {search:6.2f} s")
    print(f"bare Pelican, both languages' files (2 runs):    {bare_all:6.2f} s   ratio {full / bare_all:.2f}")
    print(f"i18n_subsites route, same files (bare theme):   {subsites:6.2f} s   ratio {full / subsites:.2f}")
    print(f"bare Pelican, one language's files ({languages[0]}):        {bare_each[languages[0]]:6.2f} s   ratio {full / bare_each[languages[0]]:.2f}")
    print(f"rebuild after editing one page, warm cache:    {warm:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
