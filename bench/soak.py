"""A long day on the museum floor, compressed: thousands of random visitor actions.

Drives the real exhibit window (offscreen) with a seeded random sequence of
what visitors do: taps on buttons and anywhere at all, swipes, drags and
wheel turns on maps and on the timeline bar, language toggles, key presses,
pauses that let animations and timers run, and the idle reset a kiosk does
when a visitor walks away. It counts Python exceptions (``sys.excepthook``,
``sys.unraisablehook``) and Qt warnings (``qInstallMessageHandler``), and
reads the resident memory after a warm-up, every ``sample_every`` actions
(1,000) and at the end, each time back on the title screen so the samples
compare like with like. The floor is the memory after the warm-up: growth is
measured against it, and over the second half of the run, where a plateau
shows as near zero and a leak does not.

    python bench/soak.py [--actions 10000] [--seed 1954] [--size 1920x1080]
                         [--mode classroom|kiosk|presentation] [--open fortress/2]

``--mode kiosk`` runs the real idle clock 40 times faster, so the notice, the
reset and the attract loop happen between visitors. Events are processed as
``app.exec()`` would, deferred deletes included (processEvents() alone never
deletes the delegates a Repeater drops, which looks like a leak of ~1 MB a step).

Prints one JSON object; ``run()`` returns the same figures for bench/run.py.
Target: zero exceptions, zero warnings, RSS growth under 1 MB over the last
5,000 of 10,000 actions (``soak_rss_tail_growth_mb``).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import json
import os
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(PROJECT_DIR))

DEFAULT_SEED = 1954
# Kiosk soaks run the idle clock 40x faster: the notice after 0.5 s of no
# input, the reset 0.5 s later, an attract page every 75 ms.
KIOSK_TIME_SCALE = 40.0
KIOSK_IDLE_REAL_MS = 1000
SAMPLES_KEPT = 5
# Keys a visitor, a presenter's clicker or a keyboard can send. Nothing that
# asks the program to quit (no Ctrl+Q, Alt+F4).
KEY_NAMES = (
    "Key_Left",
    "Key_Right",
    "Key_Up",
    "Key_Down",
    "Key_PageUp",
    "Key_PageDown",
    "Key_Home",
    "Key_End",
    "Key_Escape",
    "Key_Space",
    "Key_Return",
    "Key_Enter",
    "Key_Tab",
    "Key_Backtab",
    "Key_Backspace",
    "Key_B",
    "Key_Period",
    "Key_L",
    "Key_P",
    "Key_1",
    "Key_2",
    "Key_3",
    "Key_4",
    "Key_0",
    "Key_A",
    "Key_F5",
)
HANDLER_TAP = ("QQuickTapHandler",)
HANDLER_DRAG = ("QQuickDragHandler", "QQuickPinchHandler", "QQuickWheelHandler")
DRAGGABLE_ITEMS = ("QQuickFlickable", "QQuickPathView", "QQuickMouseArea")
INTERACTIVE_ROLES = {
    "Button",
    "CheckBox",
    "RadioButton",
    "Slider",
    "SpinBox",
    "Dial",
    "ScrollBar",
    "PageTab",
    "Link",
    "ListItem",
    "MenuItem",
    "ComboBox",
    "EditableText",
    "ProgressBar",
}


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; 0.0 elsewhere)."""
    try:
        fields = Path("/proc/self/statm").read_text().split()
    except OSError:
        return 0.0
    return int(fields[1]) * os.sysconf("SC_PAGE_SIZE") / 1_000_000


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def heap_mb() -> float | None:
    """Memory the C heap has handed out and not had back, in MB (glibc; None elsewhere).

    What Qt and the exhibit allocate and still hold: a leak raises it. RSS
    also counts freed memory the allocator keeps, which rises and falls from
    run to run with the order things were freed in.
    """
    try:
        mallinfo2 = ctypes.CDLL("libc.so.6").mallinfo2
    except (OSError, AttributeError):
        return None
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return (info.uordblks + info.hblkhd) / 1_000_000


