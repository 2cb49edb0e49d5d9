"""What the search page shows: a site index that works without JavaScript, and the result
counts in the language's plural forms for the script that searches."""

from .plugin import register

__all__ = ["register"]
