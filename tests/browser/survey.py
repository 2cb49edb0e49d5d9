"""The heaviest page of each kind in each language (pages.py) loaded once and read at each phone
width, for the checks every kind of page must pass: nothing wider than the window, no word
broken without a hyphen in a title, the weight of the page and of our script, nothing from
another host, nothing the Content Security Policy refuses. Visiting each page once for all of
them, and once per test session (tests/once.py), instead of once per check and worker, saves
the browser suite hundreds of page loads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from tests.once import records_once_per_session

from .pages import heaviest_page_of_each_kind, policy_refusals, visit

WIDTHS = (320, 390)  # the width WCAG 1.4.10 (reflow) asks content to fit, and a common phone
PAGEFIND = "/pagefind/"  # the search page's index and bundle, not ours

# Each character of the titles with the top of the line it is drawn on; two letters in a row on
# different lines are a word broken without a hyphen. A <span class="shy"> between them is a soft
# hyphen (the stylesheet draws it), which is where a word may break.
MEASURE = """() => {
  const titles = document.querySelectorAll(
    "h1, h2, h3, h4, h5, h6, .site-name, .main-menu a, .session > :first-child");
  const broken = [];
  for (const title of titles) {
    const characters = [];
    const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.matches(".shy")) characters.push({character: "\\u00ad", top: null, height: 0});
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
  return {
    scrollWidth: document.documentElement.scrollWidth, innerWidth,
    wide: [...document.querySelectorAll("body *")]
      .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .slice(0, 5).map(el => el.outerHTML.slice(0, 80)),
    titles: titles.length, broken,
    stylesheets: [...document.styleSheets].map(s => s.href).filter(Boolean).map(href => new URL(href).pathname),
  };
}"""

# The script of the service worker that runs for the page, if one does: registered by this page
# or an earlier one of its scope. The browser fetches it outside the page, and not on every visit.
PAGE_WORKER = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  return registration ? (await navigator.serviceWorker.ready).active.scriptURL : null;
}"""


@dataclass(frozen=True)
class Reading:
    """One page at one width, as a visitor's phone showed it."""

    path: str
    width: int
    scroll_width: int
    inner_width: int
    wide: tuple[str, ...]  # the first elements reaching past the window's right edge
    titles: int
    broken_words: tuple[str, ...]
    stylesheets: tuple[str, ...]  # address paths
    scripts: tuple[str, ...]  # address paths of our scripts the page ran, its service worker's included
    foreign: tuple[str, ...]  # addresses on other hosts the page requested
    refused: tuple[str, ...]  # what the Content Security Policy refused, as the console said it
    policy: str | None  # the Content-Security-Policy header the page came with


def survey(tmp_path_factory, site, new_context: Callable) -> list[Reading]:
    """The heaviest page of each kind of site at each of WIDTHS, in a context of new_context() (a
    phone's, the site's policy enforced); read once per test session, named by the folder the
    site was built in."""
    readings = records_once_per_session(tmp_path_factory, f"survey-{site.root.parent.name}",
                                        lambda: _read_each_kind(site, new_context()))
    return [Reading(**{name: tuple(value) if isinstance(value, list) else value for name, value in reading.items()})
            for reading in readings]


def _read_each_kind(site, context) -> list[Reading]:
    # Routing turns the HTTP cache off, so that every visit requests each script it runs.
    context.route("**/*", lambda route: route.continue_())
    local = urlsplit(site.base).netloc
    requests = []
    context.on("request", lambda request: requests.append(request))
    tab = context.new_page()
    refused = policy_refusals(tab)
    readings, height = [], tab.viewport_size["height"]
    try:
        for path in heaviest_page_of_each_kind(site):
            requests.clear()
            refused.clear()
            # Loaded at the first width, then measured at each as the window widens: the browser
            # lays the page out anew, and what the page requested does not depend on the width
            # (no script of ours reads it).
            tab.set_viewport_size({"width": WIDTHS[0], "height": height})
            response = visit(tab, site, path)
            worker = tab.evaluate(PAGE_WORKER)
            scripts = {urlsplit(r.url) for r in requests if r.resource_type == "script"} | ({urlsplit(worker)} if worker else set())
            for width in WIDTHS:
                tab.set_viewport_size({"width": width, "height": height})
                measured = tab.evaluate(MEASURE)
                readings.append(Reading(
                    path=path, width=width, scroll_width=measured["scrollWidth"], inner_width=measured["innerWidth"],
                    wide=tuple(measured["wide"]), titles=measured["titles"], broken_words=tuple(measured["broken"]),
                    stylesheets=tuple(measured["stylesheets"]),
                    scripts=tuple(sorted(s.path for s in scripts if s.netloc == local and not s.path.startswith(PAGEFIND))),
                    foreign=tuple(r.url for r in requests if urlsplit(r.url).netloc not in (local, "") and not r.url.startswith("data:")),
                    refused=tuple(refused), policy=response.headers.get("content-security-policy"),
                ))
    finally:
        context.close()
    return readings
