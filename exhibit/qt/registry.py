"""The backends of the running exhibit, found by their type.

QML asks for each singleton backend through its class's ``create(engine)``;
that answers with :func:`singleton`, the instance the current :class:`Registry`
holds for the class. The registry owns the backends: :mod:`exhibit.qt.wiring`
puts them in (some made only when first asked for), and they live as long
as it does, whatever QML's garbage collector thinks.

This module imports nothing else from ``exhibit.qt`` (an import-linter
contract keeps it so), so any backend can use it without a circle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtQml import QQmlEngine

B = TypeVar("B", bound=QObject)


class Registry:
    """One instance per backend class; a class may be made on first use."""

    def __init__(self) -> None:
        self._made: dict[type[QObject], QObject] = {}
        self._makers: dict[type[QObject], Callable[[], QObject]] = {}

    def add(self, backend: QObject) -> None:
        """Hold ``backend`` as the instance of its class."""
        self._made[type(backend)] = backend

    def add_lazy(self, kind: type[B], make: Callable[[], B]) -> None:
        """Make the ``kind`` backend with ``make()`` when it is first asked for."""
        self._makers[kind] = make

    def get(self, kind: type[B]) -> B:
        backend = self._made.get(kind)
        if backend is None:
            make = self._makers.pop(kind, None)
            if make is None:
                raise LookupError(f"no {kind.__name__} in the registry")
            backend = make()
            self._made[kind] = backend
        assert isinstance(backend, kind)
        return backend

    def made(self, kind: type[B]) -> B | None:
        """The ``kind`` backend if it exists already (never makes one)."""
        backend = self._made.get(kind)
        return backend if isinstance(backend, kind) else None


_current: Registry | None = None


def install(registry: Registry) -> None:
    """Make ``registry`` the one QML's singletons come from (call before loading QML)."""
    global _current
    _current = registry


def current() -> Registry:
    if _current is None:
        raise RuntimeError("no backends installed: call exhibit.qt.wiring.install() first")
    return _current


def singleton(kind: type[B]) -> B:
    """The ``kind`` backend for QML, which must never delete it."""
    backend = current().get(kind)
    QQmlEngine.setObjectOwnership(backend, QQmlEngine.ObjectOwnership.CppOwnership)
    return backend
