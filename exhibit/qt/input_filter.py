"""Every press, touch, wheel turn and key on the exhibit's windows, before any item sees it.

An event filter on the window is the one place that records visitor
activity, and it can swallow the touch that only meant "I'm here" (on the
idle notice or the attract loop) before it presses whatever is under the
finger: the rest of that press, to its release, is swallowed too. It also
tells the kiosk when a finger is in the hidden top-left corner, whose size
(``admin_corner_px`` at a 1080-pixel short side) the settings give. While
the kiosk is choosing a language (its attract screen), a press also names the
language of the choice under it: the nearest item that carries a
``languageCode``.

What the input means is the kiosk's business (:class:`Visitors`, which
:class:`~exhibit.qt.kiosk_backend.KioskBackend` is); this only classifies events.
"""

from __future__ import annotations

from typing import Final, Protocol

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QWindow

_PRESSES: Final = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
_MOVES: Final = frozenset({QEvent.Type.MouseMove, QEvent.Type.TouchUpdate, QEvent.Type.TabletMove})
_RELEASES: Final = frozenset(
    {
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchEnd,
        QEvent.Type.TouchCancel,
        QEvent.Type.TabletRelease,
    }
)
_SWALLOWED_AT_ONCE: Final = frozenset({QEvent.Type.KeyPress, QEvent.Type.Wheel})


class Visitors(Protocol):
    """Who the filter reports to."""

    @property
    def choosing(self) -> bool:
        """Whether a press now picks a language too."""
        ...

    def activity(self, language: str = "") -> bool:
        """Input happened (a press on ``language``'s choice); True if it must be swallowed."""
        ...

    def corner(self, inside: bool, *, pressed: bool) -> None: ...

    def corner_released(self) -> None: ...


def _event_position(event: QEvent) -> QPointF | None:
    points = getattr(event, "points", None)
    if points is not None:
        found = points()
        return found[0].position() if found else None
    position = getattr(event, "position", None)
    return position() if position is not None else None


def _buttons_down(event: QEvent) -> bool:
    buttons = getattr(event, "buttons", None)
    return buttons is not None and bool(buttons().value)


class InputFilter(QObject):
    """Reports input on the watched windows to ``visitors``; swallows what it must."""

    def __init__(self, visitors: Visitors, corner_px: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._visitors = visitors
        self._corner_px = corner_px
        self._main: QWindow | None = None
        self._swallowing = False

    def watch(self, window: QWindow, *, main: bool = True) -> None:
        """Filter ``window``'s input; the ``main`` one (not the presenter's) has the corner."""
        if main:
            self._main = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _PRESSES:
            self._corner(watched, event, pressed=True)
            if self._visitors.activity(self._language_at(watched, event)):
                self._swallowing = True  # and the rest of this press, to its release
            return self._consume_if(self._swallowing, event)
        if kind in _MOVES:
            self._corner(watched, event, pressed=False)
            return self._consume_if(self._swallowing, event)
        if kind in _RELEASES:
            self._visitors.corner_released()
            swallow = self._swallowing
            # A mouse release with another button still held keeps the rest
            # of that press swallowed; a touch ends with TouchEnd.
            if kind != QEvent.Type.MouseButtonRelease or not _buttons_down(event):
                self._swallowing = False
            return self._consume_if(swallow, event)
        if kind in _SWALLOWED_AT_ONCE:
            return self._consume_if(self._visitors.activity(), event)
        return False

    @staticmethod
    def _consume_if(consume: bool, event: QEvent) -> bool:
        if consume:
            event.accept()
        return consume

    def _language_at(self, watched: QObject, event: QEvent) -> str:
        """While choosing, the ``languageCode`` of the item under a press on the main window."""
        window = self._main
        if not self._visitors.choosing or window is None or watched is not window:
            return ""
        position = _event_position(event)
        item = getattr(window, "contentItem", lambda: None)()
        if position is None or item is None:
            return ""
        point = position
        while (child := item.childAt(point.x(), point.y())) is not None:
            point = item.mapToItem(child, point)
            item = child
        while item is not None:
            code = item.property("languageCode")
            if isinstance(code, str) and code:
                return code
            item = item.parentItem()
        return ""

    def _corner(self, watched: QObject, event: QEvent, *, pressed: bool) -> None:
        window = self._main
        if window is None or watched is not window:
            return
        position = _event_position(event)
        inside = False
        if position is not None:
            side = self._corner_px * max(0.5, min(window.width(), window.height()) / 1080)
            inside = 0 <= position.x() <= side and 0 <= position.y() <= side
        self._visitors.corner(inside, pressed=pressed)
