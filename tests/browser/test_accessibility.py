"""Accessibility of each kind of page in a real browser: axe-core, keyboard focus, touch target size."""

from __future__ import annotations

from .pages import label, one_page_per_kind, visit

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


# The dark scheme sets other colours and nothing else (site.css: prefers-color-scheme), so only
# the rules that read colours can judge it otherwise than the light one.
SCHEMES = {"light": None, "dark": ["color-contrast", "link-in-text-block"]}


def axe_violations(tab, where: str) -> list[str]:
    """axe-core on the page open in tab (its context with_axe): every rule in the light colour
    scheme, then the colour rules in the dark one."""
    found = []
    for scheme, rules in SCHEMES.items():
        tab.emulate_media(color_scheme=scheme)
        found += [f"{where}, {scheme}: {v['id']} ({v['impact']}) {v['help']}\n    " + "\n    ".join(v["targets"])
                  for v in tab.evaluate(AXE_RUN, rules)]
    found += [f"{where}: the policy refused {message}" for message in tab.context.refused]
    tab.context.refused.clear()
    return found


def test_axe_finds_no_violation_in_light_or_dark_mode(each_site, axe_tab):
    """One page of each kind loaded once per viewport; axe runs in the light, then in the dark
    colour scheme (axe_violations). Pages of one kind share their template; the Nu HTML checker reads every page's
    markup (test_markup.py)."""
    site, tab, found = each_site, axe_tab, []
    for path in one_page_per_kind(site, site.paths):
        tab.emulate_media(color_scheme="light")
        visit(tab, site, path)
        found += axe_violations(tab, label(tab, path))
    assert not found, f"{len(found)} axe violations:\n" + "\n".join(found)


def test_first_tab_shows_the_skip_link_with_a_focus_outline(site, tab):
    """The skip link and the focus outline are the templates': one page of each kind."""
    found = []
    for path in one_page_per_kind(site, site.paths):
        visit(tab, site, path)
        tab.keyboard.press("Tab")
        focus = tab.evaluate(FOCUSED)
        where = f"{label(tab, path)}: {focus['html']}"
        if focus["hasSkipLink"] and not focus["skipLink"]:
            found.append(f"{where}: the first Tab does not reach the skip link")
        if not (focus["visible"] and focus["inViewport"]):
            found.append(f"{where}: focused but not visible in the viewport")
        if focus["outline"] == "none" or focus["outlineWidth"] < 2:
            found.append(f"{where}: no focus outline ({focus['outline']} {focus['outlineWidth']}px)")
    assert not found, "\n".join(found)


def test_header_and_footer_targets_are_at_least_24px(site, phone_tab):
    """The header and footer are the templates': one page of each kind."""
    found = []
    for path in one_page_per_kind(site, site.paths):
        visit(phone_tab, site, path)
        targets = phone_tab.evaluate(TARGETS)
        assert targets, f"{path}: no links in the header or footer"
        for target in targets:
            if not target["inline"] and (target["width"] < 24 or target["height"] < 24):
                found.append(f"{path}: {target['width']:.0f}×{target['height']:.0f}px {target['html']}")
    assert not found, "targets smaller than 24 × 24 px at 390 px (WCAG 2.5.8):\n" + "\n".join(found)
