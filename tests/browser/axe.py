"""axe-core on a page open in a tab of a context with_axe (conftest.py)."""

from __future__ import annotations

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
