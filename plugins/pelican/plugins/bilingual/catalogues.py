"""Theme catalogues, compiled in memory from the committed .po files.

Compiling at build time means no .mo file is ever committed or goes stale.
"""

from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations


def catalogue_path(translations_dir: Path, lang: str) -> Path:
    return translations_dir / lang / "LC_MESSAGES" / "messages.po"


def read_catalogue(path: Path, lang: str | None = None) -> Catalog:
    """The catalogue at path, read once per version of the file in a process (and in the language
    runs forked after it was read): a build reads each catalogue four times (the check, both
    language runs, the entry pages), a devserver session and the tests at every build. The
    catalogue is shared by all who ask: read it, never change it."""
    stat = path.stat()
    return _parsed(path.resolve(), lang, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _parsed(path: Path, lang: str | None, mtime_ns: int, size: int) -> Catalog:
    with path.open("rb") as po_file:
        return read_po(po_file, locale=lang)


def load_translations(translations_dir: Path, lang: str) -> Translations:
    compiled = BytesIO()
    write_mo(compiled, read_catalogue(catalogue_path(translations_dir, lang), lang), use_fuzzy=False)
    compiled.seek(0)
    return Translations(fp=compiled, domain="messages")
