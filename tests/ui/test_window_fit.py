"""A classroom window fits its screen, and Ctrl+Q closes it (not a kiosk).

On a 1366x768 laptop the exhibit's 1920x1080 default, or a window remembered
from a bigger screen, would put the language toggle and the navigation off
the screen. The window opens fitted to the screen's available area, frame
included, where it was if that still fits, else centred (the rule itself:
tests/core/test_geometry.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication

from exhibit.core.settings import Settings
from exhibit.qt.window_memory import WindowMemory
from tests.conftest import PROJECT_DIR

LAPTOP = {
    "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    ]
}  # fmt: skip


def inside(inner: list[float], outer: list[float]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return x >= ox and y >= oy and x + w <= ox + ow and y + h <= oy + oh


# -- the window ---------------------------------------------------------------------


def test_a_classroom_window_opens_inside_the_screen(open_exhibit) -> None:
    # The offscreen screen is 800x800; the exhibit's default size is 1920x1080.
    visitor = open_exhibit(settings=Settings(), fitted=True)
    available = visitor.window.screen().availableGeometry()
    frame = visitor.window.frameGeometry()
    assert available.contains(frame), (frame, available)
    assert frame.width() == available.width()


def test_a_remembered_size_that_no_longer_fits_is_shrunk(open_exhibit, tmp_path) -> None:
    store = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)
    store.setValue("window/geometry", QRect(300, 200, 1920, 1080))
    visitor = open_exhibit(settings=Settings(), memory=WindowMemory(store), fitted=True)
    available = visitor.window.screen().availableGeometry()
    assert available.contains(visitor.window.frameGeometry()), visitor.window.frameGeometry()


@pytest.mark.parametrize("remembered", ["", "1920x1080"], ids=["default", "remembered"])
def test_on_a_1366x768_laptop_everything_is_visible(tmp_path: Path, remembered: str) -> None:
    config = tmp_path / "laptop.json"
    config.write_text(json.dumps(LAPTOP))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.window_fit_probe", "--store", str(tmp_path / "s.ini"),
         *(["--remember", remembered] if remembered else [])],
        cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["screen"] == [0, 0, 1366, 768]
    assert inside(seen["frame"], seen["screen"]), seen
    width, height = seen["window"][2:]
    for name, box in seen["controls"].items():
        assert inside(box, [0, 0, width, height]), (name, box, seen["window"])


# -- Ctrl+Q ---------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["classroom", "presentation"])
def test_ctrl_q_closes_the_window(open_exhibit, mode: str) -> None:
    visitor = open_exhibit(settings=Settings(mode=mode))
    assert visitor.window.isVisible()
    visitor.key(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    visitor.qtbot.waitUntil(lambda: not visitor.window.isVisible(), timeout=2000)


def test_ctrl_q_does_not_close_a_kiosk(open_exhibit) -> None:
    visitor = open_exhibit(settings=Settings(mode="kiosk", idle_timeout_s=600))
    visitor.tap_at(visitor.center_of(visitor.find("attractScene")))
    visitor.key(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    visitor.settle(100)
    assert visitor.window.isVisible()
    assert QGuiApplication.instance() is not None
