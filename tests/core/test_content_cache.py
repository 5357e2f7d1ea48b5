"""The validated-content cache is used only while it cannot differ from the files.

Whatever happens to the cache entry (a flipped byte, a cut, garbage, another
kind of file) or to the files it was made from, :func:`load_cached` returns
either the exhibit the files hold or None, and never raises; storing never
leaves a temporary file behind.
"""

from __future__ import annotations

import errno
import os
import pickle
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exhibit.core import content_cache, files
from exhibit.core.content import LoadedContent, read_content
from exhibit.paths import ASSETS_DIR, CONTENT_DIR


@pytest.fixture(scope="module")
def shipped() -> LoadedContent:
    return read_content(CONTENT_DIR, ASSETS_DIR)


def _copy(tmp_path: Path) -> tuple[Path, Path]:
    content, assets = tmp_path / "content", tmp_path / "assets"
    shutil.copytree(CONTENT_DIR, content)
    shutil.copytree(ASSETS_DIR / "maps", assets / "maps")
    return content, assets


def _stored(tmp_path: Path) -> tuple[Path, Path, Path, LoadedContent]:
    content, assets = _copy(tmp_path)
    loaded = read_content(content, assets)
    cache = tmp_path / "cache"
    content_cache.store(loaded, content, assets, cache)
    return content, assets, cache, loaded


def _entry(cache: Path) -> Path:
    (entry,) = cache.glob("content-*.json")
    return entry


def test_round_trip_gives_the_same_exhibit(tmp_path):
    content, assets, cache, loaded = _stored(tmp_path)

    cached = content_cache.load_cached(content, assets, cache)

    assert cached == loaded.exhibit
    assert cached is not loaded.exhibit


def test_the_entry_is_plain_json_that_names_every_file_read(tmp_path):
    _, _, cache, loaded = _stored(tmp_path)
    header, _, body = _entry(cache).read_bytes().partition(b"\n")

    assert header.startswith(b"exhibit-content-cache ")
    assert b"pickle" not in body and not body.startswith(b"\x80")
    names = {Path(path).name for path, _ in loaded.files}
    assert {"exhibit.yaml", "ui.yaml", "places.yaml", "indochina.json", "valley.json"} <= names


@pytest.mark.parametrize(
    "edit",
    ["ui.yaml", "chapters/fortress.yaml", "asset", "asset-removed", "asset-shadowed"],
)
def test_any_change_to_a_file_it_rests_on_is_a_miss(tmp_path, edit):
    content, assets, cache, _ = _stored(tmp_path)
    if edit == "asset":
        path = assets / "maps" / "valley.json"
        path.write_bytes(path.read_bytes().replace(b"1300", b"1301", 1))
    elif edit == "asset-removed":
        (assets / "maps" / "valley.json").unlink()
    elif edit == "asset-shadowed":  # the content folder's own copy now comes first
        (content / "maps").mkdir()
        shutil.copy(assets / "maps" / "valley.json", content / "maps" / "valley.json")
    else:
        path = content / edit
        path.write_bytes(path.read_bytes() + b"\n# edited\n")

    assert content_cache.load_cached(content, assets, cache) is None


def test_files_the_content_does_not_name_are_not_read(tmp_path):
    content, assets, cache, loaded = _stored(tmp_path)
    (content / "notes.txt").write_text("anything", encoding="utf-8")
    os.mkfifo(content / "a-pipe")  # reading it would block for ever

    assert content_cache.load_cached(content, assets, cache) == loaded.exhibit


@pytest.mark.parametrize("module", ["content.py", "yamlsource.py"])
def test_a_change_to_the_loader_is_a_miss(tmp_path, monkeypatch, module):
    content, assets, cache, _ = _stored(tmp_path)
    real = files.read_regular_file

    def read(path: Path, limit: int) -> bytes:
        data = real(path, limit)
        return data + b"# changed\n" if path.name == module else data

    monkeypatch.setattr(content_cache, "read_regular_file", read)
    assert content_cache.load_cached(content, assets, cache) is None


def test_a_fact_changed_in_the_entry_is_a_miss(tmp_path):
    """The issue's case: 16,200 troops turned into 96,200 in the cached file."""
    content, assets, cache, _ = _stored(tmp_path)
    entry = _entry(cache)
    data = entry.read_bytes()
    assert b"16,200" in data
    entry.write_bytes(data.replace(b"16,200", b"96,200"))

    assert content_cache.load_cached(content, assets, cache) is None


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@pytest.fixture(scope="module")
def stored_once(tmp_path_factory) -> tuple[Path, Path, Path, LoadedContent, bytes]:
    content, assets, cache, loaded = _stored(tmp_path_factory.mktemp("cache"))
    return content, assets, cache, loaded, _entry(cache).read_bytes()


