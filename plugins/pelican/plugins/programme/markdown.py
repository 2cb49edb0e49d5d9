"""Markdown in programme.yaml (session descriptions, speakers' bios): links, emphasis, lists.

markdown-it-py in CommonMark mode with raw HTML off: a `<` or `&` an editor writes is shown as
written, never taken as markup, exactly as in every other text of the data; markdown-it also
refuses javascript: and data: links. Headings and images are switched off: a heading would break
into the page's own outline, an image would load from another host.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from markdown_it import MarkdownIt
from markupsafe import Markup, escape


def _text(renderer, tokens, index, options, env) -> str:
    """A run of text, escaped, through the caller's marking (words of the other language)."""
    return str(env.get("mark", escape)(tokens[index].content))


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False}).disable(["heading", "lheading", "image"])
    parser.add_render_rule("text", _text)
    return parser


def to_html(text: str, mark: Callable[[str], Markup] = escape) -> Markup:
    """The text as HTML, each run of text escaped by mark."""
    return Markup(_parser().render(text, {"mark": mark}).strip())


def to_plain(text: str) -> str:
    """The text without Markdown syntax, for calendars and schedules: link texts keep their
    address in brackets, list items their own lines."""
    lines: list[str] = []
    for block in _parser().parse(text):
        if block.type != "inline":
            continue
        words = []
        href = None
        for token in block.children or []:
            if token.type == "link_open":
                href = token.attrGet("href")
            elif token.type == "link_close":
                words.append(f" ({href})" if href else "")
            elif token.type in ("softbreak", "hardbreak"):
                words.append("\n" if token.type == "hardbreak" else " ")
            elif token.type in ("text", "code_inline"):
                words.append(token.content)
        lines.append("".join(words))
    return "\n".join(lines)
