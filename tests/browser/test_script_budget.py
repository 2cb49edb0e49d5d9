"""The script budget: at most 5 KB gzip of our own script on any page, the offline worker included,
Pagefind's search bundle aside."""

from __future__ import annotations

import gzip
from urllib.parse import urlsplit

from .conftest import TIMEOUT_MS
from .pages import visit

BUDGET = 5 * 1024
PAGEFIND = "/pagefind/"  # the search page's index and bundle, not ours

# The script of the service worker that runs for the page, if one does: registered by this page
# or an earlier one of its scope. The browser fetches it outside the page, and not on every visit.
PAGE_WORKER = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  return registration ? (await navigator.serviceWorker.ready).active.scriptURL : null;
}"""


def test_every_page_loads_at_most_5_kb_of_our_script(each_site, browser):
    site, found, weights = each_site, [], {}
    local = urlsplit(site.base).netloc
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    # Routing turns the browser's HTTP cache off, so every visit requests each script it runs.
    context.route("**/*", lambda route: route.continue_())
    scripts = set()
    context.on("request", lambda request: request.resource_type == "script" and scripts.add(request.url))
    tab = context.new_page()
    try:
        for path in site.paths:
            scripts.clear()
            visit(tab, site, path)
            worker = tab.evaluate(PAGE_WORKER)
            ours = {urlsplit(url).path for url in {*scripts, worker} - {None} if urlsplit(url).netloc == local}
            ours = {path for path in ours if not path.startswith(PAGEFIND)}
            weights[path] = sum(len(gzip.compress(site.file(url).read_bytes(), compresslevel=9)) for url in ours)
            if weights[path] > BUDGET:
                found.append(f"{path}: {weights[path]} bytes of script gzipped, over {BUDGET}: {sorted(ours)}")
    finally:
        context.close()
    assert not found, "\n".join(found)
    heaviest = max(weights, key=weights.get)
    assert weights[heaviest] > 0, "no page loads a script: the measurement sees none"
    print(f"most script: {heaviest}, {weights[heaviest]} bytes gzipped")
