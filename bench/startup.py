"""Start-up and language-toggle figures for the exhibit, against a bare Qt Quick window.

Each round starts two fresh processes, one after the other and alternating
which goes first: the exhibit opening its title screen, and a bare Qt Quick
window of the same size (the floor: what any Qt Quick program pays). Each is
timed from just before the process is spawned to its first rendered frame,
and reports the CPU time it used until then (``startup_cpu_ratio``: steadier
than the wall time on a busy machine).
The exhibit's process then toggles the language a few times and reports how
long each took to reach the next rendered frame.

    python bench/startup.py [--rounds 7] [--size 1920x1080]

The rounds above start with the caches a second start finds: the QML engine's
compiled documents and the validated content, both kept under the user's
cache folder (``XDG_CACHE_HOME``) by the first start. ``cold_rounds`` more
rounds give each process an empty cache folder of its own, as on the first
start after an installation (``startup_cold_*``).

Prints a JSON object; ``run()`` returns the same figures for bench/run.py.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
TOGGLES = 9

BARE_QML = b"""
import QtQuick
Window {
    width: 1920; height: 1080; color: "#15120e"
    Text { anchors.centerIn: parent; text: "Dien Bien Phu"; color: "white"; font.pixelSize: 48 }
}
"""


def _child_environment(cache_home: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    if cache_home is not None:
        env["XDG_CACHE_HOME"] = cache_home
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(PROJECT_DIR) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _cpu_ms() -> float:
    """CPU time this process has used so far (all threads), in milliseconds."""
    return time.process_time() * 1000.0


def _child_bare(width: int, height: int) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine

    app = QGuiApplication(sys.argv[:1])
    engine = QQmlApplicationEngine()
    engine.loadData(BARE_QML)
    window = engine.rootObjects()[0]
    window.setProperty("width", width)
    window.setProperty("height", height)

    def first_frame() -> None:
        window.frameSwapped.disconnect(first_frame)
        print(f"first-frame {_cpu_ms():.1f}", flush=True)
        QTimer.singleShot(0, app.quit)

    window.frameSwapped.connect(first_frame)
    window.show()
    app.exec()


def _child_exhibit(width: int, height: int) -> None:
    """The program's own start-up path: content, fonts, QML, first frame; then toggles."""
    from exhibit.app import load_or_report, open_window, prepare_qt_environment
    from exhibit.paths import CONTENT_DIR

    prepare_qt_environment(offscreen=False)
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    exhibit = load_or_report(CONTENT_DIR)
    assert exhibit is not None
    running = open_window(exhibit, size=(width, height))
    window = running.window
    toggles: list[float] = []
    started = [0.0]

    def toggle() -> None:
        started[0] = time.perf_counter()
        running.backends.ui.toggleLanguage()
        window.requestUpdate()

    def frame() -> None:
        if started[0] == 0.0:
            print(f"first-frame {_cpu_ms():.1f}", flush=True)
        else:
            toggles.append((time.perf_counter() - started[0]) * 1000)
        if len(toggles) >= TOGGLES:
            window.frameSwapped.disconnect(frame)
            print("toggles " + json.dumps(toggles), flush=True)
            QTimer.singleShot(0, app.quit)
            return
        # Leave a gap so each toggle starts from an idle window.
        QTimer.singleShot(50, toggle)

    window.frameSwapped.connect(frame)
    window.show()
    app.exec()
    running.close()


def _time_child(
    kind: str, size: tuple[int, int], cache_home: str | None = None
) -> tuple[float, float, list[float]]:
    """Milliseconds from spawning the process to its first frame, the CPU time it
    used until then, and its toggle times (``cache_home``: its cache folder)."""
    command = [sys.executable, __file__, "--child", kind, "--size", f"{size[0]}x{size[1]}"]
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_child_environment(cache_home),
        cwd=PROJECT_DIR,
    )
    assert process.stdout is not None
    first_frame_ms: float | None = None
    cpu_ms = 0.0
    toggles: list[float] = []
    for line in process.stdout:
        if line.startswith("first-frame") and first_frame_ms is None:
            first_frame_ms = (time.perf_counter() - started) * 1000
            cpu_ms = float(line.split()[1])
        elif line.startswith("toggles "):
            toggles = json.loads(line.split(" ", 1)[1])
    _, errors = process.communicate(timeout=120)
    if first_frame_ms is None or process.returncode != 0:
        raise RuntimeError(f"{kind} child failed ({process.returncode}): {errors.strip()[-400:]}")
    return first_frame_ms, cpu_ms, toggles


