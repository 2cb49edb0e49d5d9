"""`[[placeholder: …]]` in Markdown: a visible gap for a detail no source gives yet.

Publishing refuses while one remains (sitebuild.checks finds the rendered marker).
"""

from .plugin import register

__all__ = ["register"]