@fuzz(150)
@given(
    where=st.floats(0, 1, exclude_max=True),
    damage=st.sampled_from(["flip", "cut", "splice", "swap-digit"]),
    junk=st.binary(min_size=1, max_size=16),
)
def test_a_damaged_entry_gives_the_files_truth_or_nothing(stored_once, where, damage, junk):
    content, assets, cache, loaded, good = stored_once
    at = int(where * len(good))
    if damage == "flip":
        bad = good[:at] + bytes([good[at] ^ (junk[0] or 1)]) + good[at + 1 :]
    elif damage == "cut":
        bad = good[:at]
    elif damage == "splice":
        bad = good[:at] + junk + good[at + len(junk) :]
    else:  # a digit changed, as a hand edit would
        digits = [i for i, byte in enumerate(good) if chr(byte).isdigit()]
        i = digits[int(where * len(digits))]
        bad = good[:i] + (b"1" if good[i : i + 1] != b"1" else b"2") + good[i + 1 :]
    entry = _entry(cache)
    try:
        entry.write_bytes(bad)
        result = content_cache.load_cached(content, assets, cache)
    finally:
        entry.write_bytes(good)
    assert result is None or result == loaded.exhibit
    if bad != good:
        assert result is None


@pytest.mark.parametrize("kind", ["fifo", "folder", "empty", "huge", "pickle", "dev-zero"])
def test_an_entry_that_is_not_an_entry_is_a_miss(tmp_path, kind):
    content, assets, cache, _ = _stored(tmp_path)
    entry = _entry(cache)
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "folder":
        entry.mkdir()
    elif kind == "empty":
        entry.write_bytes(b"")
    elif kind == "huge":
        with entry.open("wb") as handle:
            handle.truncate(content_cache.MAX_CACHE_BYTES + 1)
    elif kind == "dev-zero":
        entry.symlink_to("/dev/zero")
    else:  # a pickle that would run code if it were loaded
        ran = tmp_path / "ran"
        entry.write_bytes(pickle.dumps(_RunsCode(str(ran))))

    assert content_cache.load_cached(content, assets, cache) is None
    if kind == "pickle":
        assert not (tmp_path / "ran").exists()


class _RunsCode:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (Path.touch, (Path(self.path),))


def test_storing_keeps_only_the_newest_entry_and_drops_old_pickles(tmp_path, shipped):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"content-{'a' * 64}.pickle").write_bytes(b"old")
    other = tmp_path / "other"
    shutil.copytree(CONTENT_DIR, other)
    content_cache.store(read_content(other, ASSETS_DIR), other, ASSETS_DIR, cache)
    content_cache.store(shipped, CONTENT_DIR, ASSETS_DIR, cache)

    assert [p.suffix for p in cache.iterdir()] == [".json"]
    assert content_cache.load_cached(CONTENT_DIR, ASSETS_DIR, cache) == shipped.exhibit


@pytest.mark.parametrize("failure", ["full-disk", "read-only"])
def test_a_failed_store_leaves_no_file_and_raises_nothing(tmp_path, monkeypatch, shipped, failure):
    cache = tmp_path / "cache"
    if failure == "full-disk":

        def full(*_args: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(files.os, "replace", full)
    else:
        cache.write_text("a file where the folder should be", encoding="utf-8")

    content_cache.store(shipped, CONTENT_DIR, ASSETS_DIR, cache)

    if failure == "full-disk":
        assert list(cache.iterdir()) == []
    assert content_cache.load_cached(CONTENT_DIR, ASSETS_DIR, cache) is None


def test_a_temporary_file_left_by_a_power_cut_is_removed_later(tmp_path, shipped):
    cache = tmp_path / "cache"
    cache.mkdir()
    old = cache / ".content-x.json.abc123.tmp"
    fresh = cache / ".content-x.json.def456.tmp"
    old.write_bytes(b"half")
    fresh.write_bytes(b"being written")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))

    content_cache.store(shipped, CONTENT_DIR, ASSETS_DIR, cache)

    assert not old.exists()
    assert fresh.exists()  # another process may still be writing it


def test_a_source_text_that_is_gone_is_a_miss(tmp_path):
    content, assets, cache, loaded = _stored(tmp_path)
    source = next(Path(path) for path, digest in loaded.files if "/sources/" in path)
    source.unlink()

    assert content_cache.load_cached(content, assets, cache) is None


def test_the_content_version_names_the_files_wherever_they_are(tmp_path, shipped):
    cache = tmp_path / "cache"
    here = content_cache.content_version(CONTENT_DIR, ASSETS_DIR, cache)
    content_cache.store(shipped, CONTENT_DIR, ASSETS_DIR, cache)
    assert content_cache.content_version(CONTENT_DIR, ASSETS_DIR, cache) == here  # from the cache

    elsewhere, assets = _copy(tmp_path)
    assert content_cache.content_version(elsewhere, assets, cache) == here
    (elsewhere / "ui.yaml").write_bytes((elsewhere / "ui.yaml").read_bytes() + b"# edited\n")
    assert content_cache.content_version(elsewhere, assets, cache) not in ("", here)
    (elsewhere / "ui.yaml").write_text("strings: 5\n", encoding="utf-8")
    assert content_cache.content_version(elsewhere, assets, cache) == ""
