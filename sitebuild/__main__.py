"""Command line: `python -m sitebuild html|publish|serve|devserver` (the Makefile calls these)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from .build import BuildResult, build_site, site_settings
from .catalogue_check import catalogue_problems
from .host import host_server
from .incremental import Rebuilder
from .new_page import NewPageError, create_page
from .report import Severity, blocks_build
from .translation_status import missing_counterparts, source_diff, translation_status, unknown_originals


def report(result: BuildResult, output_dir: Path) -> int:
    for problem in result.problems:
        print(problem, file=sys.stderr)
    errors = sum(p.severity is Severity.ERROR for p in result.problems)
    warnings = sum(p.severity is Severity.WARNING for p in result.problems)
    if result.published:
        pages = sum(1 for _ in output_dir.rglob("*.html"))
        print(f"Built {pages} pages into {output_dir}/ ({warnings} warnings).")
        return 0
    print(
        f"Build failed: {errors} errors, {warnings} warnings. {output_dir}/ was left as it was.",
        file=sys.stderr,
    )
    return 1


def build(settings: Path, output: Path) -> int:
    return report(build_site(settings, output), output)


def check(settings: Path) -> int:
    """Everything a publish run checks, in a temporary folder: output/ is not touched."""
    with tempfile.TemporaryDirectory() as temporary:
        problems = build_site(settings, Path(temporary) / "site", strict=True).problems
    for problem in problems:
        print(problem, file=sys.stderr)
    if blocks_build(problems, strict=True):
        print(f"{len(problems)} problems: fix them, then run `make check` again.", file=sys.stderr)
        return 1
    print(f"No problems found ({len(problems)} notices)." if problems else "No problems found.")
    return 0


def translations(settings: Path, diff: bool = False) -> int:
    """The editors' to-do list; with diff, each outdated translation's source changes."""
    site = site_settings(settings)
    content, languages = Path(site["PATH"]), site["LANGUAGES"]
    lines = [f"missing: {os.path.relpath(item.page)} (translate {os.path.relpath(item.source)})"
             for item in missing_counterparts(content, languages)]
    lines += unknown_originals(content, languages)
    status = translation_status(content, languages)
    if not status.available:
        lines.append("outdated: cannot judge: this copy has no full git history (a tarball or a shallow clone)")
    for item in status.outdated:
        page, source = os.path.relpath(item.page), os.path.relpath(item.source)
        if item.certain:
            lines.append(f"outdated: {page} (its source {source} changed on {item.changed.date().isoformat()})")
        else:
            lines.append(f"may be outdated: {page} (its source {source} has uncommitted edits)")
        if diff:
            lines.append(source_diff(item).rstrip("\n"))
    lines += [problem.message for problem in catalogue_problems(Path(site["THEME"]), languages)]
    print("\n".join(lines) if lines else "Everything is translated.")
    return 0


def new_page(settings: Path, slug: str) -> int:
    site = site_settings(settings)
    try:
        paths = create_page(Path(site["PATH"]), slug, site["LANGUAGES"])
    except NewPageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in paths:
        print(f"created {os.path.relpath(path)}")
    return 0


def serve(output: Path, port: int) -> None:
    server = host_server(output, port=port)
    print(f"Serving {output}/ on http://localhost:{port}/ (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


def devserver(settings: Path, output: Path, port: int, watched: list[Path]) -> None:
    """Serve, rebuild on every change and reload the open page; a failed build keeps the last
    good site served. livereload injects its script from this same local server only."""
    from livereload import Server

    def report_late(problems: list) -> None:
        for problem in problems:
            print(problem, file=sys.stderr)

    rebuilder = Rebuilder(settings, output, report_late=report_late)

    def rebuild() -> None:
        report(rebuilder.build(), output)

    rebuild()
    server = Server()
    for path in watched:
        server.watch(str(path), rebuild, delay=0.2)
    try:
        server.serve(host="localhost", port=port, root=str(output), open_url_delay=None, restart_delay=0)
    finally:
        rebuilder.finish_indexing()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitebuild")
    parser.add_argument("command", choices=["html", "publish", "serve", "devserver", "check", "translations", "new-page"])
    parser.add_argument("--slug", help="new-page: the address of the new page, e.g. anreise")
    parser.add_argument("--diff", action="store_true", help="translations: show what changed in each outdated translation's source")
    parser.add_argument("--settings", type=Path, help="default: pelicanconf.py (publish: publishconf.py)")
    parser.add_argument("--output", type=Path, default=Path("output"))
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    settings = args.settings or Path("publishconf.py" if args.command == "publish" else "pelicanconf.py")
    if args.command in ("html", "publish"):
        return build(settings, args.output)
    if args.command == "check":
        return check(settings)
    if args.command == "translations":
        return translations(settings, args.diff)
    if args.command == "new-page":
        return new_page(settings, args.slug or "")
    if args.command == "serve":
        serve(args.output, args.port)
        return 0
    devserver(settings, args.output, args.port, [Path(p) for p in ("content", "theme", "plugins", "programme.yaml", settings)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
