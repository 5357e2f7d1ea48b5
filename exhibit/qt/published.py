"""Properties a backend stores and announces one by one, only when they change.

A backend keeps the values QML reads in ``self._values`` and hands new ones
to :meth:`Published.publish`, which stores them all and then emits
``<name>Changed`` for each value that differs from the one before. So a
countdown tick re-evaluates the bindings on the seconds left and nothing
else, and QML never needs to compare values itself.

Declare each property with its own signal::

    stepIndexChanged = Signal()
    stepIndex = published(int, "stepIndex", stepIndexChanged)

Values that always change together may share one signal: list them in the
class's ``GROUPS`` (``{"strings": "languageChanged", ...}``); the group's
signal then goes out once when any of them changes.

A backend listens to the session through :meth:`Published.guarded`: an
unexpected error while it recomputes its values goes to ``sys.excepthook``
(the error guard logs it and recovers) and the session's other listeners
still run; until a value is first published, QML reads an empty one.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, ClassVar, ParamSpec

from PySide6.QtCore import Property, QObject, Signal

_MISSING = object()
_EMPTY: dict[object, Any] = {str: "", int: 0, float: 0.0, bool: False}
P = ParamSpec("P")


class Published(QObject):
    """A QObject whose published values are announced per property."""

    #: Values announced by a shared signal: value name -> signal name.
    GROUPS: ClassVar[dict[str, str]] = {}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._values: dict[str, Any] = {}

    def publish(self, **values: Any) -> None:
        """Store ``values``; then emit the signal of each one that changed.

        All are stored before any signal goes out, so a binding that reads
        two of them (a minute and how long to sweep to it) never sees one
        new and one old.
        """
        signals: dict[str, None] = {}
        for name, value in values.items():
            old = self._values.get(name, _MISSING)
            if old is _MISSING or (old is not value and old != value):
                self._values[name] = value
                signals[self.GROUPS.get(name, f"{name}Changed")] = None
        for signal in signals:
            getattr(self, signal).emit()

    @staticmethod
    def guarded(function: Callable[P, None]) -> Callable[P, None]:
        """``function``, with an unexpected error reported to ``sys.excepthook``, not raised."""

        def call(*args: P.args, **kwargs: P.kwargs) -> None:
            try:
                function(*args, **kwargs)
            except Exception:
                sys.excepthook(*sys.exc_info())

        return call


def published(kind: type | str, name: str, notify: Signal) -> Property:
    """A read-only property of a :class:`Published` value, announced by ``notify``."""

    empty = _EMPTY.get(kind)

    def read(self: Published) -> Any:
        value = self._values.get(name, empty)
        if value is None:  # a list or a map never published (see Published.guarded)
            return [] if kind == "QVariantList" else {}
        return value

    return Property(kind, read, notify=notify, final=True)


def constant(kind: type | str, name: str) -> Property:
    """A read-only published value that never changes after construction."""

    def read(self: Published) -> Any:
        return self._values[name]

    return Property(kind, read, constant=True, final=True)
