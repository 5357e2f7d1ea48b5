"""How smoothly the final day's clock sweeps, and what it costs while it stands still.

A fresh process opens the exhibit at 1920x1080 on the first event of
``final-day`` (offscreen, Qt Quick's software renderer: the slowest renderer
the exhibit may meet), then steps through the whole day, event after event,
as a visitor tapping "next" does. Every rendered frame is timed
(``QQuickWindow.frameSwapped``); the frames inside the sweeps give

* ``clock_fps``: frames rendered per second of sweep animation,
* ``clock_p95_ms``: the 95th percentile of the intervals between them.

Then the clock is left paused for ten seconds and the process's CPU time
over that span is reported as ``paused_cpu_pct`` (of one core).

To read those: ``render_p95_ms`` is how long the renderer itself took per
frame (95th percentile), and ``load_average`` how busy the machine was; on
a shared machine other processes stretch the intervals between frames.

    python bench/clock.py [--size 1920x1080] [--paused-seconds 10]

Prints a JSON object; ``run()`` returns the same figures for bench/run.py.
Targets: at least 58 fps, p95 under 17 ms, under 1 % CPU while paused.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR / "bench"))
from software import percentile, run_child  # noqa: E402  (bench/ is not a package)

#: Frames arriving this long after a sweep's nominal end still belong to it
#: (the last frame of an animation lands a little after its last tick).
SWEEP_TAIL_S = 0.02


def _child(width: int, height: int, paused_seconds: float) -> dict[str, float]:
    """Inside the measured process: open the clock, sweep through the day, sit still."""
    if str(PROJECT_DIR) not in sys.path:
        sys.path.insert(0, str(PROJECT_DIR))
    from exhibit.app import load_or_report, open_window, prepare_qt_environment
    from exhibit.paths import CONTENT_DIR

    prepare_qt_environment(offscreen=True)
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    exhibit = load_or_report(CONTENT_DIR)
    assert exhibit is not None
    running = open_window(exhibit, open_spec="final-day/1", size=(width, height))
    window = running.window
    clock = running.backends.clock
    story = running.backends.session.story

    swaps: list[float] = []
    renders: list[tuple[float, float]] = []
    window.frameSwapped.connect(lambda: swaps.append(time.perf_counter()))  # type: ignore[attr-defined]
    window.beforeRendering.connect(  # type: ignore[attr-defined]
        lambda: renders.append((time.perf_counter(), 0.0))
    )
    window.afterRendering.connect(  # type: ignore[attr-defined]
        lambda: renders.__setitem__(-1, (renders[-1][0], time.perf_counter())) if renders else None
    )

    def wait(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(round(seconds * 1000), loop.quit)
        loop.exec()

    window.show()  # type: ignore[attr-defined]
    wait(1.5)  # first frames, fonts, the chapter's components

    sweeps: list[tuple[float, float]] = []
    while True:
        # The sweep starts within the move: whatever the move costs before
        # the first frame counts against it.
        start = time.perf_counter()
        if not story.next() or not clock.property("active") or clock.property("isTotals"):
            break
        ms = int(clock.property("sweepMs"))
        sweeps.append((start, start + ms / 1000.0 + SWEEP_TAIL_S))
        wait(ms / 1000.0 + 0.3)

    intervals: list[float] = []
    render_ms: list[float] = []
    frames = 0
    sweep_seconds = 0.0
    for start, end in sweeps:
        inside = [t for t in swaps if start <= t <= end]
        frames += len(inside)
        sweep_seconds += end - start - SWEEP_TAIL_S
        intervals += [(b - a) * 1000.0 for a, b in itertools.pairwise(inside)]
        render_ms += [(b - a) * 1000.0 for a, b in renders if start <= a <= end and b > a]

    clock.pause()
    wait(1.0)
    cpu_start, wall_start = time.process_time(), time.perf_counter()
    wait(paused_seconds)
    cpu = time.process_time() - cpu_start
    wall = time.perf_counter() - wall_start

    running.close()
    app.processEvents()
    return {
        "clock_fps": round(frames / sweep_seconds, 1) if sweep_seconds else 0.0,
        "clock_p95_ms": round(percentile(intervals, 0.95), 2),
        "paused_cpu_pct": round(100.0 * cpu / wall, 2),
        # For reading the figures above: how long the renderer itself took per
        # frame, how many sweeps were timed, and how busy the machine was (the
        # intervals stretch when other processes take the CPU).
        "render_p95_ms": round(percentile(render_ms, 0.95), 2),
        "sweeps": len(sweeps),
        "load_average": round(os.getloadavg()[0], 2),
    }


def run(size: tuple[int, int] = (1920, 1080), paused_seconds: float = 10.0) -> dict[str, float]:
    """Measure in a fresh process (the renderer is chosen before Qt starts)."""
    width, height = size
    return run_child(__file__, f"--size={width}x{height}", f"--paused-seconds={paused_seconds}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--paused-seconds", type=float, default=10.0)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    width, height = (int(n) for n in options.size.lower().split("x"))
    if options.child:
        print(json.dumps(_child(width, height, options.paused_seconds)), flush=True)
        return
    print(json.dumps(run((width, height), options.paused_seconds), indent=2))


if __name__ == "__main__":
    main()
