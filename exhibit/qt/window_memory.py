"""What a classroom window remembers between runs: size, place, full screen, language.

Kept in a QSettings store (by default the user's, under the organisation and
application names app.py sets; tests pass one backed by a file of their
own). A kiosk remembers nothing: it always starts the same way, and a
presentation always fills its screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication, QWindow

from exhibit.core.geometry import fit_rect

_GEOMETRY = "window/geometry"
_FULL_SCREEN = "window/fullScreen"
_LANGUAGE = "session/language"


class WindowMemory:
    """Reads and writes the remembered window state in ``store``."""

    def __init__(self, store: QSettings) -> None:
        self._store = store
        self._normal: QRect | None = None
        self._full = False

    def language(self) -> str | None:
        value = self._store.value(_LANGUAGE)
        return value if isinstance(value, str) and value else None

    def geometry(self) -> QRect | None:
        """The last windowed geometry, if it is sane, fitted into a screen's free area.

        A store edited by hand (or left by a bigger monitor) may hold a window
        of 30000 x 30000: it is shrunk and moved to fit the screen it was on,
        or the primary screen if that one is gone.
        """
        value = self._store.value(_GEOMETRY)
        if not isinstance(value, QRect) or value.width() < 320 or value.height() < 240:
            return None
        screen = QGuiApplication.screenAt(value.center()) or QGuiApplication.primaryScreen()
        if screen is None:
            return value
        area = screen.availableGeometry()
        rect = (value.x(), value.y(), value.width(), value.height())
        bounds = (area.x(), area.y(), area.width(), area.height())
        return QRect(*fit_rect(rect, bounds))

    def position_is_on_screen(self, rect: QRect) -> bool:
        """Whether the middle of ``rect`` is on a connected screen (monitors get unplugged)."""
        return QGuiApplication.screenAt(rect.center()) is not None

    def full_screen(self) -> bool:
        value = self._store.value(_FULL_SCREEN, False)
        return value is True or value == "true"

    def watch(self, window: QWindow) -> None:
        """Follow the window's windowed geometry, so full screen does not overwrite it."""

        def moved(*_args: object) -> None:
            if window.visibility() == QWindow.Visibility.Windowed:
                self._normal = QRect(window.geometry())

        def shown(visibility: QWindow.Visibility) -> None:
            # Closing hides the window first; remember how it looked before.
            if visibility != QWindow.Visibility.Hidden:
                self._full = visibility == QWindow.Visibility.FullScreen

        for signal in (window.xChanged, window.yChanged, window.widthChanged, window.heightChanged):
            signal.connect(moved)
        window.visibilityChanged.connect(shown)
        moved()

    def remember(self, window: QWindow, language: str) -> None:
        """Store the window's state and the language now shown."""
        visibility = window.visibility()
        if visibility == QWindow.Visibility.Windowed:
            self._normal = QRect(window.geometry())
        if visibility != QWindow.Visibility.Hidden:
            self._full = visibility == QWindow.Visibility.FullScreen
        if self._normal is not None:
            self._store.setValue(_GEOMETRY, self._normal)
        self._store.setValue(_FULL_SCREEN, self._full)
        self._store.setValue(_LANGUAGE, language)
        self._store.sync()
