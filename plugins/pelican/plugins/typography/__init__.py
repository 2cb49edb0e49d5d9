"""Russian and German typography over the rendered text of pages: em dashes, no-break spaces,
soft hyphens in long words of headings, menus and cards."""

from .plugin import register

__all__ = ["register"]
