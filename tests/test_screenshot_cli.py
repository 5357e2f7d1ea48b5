"""``--screenshot`` run as a user would: a real process that writes a real picture."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from tests.conftest import PROJECT_DIR


def _run(*args: str, cache: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["XDG_CACHE_HOME"] = cache  # keep the user's content cache out of it
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _distinct_colours(image: QImage) -> int:
    colours = set()
    for y in range(0, image.height(), 24):
        for x in range(0, image.width(), 24):
            colours.add(image.pixel(x, y))
    return len(colours)


def test_screenshot_of_a_step_is_written_at_the_asked_size(tmp_path):
    target = tmp_path / "fortress-en.png"

    result = _run(
        "--open", "fortress/2", "--lang", "en", "--size", "1280x720",
        "--screenshot", str(target), cache=str(tmp_path / "cache"),
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1280, 720)
    assert _distinct_colours(image) > 20, "the picture is blank"


def test_screenshot_twice_uses_the_content_cache_and_draws_the_same(tmp_path):
    cache = str(tmp_path / "cache")
    first, second = tmp_path / "first.png", tmp_path / "second.png"

    assert _run("--screenshot", str(first), cache=cache).returncode == 0
    assert list((tmp_path / "cache").rglob("content-*.json")), "no cache was written"
    assert _run("--screenshot", str(second), cache=cache).returncode == 0

    assert QImage(str(first)) == QImage(str(second))


def test_screenshot_refuses_a_path_that_is_not_png(tmp_path):
    result = _run("--screenshot", str(tmp_path / "x.jpg"), cache=str(tmp_path / "cache"))

    assert result.returncode == 2
    assert ".png" in result.stderr
    assert "Traceback" not in result.stderr


def _unwritable(tmp_path, kind: str) -> str:
    if kind == "under-a-file":
        (tmp_path / "a-file").write_text("x", encoding="utf-8")
        return str(tmp_path / "a-file" / "shot.png")
    if kind == "fifo":
        os.mkfifo(tmp_path / "pipe.png")  # opening it to write would wait for a reader
        return str(tmp_path / "pipe.png")
    if kind == "folder":
        (tmp_path / "shot.png").mkdir()
        return str(tmp_path / "shot.png")
    return "/proc/no-such-folder/shot.png"  # a folder that cannot be created


@pytest.mark.parametrize("kind", ["under-a-file", "fifo", "folder", "proc"])
def test_screenshot_to_a_place_that_cannot_be_written_fails_at_once(tmp_path, kind):
    target = _unwritable(tmp_path, kind)
    result = _run("--screenshot", target, cache=str(tmp_path / "cache"))

    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"exhibit: --screenshot: cannot write {target}: ")
    assert "Traceback" not in result.stderr
