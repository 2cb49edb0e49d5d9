"""Accessibility of each kind of page in a real browser: axe-core, keyboard focus, touch target
size; one page of each kind, visited once per device (tour.py)."""

from __future__ import annotations


def test_axe_finds_no_violation_in_light_or_dark_mode(each_site, device, tours):
    """axe runs every rule in the light colour scheme, then the rules that read colours in the
    dark one, which changes only colours (axe.py). Pages of one kind share their template; the
    Nu HTML checker reads every page's markup (test_markup.py)."""
    found = [violation for visited in tours(each_site, device) for violation in visited.axe]
    assert not found, f"{len(found)} axe violations:\n" + "\n".join(found)


def test_first_tab_shows_the_skip_link_with_a_focus_outline(site, device, tours):
    """The skip link and the focus outline are the templates': one page of each kind."""
    found = []
    for visited in tours(site, device):
        focus = visited.first_focus
        where = f"{visited.where}: {focus['html']}"
        if focus["hasSkipLink"] and not focus["skipLink"]:
            found.append(f"{where}: the first Tab does not reach the skip link")
        if not (focus["visible"] and focus["inViewport"]):
            found.append(f"{where}: focused but not visible in the viewport")
        if focus["outline"] == "none" or focus["outlineWidth"] < 2:
            found.append(f"{where}: no focus outline ({focus['outline']} {focus['outlineWidth']}px)")
    assert not found, "\n".join(found)


def test_header_and_footer_targets_are_at_least_24px(site, tours):
    """The header and footer are the templates': one page of each kind, on the phone."""
    found = []
    for visited in tours(site, "phone"):
        assert visited.targets, f"{visited.path}: no links in the header or footer"
        found += [f"{visited.path}: {target['width']:.0f}×{target['height']:.0f}px {target['html']}"
                  for target in visited.targets if not target["inline"] and (target["width"] < 24 or target["height"] < 24)]
    assert not found, "targets smaller than 24 × 24 px at 390 px (WCAG 2.5.8):\n" + "\n".join(found)
