"""The dates an undated news item gets for the feed: from its file's git history, never the clock."""

import datetime as dt
import subprocess

from news.history import added_and_changed


def commit(repo, when: str, message: str) -> None:
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "-m", message], check=True, env=env)


def test_added_and_last_changed_by_the_commits_of_that_file(monkeypatch, tmp_path):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
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


def test_no_history_no_dates(monkeypatch, tmp_path):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    item = tmp_path / "einladung.md"
    item.write_text("Title: Einladung\n")
    assert added_and_changed(item) is None


def test_source_date_epoch_stands_for_both(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1624892400")
    moment = dt.datetime(2021, 6, 28, 15, 0, tzinfo=dt.timezone.utc)
    assert added_and_changed(tmp_path / "einladung.md") == (moment, moment)
