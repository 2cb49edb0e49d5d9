"""Words in headings (cards and sessions open with one) and menus break only where a hyphen shows
it, at every phone width."""

from __future__ import annotations

import pytest

from .conftest import PHONE
from .pages import visit

# Each character of the titles with the top of the line it is drawn on; two letters in a row on
# different lines are a word broken without a hyphen. A <span class="shy"> between them is a soft
# hyphen (the stylesheet draws it), which is where a word may break.
BROKEN_WORDS = """() => {
  const titles = document.querySelectorAll(
    "h1, h2, h3, h4, h5, h6, .site-name, .main-menu a, .session > :first-child");
  const broken = [];
  for (const title of titles) {
    const characters = [];
    const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.matches(".shy")) characters.push({character: "\u00ad", top: null, height: 0});
        continue;
      }
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = [...range.getClientRects()].find(r => r.width > 0);
        characters.push({character: node.data[i], top: rect ? rect.top : null, height: rect ? rect.height : 0});
      }
    }
    for (let i = 1; i < characters.length; i++) {
      const [a, b] = [characters[i - 1], characters[i]];
      if (/\\p{L}/u.test(a.character) && /\\p{L}/u.test(b.character) && a.top !== null && b.top !== null
          && Math.abs(b.top - a.top) > a.height / 2) {
        const text = characters.map(c => c.character).join("").replace(/\\u00ad/g, "");
        broken.push(`${title.tagName.toLowerCase()} “${text.trim()}”: …${a.character}|${b.character}…`);
      }
    }
  }
  return {titles: titles.length, broken};
}"""


@pytest.mark.parametrize("width", [320, PHONE["width"]])
def test_no_title_line_ends_inside_a_word_without_a_hyphen(site, phone_tab, width):
    phone_tab.set_viewport_size({"width": width, "height": PHONE["height"]})
    found, untitled = [], []
    for path in site.paths:
        visit(phone_tab, site, path)
        checked = phone_tab.evaluate(BROKEN_WORDS)
        found += [f"{path} at {width}px: {broken}" for broken in checked["broken"]]
        untitled += [path] if not checked["titles"] else []
    assert {path.split("/")[1] for path in site.language_paths} == {"de", "ru"}
    assert untitled == []  # every page has a heading and the menu to check
    assert not found, "\n".join(found)
