"""The Qt binding itself must hold up for a kiosk that runs all day."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal()


def test_emitting_signals_does_not_drop_references_to_true():
    # PySide6 6.12.0 returned a borrowed True from Signal.emit(): every emit
    # from Python took one reference away, and after a few hundred page turns
    # the interpreter aborted with "bool_dealloc". Every backend emits
    # `changed` on each move, so this would take a kiosk down within the hour.
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(100):
        emitter.changed.emit()
    assert sys.getrefcount(True) >= before - 5
