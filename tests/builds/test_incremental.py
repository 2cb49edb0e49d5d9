"""make devserver's rebuilds: a changed page text rewrites that page only; anything else, all."""

from __future__ import annotations

import time

from sitebuild.incremental import Rebuilder

from .conftest import messages


def stamps(site):
    return {path: path.stat().st_mtime_ns for path in site.output.rglob("*") if path.is_file()}


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    time.sleep(0.01)  # a new mtime even on coarse file systems


def test_a_text_edit_rewrites_only_that_page(make_site):
    site = make_site("basic")
    rebuilder = Rebuilder(site.root / "pelicanconf.py", site.output)
    assert rebuilder.build().published
    before = stamps(site)

    edit(site.content("ru", "teilnahme.md"), "Пожалуйста, зарегистрируйтесь.", "Регистрация открыта.")
    result = rebuilder.build()

    assert result.published, messages(result)
    rebuilder.finish_indexing()  # the search index follows in the background
    changed = [path.relative_to(site.output).as_posix() for path, stamp in stamps(site).items() if before.get(path) != stamp]
    assert [path for path in changed if not path.startswith("pagefind/")] == ["ru/teilnahme/index.html"]
    assert "Регистрация открыта." in site.page("ru/teilnahme/index.html").get_text()


def test_the_search_index_follows_a_text_edit_by_itself(make_site):
    site = make_site("basic")
    late = []
    rebuilder = Rebuilder(site.root / "pelicanconf.py", site.output, report_late=late.extend)
    assert rebuilder.build().published
    edit(site.content("ru", "teilnahme.md"), "Пожалуйста, зарегистрируйтесь.", "Регистрация открыта.")
    assert rebuilder.build().published
    deadline = time.monotonic() + 30
    while "Регистрация открыта." not in indexed_text(site, "/ru/teilnahme/"):
        assert time.monotonic() < deadline, "the new text never reached output/pagefind/"
        time.sleep(0.1)
    assert late == []
    assert not (site.output / ".pagefind-new").exists()


def indexed_text(site, url: str) -> str:
    try:
        return site.search_fragments("ru").get(url, {}).get("content", "")
    except FileNotFoundError:  # read while the new index was being swapped in
        return ""


def test_a_title_edit_rebuilds_every_page_that_shows_it(make_site):
    site = make_site("basic")
    rebuilder = Rebuilder(site.root / "pelicanconf.py", site.output)
    assert rebuilder.build().published
    edit(site.content("de", "teilnahme.md"), "Title: Teilnahme", "Title: Mitmachen")
    assert rebuilder.build().published
    menu = [a.get_text() for a in site.page("de/programm/index.html").select("nav.main-menu a")]
    assert "Mitmachen" in menu


def test_a_broken_link_in_an_edited_text_is_reported(make_site):
    site = make_site("basic")
    rebuilder = Rebuilder(site.root / "pelicanconf.py", site.output)
    assert rebuilder.build().published
    edit(site.content("de", "teilnahme.md"), "Bitte anmelden.", "Bitte [hier](../nirgends/) anmelden.")
    result = rebuilder.build()
    line = next(n for n, text in enumerate(site.content("de", "teilnahme.md").read_text(encoding="utf-8").splitlines(), start=1)
                if "../nirgends/" in text)
    assert f"content/de/teilnahme.md:{line}: link ../nirgends/ leads nowhere" in messages(result)
    rebuilder.finish_indexing()


def test_a_rebuild_compiles_no_template_again(make_site):
    """Compiled templates are kept in the site's cache, the language runs' and the entry pages';
    a rebuild loads them instead of compiling them again (Jinja writes a template's file only
    when it compiled it). The site makes its own cache (make_site), not the session's."""
    site = make_site("basic", own_cache=True)
    assert site.build().published
    compiled = _compiled_templates(site)
    assert {path.parent.parent.relative_to(site.root).as_posix() for path in compiled} == {"cache", "cache/de", "cache/ru"}
    assert site.build().published
    assert _compiled_templates(site) == compiled


def _compiled_templates(site) -> dict:
    cache = site.root / "cache"
    return {path: path.stat().st_mtime_ns for path in sorted([*cache.glob("templates-*/*"), *cache.glob("*/templates-*/*")])}
