"""Builds the bilingual site: one Pelican run per language, checks, an all-or-nothing swap."""

import sys
from pathlib import Path

# The plugins live in a folder named by PLUGIN_PATHS, not in an installed package; the build
# and its checks import them the same way Pelican does.
_PLUGINS = str(Path(__file__).resolve().parent.parent / "plugins")
if _PLUGINS not in sys.path:
    sys.path.insert(0, _PLUGINS)
