"""One page of each kind (pages.py: one_page_per_kind) visited once per device for the checks of
accessibility and of the language switcher, read once per test session (tests/once.py): the
first Tab, the size of the header's and footer's targets, axe-core in both colour schemes, and
where the switcher leads. Before, each check loaded the pages itself: 70 page loads more."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.once import once_per_session

from .pages import kind_of, label, one_page_per_kind, visit

# Every axe rule that is on by default (WCAG 2.0–2.2 A and AA plus axe's best practices), or only
# the rules given.
AXE_RUN = """async (rules) => {
  const result = await axe.run(document, rules ? {resultTypes: ["violations"], runOnly: {type: "rule", values: rules}}
                                               : {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.flat().join(" ")),
  }));
}"""

# The dark scheme sets other colours and nothing else (site.css: prefers-color-scheme), so only
# the rules that read colours can judge it otherwise than the light one.
SCHEMES = {"light": None, "dark": ["color-contrast", "link-in-text-block"]}

# Links and buttons of the header and footer (and the entry pages' language links), with what
# WCAG 2.5.8 needs to judge them: the box, and whether the target is inline in a sentence.
TARGETS = """() => [...document.querySelectorAll(
  ".skip-link, .site-header a, .site-header button, .site-header summary, "
  + ".site-footer a, .site-footer button, .entry-link")].map(el => {
  const box = el.getBoundingClientRect();
  const sentence = [...el.parentElement.childNodes].filter(n => n !== el).map(n => n.textContent).join("").trim();
  return {
    html: el.outerHTML.slice(0, 100), width: box.width, height: box.height,
    inline: getComputedStyle(el).display === "inline" && sentence.length > 0,
  };
})"""

FOCUSED = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return {
    html: el.outerHTML.slice(0, 100), skipLink: el.matches(".skip-link"),
    hasSkipLink: document.querySelector(".skip-link") !== null,
    inViewport: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
      && box.bottom <= innerHeight && box.right <= innerWidth,
    visible: style.visibility !== "hidden" && style.opacity !== "0",
    outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
  };
}"""


def axe_violations(tab, where: str) -> list[str]:
    """axe-core on the page open in tab (its context with_axe): every rule in the light colour
    scheme, then the colour rules in the dark one; and what the page's policy refused."""
    found = []
    for scheme, rules in SCHEMES.items():
        tab.emulate_media(color_scheme=scheme)
        found += [f"{where}, {scheme}: {v['id']} ({v['impact']}) {v['help']}\n    " + "\n    ".join(v["targets"])
                  for v in tab.evaluate(AXE_RUN, rules)]
    tab.emulate_media(color_scheme="light")
    found += [f"{where}: the policy refused {message}" for message in tab.context.refused]
    tab.context.refused.clear()
    return found


@dataclass(frozen=True)
class Switcher:
    """The language switcher of a page, and where clicking it led."""

    links: int  # how many links it has
    hreflang: str | None
    lang: str | None
    landed: str | None  # the address the click led to
    landed_lang: str | None  # the lang of the page there


@dataclass(frozen=True)
class Visit:
    """One page in one device's window."""

    path: str
    where: str  # the page and the window's width, for messages
    kind: str
    first_focus: dict  # FOCUSED after the first Tab
    targets: tuple[dict, ...]  # TARGETS
    axe: tuple[str, ...]  # axe_violations
    switcher: Switcher | None  # None on the bilingual pages at the root, which have none


def tour(tmp_path_factory, site, device: str, context: Callable) -> list[Visit]:
    """One page of each kind of site in a new tab of context() (a device's, with axe-core); read
    once per test session, named by the folder the site was built in."""
    folder = once_per_session(tmp_path_factory, f"tour-{site.root.parent.name}-{device}",
                              lambda folder: _write(folder, _visit_each_kind(site, context())))
    return [Visit(**{**visit, "targets": tuple(visit["targets"]), "axe": tuple(visit["axe"]),
                     "switcher": visit["switcher"] and Switcher(**visit["switcher"])})
            for visit in json.loads((folder / "visits.json").read_text(encoding="utf-8"))]


def _write(folder: Path, visits: list[Visit]) -> None:
    folder.mkdir()
    (folder / "visits.json").write_text(json.dumps([dataclasses.asdict(v) for v in visits]), encoding="utf-8")


def _visit_each_kind(site, context) -> list[Visit]:
    tab = context.new_page()
    visits = []
    try:
        for path in one_page_per_kind(site, site.paths):
            visit(tab, site, path)
            tab.keyboard.press("Tab")
            first_focus, targets, where = tab.evaluate(FOCUSED), tab.evaluate(TARGETS), label(tab, path)
            visits.append(Visit(
                path=path, where=where, kind=kind_of(tab, path), first_focus=first_focus, targets=tuple(targets),
                axe=tuple(axe_violations(tab, where)), switcher=_switch(tab, site, path) if path.count("/") > 1 else None,
            ))
    finally:
        tab.close()
    return visits


def _switch(tab, site, path: str) -> Switcher:
    """Clicks the page's language switcher (last: it leaves the page)."""
    links = tab.locator(".language-switcher a")
    if links.count() != 1:
        return Switcher(links.count(), None, None, None, None)
    link = links.first
    hreflang, lang = link.get_attribute("hreflang"), link.get_attribute("lang")
    with tab.expect_navigation():
        link.click()
    return Switcher(1, hreflang, lang, tab.url, tab.evaluate("document.documentElement.lang"))
