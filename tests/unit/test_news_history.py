"""The dates an undated news item gets for the feed: from its file's git history, never the clock."""

import datetime as dt
import subprocess

from pelican.plugins.news.history import added_and_changed


def commit(repo, when: str, message: str) -> None:
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "-m", message], check=True, env=env)


def test_added_and_last_changed_by_the_commits_of_that_file(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    news = tmp_path / "news"
    news.mkdir()
    item = news / "einladung.md"
    item.write_text("Title: Einladung\n\nText.\n")
    commit(tmp_path, "2021-04-01T09:00:00+00:00", "add")
    item.write_text("Title: Einladung\n\nText, verbessert.\n")
    commit(tmp_path, "2021-04-03T09:00:00+00:00", "fix")
    (news / "other.md").write_text("Title: Andere\n")
    commit(tmp_path, "2021-04-05T09:00:00+00:00", "another file")
    utc = dt.timezone.utc
    assert added_and_changed(item) == (dt.datetime(2021, 4, 1, 9, tzinfo=utc), dt.datetime(2021, 4, 3, 9, tzinfo=utc))


def test_no_history_no_dates(tmp_path):
    item = tmp_path / "einladung.md"
    item.write_text("Title: Einladung\n")
    assert added_and_changed(item) is None


def test_a_shallow_clone_has_no_history_rather_than_a_wrong_one(tmp_path):
    source = tmp_path / "source"
    subprocess.run(["git", "init", "-q", str(source)], check=True)
    item = source / "einladung.md"
    item.write_text("Title: Einladung\n")
    commit(source, "2021-04-01T09:00:00+00:00", "add")
    (source / "other.md").write_text("Title: Andere\n")
    commit(source, "2021-04-05T09:00:00+00:00", "another file")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{source}", str(clone)], check=True)
    assert added_and_changed(clone / "einladung.md") is None
    assert added_and_changed(item) is not None
