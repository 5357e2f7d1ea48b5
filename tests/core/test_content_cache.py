"""The validated-content cache is reused only while nothing it rests on has changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from exhibit.core import content_cache
from exhibit.core.content import load_content
from exhibit.paths import ASSETS_DIR, CONTENT_DIR


def _copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def test_round_trip_gives_the_same_exhibit(tmp_path):
    content = _copy_content(tmp_path)
    exhibit = load_content(content, ASSETS_DIR)
    key = content_cache.content_key(content, ASSETS_DIR)
    content_cache.store(key, tmp_path / "cache", exhibit)

    cached = content_cache.load_cached(key, tmp_path / "cache")

    assert cached == exhibit


def test_any_edit_changes_the_key(tmp_path):
    content = _copy_content(tmp_path)
    before = content_cache.content_key(content, ASSETS_DIR)
    ui = content / "ui.yaml"
    ui.write_text(ui.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")

    assert content_cache.content_key(content, ASSETS_DIR) != before


def test_a_missing_asset_or_a_corrupt_file_is_a_miss(tmp_path):
    content = _copy_content(tmp_path)
    assets = tmp_path / "assets"
    shutil.copytree(ASSETS_DIR, assets)
    exhibit = load_content(content, assets)
    key = content_cache.content_key(content, assets)
    cache = tmp_path / "cache"
    content_cache.store(key, cache, exhibit)

    (assets / "maps" / "valley.json").unlink()
    assert content_cache.load_cached(key, cache) is None

    (cache / f"content-{key}.pickle").write_bytes(b"not a pickle")
    assert content_cache.load_cached(key, cache) is None


def test_storing_keeps_only_the_newest_entry(tmp_path):
    exhibit = load_content(CONTENT_DIR, ASSETS_DIR)
    cache = tmp_path / "cache"
    content_cache.store("a" * 64, cache, exhibit)
    content_cache.store("b" * 64, cache, exhibit)

    assert [p.name for p in cache.glob("content-*.pickle")] == [f"content-{'b' * 64}.pickle"]
