"""Input files hashed once, and not read again while their size and times are unchanged."""

import os
import time

from committeepack.filehash import FileHashes


def aged(path, seconds=10):
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_an_unchanged_file_is_not_read_again_in_the_next_build(tmp_path, monkeypatch):
    table = tmp_path / "t.csv"
    table.write_text("a,b\n1,2\n", encoding="utf-8")
    aged(table)
    first = FileHashes(tmp_path / "cache")
    digest = first.of(table)
    first.save()
    from committeepack import filehash

    monkeypatch.setattr(filehash, "_hash_file", lambda path: 1 / 0)  # reading would fail
    assert FileHashes(tmp_path / "cache").of(table) == digest


def test_a_changed_file_is_hashed_again_even_at_the_same_size(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("a,b\n1,2\n", encoding="utf-8")
    aged(table, 20)
    first = FileHashes(tmp_path / "cache")
    digest = first.of(table)
    first.save()
    table.write_text("a,b\n1,3\n", encoding="utf-8")
    aged(table, 10)
    assert FileHashes(tmp_path / "cache").of(table) != digest


def test_a_file_changed_just_now_is_not_remembered(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("x", encoding="utf-8")
    hashes = FileHashes(tmp_path / "cache")
    hashes.of(table)
    hashes.save()
    assert not (tmp_path / "cache" / "hashes.json").exists()


def test_a_missing_file_and_a_damaged_record(tmp_path):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "hashes.json").write_text("[not json", encoding="utf-8")
    assert FileHashes(tmp_path / "cache").of(tmp_path / "nothing.csv") == "missing"
