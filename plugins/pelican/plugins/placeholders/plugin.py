"""A Python-Markdown inline pattern, registered through Pelican's MARKDOWN setting."""

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.inlinepatterns import InlineProcessor
from pelican import signals

PLACEHOLDER_PATTERN = r"\[\[placeholder:\s*(?P<text>[^\]]+?)\s*\]\]"
PLACEHOLDER_ATTRIBUTE = "data-placeholder"


class PlaceholderProcessor(InlineProcessor):
    def handleMatch(self, match, data):  # noqa: N802 (Python-Markdown's name)
        element = etree.Element("mark", {"class": "placeholder", PLACEHOLDER_ATTRIBUTE: ""})
        element.text = match.group("text")
        return element, match.start(0), match.end(0)


class PlaceholderExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802
        # Above links (160), so that "[[" is not read as the start of a link.
        md.inlinePatterns.register(PlaceholderProcessor(PLACEHOLDER_PATTERN, md), "placeholder", 175)


def add_extension(pelican) -> None:
    pelican.settings["MARKDOWN"].setdefault("extensions", []).append(PlaceholderExtension())


def register() -> None:
    signals.initialized.connect(add_extension)
