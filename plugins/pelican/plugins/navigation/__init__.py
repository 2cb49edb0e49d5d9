"""The main menu: pages that set `Menu: N` in their metadata, in that order."""

from .plugin import register

__all__ = ["register"]
