import os
import subprocess

from sitebuild.translation_status import missing_counterparts, outdated_translations

LANGS = ("de", "ru")
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": os.environ["PATH"]}


def write(path, text="Title: x\n\ny\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def commit(root, when):
    env = {**GIT_ENV, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", "commit", "-qm", when], cwd=root, check=True, env=env)


def test_missing_counterparts_in_both_directions(tmp_path):
    write(tmp_path / "de" / "a.md")
    write(tmp_path / "de" / "news" / "b.md")
    write(tmp_path / "ru" / "c.md")
    missing = [(str(m.page.relative_to(tmp_path)), str(m.source.relative_to(tmp_path)))
               for m in missing_counterparts(tmp_path, LANGS)]
    assert missing == [("de/c.md", "ru/c.md"), ("ru/a.md", "de/a.md"), ("ru/news/b.md", "de/news/b.md")]


def test_a_translation_older_than_its_source_is_outdated(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    for name in ("same.md", "changed.md"):
        write(tmp_path / "de" / name)
        write(tmp_path / "ru" / name)
    commit(tmp_path, "2021-05-01T10:00:00+00:00")
    write(tmp_path / "de" / "changed.md", "Title: x\n\nneu\n")
    commit(tmp_path, "2021-05-02T10:00:00+00:00")
    outdated = [(o.page.relative_to(tmp_path).as_posix(), o.source.relative_to(tmp_path).as_posix())
                for o in outdated_translations(tmp_path, LANGS)]
    assert outdated == [("ru/changed.md", "de/changed.md")]


def test_an_uncommitted_edit_counts_as_newest(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    write(tmp_path / "de" / "p.md")
    write(tmp_path / "ru" / "p.md")
    commit(tmp_path, "2021-05-01T10:00:00+00:00")
    write(tmp_path / "ru" / "p.md", "Title: x\n\nновое\n")
    [outdated] = outdated_translations(tmp_path, LANGS)
    assert outdated.page == tmp_path / "de" / "p.md"
