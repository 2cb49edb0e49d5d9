"""Theme catalogues, compiled in memory from the committed .po files.

Compiling at build time means no .mo file is ever committed or goes stale.
"""

from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations


def catalogue_path(translations_dir: Path, lang: str) -> Path:
    return translations_dir / lang / "LC_MESSAGES" / "messages.po"


def load_translations(translations_dir: Path, lang: str) -> Translations:
    with catalogue_path(translations_dir, lang).open("rb") as po_file:
        catalogue = read_po(po_file, locale=lang)
    compiled = BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)
    compiled.seek(0)
    return Translations(fp=compiled, domain="messages")
