"""Debian's Chromium as `make audit` and the browser tests start it: no browser is downloaded,
and the headless browser runs without sandbox or GPU and stays off Google's update and sync
services."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
)
