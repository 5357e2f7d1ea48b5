"""How long a step takes to reach the screen: tap "next" -> the next rendered frame.

A fresh process (offscreen, Qt Quick's software renderer: the slowest the
exhibit may meet) opens the exhibit at 1920x1080 on each chapter's first
step and taps the "next" button as a visitor does, through to the chapter's
last step, then goes home and does it again (``passes`` times). Each tap is
timed from just before the press to the next ``frameSwapped``; between taps
the window is left to finish its animations.

The floor, measured in the same process after the exhibit closes: a bare Qt Quick window of the same
size whose one text changes, timed the same way (what any Qt Quick program
pays for a frame on this renderer and this machine).

    python bench/step.py [--size 1920x1080] [--passes 2]

Prints a JSON object; ``run()`` returns the same figures for bench/run.py:
``step_ms`` ({chapter: {median, p95}}), ``step_p95_ms`` (the worst
chapter's p95), ``step_floor_ms`` (the floor's median) and
``step_ratio`` (the worst chapter's median over the floor's); and the same
in CPU time of the drawing thread (``step_cpu_ms``, ``step_floor_cpu_ms``),
which other processes on a busy machine do not stretch.
Target: p95 within one 60 Hz frame (16.7 ms) on every chapter.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR / "bench"))
from software import percentile, run_child  # noqa: E402  (bench/ is not a package)

#: Time left after a tap for the step's animations (map flight, clock sweep)
#: to end before the next tap, so each tap starts from a still window.
SETTLE_MS = 1600
FLOOR_TAPS = 20

BARE_QML = b"""
import QtQuick
Window {
    width: 1920; height: 1080; color: "#15120e"
    property int n: 0
    Text { anchors.centerIn: parent; text: "Step " + n; color: "white"; font.pixelSize: 48 }
}
"""


def _summary(values: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), 2) if values else 0.0,
        "p95": round(percentile(values, 0.95), 2),
        "n": len(values),
    }


def _child(width: int, height: int, passes: int) -> dict[str, Any]:
    if str(PROJECT_DIR) not in sys.path:
        sys.path.insert(0, str(PROJECT_DIR))
    from exhibit.app import load_or_report, open_window, prepare_qt_environment
    from exhibit.core.story import Position
    from exhibit.paths import CONTENT_DIR

    prepare_qt_environment(offscreen=True)
    from PySide6.QtCore import QEventLoop, QPointF, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine
    from PySide6.QtTest import QTest

    app = QGuiApplication(sys.argv[:1])

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    cpu: list[float] = []

    def next_frame_ms(window: Any, act: Any) -> float:
        """Milliseconds from ``act()`` to the window's next swapped frame.

        The CPU time this thread spent meanwhile goes to ``cpu``: the software
        renderer draws on this thread, so it is the step's own cost, whatever
        else the machine is doing.
        """
        swapped: list[float] = []
        loop = QEventLoop()

        def on_swap() -> None:
            swapped.append(time.perf_counter())
            cpu.append((time.thread_time() - cpu_started) * 1000.0)
            loop.quit()

        window.frameSwapped.connect(on_swap)
        cpu_started = time.thread_time()
        started = time.perf_counter()
        act()
        if not swapped:
            QTimer.singleShot(5000, loop.quit)
            loop.exec()
        window.frameSwapped.disconnect(on_swap)
        if not swapped:
            raise RuntimeError("no frame within 5 s of a step")
        return (swapped[0] - started) * 1000.0

    exhibit = load_or_report(CONTENT_DIR)
    assert exhibit is not None
    running = open_window(exhibit, size=(width, height))
    window = running.window
    story = running.backends.session.story
    window.show()
    wait(800)

    def find(name: str) -> Any:
        stack = [window.contentItem()]
        while stack:
            item = stack.pop()
            if item.objectName() == name and item.isVisible():
                return item
            stack.extend(item.childItems())
        raise LookupError(name)

    def tap_next() -> None:
        button = find("nextButton")
        point = button.mapToScene(QPointF(button.width() / 2, button.height() / 2)).toPoint()
        QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

    steps: dict[str, list[float]] = {chapter.id: [] for chapter in exhibit.chapters}
    steps_cpu: dict[str, list[float]] = {chapter.id: [] for chapter in exhibit.chapters}
    for _ in range(passes):
        for chapter in exhibit.chapters:
            story.go_to(Position(chapter.id, 0))
            wait(SETTLE_MS)
            for _step in range(len(chapter.steps) - 1):
                steps[chapter.id].append(next_frame_ms(window, tap_next))
                steps_cpu[chapter.id].append(cpu[-1])
                wait(SETTLE_MS)
            story.home()
            wait(300)
    running.close()
    wait(100)

    # The floor: a bare window whose text changes.
    engine = QQmlApplicationEngine()
    engine.loadData(BARE_QML)
    bare = engine.rootObjects()[0]
    bare.setProperty("width", width)
    bare.setProperty("height", height)
    bare.show()
    wait(300)
    floor: list[float] = []
    cpu.clear()
    for n in range(FLOOR_TAPS):
        floor.append(next_frame_ms(bare, lambda n=n: bare.setProperty("n", n + 1)))
        wait(50)
    bare.close()
    engine.deleteLater()
    app.processEvents()

    by_chapter = {chapter: _summary(values) for chapter, values in steps.items()}
    floor_median = statistics.median(floor)
    worst_median = max(s["median"] for s in by_chapter.values())
    return {
        "step_ms": by_chapter,
        "step_p95_ms": max(s["p95"] for s in by_chapter.values()),
        "step_floor_ms": round(floor_median, 2),
        "step_floor_p95_ms": round(percentile(floor, 0.95), 2),
        "step_ratio": round(worst_median / floor_median, 2) if floor_median > 0 else None,
        # The same, in CPU time of the thread that draws: steady under load.
        "step_cpu_ms": {chapter: _summary(values) for chapter, values in steps_cpu.items()},
        "step_floor_cpu_ms": round(statistics.median(cpu), 2) if cpu else 0.0,
        "load_average": round(os.getloadavg()[0], 2),
    }


def run(size: tuple[int, int] = (1920, 1080), passes: int = 2) -> dict[str, Any]:
    """Measure in a fresh process (the renderer is chosen before Qt starts)."""
    width, height = size
    return run_child(__file__, f"--size={width}x{height}", f"--passes={passes}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    width, height = (int(n) for n in options.size.lower().split("x"))
    if options.child:
        print(json.dumps(_child(width, height, options.passes)), flush=True)
        return
    print(json.dumps(run((width, height), options.passes), indent=2))


if __name__ == "__main__":
    main()
