"""The typographic rules applied to a built HTML page: to the text a visitor reads, in the
language of the element it stands in, and nowhere else.

Untouched: everything in <head> (title, meta, JSON-LD), every tag with its attributes (URLs
among them), comments, and the text of script, style, code, pre, kbd, samp, textarea and svg.
Soft hyphens go only into headings and elements of the class `hyphenate` (menus and cards), as
empty `<span class="shy">` elements whose `::after` the stylesheet fills with U+00AD:

    .shy::after { content: "\\ad"; }

The browser breaks and hyphenates there as at a soft hyphen in the text, but the text itself has
none: Chromium would copy a literal U+00AD into the clipboard, and search indexes, screen readers
and "find in page" would meet it inside the word.

The page is only split at its tags, and every byte outside the text stays as the templates wrote
it. Written here rather than with lxml, because lxml's serialiser rewrites what it does not
touch: it percent-encodes non-ASCII URLs (https://годгермании.рф/ becomes unusable) and
lower-cases the attributes of inline SVG; html.parser is several times slower on every page.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

from markupsafe import escape

from .rules import SOFT_HYPHEN, QuoteDepth, hyphenate, typeset

UNTOUCHED = frozenset({"head", "script", "style", "code", "pre", "kbd", "samp", "textarea", "svg", "math", "template"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
HYPHENATE_CLASS = "hyphenate"
SOFT_HYPHEN_MARKUP = '<span class="shy"></span>'
# A quotation does not run from one of these into the next.
BLOCKS = frozenset({"p", "li", "dt", "dd", "td", "th", "caption", "figcaption", "blockquote", "div", "section",
                    "article", "header", "footer", "main", "nav", "ul", "ol", "dl", "table", "tr", "body"} | HEADINGS)
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})

# Raw-text elements whole, comments, doctype, tags (attribute values may hold ">"), and the text between.
_TOKEN = re.compile(
    r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<![^>]*>|<(/?)([a-zA-Z][\w-]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>",
    re.DOTALL | re.IGNORECASE,
)
_ATTRIBUTE = re.compile(r"""([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


class _Context(NamedTuple):  # one per open element of every page: a tuple is the cheapest
    tag: str
    lang: str
    untouched: bool
    hyphenated: bool
    quotes: QuoteDepth


def typeset_page(page: str, default_lang: str) -> str:
    """The page with its visible text typeset; page is a whole HTML document."""
    stack = [_Context("", default_lang.split("-")[0].lower(), False, False, QuoteDepth())]
    pieces, position = [], 0
    for token in _TOKEN.finditer(page):
        pieces += [_text(page[position : token.start()], stack[-1]), token.group()]
        position = token.end()
        closing, tag = token.group(2), (token.group(3) or "").lower()
        if not tag or tag in VOID:
            continue  # "/>" closes only in SVG, which is untouched anyway: _close pops it with <svg>
        if closing:
            _close(stack, tag)
        else:
            if tag == "body":
                _close(stack, "head")  # whose end tag HTML lets a page leave out
            source = token.group(4)
            attributes = dict(_attributes(source)) if "lang" in source or "class" in source else {}
            stack.append(_open(stack[-1], tag, attributes))
    pieces.append(_text(page[position:], stack[-1]))
    return "".join(pieces)


def _attributes(source: str):
    for match in _ATTRIBUTE.finditer(source):
        name, *values = match.groups()
        yield name.lower(), html.unescape(next((v for v in values if v is not None), ""))


def _open(parent: _Context, tag: str, attributes: dict[str, str]) -> _Context:
    return _Context(
        tag,
        attributes["lang"].split("-")[0].lower() if attributes.get("lang") else parent.lang,
        parent.untouched or tag in UNTOUCHED,
        parent.hyphenated or tag in HEADINGS or HYPHENATE_CLASS in attributes.get("class", "").split(),
        QuoteDepth() if tag in BLOCKS else parent.quotes,
    )


def _close(stack: list[_Context], tag: str) -> None:
    """Closes tag and any element left open inside it (HTML lets <p> and <li> end implicitly)."""
    if stack[-1].tag == tag:
        stack.pop()
    elif any(context.tag == tag for context in stack[1:]):
        while stack.pop().tag != tag:
            pass


def _text(raw: str, context: _Context) -> str:
    if context.untouched or not raw or raw.isspace():
        return raw
    text = html.unescape(raw) if "&" in raw else raw
    result = typeset(text, context.lang, context.quotes)
    if context.hyphenated:
        result = hyphenate(result, context.lang)
    if result == text and SOFT_HYPHEN not in text:
        return raw
    # markupsafe escapes as Jinja does, so a changed text reads as the template wrote it.
    return str(escape(result)).replace(SOFT_HYPHEN, SOFT_HYPHEN_MARKUP)
