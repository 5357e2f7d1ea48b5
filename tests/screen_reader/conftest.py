"""Fixtures for the screen-reader tests: a private desktop with an AT-SPI bus."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.screen_reader.session import ReaderSession, missing_tools

#: Set by .ci/run: there the tools are installed, so a missing one is a failure, not a skip.
REQUIRED_ENV = "EXHIBIT_SCREEN_READER_TESTS"


@pytest.fixture(scope="module")
def desktop_tools() -> None:
    missing = missing_tools()
    if missing:
        message = f"needs {', '.join(missing)} (Debian packages; .ci/run installs them)"
        if os.environ.get(REQUIRED_ENV) == "required":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def reader(desktop_tools: None, tmp_path: Path) -> Iterator[ReaderSession]:
    """A new session bus, AT-SPI bus and X display; open the exhibit with ``open_exhibit``."""
    session = ReaderSession(tmp_path)
    try:
        session.start()
        yield session
    finally:
        session.stop()
