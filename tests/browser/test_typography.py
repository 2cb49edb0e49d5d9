"""Words in headings (cards and sessions open with one) and menus break only where a hyphen shows
it, at every phone width."""

from __future__ import annotations

from .survey import WIDTHS


def test_no_title_line_ends_inside_a_word_without_a_hyphen(each_site, readings):
    pages = readings(each_site)
    found = [f"{r.path} at {r.width}px: {broken}" for r in pages for broken in r.broken_words]
    untitled = [r.path for r in pages if not r.titles]
    assert {r.width for r in pages} == set(WIDTHS)
    assert {r.path.split("/")[1] for r in pages} >= {"de", "ru"}
    assert untitled == []  # every page read has a heading and the menu to check
    assert not found, "\n".join(found)
