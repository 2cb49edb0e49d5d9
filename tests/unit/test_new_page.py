import pytest

from sitebuild.new_page import NewPageError, create_page


def test_creates_both_languages_with_metadata(tmp_path):
    for lang in ("de", "ru"):
        (tmp_path / lang).mkdir()
    paths = create_page(tmp_path, "anreise", ("de", "ru"))
    assert paths == [tmp_path / "de" / "anreise.md", tmp_path / "ru" / "anreise.md"]
    for path in paths:
        header = path.read_text(encoding="utf-8").split("\n\n")[0].splitlines()
        assert [line.split(":")[0] for line in header] == ["Title", "Summary"]
    assert "Новая страница" in paths[1].read_text(encoding="utf-8")


@pytest.mark.parametrize("slug", ["Anreise", "an reise", "", "../x", "-x"])
def test_refuses_a_slug_that_is_no_address(tmp_path, slug):
    with pytest.raises(NewPageError, match="lower-case letters"):
        create_page(tmp_path, slug, ("de", "ru"))


def test_never_overwrites_a_page(tmp_path):
    for lang in ("de", "ru"):
        (tmp_path / lang).mkdir()
    (tmp_path / "ru" / "anreise.md").write_text("Title: есть\n\nтекст\n", encoding="utf-8")
    with pytest.raises(NewPageError, match="already exists"):
        create_page(tmp_path, "anreise", ("de", "ru"))
    assert not (tmp_path / "de" / "anreise.md").exists()
