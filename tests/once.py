"""What the tests share across pytest-xdist workers in one test session: folders the workers
all see (their temporary folders share a parent), and what the tests only read, made once
however many workers read it: the first worker to ask makes it while the others wait (the
recipe of pytest-xdist's documentation for session fixtures)."""

from __future__ import annotations

import dataclasses
import fcntl
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path


def shared_folder(tmp_path_factory) -> Path:
    """The folder every worker of this test session sees."""
    own = tmp_path_factory.getbasetemp()
    shared = (own.parent if os.environ.get("PYTEST_XDIST_WORKER") else own) / "once"
    shared.mkdir(exist_ok=True)
    return shared


def once_per_session(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder name, which make(folder) filled in this session, in this worker or another."""
    shared = shared_folder(tmp_path_factory)
    folder, done = shared / name, shared / f"{name}.done"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            # A failure leaves done unwritten, and the next to ask tries again from the start.
            shutil.rmtree(folder, ignore_errors=True)
            make(folder)
            done.touch()
    return folder


def records_once_per_session(tmp_path_factory, name: str, make: Callable[[], list]) -> list[dict]:
    """The records (dataclasses) make() returns, made once in this session, as dicts."""

    def write(folder: Path) -> None:
        folder.mkdir()
        records = [dataclasses.asdict(record) for record in make()]
        (folder / "records.json").write_text(json.dumps(records), encoding="utf-8")

    folder = once_per_session(tmp_path_factory, name, write)
    return json.loads((folder / "records.json").read_text(encoding="utf-8"))
