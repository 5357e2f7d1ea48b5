"""Fixtures that open the real exhibit window, offscreen, as a visitor meets it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from exhibit.app import open_window
from exhibit.core.content import load_content
from exhibit.core.model import Exhibit
from exhibit.paths import ASSETS_DIR, CONTENT_DIR
from tests.ui.harness import Visitor


@pytest.fixture(scope="session")
def exhibit_content() -> Exhibit:
    return load_content(CONTENT_DIR, ASSETS_DIR)


OpenExhibit = Callable[..., Visitor]


@pytest.fixture
def open_exhibit(qtbot: QtBot, exhibit_content: Exhibit) -> Iterator[OpenExhibit]:
    """Open the exhibit: ``open_exhibit(language="en", open_spec="fortress/2", size=(w, h))``.

    ``exhibit=`` opens other content than the project's (e.g. a changed copy).
    """
    opened: list[Visitor] = []

    def _open(**kwargs: object) -> Visitor:
        content = kwargs.pop("exhibit", exhibit_content)
        fitted = bool(kwargs.pop("fitted", False))
        running = open_window(content, **kwargs)  # type: ignore[arg-type]
        settings = kwargs.get("settings")
        classroom = settings is None or not (settings.is_kiosk or settings.is_presentation)
        # The offscreen screen is 800x800, and a classroom window opens fitted to
        # its screen (``fitted=True`` opens it so: tests/ui/test_window_fit.py);
        # other tests lay the exhibit out at the size they ask for (the default
        # 1920x1080 if none), shown as a screenshot shows it.
        running.show(windowed=classroom and not fitted)
        qtbot.waitExposed(running.window)  # type: ignore[arg-type]
        visitor = Visitor(qtbot, running)
        visitor.settle(50)
        opened.append(visitor)
        return visitor

    yield _open
    for visitor in opened:
        visitor.running.close()
    qtbot.wait(10)
