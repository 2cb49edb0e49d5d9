"""Pelican glue: a writer that, when SELECTED_SOURCES is set, writes only the pages read from
those source files and nothing else (no feeds, no other pages).

Pelican 4.12 dropped its own WRITE_SELECTED; sitebuild.incremental sets SELECTED_SOURCES when
only the text of some pages changed, and everything else of the last build stays as it was.
"""

import os

from pelican import signals
from pelican.plugins.bilingual.settings import site_settings
from pelican.writers import Writer


class SelectiveWriter(Writer):
    def write_file(self, name, template, context, *args, **kwargs):
        selected = site_settings(self.settings).selected_sources
        if selected is not None:
            content = kwargs.get("page") or kwargs.get("article")
            if content is None or content.source_path not in selected:
                return None
            # The previous build's file may be a hard link into the live site: replace, don't overwrite.
            target = os.path.join(self.output_path, name)
            if os.path.exists(target):
                os.unlink(target)
        return super().write_file(name, template, context, *args, **kwargs)

    def write_feed(self, *args, **kwargs):
        if site_settings(self.settings).selected_sources is not None:
            return None
        return super().write_feed(*args, **kwargs)


def selective_writer(pelican):
    return SelectiveWriter


def register() -> None:
    signals.get_writer.connect(selective_writer)
