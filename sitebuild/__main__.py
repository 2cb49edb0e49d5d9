"""Command line: `python -m sitebuild html|publish|serve|devserver` (the Makefile calls these)."""

from __future__ import annotations

import argparse
import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .build import BuildResult, build_site
from .report import Severity


def report(result: BuildResult, output_dir: Path) -> int:
    for problem in result.problems:
        print(problem, file=sys.stderr)
    errors = sum(p.severity is Severity.ERROR for p in result.problems)
    warnings = len(result.problems) - errors
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


def serve(output: Path, port: int) -> None:
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(output))
    server = ThreadingHTTPServer(("localhost", port), handler)
    print(f"Serving {output}/ on http://localhost:{port}/ (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


def devserver(settings: Path, output: Path, port: int, watched: list[Path]) -> None:
    """Rebuild on every change; a failed build keeps the last good site served."""
    from watchfiles import watch

    build(settings, output)
    threading.Thread(target=serve, args=(output, port), daemon=True).start()
    for changes in watch(*watched):
        print(f"Changed: {', '.join(sorted({Path(path).name for _, path in changes}))}; rebuilding")
        build(settings, output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitebuild")
    parser.add_argument("command", choices=["html", "publish", "serve", "devserver"])
    parser.add_argument("--settings", type=Path, help="default: pelicanconf.py (publish: publishconf.py)")
    parser.add_argument("--output", type=Path, default=Path("output"))
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    settings = args.settings or Path("publishconf.py" if args.command == "publish" else "pelicanconf.py")
    if args.command in ("html", "publish"):
        return build(settings, args.output)
    if args.command == "serve":
        serve(args.output, args.port)
        return 0
    devserver(settings, args.output, args.port, [Path(p) for p in ("content", "theme", "plugins", "programme.yaml")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