def _trim_heap() -> None:
    """Return freed heap pages to the system, so RSS shows live memory."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _leaks_none() -> bool:
    """Whether this PySide6 build drops a reference to None on every call that returns None.

    PySide6 6.12.0 on Python 3.10/3.11 (where None is not immortal) does: a
    process making a few thousand such calls dies with "Fatal Python error:
    none_dealloc". The soak's own calls are compensated (:func:`q`) so that
    it measures what the exhibit itself does; ``none_refs_lost`` in the
    result is the exhibit's own loss.
    """
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    return sys.getrefcount(None) <= before - 16


_LEAKS_NONE: bool | None = None


def q(function: Callable[..., Any], *args: Any) -> Any:
    """Call a PySide6 function, giving back the None reference a leaky build takes."""
    global _LEAKS_NONE
    if _LEAKS_NONE is None:
        _LEAKS_NONE = _leaks_none()
    result = function(*args)
    if result is None and _LEAKS_NONE:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    return result


def wait_ms(ms: float) -> None:
    """Run the event loop for ``ms``, as app.exec() would (deleteLater included).

    QTest.qWait rounds up to 10 ms slices; processEvents() alone never runs
    deferred deletes, so every delegate a Repeater dropped would look leaked.
    """
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop

    deadline = time.perf_counter() + ms / 1000
    while True:
        q(QCoreApplication.processEvents, QEventLoop.ProcessEventsFlag.AllEvents, 5)
        q(QCoreApplication.sendPostedEvents, None, QEvent.Type.DeferredDelete)
        left = deadline - time.perf_counter()
        if left <= 0:
            return
        time.sleep(min(left, 0.002))


class Counters:
    """Hooks that count (and keep a few samples of) errors and Qt warnings."""

    def __init__(self) -> None:
        self.exceptions = 0
        self.warnings = 0
        self.exception_samples: list[str] = []
        self.warning_samples: list[str] = []
        self._saved: dict[str, Any] = {}

    def install(self) -> None:
        from PySide6.QtCore import qInstallMessageHandler

        self._saved = {"excepthook": sys.excepthook, "unraisablehook": sys.unraisablehook}
        sys.excepthook = self._exception
        sys.unraisablehook = self._unraisable
        self._saved["qt"] = q(qInstallMessageHandler, self._message)

    def uninstall(self) -> None:
        from PySide6.QtCore import qInstallMessageHandler

        if not self._saved:
            return
        sys.excepthook = self._saved["excepthook"]
        sys.unraisablehook = self._saved["unraisablehook"]
        q(qInstallMessageHandler, self._saved["qt"])
        self._saved = {}

    def _exception(self, kind: type[BaseException], value: BaseException, tb: Any) -> None:
        self.exceptions += 1
        if len(self.exception_samples) < SAMPLES_KEPT:
            self.exception_samples.append("".join(traceback.format_exception(kind, value, tb)))

    def _unraisable(self, unraisable: Any) -> None:
        self.exceptions += 1
        if len(self.exception_samples) < SAMPLES_KEPT:
            self.exception_samples.append(f"{unraisable.err_msg}: {unraisable.exc_value!r}")

    def _message(self, kind: Any, context: Any, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        self.warnings += 1
        if len(self.warning_samples) < SAMPLES_KEPT:
            self.warning_samples.append(message)


class Floor:
    """The window, and the gestures a visitor makes on it."""

    def __init__(self, running: Any, rng: random.Random, mean_wait_ms: int) -> None:
        from PySide6.QtCore import QPoint, QPointF, Qt
        from PySide6.QtGui import QAccessible
        from PySide6.QtTest import QTest

        self.running = running
        self.window = running.window
        self.rng = rng
        self.mean_wait_ms = mean_wait_ms
        self.QPoint, self.QPointF, self.Qt, self.QTest = QPoint, QPointF, Qt, QTest
        self.QAccessible = QAccessible
        self.left = Qt.MouseButton.LeftButton
        self.no_mod = Qt.KeyboardModifier.NoModifier
        self.keys = [getattr(Qt.Key, name) for name in KEY_NAMES if hasattr(Qt.Key, name)]
        self.kiosk = False
        self._targets: tuple[list[Any], list[Any]] = ([], [])
        self._targets_age = 10**9

    # -- reading the window -------------------------------------------------

    def items(self) -> Iterator[Any]:
        stack = [self.window.contentItem()]
        while stack:
            item = stack.pop()
            yield item
            stack.extend(item.childItems())

    def shown(self, item: Any) -> bool:
        node = item
        while node is not None:
            if not node.isVisible() or node.opacity() <= 0.01:
                return False
            node = q(node.parentItem)
        return item.width() > 0 and item.height() > 0

    def _classify(self, item: Any) -> tuple[bool, bool]:
        handlers = [child.metaObject().className() for child in item.children()]
        tappable = any(name.startswith(HANDLER_TAP) for name in handlers)
        draggable = any(name.startswith(HANDLER_DRAG) for name in handlers)
        if not tappable:
            face = q(self.QAccessible.queryAccessibleInterface, item)
            tappable = face is not None and face.role().name in INTERACTIVE_ROLES
        if not draggable:
            # Flickables, and MouseAreas such as the one that scrubs the timeline bar.
            draggable = item.metaObject().className().startswith(DRAGGABLE_ITEMS)
        return tappable, draggable

    def targets(self) -> tuple[list[Any], list[Any]]:
        """Visible tappable and draggable items (refreshed every few actions)."""
        if self._targets_age >= 8:
            taps, drags = [], []
            for item in self.items():
                tappable, draggable = self._classify(item)
                if (tappable or draggable) and self.shown(item):
                    if tappable:
                        taps.append(item)
                    if draggable:
                        drags.append(item)
            self._targets = (taps, drags)
            self._targets_age = 0
        self._targets_age += 1
        return self._targets

    def invalidate(self) -> None:
        self._targets_age = 10**9

    def point_in(self, item: Any) -> Any:
        x = self.rng.uniform(0.15, 0.85) * item.width()
        y = self.rng.uniform(0.15, 0.85) * item.height()
        return self._clamp(item.mapToScene(self.QPointF(x, y)).toPoint())

    def anywhere(self) -> Any:
        return self.QPoint(
            self.rng.randrange(0, max(1, self.window.width())),
            self.rng.randrange(0, max(1, self.window.height())),
        )

    def _clamp(self, point: Any) -> Any:
        x = min(max(point.x(), 0), self.window.width() - 1)
        y = min(max(point.y(), 0), self.window.height() - 1)
        return self.QPoint(x, y)

    # -- gestures -----------------------------------------------------------

    def settle(self, ms: int | None = None) -> None:
        mean = self.mean_wait_ms
        wait = (
            ms if ms is not None else self.rng.choice((0, 0, mean // 4, mean // 2, mean, 3 * mean))
        )
        wait_ms(wait)

    def tap_at(self, point: Any) -> None:
        q(self.QTest.mouseClick, self.window, self.left, self.no_mod, point)

    def drag(self, start: Any, dx: int, dy: int, steps: int) -> None:
        q(self.QTest.mousePress, self.window, self.left, self.no_mod, start)
        for i in range(1, steps + 1):
            point = self._clamp(
                self.QPoint(start.x() + dx * i // steps, start.y() + dy * i // steps)
            )
            q(self.QTest.mouseMove, self.window, point)
            wait_ms(self.rng.choice((0, self.mean_wait_ms // 4, self.mean_wait_ms // 2)))
        end = self._clamp(self.QPoint(start.x() + dx, start.y() + dy))
        q(self.QTest.mouseRelease, self.window, self.left, self.no_mod, end)

    def wheel(self, point: Any, delta: int) -> None:
        from PySide6.QtCore import QPoint, QPointF, Qt
        from PySide6.QtGui import QGuiApplication, QWheelEvent

        position = QPointF(point)
        event = QWheelEvent(
            position,
            QPointF(self.window.mapToGlobal(point)),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QGuiApplication.sendEvent(self.window, event)

    def key(self, key: Any) -> None:
        q(self.QTest.keyClick, self.window, key, self.no_mod)


def _named(floor: Floor, name: str) -> Any:
    taps, _ = floor.targets()
    return next((item for item in taps if item.objectName() == name), None)


def _idle_reset(running: Any) -> None:
    """What a kiosk does when visitors leave: the mode backend's reset, or the session's."""
    backends = running.backends
    mode = getattr(backends, "mode", None)
    for name in ("idleReset", "resetToAttract", "reset"):
        method = getattr(mode, name, None) if mode is not None else None
        if callable(method):
            method()
            return
    backends.session.reset()


def _actions(floor: Floor) -> list[tuple[str, int, Callable[[], None]]]:
    rng = floor.rng

    def tap_target() -> None:
        taps, _ = floor.targets()
        floor.tap_at(floor.point_in(rng.choice(taps)) if taps else floor.anywhere())

    def tap_anywhere() -> None:
        floor.tap_at(floor.anywhere())

    def double_tap() -> None:
        point = floor.anywhere()
        floor.tap_at(point)
        floor.tap_at(point)

    def swipe() -> None:
        start = floor.anywhere()
        dx = rng.choice((-1, 1)) * rng.randrange(40, 600)
        floor.drag(start, dx, rng.randrange(-60, 60), rng.randrange(3, 12))

    def drag_target() -> None:
        _, drags = floor.targets()
        if not drags:
            swipe()
            return
        item = rng.choice(drags)
        floor.drag(
            floor.point_in(item),
            rng.randrange(-400, 400),
            rng.randrange(-300, 300),
            rng.randrange(2, 14),
        )

    def wheel() -> None:
        _, drags = floor.targets()
        point = floor.point_in(rng.choice(drags)) if drags else floor.anywhere()
        floor.wheel(point, rng.choice((-360, -120, 120, 360)))

    def toggle_language() -> None:
        toggle = _named(floor, "languageToggle")
        if toggle is not None:
            floor.tap_at(floor.point_in(toggle))
        else:
            floor.running.backends.session.toggle_language()

    def key() -> None:
        floor.key(rng.choice(floor.keys))

    def pause() -> None:
        floor.settle(floor.mean_wait_ms * rng.choice((2, 5, 12, 30)))

    def idle_reset() -> None:
        _idle_reset(floor.running)

    def resize() -> None:
        sizes = ((1920, 1080), (1280, 720), (1080, 1920), (1366, 768))
        width, height = rng.choice(sizes)
        q(floor.window.resize, width, height)
        floor.invalidate()

    def walk_away() -> None:
        # Long enough, at the kiosk's sped-up clock, for the notice, the reset
        # and a page or two of the attract loop.
        floor.settle(int(rng.uniform(0.3, 1.5) * KIOSK_IDLE_REAL_MS))
        floor.invalidate()

    kiosk = [("walk_away", 2, walk_away)] if floor.kiosk else []
    return [
        *kiosk,
        ("tap_target", 32, tap_target),
        ("tap_anywhere", 12, tap_anywhere),
        ("double_tap", 3, double_tap),
        ("swipe", 8, swipe),
        ("drag", 10, drag_target),
        ("wheel", 4, wheel),
        ("toggle_language", 7, toggle_language),
        ("key", 15, key),
        ("pause", 5, pause),
        ("idle_reset", 2, idle_reset),
        ("resize", 2, resize),
    ]


def _settings(mode: str) -> Any:
    from exhibit.core.settings import Settings

    if mode == "kiosk":
        return Settings(mode="kiosk", idle_timeout_s=20, idle_warning_s=20, attract_step_s=3)
    return Settings(mode=mode)


def _sample(running: Any, size: tuple[int, int]) -> float:
    """RSS in MB with the exhibit in the same state each time: its title screen.

    The screens hold different amounts (a map's picture, a step's label), so
    memory read on whatever screen the soak happens to be is not comparable
    from sample to sample; on the title screen it is.
    """
    running.backends.session.reset()
    q(running.window.resize, *size)
    wait_ms(300)
    _collect(running)
    return rss_mb()


def _collect(running: Any) -> None:
    wait_ms(20)
    q(running.engine.collectGarbage)
    wait_ms(20)
    gc.collect()
    _trim_heap()


def run(
    actions: int = 10_000,
    seed: int = DEFAULT_SEED,
    *,
    size: tuple[int, int] = (1920, 1080),
    language: str | None = None,
    warmup: int | None = None,
    mean_wait_ms: int = 20,
    progress: Callable[[int, dict[str, Any]], None] | None = None,
    without: tuple[str, ...] = (),
    open_spec: str | None = None,
    mode: str = "classroom",
    figures: Path | None = None,
    sample_every: int = 1000,
) -> dict[str, Any]:
    """Open a window, play ``actions`` random visitor actions, return the figures.

    With ``figures``, the visitor figures are recorded in that database, as a
    kiosk records them (read them with ``exhibit stats --figures FILE``).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from exhibit.app import open_window
    from exhibit.core.content import load_content
    from exhibit.paths import ASSETS_DIR, CONTENT_DIR

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    exhibit = load_content(CONTENT_DIR, ASSETS_DIR)
    counters = Counters()
    counters.install()
    started = time.perf_counter()
    writer = None
    if figures is not None:
        from exhibit.core.figures import FiguresWriter

        writer = FiguresWriter(figures)
    running = open_window(
        exhibit,
        language=language,
        size=size,
        open_spec=open_spec,
        settings=_settings(mode),
        time_scale=KIOSK_TIME_SCALE if mode == "kiosk" else 1.0,
        figures=writer,
    )
    rng = random.Random(seed)
    floor = Floor(running, rng, mean_wait_ms)
    floor.kiosk = mode == "kiosk"
    choices = [choice for choice in _actions(floor) if choice[0] not in without]
    names = [name for name, _, _ in choices]
    weights = [weight for _, weight, _ in choices]
    table = {name: action for name, _, action in choices}
    warmup = min(1000, max(actions // 10, 1)) if warmup is None else warmup
    counts: Counter[str] = Counter()
    spent: Counter[str] = Counter()
    reopened = 0
    rss_start = rss_mb()
    objects_start = 0
    none_start = sys.getrefcount(None)
    series: list[tuple[int, float]] = []
    heap: list[tuple[int, float]] = []
    heap_start = None
    try:
        q(running.window.show)
        floor.settle(200)
        for index in range(warmup + actions):
            if index == warmup:
                rss_start = _sample(running, size)
                heap_start = heap_mb()
                objects_start = len(gc.get_objects())
                none_start = sys.getrefcount(None)
            name = rng.choices(names, weights)[0]
            began = time.perf_counter()
            try:
                table[name]()
            except RuntimeError as error:
                # A target deleted under our hand (a screen replaced between
                # reading the tree and the gesture): only our view was stale.
                if "already deleted" not in str(error):
                    raise
                floor.invalidate()
            if index >= warmup:
                counts[name] += 1
                spent[name] += time.perf_counter() - began
            if not running.window.isVisible():
                reopened += 1
                q(running.window.show)
            floor.settle()
            done = index - warmup + 1
            if done > 0 and done % sample_every == 0 and done < actions:
                series.append((done, round(_sample(running, size), 2)))
                _note_heap(heap, done)
                floor.invalidate()
            if progress is not None and index >= warmup and (index - warmup) % 250 == 249:
                figures = {"rss_mb": round(rss_mb(), 1), "none_refs": sys.getrefcount(None)}
                progress(index - warmup + 1, {**figures, "exceptions": counters.exceptions})
        floor.settle(300)
        rss_end = _sample(running, size)
        series.append((actions, round(rss_end, 2)))
        _note_heap(heap, actions)
        objects_end = len(gc.get_objects())
        none_end = sys.getrefcount(None)
    finally:
        running.close()
        floor.settle(50)
        counters.uninstall()
        if writer is not None:
            writer.close()
    del app
    return {
        "actions": sum(counts.values()),
        "warmup_actions": warmup,
        "seed": seed,
        "size": f"{size[0]}x{size[1]}",
        "mode": mode,
        "exceptions": counters.exceptions,
        "warnings": counters.warnings,
        "rss_start_mb": round(rss_start, 2),
        "rss_end_mb": round(rss_end, 2),
        "rss_mb": round(rss_end, 2),
        "soak_rss_growth_mb": round(rss_end - rss_start, 2),
        # RSS (MB) after each ``sample_every`` actions, and its growth over the
        # run's second half: a plateau is near 0, a leak is not.
        "rss_series": [{"actions": n, "rss_mb": mb} for n, mb in series],
        "soak_rss_tail_growth_mb": _tail_growth(series, rss_start),
        # The C heap's memory in use at the same moments (glibc only): flat
        # while RSS wanders is the allocator keeping freed memory, not a leak.
        "heap_series": [{"actions": n, "heap_mb": mb} for n, mb in heap],
        "soak_heap_tail_growth_mb": (
            _tail_growth(heap, heap_start) if heap and heap_start is not None else None
        ),
        "python_objects_growth": objects_end - objects_start,
        "none_refs_lost": none_start - none_end,
        "duration_s": round(time.perf_counter() - started, 1),
        "window_reopened": reopened,
        "figures_rows": writer.written if writer is not None else None,
        "figures_failed": writer.failed if writer is not None else None,
        "action_counts": dict(sorted(counts.items())),
        "action_ms": {name: round(1000 * spent[name] / counts[name], 1) for name in sorted(counts)},
        "exception_samples": counters.exception_samples,
        "warning_samples": counters.warning_samples,
    }


def _note_heap(heap: list[tuple[int, float]], done: int) -> None:
    mb = heap_mb()
    if mb is not None:
        heap.append((done, round(mb, 2)))


def _tail_growth(series: list[tuple[int, float]], start_mb: float) -> float:
    """RSS growth from the sample at half the actions (or the start) to the last one."""
    if not series:
        return 0.0
    half = series[-1][0] / 2
    before = [mb for n, mb in series if n <= half]
    return round(series[-1][1] - (before[-1] if before else start_mb), 2)


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=10_000, help="actions after warm-up")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument("--size", type=_size, default=(1920, 1080), help="window size, WxH")
    parser.add_argument("--lang", default=None, help="starting language")
    parser.add_argument("--open", default=None, help="starting screen, e.g. final-day/3")
    parser.add_argument(
        "--mode",
        choices=("classroom", "kiosk", "presentation"),
        default="classroom",
        help="how the exhibit runs; kiosk speeds its idle clock up so resets happen",
    )
    parser.add_argument("--warmup", type=int, default=None, help="warm-up actions")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    parser.add_argument(
        "--figures", type=Path, default=None, help="record the visitor figures in this database"
    )
    parser.add_argument(
        "--without", default="", help="comma-separated actions to leave out (e.g. resize,wheel)"
    )
    options = parser.parse_args(argv)

    def report(done: int, figures: dict[str, Any]) -> None:
        print(f"soak: {done} actions, {figures}", file=sys.stderr, flush=True)

    result = run(
        options.actions,
        options.seed,
        size=options.size,
        language=options.lang,
        warmup=options.warmup,
        progress=None if options.quiet else report,
        without=tuple(name for name in options.without.split(",") if name),
        mode=options.mode,
        open_spec=options.open,
        figures=options.figures,
    )
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0 if result["exceptions"] == 0 and result["warnings"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
