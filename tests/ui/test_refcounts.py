"""PySide6 6.12 loses references to True and None; the exhibit must outlive that.

On Python 3.10/3.11 every ``Signal.emit()`` (it returns True) and every call
of a void Qt function took one reference from True or None, and a few
thousand visitor taps aborted the interpreter (``Fatal Python error:
bool_dealloc``). Opening the exhibit's window protects them
(exhibit/qt/refcounts.py); importing the Qt layer changes nothing.
"""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QObject, QTimer, Signal

from exhibit.qt.refcounts import HEADROOM, needs_protection
from tests.conftest import PROJECT_DIR


class _Emitter(QObject):
    changed = Signal()


def test_importing_the_qt_layer_changes_no_interpreter_state() -> None:
    script = (
        "import sys; before = sys.getrefcount(True); import exhibit.qt.wiring, exhibit.app; "
        "print(sys.getrefcount(True) - before)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=PROJECT_DIR, check=True
    )
    assert abs(int(done.stdout)) < HEADROOM // 2  # imports hold a few refs, never 2**40


def test_a_day_of_signals_and_void_calls_cannot_free_true_or_none(open_exhibit) -> None:
    open_exhibit(language="en")  # start-up installs the protection
    emitter = _Emitter()
    timer = QTimer()
    for _ in range(30_000):  # far more than True's or None's own count on 3.11
        emitter.changed.emit()
        timer.stop()
    # Still alive, and (on an interpreter that needs it) still far from zero.
    if needs_protection():
        assert sys.getrefcount(True) > HEADROOM // 2
        assert sys.getrefcount(None) > HEADROOM // 2
