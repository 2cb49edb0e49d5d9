"""Production settings: absolute URLs and strict checks."""

import os
from pathlib import Path
from runpy import run_path

# The development settings, read by path: Pelican runs this file without its folder on sys.path.
globals().update({name: value for name, value in run_path(str(Path(__file__).with_name("pelicanconf.py"))).items() if name.isupper()})

# The public address of the site, e.g. `make publish SITE_URL=https://example.org`.
# No default: a wrong domain in canonical links and sitemaps is worse than a clear error.
ROOT_URL = os.environ.get("SITE_URL", "").rstrip("/")
STRICT = True
PRECOMPRESS = True
LOAD_CONTENT_CACHE = False  # what is published is read afresh