def _cold(rounds: int, size: tuple[int, int]) -> dict[str, float]:
    """Start-up with empty caches: each process gets a cache folder of its own."""
    wall: dict[str, list[float]] = {"exhibit": [], "bare": []}
    cpu: dict[str, list[float]] = {"exhibit": [], "bare": []}
    for round_number in range(rounds):
        order = ("exhibit", "bare") if round_number % 2 == 0 else ("bare", "exhibit")
        for kind in order:
            with tempfile.TemporaryDirectory(prefix="startup-cache-") as cache_home:
                first, cpu_ms, _ = _time_child(kind, size, cache_home)
            wall[kind].append(first)
            cpu[kind].append(cpu_ms)
    median = {kind: statistics.median(values) for kind, values in wall.items()}
    cpu_median = {kind: statistics.median(values) for kind, values in cpu.items()}
    return {
        "startup_cold_ms": round(median["exhibit"], 1),
        "bare_cold_ms": round(median["bare"], 1),
        "startup_cold_ratio": round(median["exhibit"] / median["bare"], 3),
        "startup_cold_cpu_ms": round(cpu_median["exhibit"], 1),
        "startup_cold_cpu_ratio": round(cpu_median["exhibit"] / cpu_median["bare"], 3),
    }


def run(
    rounds: int = 7, size: tuple[int, int] = (1920, 1080), cold_rounds: int = 3
) -> dict[str, float]:
    # An installed program has its bytecode (pip compiles it); a checkout run
    # with PYTHONDONTWRITEBYTECODE would otherwise recompile every module on
    # every start, which is not what a visitor's kiosk does.
    compileall.compile_dir(PROJECT_DIR / "exhibit", quiet=1)
    exhibit_ms: list[float] = []
    bare_ms: list[float] = []
    cpu: dict[str, list[float]] = {"exhibit": [], "bare": []}
    toggle_ms: list[float] = []
    _time_child("bare", size)  # warm the file cache so the first round is not penalised
    for round_number in range(rounds):
        order = ("exhibit", "bare") if round_number % 2 == 0 else ("bare", "exhibit")
        for kind in order:
            first, cpu_ms, toggles = _time_child(kind, size)
            (exhibit_ms if kind == "exhibit" else bare_ms).append(first)
            cpu[kind].append(cpu_ms)
            toggle_ms.extend(toggles)
    exhibit_median = statistics.median(exhibit_ms)
    bare_median = statistics.median(bare_ms)
    return {
        "rounds": rounds,
        "startup_ms": round(exhibit_median, 1),
        "bare_ms": round(bare_median, 1),
        "startup_ratio": round(exhibit_median / bare_median, 3),
        # The CPU time each process used to its first frame: what other
        # processes on a busy machine cannot stretch.
        "startup_cpu_ms": round(statistics.median(cpu["exhibit"]), 1),
        "bare_cpu_ms": round(statistics.median(cpu["bare"]), 1),
        "startup_cpu_ratio": round(
            statistics.median(cpu["exhibit"]) / statistics.median(cpu["bare"]), 3
        ),
        "toggle_ms": round(statistics.median(toggle_ms), 2),
        "toggle_p95_ms": round(sorted(toggle_ms)[int(0.95 * (len(toggle_ms) - 1))], 2),
        **(_cold(cold_rounds, size) if cold_rounds > 0 else {}),
    }


def _size(text: str) -> tuple[int, int]:
    width, height = text.lower().split("x")
    return int(width), int(height)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--size", type=_size, default=(1920, 1080))
    parser.add_argument("--cold-rounds", type=int, default=3, help="rounds with empty caches")
    parser.add_argument("--child", choices=("bare", "exhibit"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "bare":
        _child_bare(*args.size)
    elif args.child == "exhibit":
        _child_exhibit(*args.size)
    else:
        print(json.dumps(run(args.rounds, args.size, args.cold_rounds), indent=2))


if __name__ == "__main__":
    main()
