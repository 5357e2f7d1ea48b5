"""The kiosk's real window on a bare X server: another program moves it, it comes back.

With no window manager nothing but the exhibit itself keeps its window on
the whole screen, so this runs ``main.py --kiosk`` under Xvfb and moves and
resizes the window with ``xdotool``, as a stray script or tool would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
SCREEN = (1280, 720)

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (.ci/run installs them)",
)


@pytest.fixture
def display() -> Iterator[str]:
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _xdotool(display: str, *args: str) -> str:
    env = {**os.environ, "DISPLAY": display}
    result = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, env=env, timeout=10, check=False
    )
    return result.stdout


def _geometry(display: str, window: str) -> tuple[int, int, int, int] | None:
    """``(x, y, width, height)`` as the X server has it ("Position: 0,0 ... Geometry: 1280x720")."""
    text = _xdotool(display, "getwindowgeometry", window)
    match = re.search(r"Position: (-?\d+),(-?\d+).*Geometry: (\d+)x(\d+)", text, re.DOTALL)
    return None if match is None else tuple(int(n) for n in match.groups())  # type: ignore[return-value]


def _wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_kiosk_moved_or_resized_by_another_program_takes_its_screen_back(display):
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("EXHIBIT_SETTINGS", None)
    kiosk = subprocess.Popen(
        [sys.executable, str(PROJECT / "main.py"), "--kiosk"],
        env=env,
        cwd=PROJECT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        windows: list[str] = []
        assert _wait_for(
            lambda: (
                windows.extend(_xdotool(display, "search", "--name", "1954").split())
                or bool(windows)
            ),
            timeout=60,
        ), "the kiosk window did not appear"
        window = windows[0]
        whole = (0, 0, *SCREEN)
        assert _wait_for(lambda: _geometry(display, window) == whole, timeout=20)

        _xdotool(display, "windowmove", window, "100", "120")
        _xdotool(display, "windowsize", window, "400", "300")
        assert _wait_for(lambda: _geometry(display, window) != whole, timeout=5)
        assert _wait_for(lambda: _geometry(display, window) == whole, timeout=5), _geometry(
            display, window
        )
        assert kiosk.poll() is None, "the kiosk stopped"
    finally:
        kiosk.terminate()
        _, errors = kiosk.communicate(timeout=20)
    assert "Traceback" not in errors


def _share_of_colour(path: Path, colour: str, within: tuple[int, int, int, int]) -> float:
    """How much of the ``(x, y, width, height)`` part of the image is ``colour`` (to ±12)."""
    from PySide6.QtGui import QColor, QImage

    image, want = QImage(str(path)), QColor(colour)
    x0, y0, width, height = within
    hits = total = 0
    for y in range(y0, y0 + height, 3):
        for x in range(x0, x0 + width, 3):
            got = image.pixelColor(x, y)
            total += 1
            pairs = zip(got.getRgb()[:3], want.getRgb()[:3], strict=True)
            hits += all(abs(a - b) <= 12 for a, b in pairs)
    return hits / total


def _theme_colour(name: str) -> str:
    theme = (PROJECT / "exhibit/qml/Exhibit/Theme.qml").read_text(encoding="utf-8")
    match = re.search(rf"property color {name}: \"(#[0-9a-fA-F]{{6}})\"", theme)
    assert match, name
    return match.group(1)


def test_the_real_window_draws_the_maps_ground_with_the_graphics_card_renderer(display, tmp_path):
    # On a real display Qt Quick draws with OpenGL (here Mesa's), not the
    # software renderer of the offscreen tests: the valley's river and the
    # Indochina map's sea must be drawn there too, not only their markers.
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("EXHIBIT_SETTINGS", None)
    for open_spec, token, least in [
        ("fortress/2", "mapRiver", 0.004),
        ("offensive/1", "mapSea", 0.2),
    ]:
        shot = tmp_path / f"{open_spec.replace('/', '-')}.png"
        result = subprocess.run(
            [sys.executable, str(PROJECT / "main.py"), "--open", open_spec,
             "--size", f"{SCREEN[0]}x{SCREEN[1]}", "--screenshot", str(shot)],
            env=env, cwd=PROJECT, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        stage = (40, 80, 720, 560)  # the map's part of a 1280x720 chapter screen
        assert _share_of_colour(shot, _theme_colour(token), stage) >= least, open_spec
