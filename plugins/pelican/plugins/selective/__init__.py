"""Writes only selected pages: the incremental rebuild of make devserver."""

from .plugin import register

__all__ = ["register"]
