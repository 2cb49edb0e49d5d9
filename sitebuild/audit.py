"""make audit: Lighthouse on the home, programme and one event page in both languages.

The site is built for and served by a local server that answers like the static host (headers
included); Lighthouse (npm, pinned in audit/package.json) drives Debian's Chromium. Prints the
four scores per page, keeps the reports and Lighthouse's final screenshot of each page in
.audit/, and exits non-zero when a score is below the target of 100.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from .chromium import CHROMIUM, CHROMIUM_ARGS
from .host import host_server

PROJECT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = PROJECT / "audit" / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = ("/de/", "/ru/", "/de/programm/", "/ru/programm/", "/de/konferenz/", "/ru/konferenz/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 100


@dataclass(frozen=True)
class PageScores:
    path: str
    scores: dict[str, int]  # category → 0…100
    failed_audits: tuple[str, ...]  # titles of the scored audits that did not pass


def read_report(path: str, report: dict) -> PageScores:
    categories = report["categories"]
    # A category Lighthouse could not score (a runtime error) has no score: it counts as 0.
    scores = {name: round((categories[name]["score"] or 0) * 100) for name in CATEGORIES}
    scored = {ref["id"] for name in CATEGORIES for ref in categories[name]["auditRefs"] if ref["weight"] > 0}
    failed = tuple(
        f"{audit['title']} ({audit['id']})"
        for audit_id, audit in report["audits"].items()
        if audit_id in scored and audit["score"] is not None and audit["score"] < 1
    )
    return PageScores(path, scores, failed)


def report_name(path: str) -> str:
    return path.strip("/").replace("/", "-")


def run_lighthouse(url: str, path: str, reports: Path) -> PageScores:
    base = reports / report_name(path)
    subprocess.run(
        [
            "node", str(LIGHTHOUSE), url + path, "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json", "--output=html", f"--output-path={base}",
            f"--chrome-flags={' '.join(('--headless=new', *CHROMIUM_ARGS))}",
        ],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        check=True,
    )
    report = json.loads(base.with_name(base.name + ".report.json").read_text(encoding="utf-8"))
    screenshot = report["audits"]["final-screenshot"]["details"]["data"]  # data:image/jpeg;base64,…
    base.with_name(base.name + ".jpg").write_bytes(base64.b64decode(screenshot.split(",", 1)[1]))
    return read_report(path, report)


def table(results: list[PageScores]) -> str:
    width = max(16, *(len(r.path) + 2 for r in results))
    lines = [f"{'page':<{width}}" + "".join(f"{name:>16}" for name in CATEGORIES)]
    lines += [f"{r.path:<{width}}" + "".join(f"{r.scores[name]:>16}" for name in CATEGORIES) for r in results]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitebuild.audit", description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=Path, default=PROJECT / ".audit")
    parser.add_argument("--project", type=Path, default=PROJECT, help="the folder of pelicanconf.py (another site)")
    parser.add_argument("--pages", nargs="+", default=PAGES, help="address paths, e.g. /de/people/")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `make audit`, which installs it with npm ci --prefix audit", file=sys.stderr)
        return 1
    args.reports.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        server = host_server(site, host="127.0.0.1")
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_port}"
        built = subprocess.run(
            [sys.executable, "-m", "sitebuild", "html", "--output", str(site)],
            cwd=args.project, env={**os.environ, "PREVIEW_URL": url, "PYTHONPATH": str(PROJECT)},
            capture_output=True, text=True, check=False,
        )
        if built.returncode:
            print(built.stdout + built.stderr, file=sys.stderr)
            print("The site did not build: fix the errors above, then run `make audit` again.", file=sys.stderr)
            return 1
        results = [run_lighthouse(url, path, args.reports) for path in args.pages]
        server.shutdown()
    print(table(results))
    print(f"Reports and final screenshots: {os.path.relpath(args.reports)}/")
    below = [r for r in results if min(r.scores.values()) < TARGET]
    for result in below:
        print(f"{result.path} below {TARGET}: " + "; ".join(result.failed_audits), file=sys.stderr)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
