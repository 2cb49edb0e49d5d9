"""News items without a `Date:` line: shown undated, never with an invented date."""

from .plugin import register

__all__ = ["register"]
