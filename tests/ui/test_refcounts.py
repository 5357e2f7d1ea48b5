"""PySide6 6.12 loses references to True and None; the exhibit must outlive that.

On Python 3.10/3.11 every ``Signal.emit()`` (it returns True) and every call
of a void Qt function took one reference from True or None, and a few
thousand visitor taps aborted the interpreter (``Fatal Python error:
bool_dealloc``). exhibit.qt protects them on import (exhibit/qt/refcounts.py).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal

import exhibit.qt  # noqa: F401  (protects the singletons on import)
from exhibit.qt.refcounts import HEADROOM, needs_protection


class _Emitter(QObject):
    changed = Signal()


def test_a_day_of_signals_and_void_calls_cannot_free_true_or_none() -> None:
    emitter = _Emitter()
    timer = QTimer()
    for _ in range(30_000):  # far more than True's or None's own count on 3.11
        emitter.changed.emit()
        timer.stop()
    # Still alive, and (on an interpreter that needs it) still far from zero.
    if needs_protection():
        assert sys.getrefcount(True) > HEADROOM // 2
        assert sys.getrefcount(None) > HEADROOM // 2
