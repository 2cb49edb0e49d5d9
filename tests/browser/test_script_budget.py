"""The script budget: at most 5 KB gzip of our own script on any page, the offline worker included,
Pagefind's search bundle aside."""

from __future__ import annotations

import gzip

BUDGET = 5 * 1024


def test_each_kind_of_page_loads_at_most_5_kb_of_our_script(each_site, readings):
    found, weights = [], {}
    for reading in readings(each_site):
        path, scripts = reading.path, reading.scripts
        weights[path] = sum(len(gzip.compress(each_site.file(script).read_bytes(), compresslevel=9)) for script in scripts)
        if weights[path] > BUDGET:
            found.append(f"{path}: {weights[path]} bytes of script gzipped, over {BUDGET}: {list(scripts)}")
    assert not found, "\n".join(sorted(set(found)))
    heaviest = max(weights, key=weights.get)
    assert weights[heaviest] > 0, "no page loads a script: the measurement sees none"
    print(f"most script: {heaviest}, {weights[heaviest]} bytes gzipped")
