"""One Pelican run per language: gettext catalogues, counterpart pages, hreflang alternates."""

from .plugin import register

__all__ = ["register"]
