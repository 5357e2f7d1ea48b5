"""How smoothly the final day's clock sweeps, and what it costs while it stands still.

A fresh process opens the exhibit at 1920x1080 on the first event of
``final-day`` (offscreen, Qt Quick's software renderer: the slowest renderer
the exhibit may meet), then steps through the whole day, event after event,
as a visitor tapping "next" does: at each move the hands sweep, a window
opens on the dial and the step's arrows draw themselves on the plan. Every
rendered frame is timed (``QQuickWindow.frameSwapped``); the frames inside
the moves where the hands sweep (``sweeps`` of them) give

* ``clock_fps``: frames rendered per second of move animation,
* ``clock_p95_ms``: the 95th percentile of the intervals between them,
* ``render_p95_ms``: how long the renderer itself took per frame (95th
  percentile), and ``render_cpu_p95_ms`` the same frames in CPU time of the
  rendering thread: what a frame costs, without the waits the machine's
  other load adds to the wall-clock figure.

Then the clock is left paused for ten seconds and the process's CPU time
over that span is reported as ``paused_cpu_pct`` (of one core).

The floor: a second fresh process makes the same moves over the same day
with every arrow taken out of the content (``*_no_arrows``), in the same
run, so what the arrows cost is read against it (``render_p95_ratio``)
rather than against figures from another day on another machine.
``load_average`` says how busy the machine was; on a shared machine other
processes stretch the intervals between frames.

    python bench/clock.py [--size 1920x1080] [--paused-seconds 10]

Prints a JSON object; ``run()`` returns the same figures for bench/run.py.
Targets: at least 58 fps and a render p95 under 8 ms with the arrows
drawing, p95 interval under 17 ms, under 1 % CPU while paused.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR / "bench"))
from software import percentile, run_child  # noqa: E402  (bench/ is not a package)

#: Frames arriving this long after a sweep's nominal end still belong to it
#: (the last frame of an animation lands a little after its last tick).
SWEEP_TAIL_S = 0.02


def _without_arrows(exhibit: Any) -> Any:
    """The same content with no arrow on any step: the floor the arrows are measured against."""
    chapters = tuple(
        dataclasses.replace(c, steps=tuple(dataclasses.replace(s, arrows=()) for s in c.steps))
        for c in exhibit.chapters
    )
    return dataclasses.replace(exhibit, chapters=chapters)


def _child(width: int, height: int, paused_seconds: float, arrows: bool) -> dict[str, float]:
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
    if not arrows:
        exhibit = _without_arrows(exhibit)
    running = open_window(exhibit, open_spec="final-day/1", size=(width, height))
    window = running.window
    clock = running.backends.clock
    story = running.backends.session.story

    swaps: list[float] = []
    # (start, end, CPU seconds of the rendering thread) per frame: the CPU
    # time is what the frame cost, whatever else the machine was doing.
    renders: list[tuple[float, float, float]] = []
    cpu_at_start: list[float] = [0.0]

    def before() -> None:
        cpu_at_start[0] = time.thread_time()
        renders.append((time.perf_counter(), 0.0, 0.0))

    def after() -> None:
        if renders:
            start = renders[-1][0]
            renders[-1] = (start, time.perf_counter(), time.thread_time() - cpu_at_start[0])

    window.frameSwapped.connect(lambda: swaps.append(time.perf_counter()))  # type: ignore[attr-defined]
    window.beforeRendering.connect(before)  # type: ignore[attr-defined]
    window.afterRendering.connect(after)  # type: ignore[attr-defined]

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
        before = clock.property("minute")
        if not story.next() or not clock.property("active") or clock.property("isTotals"):
            break
        ms = int(clock.property("sweepMs"))
        # Only moves where the hands sweep are timed: between two events at
        # the same hour nothing may move at all without the arrows, and idle
        # time would be counted against the floor's frame rate.
        if clock.property("minute") != before:
            sweeps.append((start, start + ms / 1000.0 + SWEEP_TAIL_S))
        wait(ms / 1000.0 + 0.3)

    intervals: list[float] = []
    render_ms: list[float] = []
    render_cpu_ms: list[float] = []
    frames = 0
    sweep_seconds = 0.0
    for start, end in sweeps:
        inside = [t for t in swaps if start <= t <= end]
        frames += len(inside)
        sweep_seconds += end - start - SWEEP_TAIL_S
        intervals += [(b - a) * 1000.0 for a, b in itertools.pairwise(inside)]
        timed = [(b - a, cpu) for a, b, cpu in renders if start <= a <= end and b > a]
        render_ms += [wall * 1000.0 for wall, _ in timed]
        render_cpu_ms += [cpu * 1000.0 for _, cpu in timed]

    clock.pause()
    wait(6.0)  # the day ends on the totals: they count up, then stand still
    cpu_start, wall_start = time.process_time(), time.perf_counter()
    wait(paused_seconds)
    cpu = time.process_time() - cpu_start
    wall = max(1e-9, time.perf_counter() - wall_start)

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
        "render_median_ms": round(percentile(render_ms, 0.5), 2),
        # The same frames in CPU time of the rendering thread: what they cost,
        # without the waits another process on the machine adds.
        "render_cpu_p95_ms": round(percentile(render_cpu_ms, 0.95), 2),
        "sweeps": len(sweeps),
        "load_average": round(os.getloadavg()[0], 2),
    }


def _measure(size: tuple[int, int], paused_seconds: float, arrows: bool) -> dict[str, float]:
    """Measure in a fresh process (the renderer is chosen before Qt starts)."""
    width, height = size
    return run_child(
        __file__,
        f"--size={width}x{height}",
        f"--paused-seconds={paused_seconds}",
        *([] if arrows else ["--no-arrows"]),
    )


def run(size: tuple[int, int] = (1920, 1080), paused_seconds: float = 10.0) -> dict[str, float]:
    """The day with its arrows, and the same day without them as the floor, in one run."""
    floor = _measure(size, 0.0, arrows=False)
    figures = _measure(size, paused_seconds, arrows=True)
    for key in (
        "clock_fps",
        "clock_p95_ms",
        "render_p95_ms",
        "render_median_ms",
        "render_cpu_p95_ms",
    ):
        figures[f"{key}_no_arrows"] = floor[key]
    base = floor["render_p95_ms"]
    figures["render_p95_ratio"] = round(figures["render_p95_ms"] / base, 2) if base else 0.0
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--paused-seconds", type=float, default=10.0)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-arrows", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    width, height = (int(n) for n in options.size.lower().split("x"))
    if options.child:
        figures = _child(width, height, options.paused_seconds, arrows=not options.no_arrows)
        print(json.dumps(figures), flush=True)
        return
    print(json.dumps(run((width, height), options.paused_seconds), indent=2))


if __name__ == "__main__":
    main()
