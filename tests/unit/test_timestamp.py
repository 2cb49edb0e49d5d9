import datetime as dt
import subprocess

from pelican.plugins.bilingual.timestamp import source_date


def test_source_date_epoch_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1624892400")
    assert source_date(tmp_path) == dt.datetime(2021, 6, 28, 15, 0, tzinfo=dt.timezone.utc)


def test_otherwise_the_last_commit_time(monkeypatch, tmp_path):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    env = {"GIT_AUTHOR_DATE": "2021-05-12T10:00:00+00:00", "GIT_COMMITTER_DATE": "2021-05-12T10:00:00+00:00",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "commit", "-q", "--allow-empty", "-m", "x"], check=True, env=env)
    assert source_date(tmp_path) == dt.datetime(2021, 5, 12, 10, 0, tzinfo=dt.timezone.utc)


def test_outside_a_checkout_the_epoch(monkeypatch, tmp_path):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert source_date(tmp_path) == dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
