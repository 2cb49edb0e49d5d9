"""Production settings: absolute URLs and strict checks."""

import os
import sys

sys.path.append(os.path.dirname(__file__))

from pelicanconf import *  # noqa: E402,F403

# The public address of the site, e.g. `make publish SITE_URL=https://example.org`.
# No default: a wrong domain in canonical links and sitemaps is worse than a clear error.
ROOT_URL = os.environ.get("SITE_URL", "").rstrip("/")
STRICT = True
PRECOMPRESS = True
LOAD_CONTENT_CACHE = False  # what is published is read afresh
