"""Compiled templates kept between builds (bilingual/environment.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from pelican.plugins.bilingual.environment import keep_compiled_templates


def environment(templates: Path, cache: Path) -> Environment:
    made = Environment(loader=FileSystemLoader(templates))
    keep_compiled_templates(made, cache)
    return made


@pytest.fixture
def two_sites(tmp_path) -> tuple[Path, Path, Path]:
    """The template folders of two sites that link one theme, and the theme's page.html."""
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "page.html").write_text("Hallo {{ name }}", encoding="utf-8")
    for site in ("first", "second"):
        (tmp_path / site).mkdir()
        (tmp_path / site / "theme").symlink_to(theme, target_is_directory=True)
    return tmp_path / "first" / "theme", tmp_path / "second" / "theme", theme / "page.html"


def test_sites_that_link_one_theme_share_its_compiled_templates(two_sites, tmp_path, monkeypatch):
    first, second, _ = two_sites
    assert environment(first, tmp_path / "cache").get_template("page.html").render(name="Welt") == "Hallo Welt"
    other = environment(second, tmp_path / "cache")
    monkeypatch.setattr(other, "compile", lambda *arguments: pytest.fail("compiled again"))
    assert other.get_template("page.html").render(name="Welt") == "Hallo Welt"


def test_an_edited_template_is_compiled_again(two_sites, tmp_path):
    first, second, page = two_sites
    environment(first, tmp_path / "cache").get_template("page.html").render(name="Welt")
    page.write_text("Guten Tag, {{ name }}", encoding="utf-8")
    assert environment(second, tmp_path / "cache").get_template("page.html").render(name="Welt") == "Guten Tag, Welt"
