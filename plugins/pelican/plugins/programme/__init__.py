"""The programme plugin: programme.yaml to localised pages and machine-readable exports."""

from .plugin import register

__all__ = ["register"]
