"""The shipped content and its two maps, read once for the core tests that use them,
and a fresh copy of the content folder for a test to change.

A test module may define a fixture of the same name for something else (the
Indochina asset's raw JSON, another content folder): its own wins there.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exhibit.core.content import load_content
from exhibit.core.maps import MapData, build_exhibit_map
from exhibit.core.model import Exhibit
from exhibit.paths import ASSETS_DIR, CONTENT_DIR


@pytest.fixture(scope="session")
def exhibit() -> Exhibit:
    return load_content(CONTENT_DIR, ASSETS_DIR)


@pytest.fixture(scope="session")
def indochina(exhibit: Exhibit) -> MapData:
    return build_exhibit_map(exhibit, "indochina")


@pytest.fixture(scope="session")
def valley(exhibit: Exhibit) -> MapData:
    return build_exhibit_map(exhibit, "valley")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the shipped content folder, for a test to change."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target
